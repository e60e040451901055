#include "decide/decider_trainer.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <type_traits>
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

// Turns the candidates of one analysis into examples. `sentence_of` gives,
// for an event, the annotated sentence it is scored against (null: not
// scored, no example).
class ExampleCollector {
 public:
  ExampleCollector(const Pipeline& pipeline, const std::map<std::string, int>& fold_of,
                   TrainingData* data)
      : pipeline_(pipeline), fold_of_(fold_of), data_(data) {
    Id("bias");
  }

  template <typename SentenceOf>
  void Add(const Analysis& a, TrainingData::Origin origin, SentenceOf sentence_of) {
    std::map<const AnnotatedSentence*, Pending> by_sentence;
    for (const EventCandidate& c : a.events) {
      std::optional<Event> e = pipeline_.MakeEvent(a, c);
      if (!e) continue;
      const AnnotatedSentence* s = sentence_of(*e);
      if (s == nullptr) continue;
      Pending& p = by_sentence[s];
      CandidateFeatures(a, c, &features_);
      Example x;
      for (const std::string& f : features_) x.features.push_back(Id(f));
      std::sort(x.features.begin(), x.features.end());
      x.features.erase(std::unique(x.features.begin(), x.features.end()), x.features.end());
      x.fold = fold_of_.at(s->doc_id);
      p.examples.push_back(std::move(x));
      p.descriptions.push_back(s->id + "\t" + e->cameo.code + "\t" +
                               (e->source ? e->source->code : "-") + " -> " +
                               (e->target ? e->target->code : "-") + "\t" + e->evidence.text);
      p.recoded_from.push_back(c.pattern_code != c.cameo ? c.pattern_code : "");
      p.events.push_back(std::move(*e));
    }
    for (auto& [s, p] : by_sentence) {
      std::vector<bool> right;
      const std::vector<bool> real =
          RealCandidates(pipeline_, p.events, p.recoded_from, s->events, &right);
      for (size_t i = 0; i < p.examples.size(); ++i) {
        p.examples[i].positive = real[i];
        p.examples[i].right = right[i];
        data_->examples.push_back(std::move(p.examples[i]));
        data_->descriptions.push_back(std::move(p.descriptions[i]));
        data_->origin.push_back(origin);
      }
      // Gold events some candidate of their own coding matches.
      std::vector<bool> found(s->events.size(), false);
      std::vector<const Event*> coded;
      for (const Event& e : p.events) coded.push_back(&e);
      for (int j : MatchEvents(coded, s->events)) {
        if (j >= 0) found[j] = true;
      }
      const int matched = static_cast<int>(std::count(found.begin(), found.end(), true));
      switch (origin) {
        case TrainingData::Origin::kSentence:
          data_->gold_found += matched;
          break;
        case TrainingData::Origin::kArticle:
          data_->article_gold_found += matched;
          break;
        case TrainingData::Origin::kRecord:
          data_->records_found += matched > 0;
          break;
      }
    }
  }

 private:
  struct Pending {
    std::vector<Event> events;
    std::vector<std::string> recoded_from;  // the pattern's code, when the event was recoded
    std::vector<Example> examples;
    std::vector<std::string> descriptions;
  };

  int32_t Id(const std::string& name) {
    auto [it, added] = ids_.emplace(name, static_cast<int32_t>(data_->feature_names.size()));
    if (added) data_->feature_names.push_back(name);
    return it->second;
  }

  const Pipeline& pipeline_;
  const std::map<std::string, int>& fold_of_;
  TrainingData* data_;
  std::unordered_map<std::string, int32_t> ids_;
  std::vector<std::string> features_;
};

}  // namespace

