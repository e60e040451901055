// Training the decision model on annotated news: every candidate event the
// rules propose for an annotated sentence, coded alone and in its article,
// is an example, positive when it matches a gold event of its sentence
// (annotated_news.h), by its code or, for an event CAMEO's conventions
// recoded ("will meet" is an intent to meet), by the code it was recoded
// from.
// Folds are whole articles, so that no article is both trained and tested
// on. The L2 weight is chosen by cross-validated log loss, the calibration
// is fitted to the cross-validated scores, and the threshold is the one
// with the best cross-validated F1 (recall counted against every gold event,
// found by a candidate or not).
#ifndef PALMYRA_DECIDE_DECIDER_TRAINER_H_
#define PALMYRA_DECIDE_DECIDER_TRAINER_H_

#include <map>
#include <string>
#include <vector>

#include "decide/annotated_news.h"
#include "decide/decision_model.h"
#include "decide/logistic_regression.h"
#include "pipeline/pipeline.h"

namespace palmyra {

struct TrainingData {
  std::vector<std::string> feature_names;  // by id; id 0 is "bias"
  std::vector<Example> examples;
  // For each example: sentence id, code, actors and evidence, tab-separated.
  std::vector<std::string> descriptions;
  // For each example, how it was coded: an annotated sentence alone, in
  // its whole article, or a PLOVER record.
  enum class Origin { kSentence, kArticle, kRecord };
  std::vector<Origin> origin;
  int sentences = 0;
  int gold = 0;                // gold events
  int gold_found = 0;          // of them, those some candidate of the sentence coded alone matches
  int article_gold = 0;        // gold events of the articles coded whole
  int article_gold_found = 0;  // of them, those some candidate of the article matches
  int records = 0;             // PLOVER records
  int records_found = 0;       // of them, those some candidate of the record's type codes
};

// The examples of `sentences` coded by `pipeline` (built with
// Options::decide off, so that it keeps every candidate) twice, as users
// code: each sentence alone, dated by its article, and each whole article
// of `articles` (the candidates whose evidence starts in an annotated
// sentence); and of `records` (ReadPloverRecords), each alone; in `folds`
// folds by article, a record its own article.
TrainingData CollectTrainingData(const Pipeline& pipeline,
                                 const std::vector<AnnotatedSentence>& sentences,
                                 const std::vector<AnnotatedArticle>& articles, int folds,
                                 const std::vector<AnnotatedSentence>& records = {});

// One bin of a reliability table: candidates whose calibrated probability
// fell in [low, high), how many, and how many were real.
struct ReliabilityBin {
  double low = 0, high = 0;
  int count = 0;
  int positive = 0;
  double mean_probability = 0;
};

struct TrainedDecider {
  DecisionModel model;
  double l2 = 0;
  Operating cross_validated;     // at the model's threshold
  Operating alone, in_articles;  // the same, of each way of coding
  // PLOVER records, cross-validated at the threshold: those with an event
  // of their type kept, and the events kept a record.
  int records_typed = 0;
  double record_events = 0;
  double log_loss = 0;                      // cross-validated, calibrated
  double brier = 0;                         // cross-validated, calibrated
  std::vector<ReliabilityBin> reliability;  // cross-validated, calibrated
  std::vector<Operating> curve;             // best precision at recall 0.10, 0.15, ...
  std::vector<double> probabilities;        // each example's, cross-validated, calibrated
};

// Trains on `data` (its examples' folds numbered 0 .. folds-1).
TrainedDecider TrainDecider(const TrainingData& data, int folds);

// Lines that describe the training and its cross-validated figures.
std::vector<std::string> DescribeTraining(const TrainingData& data, const TrainedDecider& trained,
                                          int folds);

}  // namespace palmyra

#endif  // PALMYRA_DECIDE_DECIDER_TRAINER_H_
