// palmyra-train-decider: trains the decision model on annotated news.
//
//   palmyra-train-decider ANNOTATED_DIR MODEL_OUT [--plover RECORDS]
//                         [--data-dir DIR] [--folds K] [--dump FILE]
//
// ANNOTATED_DIR holds dev.jsonl (annotated sentences) and articles.jsonl
// (their articles); RECORDS, PLOVER gold-standard records, more examples
// for the weights (not for the calibration or threshold, which are the
// annotated news's). Every sentence is coded alone and in its article with
// the rules of DIR (the built-in data/ by default) keeping every
// candidate; the model is cross-validated by article, trained on all of it
// and written to MODEL_OUT (data/decide/model.tsv is the one Palmyra ships),
// with the cross-validated figures in its header, which are also printed.
// --dump writes every candidate with its label, cross-validated probability,
// sentence, code, actors, evidence and features, for studying the errors.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/file.h"
#include "decide/decider_trainer.h"

int main(int argc, char** argv) {
  using namespace palmyra;
  std::vector<std::string> positional;
  Options options;
  int folds = 10;
  std::string dump, plover;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--plover") == 0 && i + 1 < argc) {
      plover = argv[++i];
    } else if (std::strcmp(argv[i], "--data-dir") == 0 && i + 1 < argc) {
      options.data_dir = argv[++i];
    } else if (std::strcmp(argv[i], "--dump") == 0 && i + 1 < argc) {
      dump = argv[++i];
    } else if (std::strcmp(argv[i], "--folds") == 0 && i + 1 < argc) {
      folds = std::atoi(argv[++i]);
    } else {
      positional.push_back(argv[i]);
    }
  }
  if (positional.size() != 2 || folds < 2) {
    std::fprintf(stderr,
                 "usage: palmyra-train-decider ANNOTATED_DIR MODEL_OUT [--plover RECORDS] "
                 "[--data-dir DIR] [--folds K] [--dump FILE]\n");
    return 2;
  }
  auto fail = [](const Status& s) {
    std::fprintf(stderr, "palmyra-train-decider: %s\n", s.ToString().c_str());
    return 1;
  };
  options.decide = false;  // every candidate is an example
  auto pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) return fail(pipeline.status());
  const std::string dir = positional[0] + "/";
  auto sentences = ReadAnnotatedSentences(dir + "dev.jsonl", pipeline.value()->events().cameo());
  if (!sentences.ok()) return fail(sentences.status());
  auto articles = ReadAnnotatedArticles(dir + "articles.jsonl");
  if (!articles.ok()) return fail(articles.status());
  std::vector<AnnotatedSentence> records;
  if (!plover.empty()) {
    auto read = ReadPloverRecords(plover);
    if (!read.ok()) return fail(read.status());
    records = std::move(read).value();
  }
  const TrainingData data = CollectTrainingData(**pipeline, *sentences, *articles, folds, records);
  const TrainedDecider trained = TrainDecider(data, folds);
  std::vector<std::string> header = {
      "Palmyra's decision model: the probability that a candidate event is a real event of its",
      "type (src/decide/decision_model.h). Trained on annotated news sentences and PLOVER",
      "gold-standard records by",
      "  palmyra-train-decider ../shared/annotated data/decide/model.tsv \\",
      "      --plover ../shared/plover/gsr_dev.jsonl",
      "after every change to the rules that propose candidates.",
      ""};
  for (const std::string& line : DescribeTraining(data, trained, folds)) {
    std::printf("%s\n", line.c_str());
    header.push_back(line);
  }
  const Status written = WriteFileAtomically(positional[1], trained.model.ToText(header));
  if (!written.ok()) return fail(written);
  std::printf("%zu weights written to %s\n", trained.model.size(), positional[1].c_str());
  if (!dump.empty()) {
    std::string text;
    for (size_t i = 0; i < data.examples.size(); ++i) {
      const Example& x = data.examples[i];
      char head[32];
      std::snprintf(head, sizeof head, "%d\t%.3f\t", x.right ? 1 : 0, trained.probabilities[i]);
      text += head + data.descriptions[i] + "\t";
      for (int32_t f : x.features) text += data.feature_names[f] + " ";
      text += "\n";
    }
    const Status dumped = WriteFile(dump, text);
    if (!dumped.ok()) return fail(dumped);
  }
  return 0;
}
