#include "cli/code_command.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <mutex>
#include <new>
#include <optional>
#include <thread>

#include "cli/output_file.h"
#include "core/strings.h"
#include "ingest/document_source.h"
#include "merge/near_duplicates.h"
#include "palmyra/engine.h"
#include "store/event_json.h"
#include "store/event_store.h"

namespace palmyra {
namespace {

// A readable line per event, for people rather than programs.
void AppendEventText(const Event& e, std::string* out) {
  auto actor = [](const std::optional<ActorRef>& a) {
    return a ? a->code + " (" + a->text + ")" : std::string("-");
  };
  out->append(e.doc_id + " #" + std::to_string(e.sentence_index) + "  " + actor(e.source) + " -> " +
              actor(e.target) + "  " + e.cameo.code + " " + e.plover.type +
              (e.plover.mode.empty() ? "" : "/" + e.plover.mode));
  if (e.modality != Modality::kAsserted)
    out->append("  [" + std::string(ModalityName(e.modality)) + "]");
  if (e.attribution) out->append("  according to " + e.attribution->text);
  if (e.date) {
    // "2016-03-07", or "week of 2016-03-07 (last week)", "2011 (in 2011, historical)".
    const Date& d = e.date->value;
    std::string when = d.ToString();
    if (e.date->precision == DatePrecision::kWeek) when = "week of " + when;
    if (e.date->precision == DatePrecision::kMonth) when = when.substr(0, 7);
    if (e.date->precision == DatePrecision::kYear) when = when.substr(0, 4);
    std::string how = e.date->text;
    if (e.date->historical) how += how.empty() ? "historical" : ", historical";
    out->append("  " + when + (how.empty() ? "" : " (" + how + ")"));
  }
  if (e.location) {
    // "at Tadmur, Homs, SYR (Palmyra)", "in SYR (country)".
    const Location& l = e.location.value();
    std::string where = l.precision == LocationPrecision::kCountry ? l.country : l.name;
    if (l.precision == LocationPrecision::kCity && !l.admin1.empty()) where += ", " + l.admin1;
    if (l.precision != LocationPrecision::kCountry) where += ", " + l.country;
    std::string how = l.text == l.name ? "" : l.text;
    if (l.precision != LocationPrecision::kCity)
      how += (how.empty() ? "" : ", ") + std::string(LocationPrecisionName(l.precision));
    out->append("  at " + where + (how.empty() ? "" : " (" + how + ")"));
  }
  for (const Quantity& q : e.quantities) {
    char value[64];
    std::snprintf(value, sizeof value, "%g", q.value);
    out->append("  " + q.kind + "=" + value + (q.unit.empty() ? "" : " " + q.unit));
  }
  out->append("\n    \"" + e.evidence.text + "\"\n");
}

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

struct Job {
  Document doc;
  std::vector<Event> events;
  std::string error;
  CodeStats stats;
  bool stored = false;  // in the database already, unchanged: not coded again
  std::optional<MinHash> signature;
  std::string duplicate_of;  // a near-duplicate of this article: not coded again
  bool lost = false;         // coding failed (memory, a bug): the run fails too
};

// Runs `fn` on every job of the batch on `threads` threads.
template <typename Fn>
void ForEachJob(std::vector<Job>* batch, int threads, Fn fn) {
  std::atomic<size_t> next{0};
  auto work = [&]() {
    for (size_t i = next++; i < batch->size(); i = next++) fn((*batch)[i]);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads && static_cast<size_t>(t) < batch->size(); ++t)
    pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

// A coded batch on its way to the database and the output, with what
// reading it reported and how far reading had come.
struct CodedBatch {
  std::vector<Job> jobs;
  std::vector<IngestProblem> problems;
  uint64_t bytes_read = 0;
};

// Stores and writes coded batches, in order, on a thread of its own, so that
// coding the next batch never waits for SQLite or the output. One batch
// waits at most; `write` returns false when writing failed, after which
// no more batches are taken.
class BatchWriter {
 public:
  explicit BatchWriter(std::function<bool(CodedBatch&)> write)
      : write_(std::move(write)), thread_([this]() { Run(); }) {}
  ~BatchWriter() { Finish(); }
  BatchWriter(const BatchWriter&) = delete;
  BatchWriter& operator=(const BatchWriter&) = delete;

  // Hands over a batch; false when writing has failed.
  bool Push(CodedBatch batch) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&]() { return !pending_ || failed_; });
    if (failed_) return false;
    pending_ = std::move(batch);
    changed_.notify_all();
    return true;
  }
  // Waits until every batch handed over is written; false when one failed.
  bool Finish() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
    return !failed_;
  }

 private:
  void Run() {
    for (;;) {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&]() { return pending_.has_value() || done_; });
      if (!pending_) return;
      CodedBatch batch = std::move(*pending_);
      pending_.reset();
      changed_.notify_all();
      lock.unlock();
      if (!write_(batch)) {
        lock.lock();
        failed_ = true;
        changed_.notify_all();
        return;
      }
    }
  }

  std::function<bool(CodedBatch&)> write_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<CodedBatch> pending_;
  bool done_ = false;
  bool failed_ = false;
  std::thread thread_;  // last: starts once the rest is ready
};

}  // namespace

