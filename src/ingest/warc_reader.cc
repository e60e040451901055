#include "ingest/warc_reader.h"

#include <algorithm>
#include <cstring>

#include "core/strings.h"
#include "ingest/html_article.h"

namespace palmyra {
namespace {

constexpr size_t kChunk = 1 << 16;
// Records larger than this are passed over: no news page is that big.
constexpr uint64_t kMaxBlock = 64ull << 20;
constexpr size_t kMaxLine = 1 << 16;

std::string_view TrimLine(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == '\n' || s.back() == ' '))
    s.remove_suffix(1);
  return s;
}

// "Name: value" lines up to a blank line, names in lower case.
std::map<std::string, std::string> Headers(std::string_view text) {
  std::map<std::string, std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = TrimLine(text.substr(pos, end - pos));
    pos = end + 1;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    out[AsciiLowercase(Trim(line.substr(0, colon)))] = std::string(Trim(line.substr(colon + 1)));
  }
  return out;
}

bool ParseLength(const std::string& text, uint64_t* n) {
  if (text.empty() || text.size() > 15) return false;
  *n = 0;
  for (char c : text) {
    if (!IsAsciiDigit(c)) return false;
    *n = *n * 10 + static_cast<uint64_t>(c - '0');
  }
  return true;
}

}  // namespace

bool Dechunk(std::string_view body, std::string* out) {
  out->clear();
  size_t pos = 0;
  for (;;) {
    const size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) return false;
    std::string_view size_line = TrimLine(body.substr(pos, eol - pos));
    const size_t semicolon = size_line.find(';');  // chunk extensions
    if (semicolon != std::string_view::npos) size_line = size_line.substr(0, semicolon);
    size_line = Trim(size_line);
    if (size_line.empty() || size_line.size() > 12) return false;
    uint64_t size = 0;
    for (char c : size_line) {
      const int digit = IsAsciiDigit(c)          ? c - '0'
                        : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                        : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                 : -1;
      if (digit < 0) return false;
      size = size * 16 + static_cast<uint64_t>(digit);
    }
    pos = eol + 1;
    if (size == 0) return true;
    if (size > body.size() - pos) return false;
    out->append(body.substr(pos, size));
    pos += size;
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos < body.size() && body[pos] == '\n') ++pos;
  }
}

namespace {

// Inflates `data` with zlib's window bits `bits`; Z_STREAM_END when whole.
int InflateWith(std::string_view data, int bits, std::string* out) {
  out->clear();
  z_stream z;
  std::memset(&z, 0, sizeof z);
  if (inflateInit2(&z, bits) != Z_OK) return Z_MEM_ERROR;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  char buffer[kChunk];
  int status = Z_OK;
  while (status == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    status = inflate(&z, Z_NO_FLUSH);
    out->append(buffer, sizeof buffer - z.avail_out);
    if (out->size() > kMaxBlock) status = Z_DATA_ERROR;
    if (status == Z_BUF_ERROR && z.avail_in == 0) break;
  }
  inflateEnd(&z);
  return status;
}

}  // namespace

bool Inflate(std::string_view data, std::string* out) {
  // 15 + 32: zlib or gzip, told by the header; -15: raw deflate data, which
  // some servers send as "deflate".
  const int status = InflateWith(data, 15 + 32, out);
  if (status == Z_STREAM_END) return true;
  return status == Z_DATA_ERROR && out->empty() && InflateWith(data, -15, out) == Z_STREAM_END;
}

Result<std::unique_ptr<WarcReader>> WarcReader::Open(const std::string& path, uint64_t max_record) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return IoError(path + ": cannot open");
  gzbuffer(file, 1 << 17);
  return std::unique_ptr<WarcReader>(new WarcReader(file, path, max_record));
}

WarcReader::~WarcReader() { gzclose(file_); }

uint64_t WarcReader::file_offset() const {
  const z_off_t at = gzoffset(file_);
  return at < 0 ? 0 : static_cast<uint64_t>(at);
}

