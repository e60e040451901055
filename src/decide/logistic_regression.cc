#include "decide/logistic_regression.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace palmyra {

double Sigmoid(double x) {
  if (x >= 0) return 1.0 / (1.0 + std::exp(-x));
  const double e = std::exp(x);
  return e / (1.0 + e);
}

double Margin(const std::vector<double>& weights, const Example& example) {
  double sum = 0.0;
  for (int32_t f : example.features) sum += weights[f];
  return sum;
}

std::vector<double> TrainLogistic(const std::vector<Example>& examples, int32_t num_features,
                                  const LogisticOptions& options, int skip_fold) {
  std::vector<const Example*> train;
  for (const Example& e : examples) {
    if (e.fold != skip_fold) train.push_back(&e);
  }
  std::vector<double> weights(num_features, 0.0);
  if (train.empty()) return weights;
  std::vector<int> count(num_features, 0);
  for (const Example* e : train) {
    for (int32_t f : e->features) ++count[f];
  }
  std::vector<bool> active(num_features);
  for (int32_t f = 0; f < num_features; ++f)
    active[f] = f == options.unpenalised || count[f] >= options.min_count;
  // Full-batch gradient descent with AdaGrad's per-feature steps: rare
  // features move as fast as common ones.
  std::vector<double> gradient(num_features), squares(num_features, 0.0);
  const double n = static_cast<double>(train.size());
  for (int it = 0; it < options.iterations; ++it) {
    std::fill(gradient.begin(), gradient.end(), 0.0);
    for (const Example* e : train) {
      const double g = Sigmoid(Margin(weights, *e)) - (e->positive ? 1.0 : 0.0);
      for (int32_t f : e->features) gradient[f] += g / n;
    }
    for (int32_t f = 0; f < num_features; ++f) {
      if (!active[f]) continue;
      if (f != options.unpenalised) gradient[f] += options.l2 * weights[f];
      squares[f] += gradient[f] * gradient[f];
      if (squares[f] > 0) weights[f] -= options.step * gradient[f] / std::sqrt(squares[f]);
    }
  }
  return weights;
}

Calibration FitCalibration(const std::vector<double>& margins, const std::vector<bool>& labels) {
  // Newton's method on the two parameters, with a little ridge for safety.
  Calibration c;
  for (int it = 0; it < 50; ++it) {
    double ga = 0, gb = 0, haa = 1e-6, hab = 0, hbb = 1e-6;
    for (size_t i = 0; i < margins.size(); ++i) {
      const double p = c.Apply(margins[i]);
      const double d = p - (labels[i] ? 1.0 : 0.0);
      const double w = p * (1 - p);
      ga += d * margins[i];
      gb += d;
      haa += w * margins[i] * margins[i];
      hab += w * margins[i];
      hbb += w;
    }
    const double det = haa * hbb - hab * hab;
    if (std::abs(det) < 1e-12) break;
    const double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
    c.scale -= da;
    c.offset -= db;
    if (std::abs(da) + std::abs(db) < 1e-9) break;
  }
  return c;
}

Operating Evaluate(const std::vector<double>& probabilities, const std::vector<bool>& labels,
                   int gold, double threshold) {
  Operating o;
  o.threshold = threshold;
  for (size_t i = 0; i < probabilities.size(); ++i) {
    if (probabilities[i] < threshold) continue;
    ++o.kept;
    o.right += labels[i];
  }
  o.precision = o.kept ? static_cast<double>(o.right) / o.kept : 0.0;
  o.recall = gold ? static_cast<double>(o.right) / gold : 0.0;
  o.f1 = o.precision + o.recall > 0 ? 2 * o.precision * o.recall / (o.precision + o.recall) : 0.0;
  return o;
}

Operating BestThreshold(const std::vector<double>& probabilities, const std::vector<bool>& labels,
                        int gold) {
  constexpr int kSteps = 99;  // thresholds 0.01 .. 0.99
  constexpr int kWindow = 3;  // +-0.03
  constexpr double kTolerance = 0.015;
  std::vector<double> f1(kSteps + 1, 0.0);
  for (int k = 1; k <= kSteps; ++k) f1[k] = Evaluate(probabilities, labels, gold, k / 100.0).f1;
  std::vector<double> smoothed(kSteps + 1, 0.0);
  double top = 0.0;
  for (int k = 1; k <= kSteps; ++k) {
    double sum = 0.0;
    int n = 0;
    for (int d = -kWindow; d <= kWindow; ++d) {
      if (k + d < 1 || k + d > kSteps) continue;
      sum += f1[k + d];
      ++n;
    }
    smoothed[k] = sum / n;
    top = std::max(top, smoothed[k]);
  }
  // Within a hair of the best F1, the surest: users judge by precision.
  int best = 1;
  for (int k = 1; k <= kSteps; ++k) {
    if (smoothed[k] >= top - kTolerance) best = k;
  }
  return Evaluate(probabilities, labels, gold, best / 100.0);
}

int StrongestPenaltyNearBest(const std::vector<std::pair<double, double>>& penalty_losses,
                             double tolerance) {
  double best = 1e300;
  for (const auto& [penalty, loss] : penalty_losses) best = std::min(best, loss);
  int chosen = -1;
  for (size_t i = 0; i < penalty_losses.size(); ++i) {
    const auto& [penalty, loss] = penalty_losses[i];
    if (loss <= best + tolerance &&
        (chosen < 0 || penalty > penalty_losses[static_cast<size_t>(chosen)].first)) {
      chosen = static_cast<int>(i);
    }
  }
  return chosen;
}

double LogLoss(const std::vector<double>& probabilities, const std::vector<bool>& labels) {
  double sum = 0.0;
  for (size_t i = 0; i < probabilities.size(); ++i) {
    const double p = std::clamp(probabilities[i], 1e-9, 1 - 1e-9);
    sum -= labels[i] ? std::log(p) : std::log(1 - p);
  }
  return probabilities.empty() ? 0.0 : sum / probabilities.size();
}

}  // namespace palmyra
