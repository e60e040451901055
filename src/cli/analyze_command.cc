#include "cli/analyze_command.h"

#include <cstdio>

#include "core/file.h"
#include "decide/candidate_features.h"
#include "pipeline/pipeline.h"

namespace palmyra {
namespace {

// The words of phrase `phrase`, or "-".
std::string PhraseText(const Analysis& a, int32_t phrase) {
  if (phrase < 0) return "-";
  return std::string(a.OriginalText(a.phrases[phrase].begin, a.phrases[phrase].end));
}

// The document: --text, a file, or standard input.
Result<Document> ReadInput(const AnalyzeCommandOptions& options) {
  Document doc;
  doc.id = options.input.empty() ? "text" : options.input;
  if (!options.text.empty()) {
    doc.text = options.text;
  } else {
    auto contents =
        options.input == "-" ? Result<std::string>(std::string()) : ReadFile(options.input);
    if (options.input == "-") {
      char buffer[1 << 16];
      size_t n;
      std::string text;
      while ((n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) text.append(buffer, n);
      contents = text;
    }
    if (!contents.ok()) return contents.status();
    doc.text = std::move(contents).value();
  }
  if (!options.date.empty()) doc.published = Date::Parse(options.date);
  return doc;
}

// A sentence: its phrases with their tags, its verbs' clauses and its actors.
void PrintSentence(const Analysis& a, uint32_t s) {
  auto text = [&](int32_t phrase) { return PhraseText(a, phrase); };
  const Sentence& sentence = a.sentences[s];
  std::printf("sentence %u%s: %.*s\n", s, sentence.headline ? " (headline)" : "",
              static_cast<int>(a.OriginalText(sentence.token_begin, sentence.token_end).size()),
              a.OriginalText(sentence.token_begin, sentence.token_end).data());
  std::printf("  phrases:");
  for (uint32_t p = a.sentence_phrase_begin[s]; p < a.sentence_phrase_begin[s + 1]; ++p) {
    const Phrase& ph = a.phrases[p];
    std::printf(" %s[", ph.type == PhraseType::kNoun          ? "NP"
                        : ph.type == PhraseType::kVerb        ? "VG"
                        : ph.type == PhraseType::kPreposition ? "P"
                                                              : "");
    for (uint32_t t = ph.begin; t < ph.end; ++t) {
      std::printf("%s%.*s/%s", t > ph.begin ? " " : "", static_cast<int>(a.Form(t).size()),
                  a.Form(t).data(), std::string(PosTagName(a.tokens[t].tag)).c_str());
    }
    std::printf("]");
  }
  std::printf("\n");
  for (uint32_t p = a.sentence_phrase_begin[s]; p < a.sentence_phrase_begin[s + 1]; ++p) {
    const Phrase& ph = a.phrases[p];
    if (ph.type == PhraseType::kVerb) {
      const VerbGroup& g = a.verb_groups[ph.verb_group];
      std::printf(
          "  verb %.*s (%.*s): %s%s%s%s%s%s subject=%s object=%s%s%s clause=\"%s\"\n",
          static_cast<int>(a.Form(g.main).size()), a.Form(g.main).data(),
          static_cast<int>(a.tokens[g.main].lemma.size()), a.tokens[g.main].lemma.data(),
          std::string(ClauseKindName(g.kind)).c_str(), g.passive ? " passive" : "",
          g.negated ? " negated" : "", g.future ? " future" : "",
          g.hypothetical ? " hypothetical" : "", g.finite ? "" : " non-finite",
          text(g.subject).c_str(), text(g.object).c_str(),
          g.reported_by >= 0
              ? (" reported-by=" + std::string(a.Form(a.verb_groups[g.reported_by].main))).c_str()
              : "",
          g.according_to >= 0 ? (" according-to=" + text(g.according_to)).c_str() : "",
          std::string(a.OriginalText(g.begin, std::max<uint32_t>(g.end, g.clause_end))).c_str());
    }
    const auto [lo, hi] = a.ActorsOf(p);
    for (size_t i = lo; i < hi; ++i) {
      const PhraseActor& x = a.actors[i];
      std::printf("  actor %s = %s%s  (%s)\n", std::string(a.OriginalText(x.begin, x.end)).c_str(),
                  x.code.c_str(), x.antecedent >= 0 || x.pronoun >= 0 ? " by coreference" : "",
                  x.rule.c_str());
    }
  }
}

void PrintPlaces(const Pipeline& pipeline, const Analysis& a) {
  std::printf("places:\n");
  for (const PlaceMention& m : a.places) {
    const std::optional<Location> l = pipeline.PlaceLocation(a, m);
    std::printf("  %s = %s (%s, %s, %s) strength=%d%s%s\n",
                std::string(a.OriginalText(m.begin, m.end)).c_str(), l ? l->name.c_str() : "?",
                l ? std::to_string(l->geonameid).c_str() : "?", l ? l->country.c_str() : "?",
                l ? std::string(LocationPrecisionName(l->precision)).c_str() : "?", m.strength,
                m.actor ? " actor" : "", m.sentence == kDatelineSentence ? " dateline" : "");
  }
}

// Every candidate event, with what the decision model makes of it.
void PrintEvents(const Pipeline& pipeline, const Analysis& a, double min_confidence) {
  const DecideStage* decide = pipeline.decide();
  const double threshold = decide == nullptr     ? 0.0
                           : min_confidence >= 0 ? min_confidence
                                                 : decide->model().threshold();
  std::printf("events (kept when their confidence is at least %.3f):\n", threshold);
  std::vector<std::string> features;
  for (const EventCandidate& c : a.events) {
    const std::optional<Event> e = pipeline.MakeEvent(a, c);
    if (!e) continue;
    std::printf("  #%d %s -> %s  %s %s %s/%s  %s  rule %s\n", e->sentence_index,
                e->source ? e->source->code.c_str() : "-",
                e->target ? e->target->code.c_str() : "-", e->cameo.code.c_str(),
                e->plover.type.c_str(), e->acled ? e->acled->event_type.c_str() : "-",
                e->acled ? e->acled->sub_event_type.c_str() : "-",
                std::string(ModalityName(e->modality)).c_str(), e->rule.c_str());
    if (decide == nullptr) continue;
    std::printf("     confidence %.3f, %s; strongest features:", c.confidence,
                c.confidence >= threshold ? "kept" : "left out");
    CandidateFeatures(a, c, &features);
    const auto contributions = decide->model().Contributions(features);
    for (size_t i = 0; i < contributions.size() && i < 6; ++i)
      std::printf(" %s %+.2f", contributions[i].first.c_str(), contributions[i].second);
    std::printf("\n");
  }
}

}  // namespace

int RunAnalyzeCommand(const AnalyzeCommandOptions& options) {
  Result<Document> doc = ReadInput(options);
  if (!doc.ok()) {
    std::fprintf(stderr, "palmyra: %s\n", doc.status().ToString().c_str());
    return 1;
  }
  // Every candidate, with what the decision model makes of it.
  Options engine = options.engine;
  const double min_confidence = engine.min_confidence;
  engine.min_confidence = 0;
  auto pipeline = Pipeline::Create(engine);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "palmyra: cannot start: %s\n", pipeline.status().ToString().c_str());
    return 2;
  }
  Analysis a;
  (*pipeline)->Analyze(*doc, &a);
  if (a.dateline) {
    std::printf("dateline: %s (place \"%s\", country %s)\n",
                std::string(a.OriginalText(a.dateline->token_begin, a.dateline->token_end)).c_str(),
                std::string(a.OriginalText(a.dateline->place_begin, a.dateline->place_end)).c_str(),
                a.home_country.empty() ? "-" : a.home_country.c_str());
  }
  for (uint32_t s = 0; s < a.sentences.size(); ++s) PrintSentence(a, s);
  PrintPlaces(**pipeline, a);
  PrintEvents(**pipeline, a, min_confidence);
  return 0;
}

}  // namespace palmyra
