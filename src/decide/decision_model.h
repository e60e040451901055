// DecisionModel: the probability that a candidate event is a real event of
// its type, from a logistic regression over the candidate's features
// (decide/candidate_features.h), calibrated on held-out predictions
// (p = 1 / (1 + exp(-(scale * margin + offset)))), with the threshold chosen
// for F1 when it was trained. Read from data/decide/model.tsv, written by
// palmyra-train-decider. Immutable after Load(); thread-safe.
//
// File format: "#" comments; "threshold P"; "calibration SCALE OFFSET";
// then one line a feature: "NAME<TAB>WEIGHT". Features the file does not
// list weigh nothing.
#ifndef PALMYRA_DECIDE_DECISION_MODEL_H_
#define PALMYRA_DECIDE_DECISION_MODEL_H_

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "palmyra/status.h"

namespace palmyra {

class DecisionModel {
 public:
  DecisionModel() = default;
  DecisionModel(std::map<std::string, double> weights, double scale, double offset,
                double threshold);

  static Result<DecisionModel> Load(const std::string& path);
  // The file's text: `header` (comment lines, "# " added) then the model.
  std::string ToText(const std::vector<std::string>& header) const;

  // The weighted sum of the features present.
  double Margin(const std::vector<std::string>& features) const;
  // The calibrated probability of a candidate with these features.
  double Probability(const std::vector<std::string>& features) const;

  // The weights of the features present, strongest first.
  std::vector<std::pair<std::string, double>> Contributions(
      const std::vector<std::string>& features) const;

  double threshold() const { return threshold_; }
  size_t size() const { return weights_.size(); }

 private:
  std::unordered_map<std::string, double> weights_;
  double scale_ = 1.0;
  double offset_ = 0.0;
  double threshold_ = 0.5;
};

}  // namespace palmyra

#endif  // PALMYRA_DECIDE_DECISION_MODEL_H_
