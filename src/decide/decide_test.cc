// The decision model: its file, training, calibration, threshold, the
// features of candidates, the labelling of candidates against annotated
// sentences, and the stage that applies it.
#include <gtest/gtest.h>

#include <unistd.h>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/file.h"
#include "decide/annotated_news.h"
#include "decide/candidate_features.h"
#include "decide/decide_stage.h"
#include "decide/decider_trainer.h"
#include "decide/decision_model.h"
#include "decide/logistic_regression.h"
#include "pipeline/pipeline.h"

namespace palmyra {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("palmyra-decide-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& text) const {
    const std::filesystem::path p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p) << text;
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
};

// --- The model file ---------------------------------------------------------

TEST(DecisionModelTest, ProbabilityIsTheCalibratedSigmoidOfTheWeightsPresent) {
  TempDir dir;
  const std::string path = dir.Write("model.tsv",
                                     "# a model\n"
                                     "threshold 0.4\n"
                                     "calibration 2 -1\n"
                                     "bias\t0.5\n"
                                     "root=19\t1.25\n"
                                     "lemma=say\t-3\n");
  auto model = DecisionModel::Load(path);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_DOUBLE_EQ(model->threshold(), 0.4);
  // margin 0.5 + 1.25 = 1.75; 2 * 1.75 - 1 = 2.5.
  EXPECT_NEAR(model->Probability({"bias", "root=19", "unknown"}), 1 / (1 + std::exp(-2.5)), 1e-12);
  // margin 0.5 - 3 = -2.5; 2 * -2.5 - 1 = -6.
  EXPECT_NEAR(model->Probability({"bias", "lemma=say"}), 1 / (1 + std::exp(6.0)), 1e-12);
  const auto strongest = model->Contributions({"bias", "lemma=say", "root=19"});
  ASSERT_EQ(strongest.size(), 3u);
  EXPECT_EQ(strongest[0].first, "lemma=say");
}

TEST(DecisionModelTest, WrittenAndReadBackItScoresTheSame) {
  const DecisionModel model({{"bias", -0.75}, {"trigger=noun", 0.3}, {"clause=relative", -1.5}},
                            0.8, 0.1, 0.35);
  TempDir dir;
  const std::string path = dir.Write("model.tsv", model.ToText({"trained on nothing", ""}));
  auto read = DecisionModel::Load(path);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_DOUBLE_EQ(read->threshold(), 0.35);
  for (const std::vector<std::string>& f :
       {std::vector<std::string>{"bias"}, {"bias", "trigger=noun"}, {"clause=relative"}}) {
    EXPECT_NEAR(read->Probability(f), model.Probability(f), 1e-6);
  }
}

TEST(DecisionModelTest, AMalformedLineIsAnErrorNamingFileAndLine) {
  TempDir dir;
  auto bad_weight = DecisionModel::Load(dir.Write("a.tsv", "threshold 0.5\nroot=19\tmany\n"));
  ASSERT_FALSE(bad_weight.ok());
  EXPECT_NE(bad_weight.status().message().find("a.tsv:2"), std::string::npos)
      << bad_weight.status().ToString();
  auto bad_threshold = DecisionModel::Load(dir.Write("b.tsv", "threshold 1.5\n"));
  EXPECT_FALSE(bad_threshold.ok());
  auto no_threshold = DecisionModel::Load(dir.Write("c.tsv", "bias\t1\n"));
  ASSERT_FALSE(no_threshold.ok());
  EXPECT_NE(no_threshold.status().message().find("no threshold"), std::string::npos);
  EXPECT_FALSE(DecisionModel::Load(dir.path() + "/missing.tsv").ok());
}

// --- Training ---------------------------------------------------------------

// Feature 1 marks real events, feature 2 spurious ones, feature 3 is noise
// present in both; feature 4 appears once.
std::vector<Example> ToyExamples() {
  std::vector<Example> out;
  for (int i = 0; i < 40; ++i) {
    Example x;
    x.positive = i % 2 == 0;
    x.features = {0, x.positive ? 1 : 2, 3};
    x.fold = i % 4;
    out.push_back(x);
  }
  out[0].features.push_back(4);
  return out;
}

