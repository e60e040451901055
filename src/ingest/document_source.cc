#include "ingest/document_source.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <new>

#include <simdjson.h>
#include <zlib.h>

#include "core/strings.h"
#include "ingest/feed_reader.h"
#include "ingest/html_article.h"

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

// Files a directory's articles may be in.
bool IsArticleFile(const std::string& name) {
  return HasExtension(name, {".txt", ".text", ".jsonl", ".ndjson", ".json", ".html", ".htm",
                             ".xhtml", ".xml", ".rss", ".atom", ".warc", ".gz"});
}

// The first bytes of a file, through gzip when it is compressed.
std::string Head(const std::string& path) {
  std::string head;
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return head;
  head.resize(4096);
  const int n = gzread(f, head.data(), static_cast<unsigned>(head.size()));
  head.resize(static_cast<size_t>(std::max(n, 0)));
  gzclose(f);
  return head;
}

std::string TooLong(uint64_t limit) {
  return "longer than " + std::to_string(limit) +
         " bytes, the most an article may have (--max-article-bytes); skipped";
}

// A whole file, through gzip when it is compressed, up to `limit` bytes
// (decompressed): beyond, an error and nothing kept.
Result<std::string> ReadWhole(const std::string& path, uint64_t limit) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return IoError(path + ": cannot open");
  std::string out;
  char buffer[1 << 16];
  int n;
  while ((n = gzread(f, buffer, sizeof buffer)) > 0) {
    if (out.size() + static_cast<size_t>(n) > limit) {
      gzclose(f);
      return InvalidArgumentError(path + ": " + TooLong(limit));
    }
    out.append(buffer, static_cast<size_t>(n));
  }
  int error = Z_OK;
  const char* message = gzerror(f, &error);
  const std::string text = message != nullptr ? message : "read error";
  gzclose(f);
  if (n < 0 || (error != Z_OK && error != Z_STREAM_END)) {
    return IoError(path + "@" + std::to_string(out.size()) + ": truncated or damaged (" + text +
                   ")");
  }
  return out;
}

// A gzip file as a stdio stream (fopencookie), for reading line by line
// without decompressing it whole; nullptr when it cannot be opened.
std::FILE* OpenGzipStream(const std::string& path) {
  gzFile gz = gzopen(path.c_str(), "rb");
  if (gz == nullptr) return nullptr;
  gzbuffer(gz, 1 << 17);
  cookie_io_functions_t io{};
  io.read = [](void* cookie, char* buffer, size_t size) -> ssize_t {
    gzFile gz = static_cast<gzFile>(cookie);
    const int n = gzread(gz, buffer, static_cast<unsigned>(std::min<size_t>(size, 1u << 30)));
    int error = Z_OK;
    gzerror(gz, &error);
    // A damaged or truncated stream is a read error, not an end of file.
    if (n < 0 || (n == 0 && error != Z_OK && error != Z_STREAM_END)) {
      errno = EIO;
      return -1;
    }
    return n;
  };
  io.close = [](void* cookie) { return gzclose(static_cast<gzFile>(cookie)) == Z_OK ? 0 : EOF; };
  std::FILE* file = fopencookie(gz, "r", io);
  if (file == nullptr) gzclose(gz);
  return file;
}

bool IsGzip(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  const int a = std::fgetc(f), b = std::fgetc(f);
  std::fclose(f);
  return a == 0x1f && b == 0x8b;
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
    if (input == "-" || !fs::is_regular_file(input, error)) {
      total_bytes_ = 0;  // not known beforehand
      break;
    }
    total_bytes_ += fs::file_size(input, error);
  }
}

DocumentSource::~DocumentSource() = default;

void DocumentSource::ApplyDefaults(Document* doc) const {
  if (!doc->published && options_.default_date) doc->published = options_.default_date;
}

uint64_t DocumentSource::BytesRead() const {
  if (lines_ != nullptr) return done_bytes_ + lines_->offset();
  if (warc_ != nullptr) return done_bytes_ + warc_->file_offset();
  return done_bytes_;
}

namespace {

// Appends the article files under `dir` (hidden ones skipped, symbolic
// links to folders not followed) to *files; an entry or a folder that
// cannot be read (no permission, a symbolic link that loops or leads
// nowhere) is reported, and the rest is listed.
void ListArticleFiles(const fs::path& dir, int depth, std::vector<std::string>* files,
                      std::vector<IngestProblem>* problems) {
  std::error_code error;
  fs::directory_iterator it(dir, error);
  if (error) {
    problems->push_back({dir.string(), "cannot list the directory: " + error.message(), true});
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(error)) {
    if (error) {
      problems->push_back({dir.string(), "cannot list the directory: " + error.message(), true});
      return;
    }
    const fs::path path = it->path();
    const std::string name = path.filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code status_error;
    const fs::file_status status = fs::status(path, status_error);  // through symbolic links
    if (status_error) {
      problems->push_back({path.string(), "cannot read: " + status_error.message(), true});
      continue;
    }
    if (fs::is_directory(status)) {
      // A symbolic link to a folder is not followed (it may lead back up).
      if (fs::is_symlink(fs::symlink_status(path, status_error))) continue;
      if (depth >= 64) {
        problems->push_back({path.string(), "folders nested too deep", true});
        continue;
      }
      ListArticleFiles(path, depth + 1, files, problems);
    } else if (fs::is_regular_file(status) && IsArticleFile(name)) {
      files->push_back(path.string());
    }
  }
}

}  // namespace

