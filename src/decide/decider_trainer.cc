#include "decide/decider_trainer.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <unordered_map>

#include "core/hash.h"
#include "decide/candidate_features.h"

namespace palmyra {
namespace {

// Features present in fewer training examples than this keep weight 0.
constexpr int kMinFeatureCount = 2;
// L2 weights tried; of those whose cross-validated log loss is within
// kLossTolerance of the best, the strongest is kept: smaller differences
// are noise on a few hundred candidates, and the simpler model carries
// better to other news.
constexpr double kPenalties[] = {0.0003, 0.001, 0.003, 0.01, 0.03};
constexpr double kLossTolerance = 0.002;

// Articles spread over `folds` folds, evenly, in an order fixed by a hash
// of their ids.
std::map<std::string, int> FoldsByArticle(const std::vector<AnnotatedSentence>& sentences,
                                          int folds) {
  std::vector<std::pair<uint64_t, std::string>> articles;
  std::set<std::string> seen;
  for (const AnnotatedSentence& s : sentences) {
    if (seen.insert(s.doc_id).second) articles.emplace_back(Hash64(s.doc_id, 0xf01d), s.doc_id);
  }
  std::sort(articles.begin(), articles.end());
  std::map<std::string, int> out;
  for (size_t i = 0; i < articles.size(); ++i)
    out[articles[i].second] = static_cast<int>(i % static_cast<size_t>(folds));
  return out;
}

// Cross-validated margins: each example scored by the model trained
// without its fold.
std::vector<double> CrossValidatedMargins(const TrainingData& data, int folds, double l2) {
  LogisticOptions options;
  options.l2 = l2;
  options.min_count = kMinFeatureCount;
  std::vector<double> margins(data.examples.size(), 0.0);
  const int32_t n = static_cast<int32_t>(data.feature_names.size());
  for (int fold = 0; fold < folds; ++fold) {
    const std::vector<double> w = TrainLogistic(data.examples, n, options, fold);
    for (size_t i = 0; i < data.examples.size(); ++i) {
      if (data.examples[i].fold == fold) margins[i] = Margin(w, data.examples[i]);
    }
  }
  return margins;
}

std::vector<ReliabilityBin> Reliability(const std::vector<double>& probabilities,
                                        const std::vector<bool>& labels) {
  std::vector<ReliabilityBin> bins(5);
  for (size_t b = 0; b < bins.size(); ++b) {
    bins[b].low = 0.2 * b;
    bins[b].high = 0.2 * (b + 1);
  }
  for (size_t i = 0; i < probabilities.size(); ++i) {
    const size_t b = std::min<size_t>(bins.size() - 1, static_cast<size_t>(probabilities[i] * 5));
    ++bins[b].count;
    bins[b].positive += labels[i];
    bins[b].mean_probability += probabilities[i];
  }
  for (ReliabilityBin& b : bins) {
    if (b.count > 0) b.mean_probability /= b.count;
  }
  return bins;
}

// Which candidates are real events: those that match a gold event of their
// sentence, and then those recoded by CAMEO's conventions ("will meet" is an
// intent to meet, 036) that match one by the code they were recoded from:
// the event is real, its code a convention.
// *right says which match by their code alone.
std::vector<bool> RealCandidates(const Pipeline& pipeline, const std::vector<Event>& events,
                                 const std::vector<std::string>& recoded_from,
                                 const std::vector<GoldEvent>& gold, std::vector<bool>* right) {
  std::vector<const Event*> coded;
  for (const Event& e : events) coded.push_back(&e);
  const std::vector<int> match = MatchEvents(coded, gold);
  right->assign(events.size(), false);
  for (size_t i = 0; i < events.size(); ++i) (*right)[i] = match[i] >= 0;
  std::vector<bool> real(events.size(), false);
  std::vector<GoldEvent> left;
  for (size_t j = 0; j < gold.size(); ++j) {
    if (std::find(match.begin(), match.end(), static_cast<int>(j)) == match.end())
      left.push_back(gold[j]);
  }
  std::vector<Event> as_written;
  std::vector<size_t> which;
  for (size_t i = 0; i < events.size(); ++i) {
    real[i] = match[i] >= 0;
    if (real[i] || recoded_from[i].empty()) continue;
    Event e = events[i];
    e.plover.type = PloverTypeOf(pipeline.events().cameo(), recoded_from[i]);
    as_written.push_back(std::move(e));
    which.push_back(i);
  }
  std::vector<const Event*> second;
  for (const Event& e : as_written) second.push_back(&e);
  const std::vector<int> again = MatchEvents(second, left);
  for (size_t k = 0; k < which.size(); ++k) real[which[k]] = again[k] >= 0;
  return real;
}

}  // namespace

TrainingData CollectTrainingData(const Pipeline& pipeline,
                                 const std::vector<AnnotatedSentence>& sentences,
                                 const std::map<std::string, Date>& dates, int folds) {
  TrainingData data;
  std::unordered_map<std::string, int32_t> ids;
  auto id_of = [&](const std::string& name) {
    auto [it, added] = ids.emplace(name, static_cast<int32_t>(data.feature_names.size()));
    if (added) data.feature_names.push_back(name);
    return it->second;
  };
  id_of("bias");
  const std::map<std::string, int> fold_of = FoldsByArticle(sentences, folds);
  Analysis a;
  std::vector<std::string> features;
  for (const AnnotatedSentence& s : sentences) {
    ++data.sentences;
    data.gold += static_cast<int>(s.events.size());
    if (s.text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    Document doc;
    doc.id = s.id;
    doc.text = s.text;
    if (auto it = dates.find(s.doc_id); it != dates.end()) doc.published = it->second;
    pipeline.Analyze(doc, &a);
    std::vector<Event> events;
    std::vector<std::string> recoded_from;  // the pattern's code, when the event was recoded
    std::vector<Example> examples;
    std::vector<std::string> descriptions;
    for (const EventCandidate& c : a.events) {
      std::optional<Event> e = pipeline.MakeEvent(a, c);
      if (!e) continue;
      events.push_back(std::move(*e));
      recoded_from.push_back(c.pattern_code != c.cameo ? c.pattern_code : "");
      CandidateFeatures(a, c, &features);
      Example x;
      for (const std::string& f : features) x.features.push_back(id_of(f));
      std::sort(x.features.begin(), x.features.end());
      x.features.erase(std::unique(x.features.begin(), x.features.end()), x.features.end());
      x.fold = fold_of.at(s.doc_id);
      examples.push_back(std::move(x));
      const Event& coded = events.back();
      descriptions.push_back(
          s.id + "\t" + coded.cameo.code + "\t" + (coded.source ? coded.source->code : "-") +
          " -> " + (coded.target ? coded.target->code : "-") + "\t" + coded.evidence.text);
    }
    std::vector<bool> right;
    const std::vector<bool> real = RealCandidates(pipeline, events, recoded_from, s.events, &right);
    for (size_t i = 0; i < examples.size(); ++i) {
      examples[i].positive = real[i];
      examples[i].right = right[i];
      data.gold_found += examples[i].right;
      data.examples.push_back(std::move(examples[i]));
      data.descriptions.push_back(std::move(descriptions[i]));
    }
    a.doc = nullptr;
  }
  return data;
}

TrainedDecider TrainDecider(const TrainingData& data, int folds) {
  // The model learns from real events; its calibration, threshold and
  // figures are those of events of the right type.
  std::vector<bool> labels;
  for (const Example& x : data.examples) labels.push_back(x.right);
  TrainedDecider out;
  struct Tried {
    double l2;
    std::vector<double> margins;
    Calibration calibration;
    double loss;
  };
  std::vector<Tried> tried;
  for (double l2 : kPenalties) {
    std::vector<double> margins = CrossValidatedMargins(data, folds, l2);
    const Calibration c = FitCalibration(margins, labels);
    std::vector<double> p;
    for (double m : margins) p.push_back(c.Apply(m));
    const double loss = LogLoss(p, labels);
    tried.push_back({l2, std::move(margins), c, loss});
  }
  std::vector<std::pair<double, double>> losses;
  for (const Tried& t : tried) losses.emplace_back(t.l2, t.loss);
  const Tried* chosen = &tried[StrongestPenaltyNearBest(losses, kLossTolerance)];
  out.l2 = chosen->l2;
  const std::vector<double>& best_margins = chosen->margins;
  const Calibration calibration = chosen->calibration;
  std::vector<double> probabilities;
  for (double m : best_margins) probabilities.push_back(calibration.Apply(m));
  out.cross_validated = BestThreshold(probabilities, labels, data.gold);
  out.log_loss = chosen->loss;
  for (size_t i = 0; i < probabilities.size(); ++i) {
    const double d = probabilities[i] - (labels[i] ? 1.0 : 0.0);
    out.brier += d * d / static_cast<double>(probabilities.size());
  }
  out.reliability = Reliability(probabilities, labels);
  out.probabilities = probabilities;
  // The best precision at each recall from 0.10 up, in steps of 0.05.
  for (double want = 0.10; want < 0.70; want += 0.05) {
    Operating best;
    best.precision = -1;
    for (double t : probabilities) {
      const Operating o = Evaluate(probabilities, labels, data.gold, t);
      if (o.recall + 1e-9 >= want && o.precision > best.precision) best = o;
    }
    if (best.precision >= 0) out.curve.push_back(best);
  }

  LogisticOptions options;
  options.l2 = out.l2;
  options.min_count = kMinFeatureCount;
  const std::vector<double> w =
      TrainLogistic(data.examples, static_cast<int32_t>(data.feature_names.size()), options);
  std::map<std::string, double> weights;
  for (size_t f = 0; f < w.size(); ++f) {
    if (std::abs(w[f]) >= 1e-4) weights[data.feature_names[f]] = w[f];
  }
  out.model = DecisionModel(std::move(weights), calibration.scale, calibration.offset,
                            out.cross_validated.threshold);
  return out;
}

std::vector<std::string> DescribeTraining(const TrainingData& data, const TrainedDecider& t,
                                          int folds) {
  std::vector<std::string> lines;
  char line[256];
  int positive = 0;
  for (const Example& x : data.examples) positive += x.right;
  std::snprintf(line, sizeof line,
                "%d sentences coded alone, %d gold events, %zu candidates (%d real: %.1f%% of "
                "the gold events have one)",
                data.sentences, data.gold, data.examples.size(), positive,
                data.gold ? 100.0 * data.gold_found / data.gold : 0.0);
  lines.push_back(line);
  std::snprintf(line, sizeof line,
                "%d-fold cross-validation by article: L2 %g, log loss %.3f, Brier %.3f", folds,
                t.l2, t.log_loss, t.brier);
  lines.push_back(line);
  const Operating& o = t.cross_validated;
  std::snprintf(line, sizeof line,
                "at threshold %.3f: precision %.3f, recall %.3f, F1 %.3f (%d of %d kept are real)",
                o.threshold, o.precision, o.recall, o.f1, o.right, o.kept);
  lines.push_back(line);
  if (!t.curve.empty()) {
    std::string curve = "precision at recall (cross-validated):";
    for (const Operating& c : t.curve) {
      std::snprintf(line, sizeof line, " %.2f@%.2f", c.precision, c.recall);
      curve += line;
    }
    lines.push_back(curve);
  }
  lines.push_back(
      "calibration (cross-validated): probability bin, candidates, mean probability, "
      "share real");
  for (const ReliabilityBin& b : t.reliability) {
    std::snprintf(line, sizeof line, "  %.1f-%.1f %5d  %.2f  %.2f", b.low, b.high, b.count,
                  b.mean_probability, b.count ? static_cast<double>(b.positive) / b.count : 0.0);
    lines.push_back(line);
  }
  return lines;
}

}  // namespace palmyra