TrainingData CollectTrainingData(const Pipeline& pipeline,
                                 const std::vector<AnnotatedSentence>& sentences,
                                 const std::vector<AnnotatedArticle>& articles, int folds,
                                 const std::vector<AnnotatedSentence>& records) {
  TrainingData data;
  // The records' folds apart, so that the news articles' stay as they are
  // without them.
  std::map<std::string, int> fold_of = FoldsByArticle(sentences, folds);
  fold_of.merge(FoldsByArticle(records, folds));
  ExampleCollector collector(pipeline, fold_of, &data);
  std::map<std::string, const AnnotatedArticle*> article_of;
  for (const AnnotatedArticle& x : articles) article_of[x.id] = &x;
  Analysis a;
  // Each sentence alone, dated by its article.
  for (const AnnotatedSentence& s : sentences) {
    ++data.sentences;
    data.gold += static_cast<int>(s.events.size());
    if (s.text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    Document doc;
    doc.id = s.id;
    doc.text = s.text;
    if (auto it = article_of.find(s.doc_id); it != article_of.end())
      doc.published = it->second->date;
    pipeline.Analyze(doc, &a);
    collector.Add(a, TrainingData::Origin::kSentence, [&](const Event&) { return &s; });
    a.doc = nullptr;
  }
  for (const AnnotatedSentence& r : records) {
    ++data.records;
    Document doc;
    doc.id = r.id;
    doc.text = r.text;
    pipeline.Analyze(doc, &a);
    collector.Add(a, TrainingData::Origin::kRecord, [&](const Event&) { return &r; });
    a.doc = nullptr;
  }
  // Each whole article: an event is scored against the annotated sentence its
  // evidence starts in; events in sentences nobody annotated are left out.
  std::map<std::string, std::vector<const AnnotatedSentence*>> by_article;
  for (const AnnotatedSentence& s : sentences) by_article[s.doc_id].push_back(&s);
  for (const auto& [id, annotated] : by_article) {
    auto it = article_of.find(id);
    if (it == article_of.end()) continue;
    for (const AnnotatedSentence* s : annotated)
      data.article_gold += static_cast<int>(s->events.size());
    Document doc;
    doc.id = id;
    doc.title = it->second->title;
    doc.text = it->second->text;
    doc.published = it->second->date;
    pipeline.Analyze(doc, &a);
    collector.Add(a, TrainingData::Origin::kArticle,
                  [&](const Event& e) -> const AnnotatedSentence* {
                    for (const AnnotatedSentence* s : annotated) {
                      if (e.evidence.start >= s->start && e.evidence.start < s->end) return s;
                    }
                    return nullptr;
                  });
    a.doc = nullptr;
  }
  return data;
}

namespace {

// The PLOVER records at `threshold`: those with an event of their type
// kept (each has one event), and the events kept a record.
void ScoreRecords(const TrainingData& data, const std::vector<double>& probabilities,
                  const std::vector<bool>& labels, double threshold, TrainedDecider* out) {
  std::set<std::string> typed;
  int kept = 0;
  for (size_t i = 0; i < probabilities.size(); ++i) {
    if (data.origin[i] != TrainingData::Origin::kRecord || probabilities[i] < threshold) continue;
    ++kept;
    if (labels[i]) typed.insert(data.descriptions[i].substr(0, data.descriptions[i].find('\t')));
  }
  out->records_typed = static_cast<int>(typed.size());
  out->record_events = data.records ? static_cast<double>(kept) / data.records : 0.0;
}

// The best precision at each recall from 0.10 up, in steps of 0.05.
std::vector<Operating> PrecisionAtRecall(const std::vector<double>& probabilities,
                                         const std::vector<bool>& labels, int gold) {
  std::vector<Operating> curve;
  for (double want = 0.10; want < 0.70; want += 0.05) {
    Operating best;
    best.precision = -1;
    for (double t : probabilities) {
      const Operating o = Evaluate(probabilities, labels, gold, t);
      if (o.recall + 1e-9 >= want && o.precision > best.precision) best = o;
    }
    if (best.precision >= 0) curve.push_back(best);
  }
  return curve;
}

}  // namespace

TrainedDecider TrainDecider(const TrainingData& data, int folds) {
  // The model learns from real events of every origin; its calibration,
  // threshold and figures are those of events of the right type in the
  // annotated news, which is what users code.
  std::vector<bool> labels;
  for (const Example& x : data.examples) labels.push_back(x.right);
  std::vector<size_t> news;  // the examples from annotated news
  for (size_t i = 0; i < data.examples.size(); ++i) {
    if (data.origin[i] != TrainingData::Origin::kRecord) news.push_back(i);
  }
  auto of_news = [&](const auto& all) {
    std::remove_cvref_t<decltype(all)> out;
    for (size_t i : news) out.push_back(all[i]);
    return out;
  };
  const std::vector<bool> news_labels = of_news(labels);
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
    const Calibration c = FitCalibration(of_news(margins), news_labels);
    std::vector<double> p;
    for (size_t i : news) p.push_back(c.Apply(margins[i]));
    const double loss = LogLoss(p, news_labels);
    tried.push_back({l2, std::move(margins), c, loss});
  }
  std::vector<std::pair<double, double>> losses;
  for (const Tried& t : tried) losses.emplace_back(t.l2, t.loss);
  const Tried* chosen = &tried[StrongestPenaltyNearBest(losses, kLossTolerance)];
  out.l2 = chosen->l2;
  const Calibration calibration = chosen->calibration;
  std::vector<double> probabilities;
  for (double m : chosen->margins) probabilities.push_back(calibration.Apply(m));
  const std::vector<double> news_probabilities = of_news(probabilities);
  const int gold = data.gold + data.article_gold;
  out.cross_validated = BestThreshold(news_probabilities, news_labels, gold);
  const double threshold = out.cross_validated.threshold;
  // The sentences coded alone and the articles coded whole, apart.
  std::vector<double> alone_p;
  std::vector<bool> alone_l;
  for (auto origin : {TrainingData::Origin::kSentence, TrainingData::Origin::kArticle}) {
    const bool whole = origin == TrainingData::Origin::kArticle;
    std::vector<double> p;
    std::vector<bool> l;
    for (size_t i = 0; i < probabilities.size(); ++i) {
      if (data.origin[i] != origin) continue;
      p.push_back(probabilities[i]);
      l.push_back(labels[i]);
    }
    (whole ? out.in_articles : out.alone) =
        Evaluate(p, l, whole ? data.article_gold : data.gold, threshold);
    if (!whole) alone_p = std::move(p), alone_l = std::move(l);
  }
  ScoreRecords(data, probabilities, labels, threshold, &out);
  out.log_loss = chosen->loss;
  for (size_t i = 0; i < news_probabilities.size(); ++i) {
    const double d = news_probabilities[i] - (news_labels[i] ? 1.0 : 0.0);
    out.brier += d * d / static_cast<double>(news_probabilities.size());
  }
  out.reliability = Reliability(news_probabilities, news_labels);
  out.probabilities = probabilities;
  out.curve = PrecisionAtRecall(alone_p, alone_l, data.gold);

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
  int alone = 0, records = 0;
  for (TrainingData::Origin o : data.origin) {
    alone += o == TrainingData::Origin::kSentence;
    records += o == TrainingData::Origin::kRecord;
  }
  std::snprintf(line, sizeof line,
                "%d sentences coded alone: %d gold events, %d candidates (%.1f%% of the gold "
                "events have one)",
                data.sentences, data.gold, alone,
                data.gold ? 100.0 * data.gold_found / data.gold : 0.0);
  lines.push_back(line);
  std::snprintf(line, sizeof line,
                "the same in their articles coded whole: %d gold events, %zu candidates (%.1f%%)",
                data.article_gold, data.examples.size() - alone - records,
                data.article_gold ? 100.0 * data.article_gold_found / data.article_gold : 0.0);
  lines.push_back(line);
  std::snprintf(line, sizeof line,
                "%d-fold cross-validation by article: L2 %g, log loss %.3f, Brier %.3f", folds,
                t.l2, t.log_loss, t.brier);
  lines.push_back(line);
  if (data.records > 0) {
    std::snprintf(line, sizeof line,
                  "%d PLOVER records, each its own article: %d candidates (%.1f%% of the records "
                  "have one of their type); weights only, not calibration or threshold",
                  data.records, records, 100.0 * data.records_found / data.records);
    lines.push_back(line);
  }
  for (const auto& [name, o] :
       {std::pair{"both", &t.cross_validated}, std::pair{"sentences alone", &t.alone},
        std::pair{"whole articles", &t.in_articles}}) {
    std::snprintf(line, sizeof line,
                  "at threshold %.3f, %s: precision %.3f, recall %.3f, F1 %.3f (%d of %d kept "
                  "are real)",
                  t.cross_validated.threshold, name, o->precision, o->recall, o->f1, o->right,
                  o->kept);
    lines.push_back(line);
  }
  if (data.records > 0) {
    std::snprintf(line, sizeof line,
                  "at threshold %.3f, PLOVER records: %.1f%% (%d of %d) with an event of their "
                  "type kept, %.2f events kept a record",
                  t.cross_validated.threshold, 100.0 * t.records_typed / data.records,
                  t.records_typed, data.records, t.record_events);
    lines.push_back(line);
  }
  if (!t.curve.empty()) {
    std::string curve = "precision at recall, sentences alone (cross-validated):";
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