// The most a stream (standard input, a pipe) is read into memory.
constexpr size_t kMaxStreamBytes = size_t{1} << 30;

bool DocumentSource::OpenNextFile(std::vector<IngestProblem>* problems) {
  lines_.reset();
  warc_.reset();
  done_bytes_ += current_size_;
  current_size_ = 0;
  while (!pending_.empty()) {
    std::string input = std::move(pending_.front());
    pending_.pop_front();
    std::error_code error;
    if (input != "-" && fs::is_directory(input, error)) {
      // Articles in a directory, in name order, recursively.
      std::vector<std::string> files;
      ListArticleFiles(input, 0, &files, problems);
      std::sort(files.begin(), files.end());
      pending_.insert(pending_.begin(), files.begin(), files.end());
      continue;
    }
    path_ = input;
    if (input != "-" && fs::is_regular_file(input, error))
      current_size_ = fs::file_size(input, error);
    return true;
  }
  return false;
}

bool DocumentSource::NextJsonLine(Document* doc, std::vector<IngestProblem>* problems) {
  std::string line;
  while (lines_->Next(&line)) {
    if (lines_->too_long()) {
      problems->push_back({path_ + ":" + std::to_string(lines_->line_number()),
                           TooLong(options_.max_article_bytes), true});
      continue;
    }
    // A byte-order mark before the first record is no part of it.
    if (lines_->line_number() == 1 && StartsWith(line, "\xEF\xBB\xBF")) line.erase(0, 3);
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
  if (!lines_->status().ok()) {
    // The reader's message names the file already.
    std::string message = lines_->status().message();
    if (StartsWith(message, path_ + ": ")) message.erase(0, path_.size() + 2);
    problems->push_back({path_, message, true});
  }
  lines_.reset();
  return false;
}

void DocumentSource::QueueWhole(std::string bytes, Format format, const std::string& where,
                                std::vector<IngestProblem>* problems) {
  if (format == Format::kFeed) {
    for (Document& d : ReadFeed(bytes, where, problems)) {
      ApplyDefaults(&d);
      queue_.push_back(std::move(d));
    }
    return;
  }
  Document d;
  if (format == Format::kHtml) {
    auto article = ExtractHtmlArticle(bytes);
    if (!article.ok()) {
      problems->push_back({where, article.status().message(), true});
      return;
    }
    d.id = where;
    d.url = std::move(article->url);
    d.title = std::move(article->title);
    d.source = std::move(article->site);
    d.published = article->published;
    if (!article->unread_date.empty()) {
      problems->push_back({where,
                           "date '" + article->unread_date +
                               "' is not a date Palmyra reads; the default date is used",
                           false});
    }
    d.text = std::move(article->text);
  } else {
    TextArticle(std::move(bytes), where, &d);
  }
  ApplyDefaults(&d);
  queue_.push_back(std::move(d));
}

bool DocumentSource::Next(Document* doc, std::vector<IngestProblem>* problems) {
  for (;;) {
    std::string failure;
    try {
      return NextUnguarded(doc, problems);
    } catch (const std::bad_alloc&) {
      failure = "out of memory reading it; the rest of it is skipped";
    } catch (const std::exception& e) {
      failure = std::string("cannot read it: ") + e.what() + "; the rest of it is skipped";
    }
    problems->push_back({path_.empty() ? "input" : path_, failure, true});
    lines_.reset();
    warc_.reset();
    queue_.clear();
  }
}

bool DocumentSource::NextUnguarded(Document* doc, std::vector<IngestProblem>* problems) {
  for (;;) {
    if (!queue_.empty()) {
      *doc = std::move(queue_.front());
      queue_.pop_front();
      return true;
    }
    if (lines_ != nullptr && NextJsonLine(doc, problems)) return true;
    if (warc_ != nullptr) {
      if (warc_->Next(doc, problems)) {
        ApplyDefaults(doc);
        return true;
      }
      warc_.reset();
    }
    if (!OpenNextFile(problems)) return false;
    // Standard input, a pipe, a FIFO, "<(...)": a stream, which can be
    // read once only, so it is read whole (up to a bound) rather than
    // sniffed and then opened again.
    std::error_code kind_error;
    const bool stream =
        path_ == "-" || (fs::exists(path_, kind_error) && !fs::is_regular_file(path_, kind_error) &&
                         !fs::is_directory(path_, kind_error));
    if (stream) {
      const std::string name = path_ == "-" ? "stdin" : path_;
      std::FILE* in = path_ == "-" ? stdin : std::fopen(path_.c_str(), "rb");
      if (in == nullptr) {
        problems->push_back({name, std::string("cannot open: ") + std::strerror(errno), true});
        continue;
      }
      std::string text;
      char buffer[1 << 16];
      size_t n;
      bool too_big = false;
      while ((n = std::fread(buffer, 1, sizeof buffer, in)) > 0) {
        if (text.size() + n > kMaxStreamBytes) {
          too_big = true;
          break;
        }
        text.append(buffer, n);
      }
      if (in != stdin) std::fclose(in);
      if (too_big) {
        problems->push_back(
            {name, "more than 1 GiB from a stream: write it to a file first", true});
        continue;
      }
      const Format format = DetectInputFormat(text);
      if (format == Format::kBinary) {
        problems->push_back({name, "binary data, not a text, web page, feed or crawl", true});
        continue;
      }
      if (format == Format::kWarc) {
        problems->push_back(
            {name, "a WARC crawl is read from a file, not a stream: name the file", true});
        continue;
      }
      if (format != Format::kJsonLines) {
        if (text.size() > options_.max_article_bytes) {
          problems->push_back({name, TooLong(options_.max_article_bytes), true});
          continue;
        }
        QueueWhole(std::move(text), format, name, problems);
        continue;
      }
      size_t pos = 0;
      int line_number = 0;
      while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string_view line = std::string_view(text).substr(pos, end - pos);
        pos = end + 1;
        ++line_number;
        if (line_number == 1 && StartsWith(line, "\xEF\xBB\xBF")) line.remove_prefix(3);
        if (Trim(line).empty()) continue;
        Document d;
        const std::string where =
            (path_ == "-" ? std::string("<stdin>") : path_) + ":" + std::to_string(line_number);
        if (line.size() > options_.max_article_bytes) {
          problems->push_back({where, TooLong(options_.max_article_bytes), true});
          continue;
        }
        Status parsed = ParseJsonArticle(line, where, &d, problems);
        if (!parsed.ok()) {
          problems->push_back({where, parsed.message(), true});
          continue;
        }
        ApplyDefaults(&d);
        queue_.push_back(std::move(d));
      }
      continue;
    }
    std::error_code error;
    if (!fs::exists(path_, error)) {
      problems->push_back({path_, "no such file or directory", true});
      continue;
    }
    const Format format = DetectInputFormat(Head(path_));
    if (format == Format::kBinary) {
      problems->push_back(
          {path_, "binary data, not a text, web page, feed, JSON Lines file or crawl", true});
      continue;
    }
    if (format == Format::kWarc) {
      auto opened = WarcReader::Open(path_, options_.max_article_bytes);
      if (!opened.ok()) {
        problems->push_back({path_, opened.status().message(), true});
        continue;
      }
      warc_ = std::move(opened).value();
      continue;
    }
    if (format == Format::kJsonLines) {
      if (IsGzip(path_)) {
        std::FILE* stream = OpenGzipStream(path_);
        if (stream == nullptr) {
          problems->push_back({path_, "cannot open", true});
          continue;
        }
        lines_ = LineReader::FromStream(stream, path_);
        lines_->set_max_line(options_.max_article_bytes);
        continue;
      }
      auto opened = LineReader::Open(path_);
      if (!opened.ok()) {
        problems->push_back({path_, opened.status().message(), true});
        continue;
      }
      lines_ = std::move(opened).value();
      lines_->set_max_line(options_.max_article_bytes);
      continue;
    }
    auto contents = ReadWhole(path_, options_.max_article_bytes);
    if (!contents.ok()) {
      std::string message = contents.status().message();
      if (StartsWith(message, path_ + ": ")) message.erase(0, path_.size() + 2);
      problems->push_back({path_, message, true});
      continue;
    }
    QueueWhole(std::move(contents).value(), format, path_, problems);
  }
}

InputFormat DetectInputFormat(std::string_view head) {
  if (StartsWith(head, "WARC/")) return InputFormat::kWarc;
  if (head.find('\0') != std::string_view::npos) return InputFormat::kBinary;
  if (StartsWith(head, "\xEF\xBB\xBF")) head.remove_prefix(3);  // a byte-order mark
  while (!head.empty() && IsAsciiSpace(head.front())) head.remove_prefix(1);
  if (head.empty()) return InputFormat::kText;
  if (head.front() == '{') return InputFormat::kJsonLines;
  if (head.front() != '<') return InputFormat::kText;
  if (LooksLikeFeed(head)) return InputFormat::kFeed;
  const std::string lower = AsciiLowercase(head.substr(0, std::min<size_t>(head.size(), 4096)));
  for (const char* mark :
       {"<html", "<!doctype html", "<head", "<body", "<article", "<p>", "<p ", "<div", "<title"}) {
    if (lower.find(mark) != std::string::npos) return InputFormat::kHtml;
  }
  return InputFormat::kText;
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
