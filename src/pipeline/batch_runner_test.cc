#include "pipeline/batch_runner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/event_sinks.h"
#include "store/event_json.h"

namespace palmyra {
namespace {

namespace fs = std::filesystem;

const Engine& TheEngine() {
  static std::unique_ptr<Engine> engine = [] {
    auto e = Engine::Create(Options());
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    return std::move(e).value();
  }();
  return *engine;
}

// A JSON Lines input of `n` articles, each a different attack, and one copy
// of the first article under another id.
std::string WriteInput(const std::string& name, int n) {
  const fs::path path = fs::temp_directory_path() / name;
  std::ofstream out(path);
  const std::string story =
      "Gunmen attacked a police station in the town of Gao on Monday, killing two officers, "
      "the regional governor said. The attackers fled on motorbikes towards the border. Police "
      "said they had arrested a suspect and were searching the area for the others, who were "
      "believed to belong to a group that has staged raids in the region for years.";
  for (int i = 0; i < n; ++i) {
    out << R"({"id": "a)" << i << R"(", "published": "2024-05-0)" << (i % 9) + 1
        << R"(", "text": "Rebels shelled the city of Homs on Tuesday, killing )" << i + 3
        << R"( civilians. Turkey condemned Russia for the strike number )" << i << R"(."})"
        << "\n";
  }
  out << R"({"id": "story", "text": ")" << story << R"("})"
      << "\n";
  out << R"({"id": "story-copy", "text": ")" << story << R"("})"
      << "\n";
  return path.string();
}

// Keeps articles in memory, as a store would; can be told to fail.
class MemorySink : public EventSink {
 public:
  bool keeps_articles() const override { return true; }
  Result<bool> IsStored(const Document& doc) override { return stored_.count(doc.id) > 0; }
  Result<int64_t> Write(const CodedBatch& batch) override {
    if (fail_after_ >= 0 && writes_++ >= fail_after_) return IoError("the disk is full");
    int64_t n = 0;
    for (const CodedArticle& a : batch.articles) {
      if (a.stored || !a.error.empty()) continue;
      stored_[a.doc.id] = a.events.size();
      ++n;
    }
    return n;
  }
  std::map<std::string, size_t> stored_;
  int fail_after_ = -1;
  int writes_ = 0;
};

std::string CodeToJson(const std::string& input, int threads, size_t batch_size) {
  std::string json;
  StreamSink sink(StreamSink::Format::kJsonLines, [&](std::string_view d) { json.append(d); });
  DocumentSource source({input}, IngestOptions());
  RunOptions run;
  run.threads = threads;
  run.batch_size = batch_size;
  auto totals = RunBatches(TheEngine(), source, {&sink}, run, {});
  EXPECT_TRUE(totals.ok()) << totals.status().ToString();
  return json;
}

TEST(BatchRunnerTest, OutputDoesNotDependOnThreadsOrBatches) {
  const std::string input = WriteInput("palmyra_runner_order.jsonl", 40);
  const std::string one = CodeToJson(input, 1, 3);
  EXPECT_EQ(one, CodeToJson(input, 2, 64));
  // Every article but the copy gives events, in input order.
  std::vector<std::string> docs;
  size_t start = 0;
  for (size_t end = one.find('\n'); end != std::string::npos; end = one.find('\n', start)) {
    Event e;
    ASSERT_TRUE(ParseEventJson(std::string_view(one).substr(start, end - start), &e).ok());
    if (docs.empty() || docs.back() != e.doc_id) docs.push_back(e.doc_id);
    start = end + 1;
  }
  ASSERT_EQ(docs.size(), 41u);
  EXPECT_EQ(docs[0], "a0");
  EXPECT_EQ(docs[39], "a39");
  EXPECT_EQ(docs[40], "story");
  fs::remove(input);
}

TEST(BatchRunnerTest, CountsAndSkipsWhatTheStoreHas) {
  const std::string input = WriteInput("palmyra_runner_store.jsonl", 10);
  MemorySink store;
  RunOptions run;
  run.threads = 2;
  run.batch_size = 4;
  int batches = 0;
  DocumentSource first({input}, IngestOptions());
  auto totals = RunBatches(TheEngine(), first, {&store}, run,
                           [&](const CodedBatch&, const RunTotals&) { ++batches; });
  ASSERT_TRUE(totals.ok()) << totals.status().ToString();
  EXPECT_EQ(batches, 3);  // 12 articles, 4 a batch
  EXPECT_EQ(totals->documents, 12);
  EXPECT_EQ(totals->coded, 11);
  EXPECT_EQ(totals->duplicates, 1);  // the copy is linked, not coded
  EXPECT_EQ(totals->stored, 12);
  EXPECT_GT(totals->events, 10);
  // The copy is stored without events.
  EXPECT_EQ(store.stored_.at("story-copy"), 0u);

  DocumentSource again({input}, IngestOptions());
  auto second = RunBatches(TheEngine(), again, {&store}, run, {});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->unchanged, 12);
  EXPECT_EQ(second->coded, 0);
  EXPECT_EQ(second->stored, 0);
  fs::remove(input);
}

TEST(BatchRunnerTest, AFailingSinkStopsTheRunWithItsError) {
  const std::string input = WriteInput("palmyra_runner_fail.jsonl", 20);
  MemorySink store;
  store.fail_after_ = 1;
  RunOptions run;
  run.threads = 1;
  run.batch_size = 5;
  DocumentSource source({input}, IngestOptions());
  auto totals = RunBatches(TheEngine(), source, {&store}, run, {});
  ASSERT_FALSE(totals.ok());
  EXPECT_NE(totals.status().message().find("the disk is full"), std::string::npos);
  EXPECT_EQ(store.stored_.size(), 5u);  // the first batch only
  fs::remove(input);
}

}  // namespace
}  // namespace palmyra
