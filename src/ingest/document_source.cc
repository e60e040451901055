#include "ingest/document_source.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <simdjson.h>

#include "core/strings.h"

namespace palmyra {
namespace {

namespace fs = std::filesystem;

bool HasExtension(const std::string& path, std::initializer_list<const char*> extensions) {
  const std::string ext = AsciiLowercase(fs::path(path).extension().string());
  for (const char* e : extensions) {
    if (ext == e) return true;
  }
  return false;
}

bool IsTextExtension(const std::string& path) { return HasExtension(path, {".txt", ".text"}); }
bool IsJsonLinesExtension(const std::string& path) {
  return HasExtension(path, {".jsonl", ".ndjson", ".json"});
}

// JSON Lines when the first non-blank byte is "{".
bool LooksLikeJsonLines(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  int c;
  while ((c = std::fgetc(f)) != EOF && IsAsciiSpace(static_cast<char>(c))) {
  }
  std::fclose(f);
  return c == '{';
}

// A text article: the whole file; its first line is the headline when more
// lines follow.
void TextArticle(std::string text, const std::string& id, Document* doc) {
  doc->id = id;
  const size_t newline = text.find('\n');
  if (newline != std::string::npos) {
    const std::string_view first = Trim(std::string_view(text).substr(0, newline));
    const std::string_view rest = Trim(std::string_view(text).substr(newline));
    if (!first.empty() && !rest.empty()) doc->title = std::string(first);
  }
  doc->text = std::move(text);
}

}  // namespace

DocumentSource::DocumentSource(std::vector<std::string> inputs, IngestOptions options)
    : options_(std::move(options)), pending_(inputs.begin(), inputs.end()) {
  std::error_code error;
  for (const std::string& input : inputs) {
    if (input != "-" && fs::is_regular_file(input, error))
      total_bytes_ += fs::file_size(input, error);
  }
}

DocumentSource::~DocumentSource() = default;

void DocumentSource::ApplyDefaults(Document* doc) const {
  if (!doc->published && options_.default_date) doc->published = options_.default_date;
}

bool DocumentSource::OpenNextFile(std::vector<IngestProblem>* problems) {
  lines_.reset();
  while (!pending_.empty()) {
    std::string input = std::move(pending_.front());
    pending_.pop_front();
    std::error_code error;
    if (input != "-" && fs::is_directory(input, error)) {
      // Articles in a directory, in name order, recursively.
      std::vector<std::string> files;
      for (auto it = fs::recursive_directory_iterator(
               input, fs::directory_options::skip_permission_denied, error);
           !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file() && (IsTextExtension(name) || IsJsonLinesExtension(name))) {
          files.push_back(it->path().string());
        }
      }
      if (error)
        problems->push_back({input, "cannot list the directory: " + error.message(), true});
      std::sort(files.begin(), files.end());
      pending_.insert(pending_.begin(), files.begin(), files.end());
      continue;
    }
    path_ = input;
    return true;
  }
  return false;
}

bool DocumentSource::NextJsonLine(Document* doc, std::vector<IngestProblem>* problems) {
  std::string line;
  while (lines_->Next(&line)) {
    if (Trim(line).empty()) continue;
    const std::string where = path_ + ":" + std::to_string(lines_->line_number());
    *doc = Document();
    Status parsed = ParseJsonArticle(line, where, doc, problems);
    if (!parsed.ok()) {
      problems->push_back({where, parsed.message(), true});
      continue;
    }
    ApplyDefaults(doc);
    return true;
  }
  if (!lines_->status().ok()) problems->push_back({path_, lines_->status().message(), true});
  lines_.reset();
  return false;
}

