// DecideStage: the decide stage's entry point. Gives every candidate event
// the decision model's calibrated probability as its confidence and removes
// the candidates below the minimum (the model's threshold, chosen for F1 on
// annotated news, unless the user asks for another). Immutable after
// Load(); Run() is thread-safe.
#ifndef PALMYRA_DECIDE_DECIDE_STAGE_H_
#define PALMYRA_DECIDE_DECIDE_STAGE_H_

#include <memory>
#include <string>

#include "core/analysis.h"
#include "decide/decision_model.h"

namespace palmyra {

class DecideStage {
 public:
  // Loads data_dir/decide/model.tsv. Candidates below `min_confidence` are
  // removed; below 0, below the model's threshold.
  static Result<std::unique_ptr<DecideStage>> Load(const std::string& data_dir,
                                                   double min_confidence);

  void Run(Analysis* analysis) const;

  const DecisionModel& model() const { return model_; }
  double min_confidence() const { return min_confidence_; }

 private:
  DecideStage() = default;
  DecisionModel model_;
  double min_confidence_ = 0.5;
};

}  // namespace palmyra

#endif  // PALMYRA_DECIDE_DECIDE_STAGE_H_
