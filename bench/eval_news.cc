// Precision and recall on annotated news (../shared/annotated): sentences
// of ordinary news with every political event annotated.
//
//   build/bench/eval_news [--verbose [--articles]] [--min-confidence P]
//
// Two ways of coding: each annotated sentence alone, as a one-sentence
// document, and each whole article (annotated/articles.jsonl), whose events
// are tied to the annotated sentence their evidence starts in (events in
// sentences nobody annotated are not scored). Scoring is that of
// src/decide/annotated_news.h: a coded event is right when a gold event of
// its sentence has its PLOVER type; actors right when country and sector of
// source and target agree. --verbose prints each sentence where coded and
// gold events differ, coded alone or, with --articles, in its article.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

#include "bench_util.h"
#include "decide/annotated_news.h"

namespace palmyra {
namespace {

// The code, and the country and sector the scoring compares.
std::string Describe(const std::optional<ActorRef>& a) {
  if (!a) return "-";
  return (a->code.empty() ? "?" : a->code) + "[" + a->country + ":" + a->sector + "]";
}

std::string Describe(const std::optional<GoldActor>& a) {
  if (!a) return "-";
  return a->country + (a->sector.empty() ? "" : ":" + a->sector);
}

// The first `bytes` bytes of text, shortened to end at a whole UTF-8
// character.
std::string Clip(const std::string& text, size_t bytes) {
  if (text.size() <= bytes) return text;
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return text.substr(0, bytes);
}

void PrintDifferences(const AnnotatedSentence& s, const std::vector<const Event*>& coded) {
  const std::vector<int> match = MatchEvents(coded, s.events);
  std::vector<bool> found(s.events.size(), false);
  bool all_right = true;
  for (size_t i = 0; i < coded.size(); ++i) {
    if (match[i] < 0) {
      all_right = false;
      continue;
    }
    found[match[i]] = true;
    const GoldEvent& g = s.events[match[i]];
    if (!ActorAgrees(coded[i]->source, g.source) || !ActorAgrees(coded[i]->target, g.target))
      all_right = false;
  }
  for (bool f : found) all_right &= f;
  if (all_right) return;
  std::printf("%s | %s\n", s.id.c_str(), s.text.c_str());
  for (size_t j = 0; j < s.events.size(); ++j) {
    const GoldEvent& g = s.events[j];
    std::printf("   gold %s %-4s %s %s -> %s \"%s\" %s\n", found[j] ? "found" : "MISS ",
                g.cameo.c_str(), g.plover_type.c_str(), Describe(g.source).c_str(),
                Describe(g.target).c_str(), g.trigger.c_str(), g.modality.c_str());
  }
  for (size_t i = 0; i < coded.size(); ++i) {
    const Event& e = *coded[i];
    const char* verdict = "WRONG";
    if (match[i] >= 0) {
      const GoldEvent& g = s.events[match[i]];
      const bool actors = ActorAgrees(e.source, g.source) && ActorAgrees(e.target, g.target);
      verdict = actors ? "right" : "ROLES";
    }
    std::printf("   code %s %-4s %s %s -> %s \"%s\" %s %.2f %s\n", verdict, e.cameo.code.c_str(),
                e.plover.type.c_str(), Describe(e.source).c_str(), Describe(e.target).c_str(),
                Clip(e.evidence.text, 60).c_str(), std::string(ModalityName(e.modality)).c_str(),
                e.confidence, e.rule.c_str());
  }
}

void PrintScore(const char* name, const NewsScore& s) {
  std::printf("  %-18s %5d %5d %5d   %.3f %.3f %.3f   %.3f   %.3f   %.3f\n", name, s.coded, s.gold,
              s.matched, s.Precision(), s.Recall(), s.F1(), s.ActorsRight(), s.FullyRight(),
              s.matched ? static_cast<double>(s.modality_right) / s.matched : 0.0);
}

using ArticleIndex = std::map<std::string, const AnnotatedArticle*>;

// Codes each sentence alone, dated by its article.
NewsScore ScoreSentences(const Engine& engine, const std::vector<AnnotatedSentence>& sentences,
                         const ArticleIndex& article_of, bool verbose) {
  NewsScore alone;
  for (const AnnotatedSentence& s : sentences) {
    Document doc;
    doc.id = s.id;
    doc.text = s.text;
    if (auto it = article_of.find(s.doc_id); it != article_of.end())
      doc.published = it->second->date;
    auto coded = engine.Code(doc);
    const std::vector<Event> events = coded.ok() ? std::move(coded).value() : std::vector<Event>{};
    std::vector<const Event*> pointers;
    for (const Event& e : events) pointers.push_back(&e);
    alone.Add(pointers, s.events);
    if (verbose) PrintDifferences(s, pointers);
  }
  return alone;
}

// Codes whole articles: each event goes to the annotated sentence it starts
// in. *articles is the number of articles with annotated sentences.
NewsScore ScoreArticles(const Engine& engine, const std::vector<AnnotatedSentence>& sentences,
                        const ArticleIndex& article_of, bool verbose, size_t* articles) {
  std::map<std::string, std::vector<const AnnotatedSentence*>> by_article;
  for (const AnnotatedSentence& s : sentences) by_article[s.doc_id].push_back(&s);
  *articles = by_article.size();
  NewsScore whole;
  for (const auto& [id, annotated] : by_article) {
    auto it = article_of.find(id);
    if (it == article_of.end()) continue;
    Document doc;
    doc.id = id;
    doc.title = it->second->title;
    doc.text = it->second->text;
    doc.published = it->second->date;
    auto coded = engine.Code(doc);
    const std::vector<Event> events = coded.ok() ? std::move(coded).value() : std::vector<Event>{};
    for (const AnnotatedSentence* s : annotated) {
      std::vector<const Event*> in;
      for (const Event& e : events) {
        if (e.evidence.start >= s->start && e.evidence.start < s->end) in.push_back(&e);
      }
      whole.Add(in, s->events);
      if (verbose) PrintDifferences(*s, in);
    }
  }
  return whole;
}

}  // namespace
}  // namespace palmyra