TEST(LogisticRegressionTest, LearnsWhichFeaturesMarkRealEvents) {
  LogisticOptions options;
  options.min_count = 2;
  const std::vector<double> w = TrainLogistic(ToyExamples(), 5, options);
  EXPECT_GT(w[1], 0.5);
  EXPECT_LT(w[2], -0.5);
  EXPECT_LT(std::abs(w[3]), std::abs(w[1]));
  EXPECT_EQ(w[4], 0.0);  // seen once: left out
  for (const Example& x : ToyExamples()) {
    EXPECT_EQ(Sigmoid(Margin(w, x)) > 0.5, x.positive);
  }
  // Deterministic.
  EXPECT_EQ(TrainLogistic(ToyExamples(), 5, options), w);
}

TEST(LogisticRegressionTest, AHeldOutFoldIsNotTrainedOn) {
  std::vector<Example> examples = ToyExamples();
  // Only fold 0 has feature 4 marking real events.
  for (Example& x : examples) {
    if (x.fold == 0 && x.positive) x.features.push_back(4);
  }
  LogisticOptions options;
  EXPECT_EQ(TrainLogistic(examples, 5, options, /*skip_fold=*/0)[4], 0.0);
  EXPECT_GT(TrainLogistic(examples, 5, options)[4], 0.0);
}

TEST(LogisticRegressionTest, StrongerPenaltyShrinksWeights) {
  LogisticOptions weak, strong;
  weak.l2 = 0.001;
  strong.l2 = 0.3;
  EXPECT_GT(TrainLogistic(ToyExamples(), 5, weak)[1], TrainLogistic(ToyExamples(), 5, strong)[1]);
}

TEST(LogisticRegressionTest, CalibrationRecoversScaleAndOffset) {
  // Labels drawn (by a fixed sequence) from p = sigmoid(2m - 1).
  std::vector<double> margins;
  std::vector<bool> labels;
  uint64_t state = 12345;
  for (int i = 0; i < 20000; ++i) {
    const double m = -3 + 6.0 * (i % 601) / 600;
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const double u = static_cast<double>(state >> 11) / 9007199254740992.0;
    margins.push_back(m);
    labels.push_back(u < Sigmoid(2 * m - 1));
  }
  const Calibration c = FitCalibration(margins, labels);
  EXPECT_NEAR(c.scale, 2.0, 0.15);
  EXPECT_NEAR(c.offset, -1.0, 0.1);
}

TEST(LogisticRegressionTest, TheThresholdMaximisesF1AgainstAllGoldEvents) {
  // Four candidates, three real; five gold events in all.
  const std::vector<double> p = {0.9, 0.8, 0.3, 0.2};
  const std::vector<bool> real = {true, true, false, true};
  // >= 0.8: P 1, R 0.4, F1 0.571; >= 0.3: P 0.667, R 0.4; all: P 0.75, R 0.6, F1 0.667.
  const Operating best = BestThreshold(p, real, 5);
  EXPECT_EQ(best.kept, 4);
  EXPECT_EQ(best.right, 3);
  EXPECT_NEAR(best.f1, 2 * 0.75 * 0.6 / 1.35, 1e-9);
  EXPECT_LE(best.threshold, 0.2);
  const Operating high = Evaluate(p, real, 5, 0.5);
  EXPECT_EQ(high.kept, 2);
  EXPECT_DOUBLE_EQ(high.precision, 1.0);
  EXPECT_DOUBLE_EQ(high.recall, 0.4);
}

TEST(LogisticRegressionTest, TheThresholdIsTheSurestOnTheBestPlateau) {
  // Two gold events. Keeping the top three (any threshold in (0.2, 0.4])
  // gives P 0.667, R 1, the best F1; of those thresholds the highest, as
  // far as the 0.03 smoothing window stays on the plateau, is chosen.
  const std::vector<double> p = {0.8, 0.6, 0.4, 0.2};
  const std::vector<bool> real = {true, false, true, false};
  const Operating best = BestThreshold(p, real, 2);
  EXPECT_EQ(best.kept, 3);
  EXPECT_EQ(best.right, 2);
  EXPECT_GE(best.threshold, 0.35);
  EXPECT_LE(best.threshold, 0.40);
}

