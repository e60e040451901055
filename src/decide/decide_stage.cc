#include "decide/decide_stage.h"

#include <algorithm>

#include "decide/candidate_features.h"

namespace palmyra {

Result<std::unique_ptr<DecideStage>> DecideStage::Load(const std::string& data_dir,
                                                       double min_confidence) {
  std::unique_ptr<DecideStage> stage(new DecideStage());
  ASSIGN_OR_RETURN(stage->model_, DecisionModel::Load(data_dir + "/decide/model.tsv"));
  stage->min_confidence_ = min_confidence >= 0 ? min_confidence : stage->model_.threshold();
  return stage;
}

void DecideStage::Run(Analysis* a) const {
  thread_local std::vector<std::string> features;
  for (EventCandidate& c : a->events) {
    CandidateFeatures(*a, c, &features);
    c.confidence = model_.Probability(features);
  }
  a->events.erase(
      std::remove_if(a->events.begin(), a->events.end(),
                     [&](const EventCandidate& c) { return c.confidence < min_confidence_; }),
      a->events.end());
}

}  // namespace palmyra