int RunCodeCommand(const CodeCommandOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  IngestOptions ingest;
  ingest.max_article_bytes = options.max_article_bytes;
  if (!options.date.empty()) {
    ingest.default_date = Date::Parse(options.date);
    if (!ingest.default_date) {
      std::fprintf(stderr, "palmyra: --date '%s' is not a date in the form YYYY-MM-DD\n",
                   options.date.c_str());
      return 2;
    }
  }
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
  std::unique_ptr<EventStore> store;
  if (!options.db.empty()) {
    auto opened = EventStore::Open(options.db);
    if (!opened.ok()) {
      std::fprintf(stderr, "palmyra: %s\n", opened.status().message().c_str());
      return 2;
    }
    store = std::move(opened).value();
  }
  // What is stored already is looked up on a connection of its own, while
  // the writer thread stores the previous batch on the other.
  std::unique_ptr<EventStore> lookup;
  if (store != nullptr) {
    auto opened = EventStore::OpenForReading(options.db);
    if (!opened.ok()) {
      std::fprintf(stderr, "palmyra: %s\n", opened.status().message().c_str());
      return 2;
    }
    lookup = std::move(opened).value();
  }
  // Events go to standard output, a file, or (with --db and no -o) nowhere.
  if (IsAlsoAnInput(options.output, options.inputs)) {
    std::fprintf(stderr, "palmyra: -o %s is also an input: writing it would destroy it\n",
                 options.output.c_str());
    return 2;
  }
  std::unique_ptr<OutputFile> out;
  if (store == nullptr || !options.output.empty()) {
    auto opened = OutputFile::Open(options.output);
    if (!opened.ok()) {
      std::fprintf(stderr, "palmyra: %s\n", opened.status().message().c_str());
      return 1;
    }
    out = std::move(opened).value();
  }
  const int threads =
      options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  DocumentSource source(options.inputs, ingest);
  Progress progress(source.TotalBytes());

  // Articles are read in batches, coded on all threads, and written in
  // input order, so the output does not depend on the number of threads.
  const size_t batch_size = static_cast<size_t>(threads) * 32;
  std::vector<Job> batch;
  std::vector<IngestProblem> problems;
  long documents = 0, sentences = 0, events = 0, unreadable = 0, warnings = 0, failed = 0;
  long stored = 0, unchanged = 0, duplicates = 0, lost = 0;
  NearDuplicateIndex seen;  // the articles of this run that are no copies
  std::string buffer;
  // Storing and writing, in input order, on the writer's thread; only it
  // touches the counts below until it has finished.
  auto write_batch = [&](CodedBatch& coded) -> bool {
    if (!coded.problems.empty()) progress.Clear();
    for (const IngestProblem& p : coded.problems) {
      std::fprintf(stderr, "palmyra: %s: %s: %s\n", p.unreadable ? "error" : "warning",
                   Printable(p.where).c_str(), Printable(p.message).c_str());
      (p.unreadable ? unreadable : warnings) += 1;
    }
    // The batch goes into the database in one transaction: a run killed
    // here leaves the database as it was before the batch.
    if (store != nullptr) {
      Status written = store->Begin();
      for (const Job& job : coded.jobs) {
        if (!written.ok()) break;
        if (job.stored || !job.error.empty()) continue;
        auto put = store->Put(job.doc, job.stats, job.events, {job.signature, job.duplicate_of});
        if (!put.ok()) written = put.status();
        if (put.ok() && *put) ++stored;
      }
      written = written.ok() ? store->Commit() : written;
      if (!written.ok()) {
        progress.Clear();
        std::fprintf(stderr, "palmyra: %s\n", written.message().c_str());
        return false;
      }
    }
    for (const Job& job : coded.jobs) {
      ++documents;
      if (job.stored) {
        ++unchanged;
        continue;
      }
      if (!job.duplicate_of.empty()) {
        ++duplicates;
        continue;
      }
      if (!job.error.empty()) {
        progress.Clear();
        std::fprintf(stderr, "palmyra: %s: document %s: %s; skipped\n",
                     job.lost ? "error" : "warning", Printable(job.doc.id).c_str(),
                     Printable(job.error).c_str());
        ++(job.lost ? lost : failed);
        continue;
      }
      for (const std::string& w : job.stats.warnings) {
        progress.Clear();
        std::fprintf(stderr, "palmyra: warning: document %s: %s\n", Printable(job.doc.id).c_str(),
                     Printable(w).c_str());
        ++warnings;
      }
      sentences += job.stats.sentences;
      buffer.clear();
      for (const Event& e : job.events) {
        if (options.format == "jsonl") {
          AppendEventJson(e, &buffer);
        } else {
          AppendEventText(e, &buffer);
        }
        if (buffer.size() >= (size_t{1} << 20) && out != nullptr) {
          out->Write(buffer);
          buffer.clear();
        }
      }
      events += static_cast<long>(job.events.size());
      if (out != nullptr) out->Write(buffer);
    }
    progress.Update(documents, events, unreadable + failed, coded.bytes_read);
    return true;
  };
  BatchWriter writer(write_batch);
  bool more = true;
  while (more) {
    batch.clear();
    Document doc;
    while (batch.size() < batch_size && (more = source.Next(&doc, &problems))) {
      batch.push_back(Job{std::move(doc), {}, {}, {}, false, std::nullopt, {}});
      doc = Document();
    }
    if (store != nullptr) {
      for (Job& job : batch) {
        auto stored = lookup->IsStored(job.doc);
        if (!stored.ok()) {
          std::fprintf(stderr, "palmyra: %s\n", stored.status().message().c_str());
          return 2;
        }
        job.stored = *stored;
      }
    }
    // Signatures on all threads, then near-duplicates in input order (a copy
    // is linked to the first article of its story, in this run or stored),
    // then coding on all threads. Signatures are only made when they are
    // used: to find copies, or to be stored for finding them later.
    if (!options.keep_duplicates || store != nullptr) {
      ForEachJob(&batch, threads, [](Job& job) {
        if (!job.stored) job.signature = MinHashOf(job.doc.text);
      });
    }
    if (!options.keep_duplicates) {
      for (Job& job : batch) {
        if (job.stored || !job.signature) continue;
        std::optional<std::string> original = seen.Find(*job.signature);
        if (!original && store != nullptr) {
          auto found = lookup->FindNearDuplicate(*job.signature);
          if (!found.ok()) {
            std::fprintf(stderr, "palmyra: %s\n", found.status().message().c_str());
            return 2;
          }
          original = *found;
        }
        if (original && *original != job.doc.id) {
          job.duplicate_of = *original;
        } else {
          seen.Add(*job.signature, job.doc.id);
        }
      }
    }
    ForEachJob(&batch, threads, [&](Job& job) {
      if (job.stored || !job.duplicate_of.empty()) return;
      // An article that exhausts memory fails alone; the run goes on.
      try {
        auto coded = (*engine)->Code(job.doc, &job.stats);
        if (coded.ok()) {
          job.events = std::move(coded).value();
        } else {
          job.error = coded.status().message();
        }
      } catch (const std::bad_alloc&) {
        job.events.clear();
        job.lost = true;
        job.error = "out of memory coding it (--max-article-bytes bounds an article's size)";
      } catch (const std::exception& e) {
        job.events.clear();
        job.lost = true;
        job.error = std::string("internal error coding it: ") + e.what();
      }
    });
    if (!writer.Push(CodedBatch{std::move(batch), std::move(problems), source.BytesRead()})) break;
    batch = std::vector<Job>();
    problems.clear();
  }
  if (!writer.Finish()) return 2;

  progress.Clear();
  // Events that could not be written are lost: that fails the run.
  Status written = Status::Ok();
  if (out != nullptr) written = out->Close();
  if (!written.ok()) std::fprintf(stderr, "palmyra: %s\n", written.message().c_str());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!options.quiet) {
    std::fprintf(
        stderr,
        "palmyra: coded %ld document(s), %ld sentence(s), %ld event(s) in %.2f s; "
        "%ld unreadable input(s), %ld empty document(s), %ld warning(s); %ld "
        "near-duplicate(s) linked, not coded%s\n",
        documents - failed - lost - unchanged - duplicates, sentences, events, seconds, unreadable,
        failed, warnings, duplicates,
        ((lost > 0 ? "; " + std::to_string(lost) + " document(s) lost to errors" : "") +
         (store == nullptr ? ""
                           : "; " + std::to_string(stored) + " article(s) stored in " + options.db +
                                 ", " + std::to_string(unchanged) + " unchanged"))
            .c_str());
  }
  return unreadable > 0 || lost > 0 || !written.ok() ? 1 : 0;
}

}  // namespace palmyra
