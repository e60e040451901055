// Training the decision model: L2-regularised logistic regression over
// binary features, cross-validation by groups (articles), calibration of
// held-out scores (Platt scaling) and the choice of a threshold for F1.
// Deterministic: the same examples give the same weights.
#ifndef PALMYRA_DECIDE_LOGISTIC_REGRESSION_H_
#define PALMYRA_DECIDE_LOGISTIC_REGRESSION_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace palmyra {

struct Example {
  std::vector<int32_t> features;  // ids of the features present (0 may be the bias)
  bool positive = false;          // what the model learns: a real event
  bool right = false;             // what it is scored by: a real event of its code's type
  int fold = 0;                   // the cross-validation fold of its group
};

struct LogisticOptions {
  double l2 = 0.01;      // weight of the penalty on squared weights (not on feature `unpenalised`)
  int iterations = 400;  // full passes of gradient descent (AdaGrad steps)
  double step = 0.5;
  int32_t unpenalised = 0;  // the bias feature
  int min_count = 1;        // features present in fewer training examples keep weight 0
};

// Weights, indexed by feature id, minimising the mean log loss plus
// l2 / 2 * |w|^2 over `examples` (those of folds other than `skip_fold`
// when it is 0 or more).
std::vector<double> TrainLogistic(const std::vector<Example>& examples, int32_t num_features,
                                  const LogisticOptions& options, int skip_fold = -1);

double Margin(const std::vector<double>& weights, const Example& example);
double Sigmoid(double x);

// Platt scaling: scale and offset such that Sigmoid(scale * margin + offset)
// fits the labels (maximum likelihood).
struct Calibration {
  double scale = 1.0;
  double offset = 0.0;
  double Apply(double margin) const { return Sigmoid(scale * margin + offset); }
};
Calibration FitCalibration(const std::vector<double>& margins, const std::vector<bool>& labels);

// Precision, recall and F1 of keeping the candidates with probability at or
// above `threshold`, where recall counts against `gold` real events (some
// of which no candidate found).
struct Operating {
  double threshold = 0.5;
  int kept = 0;
  int right = 0;
  double precision = 0, recall = 0, f1 = 0;
};
Operating Evaluate(const std::vector<double>& probabilities, const std::vector<bool>& labels,
                   int gold, double threshold);
// The threshold with the best F1, on a grid of 0.01 from 0.01 to 0.99, F1
// averaged over the thresholds within 0.03 of it: the best plateau rather
// than the best single cut, which moves with a few candidates; of the
// thresholds within 0.015 of that F1, the highest (the surest events).
Operating BestThreshold(const std::vector<double>& probabilities, const std::vector<bool>& labels,
                        int gold);

// Mean log loss of probabilities against labels.
double LogLoss(const std::vector<double>& probabilities, const std::vector<bool>& labels);

// Of (penalty, cross-validated log loss) pairs, the index of the strongest
// penalty whose loss is within `tolerance` of the best: differences smaller
// than noise do not earn a less regularised model. -1 when empty.
int StrongestPenaltyNearBest(const std::vector<std::pair<double, double>>& penalty_losses,
                             double tolerance);

}  // namespace palmyra

#endif  // PALMYRA_DECIDE_LOGISTIC_REGRESSION_H_