TEST(LogisticRegressionTest, AStrongerPenaltyWinsWhenItsLossIsWithinNoiseOfTheBest) {
  // The best loss is 0.479 (penalty 0.003); 0.01 is 0.0008 worse, within
  // 0.002, and is chosen; 0.03 is 0.008 worse and is not.
  const std::vector<std::pair<double, double>> losses = {
      {0.001, 0.483}, {0.003, 0.479}, {0.01, 0.4798}, {0.03, 0.487}};
  EXPECT_EQ(StrongestPenaltyNearBest(losses, 0.002), 2);
  // With no tolerance, the best loss itself.
  EXPECT_EQ(StrongestPenaltyNearBest(losses, 0.0), 1);
  EXPECT_EQ(StrongestPenaltyNearBest({}, 0.002), -1);
}

TEST(LogisticRegressionTest, TheSurestPlateauBeatsKeepingEverything) {
  // Ten gold events, twenty candidates at probabilities 0.05 .. 0.95. The
  // real ones are the top nine and the one at 0.05: keeping everything
  // (threshold <= 0.05) gives P 0.5, R 1, F1 0.667; keeping the top nine
  // (threshold in (0.5, 0.55]) gives P 1, R 0.9, F1 0.947, the best plateau.
  std::vector<double> p;
  std::vector<bool> real;
  for (int i = 1; i <= 19; ++i) {
    p.push_back(i * 0.05);
    real.push_back(i >= 11);
  }
  p.push_back(0.05);
  real.push_back(true);
  const Operating best = BestThreshold(p, real, 10);
  EXPECT_EQ(best.right, 9);
  EXPECT_EQ(best.kept, 9);
  EXPECT_GT(best.threshold, 0.5);
}

// --- Features, labels and the stage, on sentences ---------------------------

class DecideOnTextTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Options options;
    options.data_dir = PALMYRA_TEST_DATA_DIR;
    options.decide = false;
    options.resolve = false;
    auto pipeline = Pipeline::Create(options);
    ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
    pipeline_ = std::move(pipeline).value().release();
  }
  // The analysis of `text`; its candidates are every event the rules propose.
  Analysis& Analyze(const std::string& text) {
    doc_.id = "t";
    doc_.text = text;
    doc_.published = Date{2020, 6, 1};
    pipeline_->Analyze(doc_, &analysis_);
    return analysis_;
  }
  std::vector<std::string> FeaturesOf(const std::string& cameo_root) {
    std::vector<std::string> f;
    for (const EventCandidate& c : analysis_.events) {
      if (c.cameo.compare(0, 2, cameo_root) == 0) CandidateFeatures(analysis_, c, &f);
    }
    return f;
  }
  static Pipeline* pipeline_;
  Document doc_;
  Analysis analysis_;
};
Pipeline* DecideOnTextTest::pipeline_ = nullptr;

TEST_F(DecideOnTextTest, AVerbEventIsDescribedByItsTriggerClauseAndActors) {
  Analyze("Russian jets bombed the rebel town of Douma on Tuesday.");
  const std::vector<std::string> f = FeaturesOf("19");
  ASSERT_FALSE(f.empty());
  EXPECT_TRUE(Has(f, "bias"));
  EXPECT_TRUE(Has(f, "root=19"));
  EXPECT_TRUE(Has(f, "lemma=bomb"));
  EXPECT_TRUE(Has(f, "trigger=verb"));
  EXPECT_TRUE(Has(f, "clause=main"));
  EXPECT_TRUE(Has(f, "tense=past"));
  EXPECT_TRUE(Has(f, "modality=asserted"));
  EXPECT_TRUE(Has(f, "source=demonym:MIL"));
  EXPECT_FALSE(Has(f, "negated"));
  EXPECT_FALSE(Has(f, "question"));
}

TEST_F(DecideOnTextTest, ANounEventIsDescribedByItsDeterminerAndPlaceInTheClause) {
  Analyze("The army announced the arrest of three journalists.");
  const std::vector<std::string> f = FeaturesOf("17");
  ASSERT_FALSE(f.empty());
  EXPECT_TRUE(Has(f, "trigger=noun"));
  EXPECT_TRUE(Has(f, "lemma=arrest"));
  EXPECT_TRUE(Has(f, "determiner=the"));
  EXPECT_TRUE(Has(f, "noun-is=object"));
  EXPECT_TRUE(Has(f, "clause=main"));
  EXPECT_FALSE(Has(f, "trigger=verb"));
}