void WarcReader::Report(const std::string& where, const std::string& message,
                        std::vector<IngestProblem>* problems) const {
  // After damaged gzip data the bytes stop mid-record: that was reported.
  if (!failed_) problems->push_back({where, message, true});
}

std::string WarcReader::Where(uint64_t offset) const {
  return path_ + "@" + std::to_string(offset) + (gzdirect(file_) ? "" : " (uncompressed)");
}

bool WarcReader::Fill(std::vector<IngestProblem>* problems) {
  if (eof_) return false;
  if (pos_ > (1u << 20)) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  const size_t old = buffer_.size();
  buffer_.resize(old + kChunk);
  const int n = gzread(file_, buffer_.data() + old, kChunk);
  buffer_.resize(old + static_cast<size_t>(std::max(n, 0)));
  int error = Z_OK;
  const char* message = gzerror(file_, &error);
  if (n < 0 || (error != Z_OK && error != Z_STREAM_END)) {
    // zlib's message starts with the path.
    std::string why = message != nullptr ? message : "read error";
    if (StartsWith(why, path_ + ": ")) why = why.substr(path_.size() + 2);
    problems->push_back(
        {Where(offset_ + (buffer_.size() - pos_)),
         "truncated or damaged gzip data (" + why + "); the rest of the file cannot be read",
         true});
    eof_ = failed_ = true;
    return n > 0;
  }
  if (n == 0) eof_ = true;
  return n > 0;
}

bool WarcReader::ReadLine(std::string* line, std::vector<IngestProblem>* problems) {
  for (;;) {
    const size_t newline = buffer_.find('\n', pos_);
    if (newline != std::string::npos || buffer_.size() - pos_ >= kMaxLine || eof_) {
      const size_t end =
          newline != std::string::npos ? newline + 1 : std::min(buffer_.size(), pos_ + kMaxLine);
      if (end == pos_) return false;
      line->assign(buffer_, pos_, end - pos_);
      offset_ += end - pos_;
      pos_ = end;
      return true;
    }
    if (!Fill(problems) && !eof_) return false;
  }
}

bool WarcReader::ReadBytes(uint64_t n, std::string* out, std::vector<IngestProblem>* problems) {
  if (out != nullptr) out->clear();
  while (n > 0) {
    if (pos_ == buffer_.size() && !Fill(problems)) return false;
    const size_t take = static_cast<size_t>(std::min<uint64_t>(n, buffer_.size() - pos_));
    if (out != nullptr) out->append(buffer_, pos_, take);
    pos_ += take;
    offset_ += take;
    n -= take;
  }
  return true;
}

