// palmyra-train-tagger: trains the part-of-speech model at build time.
//
//   palmyra-train-tagger BROWN_DIR DATA_DIR WORDNET_DIR MODEL_OUT REPORT_OUT
//
// Holds out every tenth sentence of the Brown corpus, trains on the rest,
// writes the model and a one-line accuracy report on the held-out tenth.
#include <chrono>
#include <cstdio>
#include <string>

#include "core/file.h"
#include "lexical/brown_corpus.h"
#include "lexical/lemmatizer.h"
#include "lexical/tagger_trainer.h"

int main(int argc, char** argv) {
  using namespace palmyra;
  if (argc != 6) {
    std::fprintf(stderr, "usage: %s BROWN_DIR DATA_DIR WORDNET_DIR MODEL_OUT REPORT_OUT\n",
                 argv[0]);
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const std::string data_dir = argv[2];
  auto lexicon = Lemmatizer::Load(argv[3], data_dir);
  if (!lexicon.ok()) {
    std::fprintf(stderr, "palmyra-train-tagger: %s\n", lexicon.status().ToString().c_str());
    return 1;
  }
  auto converter = BrownConverter::Load(data_dir + "/lexical/brown_tags.txt");
  if (!converter.ok()) {
    std::fprintf(stderr, "palmyra-train-tagger: %s\n", converter.status().ToString().c_str());
    return 1;
  }
  auto corpus = ReadBrownCorpus(argv[1], *converter);
  if (!corpus.ok()) {
    std::fprintf(stderr, "palmyra-train-tagger: %s\n", corpus.status().ToString().c_str());
    return 1;
  }
  std::vector<const TaggedSentence*> train, test;
  for (size_t i = 0; i < corpus->size(); ++i) {
    ((i % 10 == 9) ? test : train).push_back(&(*corpus)[i]);
  }
  const TaggerModelData data = TrainTagger(train, TrainerOptions(), lexicon->get());
  Status written = WriteTaggerModel(data, argv[4]);
  if (!written.ok()) {
    std::fprintf(stderr, "palmyra-train-tagger: %s\n", written.ToString().c_str());
    return 1;
  }
  const auto tagger = PosTagger::FromData(data);
  tagger->SetLexicon(lexicon->get());
  const TaggerEvaluation e = EvaluateTagger(*tagger, train, test);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char report[512];
  std::snprintf(
      report, sizeof report,
      "Brown held-out tenth: %.2f%% of %zu tokens correct (unknown words: %.2f%% of %zu); "
      "%zu training sentences, %zu features, %zu tag-dictionary words, trained in %.0f s\n",
      100 * e.Accuracy(), e.tokens, 100 * e.UnknownAccuracy(), e.unknown, train.size(),
      data.features.size(), data.tag_dictionary.size(), seconds);
  std::fputs(report, stdout);
  written = WriteFile(argv[5], report);
  if (!written.ok()) {
    std::fprintf(stderr, "palmyra-train-tagger: %s\n", written.ToString().c_str());
    return 1;
  }
  return 0;
}
