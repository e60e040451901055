#include "cli/code_command.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "cli/input_options.h"
#include "cli/output_file.h"
#include "core/strings.h"
#include "ingest/document_source.h"
#include "palmyra/engine.h"
#include "pipeline/batch_runner.h"
#include "pipeline/event_sinks.h"

namespace palmyra {
namespace {

// The progress line: on standard error, only when it is a terminal,
// rewritten at most twice a second; with NO_COLOR set or TERM=dumb, without
// escape sequences (spaces clear the rest of the line).
class Progress {
 public:
  explicit Progress(uint64_t total_bytes)
      : enabled_(isatty(STDERR_FILENO) != 0),
        plain_(PlainTerminal()),
        total_(total_bytes),
        start_(std::chrono::steady_clock::now()) {}
  void Update(long documents, long events, long errors, uint64_t bytes_read) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    shown_ = true;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    char line[256];
    int n = std::snprintf(line, sizeof line,
                          "palmyra: %ld article(s), %.0f a second, %ld event(s), %ld error(s)",
                          documents, seconds > 0 ? documents / seconds : 0.0, events, errors);
    if (total_ > 0 && bytes_read > 0 && n > 0 && n < static_cast<int>(sizeof line)) {
      const double done = std::min(1.0, static_cast<double>(bytes_read) / total_);
      const long left = static_cast<long>(seconds / done * (1 - done));
      std::snprintf(line + n, sizeof line - n, ", %.0f%% read, %ldm%02lds left", 100 * done,
                    left / 60, left % 60);
    }
    const int length = static_cast<int>(std::strlen(line));
    if (plain_) {
      std::fprintf(stderr, "\r%s%*s", line, std::max(0, width_ - length), "");
    } else {
      std::fprintf(stderr, "\r%s\033[K", line);
    }
    width_ = length;
  }
  // Clears the line before other messages and at the end.
  void Clear() {
    if (enabled_ && shown_) {
      if (plain_) {
        std::fprintf(stderr, "\r%*s\r", width_, "");
      } else {
        std::fprintf(stderr, "\r\033[K");
      }
    }
    shown_ = false;
  }

 private:
  static bool PlainTerminal() {
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return (no_color != nullptr && no_color[0] != '\0') ||
           (term != nullptr && std::strcmp(term, "dumb") == 0);
  }

  bool enabled_;
  bool plain_;
  int width_ = 0;
  bool shown_ = false;
  uint64_t total_;
  std::chrono::steady_clock::time_point start_, last_;
};

// What reading and coding a batch reported, in input order; the progress
// line after it.
void ReportBatch(const CodedBatch& batch, const RunTotals& totals, Progress* progress) {
  for (const IngestProblem& p : batch.problems) {
    progress->Clear();
    std::fprintf(stderr, "palmyra: %s: %s: %s\n", p.unreadable ? "error" : "warning",
                 Printable(p.where).c_str(), Printable(p.message).c_str());
  }
  for (const CodedArticle& a : batch.articles) {
    if (a.stored || !a.duplicate_of.empty()) continue;
    if (!a.error.empty()) {
      progress->Clear();
      std::fprintf(stderr, "palmyra: %s: document %s: %s; skipped\n", a.lost ? "error" : "warning",
                   Printable(a.doc.id).c_str(), Printable(a.error).c_str());
      continue;
    }
    for (const std::string& w : a.stats.warnings) {
      progress->Clear();
      std::fprintf(stderr, "palmyra: warning: document %s: %s\n", Printable(a.doc.id).c_str(),
                   Printable(w).c_str());
    }
  }
  progress->Update(totals.documents, totals.events, totals.unreadable + totals.failed,
                   batch.bytes_read);
}

// The summary line; `database` names the store, "" without one.
void PrintSummary(const RunTotals& t, double seconds, const std::string& database) {
  std::fprintf(
      stderr,
      "palmyra: coded %lld document(s), %lld sentence(s), %lld event(s) in %.2f s; "
      "%lld unreadable input(s), %lld empty document(s), %lld warning(s); %lld "
      "near-duplicate(s) linked, not coded%s\n",
      static_cast<long long>(t.coded), static_cast<long long>(t.sentences),
      static_cast<long long>(t.events), seconds, static_cast<long long>(t.unreadable),
      static_cast<long long>(t.failed), static_cast<long long>(t.warnings),
      static_cast<long long>(t.duplicates),
      ((t.lost > 0 ? "; " + std::to_string(t.lost) + " document(s) lost to errors" : "") +
       (database.empty() ? ""
                         : "; " + std::to_string(t.stored) + " article(s) stored in " + database +
                               ", " + std::to_string(t.unchanged) + " unchanged"))
          .c_str());
}

}  // namespace