int main(int argc, char** argv) {
  using namespace palmyra;
  bool verbose = false, articles_verbose = false;
  double min_confidence = -1;  // the decision model's threshold
  if (!ParseEvalArguments(argc, argv, &verbose, &min_confidence, &articles_verbose)) {
    std::fprintf(stderr, "usage: eval_news [--verbose [--articles]] [--min-confidence P]\n");
    return 2;
  }
  const std::string shared = SharedDir();
  if (shared.empty()) {
    std::printf("skipped: ../shared (the annotated news sentences) is not present\n");
    return 0;
  }
  Options options;
  options.min_confidence = min_confidence;
  auto created = Engine::Create(options);
  if (!created.ok()) {
    std::fprintf(stderr, "cannot create the engine: %s\n", created.status().ToString().c_str());
    return 1;
  }
  const auto engine = std::move(created).value();
  auto cameo = CameoTable::Load(ResolveDefaults(options).data_dir);
  if (!cameo.ok()) {
    std::fprintf(stderr, "%s\n", cameo.status().ToString().c_str());
    return 1;
  }
  const std::string dir = shared + "/annotated/";
  auto sentences = ReadAnnotatedSentences(dir + "dev.jsonl", *cameo.value());
  auto articles = ReadAnnotatedArticles(dir + "articles.jsonl");
  if (!sentences.ok() || !articles.ok()) {
    std::fprintf(stderr, "%s\n",
                 (sentences.ok() ? articles.status() : sentences.status()).ToString().c_str());
    return 1;
  }
  ArticleIndex article_of;
  for (const AnnotatedArticle& a : articles.value()) article_of[a.id] = &a;

  const NewsScore alone =
      ScoreSentences(*engine, sentences.value(), article_of, verbose && !articles_verbose);
  size_t article_count = 0;
  const NewsScore whole = ScoreArticles(*engine, sentences.value(), article_of,
                                        verbose && articles_verbose, &article_count);

  std::printf("Annotated news (annotated/dev.jsonl: %zu sentences, %zu articles)\n",
              sentences.value().size(), article_count);
  std::printf("  %-18s %5s %5s %5s   %-5s %-5s %-5s   %-7s %-7s %s\n", "", "coded", "gold", "right",
              "P", "R", "F1", "actors", "fully", "modality");
  PrintScore("sentences alone", alone);
  PrintScore("whole articles", whole);
  if (verbose) {
    for (const auto& [name, score] :
         {std::pair{"sentences alone", &alone}, std::pair{"whole articles", &whole}}) {
      std::printf(
          "  %s, of %d events found: source right %d, none coded %d, extra %d, other %d;"
          " target right %d, none coded %d, extra %d, other %d\n",
          name, score->matched, score->source_right, score->source_missing, score->source_extra,
          score->source_wrong, score->target_right, score->target_missing, score->target_extra,
          score->target_wrong);
    }
  }
  return 0;
}