TEST_F(DecideOnTextTest, NegationAndQuestionsAreFeatures) {
  Analyze("Did Turkey not attack the Kurdish militia?");
  const std::vector<std::string> f = FeaturesOf("19");
  ASSERT_FALSE(f.empty());
  EXPECT_TRUE(Has(f, "negated"));
  EXPECT_TRUE(Has(f, "question"));
}

// "Russian jets bombed the rebel town of Douma on Tuesday.", annotated with
// its air strike (195, source RUS MIL).
AnnotatedSentence AnnotatedBombing(const CameoTable& cameo, const std::string& id,
                                   const std::string& doc_id) {
  AnnotatedSentence s;
  s.id = id;
  s.doc_id = doc_id;
  s.text = "Russian jets bombed the rebel town of Douma on Tuesday.";
  GoldEvent g;
  g.cameo = "195";
  g.plover_type = PloverTypeOf(cameo, g.cameo);
  g.source = GoldActor{"Russian jets", "RUS", "MIL"};
  s.events.push_back(g);
  return s;
}

TEST_F(DecideOnTextTest, CandidatesAreLabelledByTheGoldEventsOfTheirSentence) {
  auto cameo = CameoTable::Load(PALMYRA_TEST_DATA_DIR);
  ASSERT_TRUE(cameo.ok());
  const AnnotatedSentence attack = AnnotatedBombing(**cameo, "a:0", "a");
  AnnotatedSentence protest = attack;
  protest.id = "b:0";
  protest.doc_id = "b";
  protest.text = "Russian jets bombed the rebel town of Douma on Tuesday.";
  protest.events[0].cameo = "141";  // another type: the candidate is not real
  protest.events[0].plover_type = PloverTypeOf(**cameo, "141");
  AnnotatedSentence nothing;
  nothing.id = "a:1";
  nothing.doc_id = "a";
  nothing.text = "Shares in the bank rose by two percent.";
  const TrainingData data =
      CollectTrainingData(*pipeline_, {attack, protest, nothing}, {}, /*folds=*/2);
  EXPECT_EQ(data.sentences, 3);
  EXPECT_EQ(data.gold, 2);
  EXPECT_EQ(data.gold_found, 1);
  ASSERT_GE(data.examples.size(), 2u);
  EXPECT_EQ(data.feature_names[0], "bias");
  int positive = 0;
  std::set<int> folds;
  for (const Example& x : data.examples) {
    positive += x.positive;
    folds.insert(x.fold);
  }
  EXPECT_EQ(positive, 1);
  EXPECT_EQ(folds.size(), 2u);  // two articles, one fold each
}

TEST_F(DecideOnTextTest, ArticlesCodedWholeAreScoredByTheSentenceTheirEvidenceStartsIn) {
  auto cameo = CameoTable::Load(PALMYRA_TEST_DATA_DIR);
  ASSERT_TRUE(cameo.ok());
  AnnotatedSentence annotated = AnnotatedBombing(**cameo, "a:1", "a");
  const std::string first = "Shares in the bank rose by two percent. ";
  annotated.start = static_cast<uint32_t>(first.size());
  annotated.end = static_cast<uint32_t>(first.size() + annotated.text.size());
  AnnotatedArticle article;
  article.id = "a";
  article.title = "Douma";
  article.text = first + annotated.text + " The United Nations condemned Russia.";
  const TrainingData data = CollectTrainingData(*pipeline_, {annotated}, {article}, 2);
  EXPECT_EQ(data.gold, 1);
  EXPECT_EQ(data.article_gold, 1);
  EXPECT_EQ(data.article_gold_found, 1);
  ASSERT_EQ(data.origin.size(), data.examples.size());
  // The bombing coded alone and in its article; the condemnation, in a
  // sentence nobody annotated, gives no example.
  int alone = 0, whole = 0;
  for (size_t i = 0; i < data.examples.size(); ++i) {
    (data.origin[i] == TrainingData::Origin::kArticle ? whole : alone) += 1;
    EXPECT_TRUE(data.examples[i].right) << data.descriptions[i];
    EXPECT_EQ(data.descriptions[i].rfind("a:1\t", 0), 0u) << data.descriptions[i];
  }
  EXPECT_EQ(alone, 1);
  EXPECT_EQ(whole, 1);
}