bool WarcReader::Next(Document* doc, std::vector<IngestProblem>* problems) {
  std::string line, block, body;
  // After damaged gzip data, what was decompressed before it is still read.
  for (;;) {
    // The version line, after the blank lines that end the previous record.
    uint64_t start = offset_;
    do {
      start = offset_;
      if (!ReadLine(&line, problems)) return false;
    } while (TrimLine(line).empty());
    if (!StartsWith(line, "WARC/")) {
      std::string shown(TrimLine(line).substr(0, 40));
      for (char& c : shown) {
        if (static_cast<unsigned char>(c) < 0x20) c = '?';
      }
      Report(Where(start),
             "not a WARC record header ('" + shown + "'); reading goes on at the next record",
             problems);
      bool found = false;
      while (!found) {
        start = offset_;
        if (!ReadLine(&line, problems)) return false;
        found = StartsWith(line, "WARC/1.");
      }
    }
    std::string header_text;
    while (ReadLine(&line, problems) && !TrimLine(line).empty()) header_text += line;
    const auto headers = Headers(header_text);
    uint64_t length = 0;
    const auto length_field = headers.find("content-length");
    if (length_field == headers.end() || !ParseLength(length_field->second, &length)) {
      Report(Where(start),
             "a WARC record without a valid Content-Length; reading goes on at the next record",
             problems);
      continue;
    }
    ++records_;
    const auto field = [&](const char* name) {
      const auto it = headers.find(name);
      return it == headers.end() ? std::string() : it->second;
    };
    const bool response =
        AsciiLowercase(field("warc-type")) == "response" &&
        AsciiLowercase(field("content-type")).find("application/http") != std::string::npos;
    if (!response || length > std::min(max_record_, kMaxBlock)) {
      if (response) {
        Report(Where(start),
               "a response record of " + std::to_string(length) + " bytes, more than the " +
                   std::to_string(std::min(max_record_, kMaxBlock)) +
                   " an article may have (--max-article-bytes); skipped",
               problems);
      }
      if (!ReadBytes(length, nullptr, problems)) return false;
      continue;
    }
    if (!ReadBytes(length, &block, problems)) {
      Report(Where(start), "the last record is cut short", problems);
      return false;
    }
    // The HTTP response: status line, headers, blank line, payload.
    size_t split = block.find("\r\n\r\n");
    size_t skip = 4;
    if (split == std::string::npos) {
      split = block.find("\n\n");
      skip = 2;
    }
    if (!StartsWith(block, "HTTP/") || split == std::string::npos) continue;
    const std::string_view status_line =
        TrimLine(std::string_view(block).substr(0, block.find('\n')));
    const auto space = status_line.find(' ');
    if (space == std::string_view::npos || status_line.substr(space + 1, 3) != "200") continue;
    const auto http = Headers(std::string_view(block).substr(0, split));
    const auto http_field = [&](const char* name) {
      const auto it = http.find(name);
      return it == http.end() ? std::string() : AsciiLowercase(it->second);
    };
    const std::string type = http_field("content-type");
    std::string_view payload = std::string_view(block).substr(split + skip);
    const bool html = type.find("text/html") != std::string::npos ||
                      type.find("application/xhtml") != std::string::npos ||
                      (type.empty() && payload.substr(0, 1024).find("<html") != std::string::npos);
    if (!html) continue;
    const std::string uri = field("warc-target-uri");
    const std::string where = Where(start) + " " + uri;
    if (http_field("transfer-encoding").find("chunked") != std::string::npos) {
      if (!Dechunk(payload, &body)) {
        problems->push_back({where, "broken chunked transfer coding", true});
        continue;
      }
      block.swap(body);
      payload = block;
    }
    const std::string coding = http_field("content-encoding");
    if (coding.find("gzip") != std::string::npos || coding.find("deflate") != std::string::npos) {
      if (!Inflate(payload, &body)) {
        problems->push_back({where, "broken " + coding + " content coding", true});
        continue;
      }
      payload = body;
    }
    std::string charset;
    if (const size_t at = type.find("charset="); at != std::string::npos) {
      charset = std::string(Trim(type.substr(at + 8)));
      charset = charset.substr(0, charset.find_first_of(" ;\""));
    }
    auto article = ExtractHtmlArticle(payload, uri, charset);
    if (!article.ok()) {
      problems->push_back({where, article.status().message(), false});
      continue;
    }
    *doc = Document();
    std::string id = field("warc-record-id");
    if (StartsWith(id, "<") && EndsWith(id, ">")) id = id.substr(1, id.size() - 2);
    doc->id = !uri.empty() ? uri : id;
    doc->url = article->url.empty() ? uri : article->url;
    doc->title = std::move(article->title);
    doc->source = std::move(article->site);
    doc->published = article->published ? article->published : ParseWebDate(field("warc-date"));
    if (!article->unread_date.empty()) {
      problems->push_back({where,
                           "the page's date '" + article->unread_date +
                               "' is not a date Palmyra reads; the crawl's date is used",
                           false});
    }
    doc->text = std::move(article->text);
    return true;
  }
}

}  // namespace palmyra