bool DocumentSource::Next(Document* doc, std::vector<IngestProblem>* problems) {
  for (;;) {
    if (lines_ != nullptr && NextJsonLine(doc, problems)) return true;
    if (!OpenNextFile(problems)) return false;
    if (path_ == "-") {
      // Standard input: one text article, or JSON Lines when it starts with "{".
      std::string text;
      char buffer[1 << 16];
      size_t n;
      while ((n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) text.append(buffer, n);
      const size_t first = text.find_first_not_of(" \t\r\n");
      if (first != std::string::npos && text[first] == '{') {
        size_t pos = 0;
        int line_number = 0;
        while (pos < text.size()) {
          size_t end = text.find('\n', pos);
          if (end == std::string::npos) end = text.size();
          const std::string_view line = std::string_view(text).substr(pos, end - pos);
          pos = end + 1;
          ++line_number;
          if (Trim(line).empty()) continue;
          // Standard input is read whole, so its records are queued here.
          Document d;
          const std::string where = "<stdin>:" + std::to_string(line_number);
          Status parsed = ParseJsonArticle(line, where, &d, problems);
          if (!parsed.ok()) {
            problems->push_back({where, parsed.message(), true});
            continue;
          }
          ApplyDefaults(&d);
          stdin_queue_.push_back(std::move(d));
        }
      } else {
        Document d;
        TextArticle(std::move(text), "stdin", &d);
        ApplyDefaults(&d);
        stdin_queue_.push_back(std::move(d));
      }
    }
    if (!stdin_queue_.empty()) {
      *doc = std::move(stdin_queue_.front());
      stdin_queue_.pop_front();
      return true;
    }
    if (path_ == "-") continue;
    std::error_code error;
    if (!fs::exists(path_, error)) {
      problems->push_back({path_, "no such file or directory", true});
      continue;
    }
    const bool json =
        IsJsonLinesExtension(path_) || (!IsTextExtension(path_) && LooksLikeJsonLines(path_));
    if (json) {
      auto opened = LineReader::Open(path_);
      if (!opened.ok()) {
        problems->push_back({path_, opened.status().message(), true});
        continue;
      }
      lines_ = std::move(opened).value();
      continue;
    }
    auto contents = ReadFile(path_);
    if (!contents.ok()) {
      problems->push_back({path_, contents.status().message(), true});
      continue;
    }
    *doc = Document();
    TextArticle(std::move(contents).value(), path_, doc);
    ApplyDefaults(doc);
    return true;
  }
}

Status ParseJsonArticle(std::string_view line, const std::string& where, Document* doc,
                        std::vector<IngestProblem>* warnings) {
  thread_local simdjson::ondemand::parser parser;
  const simdjson::padded_string json(line);
  simdjson::ondemand::document parsed;
  if (parser.iterate(json).get(parsed) != simdjson::SUCCESS) {
    return ParseError("not valid JSON");
  }
  simdjson::ondemand::object object;
  if (parsed.get_object().get(object) != simdjson::SUCCESS) {
    return ParseError("expected a JSON object with \"id\" and \"text\"");
  }
  bool has_text = false;
  std::string date;
  for (auto field_result : object) {
    simdjson::ondemand::field field;
    if (std::move(field_result).get(field) != simdjson::SUCCESS)
      return ParseError("not valid JSON");
    std::string_view key;
    if (field.unescaped_key().get(key) != simdjson::SUCCESS) return ParseError("not valid JSON");
    simdjson::ondemand::value value = field.value();
    simdjson::ondemand::json_type type;
    if (value.type().get(type) != simdjson::SUCCESS) return ParseError("not valid JSON");
    std::string* target = key == "id"       ? &doc->id
                          : key == "text"   ? &doc->text
                          : key == "title"  ? &doc->title
                          : key == "url"    ? &doc->url
                          : key == "source" ? &doc->source
                          : key == "date"   ? &date
                                            : nullptr;
    if (target == nullptr) continue;  // other fields are allowed and ignored
    if (type == simdjson::ondemand::json_type::string) {
      std::string_view s;
      if (value.get_string().get(s) != simdjson::SUCCESS)
        return ParseError("bad string in \"" + std::string(key) + "\"");
      target->assign(s);
    } else if (type == simdjson::ondemand::json_type::number && key == "id") {
      std::string_view raw = Trim(value.raw_json_token());
      target->assign(raw);
    } else if (type == simdjson::ondemand::json_type::null) {
      continue;
    } else {
      return ParseError("\"" + std::string(key) + "\" must be a string");
    }
    if (key == "text") has_text = true;
  }
  const char* trailing = nullptr;
  if (parsed.current_location().get(trailing) == simdjson::SUCCESS) {
    return ParseError("text after the JSON object");
  }
  if (!has_text) return ParseError("the article has no \"text\" field");
  if (doc->id.empty()) doc->id = where;
  if (!date.empty()) {
    doc->published = Date::Parse(date);
    if (!doc->published) {
      warnings->push_back(
          {where, "date '" + date + "' is not YYYY-MM-DD; the default date is used", false});
    }
  }
  return Status::Ok();
}

}  // namespace palmyra