TEST(PloverRecordsTest, ARecordIsASentenceWithAnEventOfItsTypeForEachSource) {
  TempDir dir;
  const std::string path = dir.Write(
      "records.jsonl",
      "{\"id\": \"R-1\", \"event\": \"FIGHT\", \"text\": \"Gondorian and Rohirric "
      "troops clashed with orcs.\", \"source\": [{\"actorText\": \"Gondorian\", \"code\": "
      "\"GONMIL\", \"sector\": \"MIL\"}, {\"actorText\": \"Rohirric\", \"code\": \"ROHMIL\", "
      "\"sector\": \"*\"}], \"target\": [{\"actorText\": \"UN\", \"code\": \"IGOUNO\"}]}\n"
      "\n"
      "{\"id\": \"R-2\", \"event\": \"DEMAND\", \"text\": \"Ministers demanded an inquiry.\", "
      "\"source\": \"\", \"target\": \"\"}\n");
  auto records = ReadPloverRecords(path);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 2u);
  const AnnotatedSentence& fight = (*records)[0];
  EXPECT_EQ(fight.id, "plover:R-1");
  EXPECT_EQ(fight.doc_id, fight.id);  // its own article
  EXPECT_EQ(fight.end, fight.text.size());
  ASSERT_EQ(fight.events.size(), 2u);  // one a source
  for (const GoldEvent& g : fight.events) {
    EXPECT_EQ(g.plover_type, "ASSAULT");  // FIGHT, as PLOVER now names it
    ASSERT_TRUE(g.target.has_value());
    EXPECT_EQ(g.target->country, "");
    EXPECT_EQ(g.target->sector, "IGO");
  }
  EXPECT_EQ(fight.events[0].source->country, "GON");
  EXPECT_EQ(fight.events[0].source->sector, "MIL");
  EXPECT_EQ(fight.events[1].source->country, "ROH");
  EXPECT_EQ(fight.events[1].source->sector, "");  // a wildcard is no sector
  const AnnotatedSentence& demand = (*records)[1];
  ASSERT_EQ(demand.events.size(), 1u);
  EXPECT_EQ(demand.events[0].plover_type, "REQUEST");
  EXPECT_FALSE(demand.events[0].source.has_value());
  EXPECT_FALSE(demand.events[0].target.has_value());

  auto broken = ReadPloverRecords(dir.Write("broken.jsonl", "{\"id\": \"R-3\"}\n"));
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.status().message().find("broken.jsonl:1"), std::string::npos);
}

TEST_F(DecideOnTextTest, RecordsAreExamplesOfTheirOwnForTheWeightsOnly) {
  auto cameo = CameoTable::Load(PALMYRA_TEST_DATA_DIR);
  ASSERT_TRUE(cameo.ok());
  const AnnotatedSentence news = AnnotatedBombing(**cameo, "a:0", "a");
  AnnotatedSentence record = AnnotatedBombing(**cameo, "plover:R-1", "plover:R-1");
  record.text = "Syrian jets bombed the rebel town of Idlib on Friday.";
  const TrainingData data = CollectTrainingData(*pipeline_, {news}, {}, 2, {record});
  EXPECT_EQ(data.sentences, 1);
  EXPECT_EQ(data.gold, 1);  // the news's gold only
  EXPECT_EQ(data.records, 1);
  EXPECT_EQ(data.records_found, 1);
  ASSERT_EQ(data.origin.size(), data.examples.size());
  int from_record = 0;
  for (size_t i = 0; i < data.examples.size(); ++i) {
    if (data.origin[i] != TrainingData::Origin::kRecord) continue;
    ++from_record;
    EXPECT_EQ(data.descriptions[i].rfind("plover:R-1\t", 0), 0u) << data.descriptions[i];
  }
  EXPECT_GE(from_record, 1);
  // The news's examples and their folds are those of training without records.
  const TrainingData without = CollectTrainingData(*pipeline_, {news}, {}, 2);
  std::vector<int> news_folds;
  for (size_t i = 0; i < data.examples.size(); ++i) {
    if (data.origin[i] != TrainingData::Origin::kRecord)
      news_folds.push_back(data.examples[i].fold);
  }
  ASSERT_EQ(news_folds.size(), without.examples.size());
  for (size_t i = 0; i < news_folds.size(); ++i) EXPECT_EQ(news_folds[i], without.examples[i].fold);
}

