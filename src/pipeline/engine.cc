#include "palmyra/engine.h"

#include <algorithm>
#include <cstring>
#include <iterator>

#include "pipeline/pipeline.h"

namespace palmyra {

Engine::Engine(std::unique_ptr<Pipeline> pipeline) : pipeline_(std::move(pipeline)) {}
Engine::~Engine() = default;

const std::vector<std::string>& Engine::load_warnings() const { return pipeline_->load_warnings(); }

Result<std::unique_ptr<Engine>> Engine::Create(const Options& options) {
  ASSIGN_OR_RETURN(auto pipeline, Pipeline::Create(options));
  return std::unique_ptr<Engine>(new Engine(std::move(pipeline)));
}

namespace {

// Documents longer than this are coded in sections of about this size, cut
// at paragraph or sentence ends, so that memory stays bounded: an article is
// rarely longer than 100 kB; a 20 MB "article" is a dump of many.
constexpr size_t kSectionBytes = size_t{1} << 20;

// Where the section starting at `begin` ends: at a blank line, else a line
// end, else a sentence end, else a space, after kSectionBytes.
size_t SectionEnd(const std::string& text, size_t begin) {
  if (text.size() - begin <= kSectionBytes + kSectionBytes / 2) return text.size();
  const size_t from = begin + kSectionBytes;
  const size_t limit = std::min(text.size(), from + kSectionBytes / 2);
  // Only the window [from, limit) is searched: searching on to the end of
  // the text for each section made text without breaks quadratic.
  const std::string_view window = std::string_view(text).substr(from, limit - from);
  for (const char* cut : {"\n\n", "\n", ". ", " "}) {
    const size_t at = window.find(cut);
    if (at != std::string_view::npos) return from + at + std::strlen(cut);
  }
  // No break anywhere: cut before a UTF-8 lead byte.
  size_t at = from;
  while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  return at;
}

}  // namespace

Result<std::vector<Event>> Engine::Code(const Document& document, CodeStats* stats) const {
  if (document.text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    return InvalidArgumentError("document '" + document.id + "' has no text");
  }
  // Each thread keeps one analysis and reuses its buffers.
  thread_local Analysis analysis;
  if (stats != nullptr) *stats = CodeStats();
  auto add_stats = [&](uint32_t base) {
    if (stats == nullptr) return;
    stats->sentences += static_cast<int>(analysis.sentences.size());
    stats->tokens += static_cast<int>(analysis.tokens.size());
    for (const Sentence& s : analysis.sentences) {
      if (s.token_end <= s.token_begin) {
        stats->sentence_spans.emplace_back(base, base);
        continue;
      }
      stats->sentence_spans.emplace_back(base + analysis.tokens[s.token_begin].start,
                                         base + analysis.tokens[s.token_end - 1].end);
    }
    stats->warnings.insert(stats->warnings.end(), analysis.warnings.begin(),
                           analysis.warnings.end());
  };
  if (document.text.size() <= kSectionBytes + kSectionBytes / 2) {
    pipeline_->Analyze(document, &analysis);
    std::vector<Event> events = pipeline_->Events(analysis);
    add_stats(0);
    analysis.doc = nullptr;
    return events;
  }
  std::vector<Event> events;
  Document section;
  section.id = document.id;
  section.url = document.url;
  section.source = document.source;
  section.published = document.published;
  int sentences = 0;
  for (size_t begin = 0; begin < document.text.size();) {
    const size_t end = SectionEnd(document.text, begin);
    section.title = begin == 0 ? document.title : std::string();
    section.text.assign(document.text, begin, end - begin);
    if (section.text.find_first_not_of(" \t\r\n\f\v") != std::string::npos) {
      pipeline_->Analyze(section, &analysis);
      std::vector<Event> part =
          pipeline_->Events(analysis, sentences, static_cast<uint32_t>(begin));
      std::move(part.begin(), part.end(), std::back_inserter(events));
      sentences += static_cast<int>(analysis.sentences.size());
      add_stats(static_cast<uint32_t>(begin));
    }
    begin = end;
  }
  analysis.doc = nullptr;
  return events;
}

}  // namespace palmyra