int RunCodeCommand(const CodeCommandOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const std::optional<IngestOptions> ingest =
      MakeIngestOptions(options.date, options.max_article_bytes);
  if (!ingest) return 2;
  if (options.format != "jsonl" && options.format != "text") {
    std::fprintf(stderr, "palmyra: --format must be jsonl or text, not '%s'\n",
                 options.format.c_str());
    return 2;
  }
  auto engine = Engine::Create(options.engine);
  if (engine.ok()) {
    // The user's dictionaries load as far as they can be read: say what not.
    const std::vector<std::string>& warnings = (*engine)->load_warnings();
    for (size_t i = 0; i < warnings.size() && i < 20; ++i)
      std::fprintf(stderr, "palmyra: %s\n", Printable(warnings[i]).c_str());
    if (warnings.size() > 20) {
      std::fprintf(stderr,
                   "palmyra: %zu more dictionary warnings (palmyra dict check lists them all)\n",
                   warnings.size() - 20);
    }
  }
  if (!engine.ok()) {
    std::fprintf(stderr, "palmyra: cannot start: %s\n", engine.status().ToString().c_str());
    return 2;
  }
  // With a database, events go to standard output only when asked (-o -).
  std::unique_ptr<StoreSink> store;
  if (!options.db.empty() || !options.pg.empty()) {
    auto opened = options.pg.empty() ? StoreSink::OpenSqlite(options.db)
                                     : StoreSink::OpenPostgres(options.pg);
    if (!opened.ok()) {
      std::fprintf(stderr, "palmyra: %s\n", opened.status().message().c_str());
      return 2;
    }
    store = std::move(opened).value();
  }
  // Events go to standard output, a file, or (with --db and no -o) nowhere.
  if (IsAlsoAnInput(options.output, options.inputs)) {
    std::fprintf(stderr, "palmyra: -o %s is also an input: writing it would destroy it\n",
                 options.output.c_str());
    return 2;
  }
  std::unique_ptr<OutputFile> out;
  std::unique_ptr<StreamSink> stream;
  if (store == nullptr || !options.output.empty()) {
    auto opened = OutputFile::Open(options.output);
    if (!opened.ok()) {
      std::fprintf(stderr, "palmyra: %s\n", opened.status().message().c_str());
      return 1;
    }
    out = std::move(opened).value();
    stream = std::make_unique<StreamSink>(
        options.format == "jsonl" ? StreamSink::Format::kJsonLines : StreamSink::Format::kText,
        [&](std::string_view data) { out->Write(data); });
  }
  // The database first: events reach the output once they are stored.
  std::vector<EventSink*> sinks;
  if (store != nullptr) sinks.push_back(store.get());
  if (stream != nullptr) sinks.push_back(stream.get());

  DocumentSource source(options.inputs, *ingest);
  Progress progress(source.TotalBytes());
  RunOptions run;
  run.threads = options.threads;
  run.keep_duplicates = options.keep_duplicates;
  // Messages, in input order, after each batch is written.
  auto report = [&](const CodedBatch& batch, const RunTotals& totals) {
    ReportBatch(batch, totals, &progress);
  };
  auto ran = RunBatches(**engine, source, sinks, run, report);
  progress.Clear();
  if (!ran.ok()) {
    std::fprintf(stderr, "palmyra: %s\n", ran.status().message().c_str());
    return 2;
  }
  const RunTotals& t = *ran;
  // Events that could not be written are lost: that fails the run.
  Status written = Status::Ok();
  if (out != nullptr) written = out->Close();
  if (!written.ok()) std::fprintf(stderr, "palmyra: %s\n", written.message().c_str());
  if (!options.quiet) {
    PrintSummary(t, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                 store == nullptr ? "" : store->name());
  }
  return t.unreadable > 0 || t.lost > 0 || !written.ok() ? 1 : 0;
}

}  // namespace palmyra