TEST_F(DecideOnTextTest, TheStageKeepsWhatTheModelBelievesAndSetsConfidence) {
  TempDir dir;
  dir.Write("decide/model.tsv", "threshold 0.5\ncalibration 1 0\nbias\t-4\nroot=19\t8\n");
  auto stage = DecideStage::Load(dir.path(), -1);
  ASSERT_TRUE(stage.ok()) << stage.status().ToString();
  Analysis& a =
      Analyze("Russian jets bombed the rebel town of Douma. The United Nations condemned Russia.");
  ASSERT_GE(a.events.size(), 2u);
  (*stage)->Run(&a);
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo.substr(0, 2), "19");
  EXPECT_NEAR(a.events[0].confidence, 1 / (1 + std::exp(-4.0)), 1e-9);
  // A user's minimum instead of the model's threshold keeps everything above it.
  auto lenient = DecideStage::Load(dir.path(), 0.0);
  ASSERT_TRUE(lenient.ok());
  Analysis& b =
      Analyze("Russian jets bombed the rebel town of Douma. The United Nations condemned Russia.");
  const size_t all = b.events.size();
  (*lenient)->Run(&b);
  EXPECT_EQ(b.events.size(), all);
}

TEST(ShippedModelTest, LoadsAndNamesOnlyFeaturesTheEngineMakes) {
  auto model = DecisionModel::Load(std::string(PALMYRA_TEST_DATA_DIR) + "/decide/model.tsv");
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_GT(model->threshold(), 0.0);
  EXPECT_LT(model->threshold(), 1.0);
  EXPECT_GT(model->size(), 50u);
  // Every feature group the model weighs is one CandidateFeatures makes:
  // a model trained before a group was renamed must be trained again.
  const std::set<std::string> groups = {"bias",
                                        "root",
                                        "code",
                                        "lemma",
                                        "lemma*root",
                                        "rule-file",
                                        "pattern",
                                        "recoded",
                                        "trigger",
                                        "determiner",
                                        "determiner*root",
                                        "plural",
                                        "noun-modifier",
                                        "after-preposition",
                                        "modality",
                                        "modality*root",
                                        "attributed",
                                        "in-quote",
                                        "clause",
                                        "clause*root",
                                        "tense",
                                        "passive",
                                        "negated",
                                        "coordinated",
                                        "speech-frame",
                                        "according-to",
                                        "speech-verb",
                                        "governor",
                                        "noun-is",
                                        "source",
                                        "source-sector",
                                        "source-no-country",
                                        "source-definite",
                                        "target",
                                        "target-sector",
                                        "target-no-country",
                                        "target-definite",
                                        "no-actors",
                                        "same-country",
                                        "headline",
                                        "sentence",
                                        "length",
                                        "question",
                                        "events-in-sentence",
                                        "same-root-in-sentence",
                                        "historical",
                                        "dated",
                                        "quantities",
                                        "located",
                                        "previous",
                                        "next",
                                        "modal",
                                        "subject",
                                        "object",
                                        "clause-verb",
                                        "name-before-noun",
                                        "root*source-sector",
                                        "root*target-sector"};
  std::ifstream in(std::string(PALMYRA_TEST_DATA_DIR) + "/decide/model.tsv");
  std::string line;
  while (std::getline(in, line)) {
    const size_t tab = line.find('\t');
    if (line.empty() || line[0] == '#' || tab == std::string::npos) continue;
    const std::string name = line.substr(0, tab);
    const std::string group = name.substr(0, name.find('='));
    EXPECT_TRUE(groups.count(group)) << "the model weighs an unknown feature: " << name;
  }
}

}  // namespace
}  // namespace palmyra
