// The palmyra command on good and bad input: messages that name the file,
// line or document; the other articles still coded; the exit status; the
// same bytes for the same input on any number of threads.
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace palmyra {
namespace {

namespace fs = std::filesystem;

struct Result {
  int status = -1;
  std::string out, err;
};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("palmyra_cli_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& contents) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << contents;
    return path.string();
  }
  static std::string Slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  // Runs `palmyra ARGS`, capturing standard output and error.
  Result Palmyra(const std::string& args) {
    const fs::path out = dir_ / "stdout", err = dir_ / "stderr";
    const std::string command =
        std::string(PALMYRA_TEST_BINARY) + " " + args + " >" + out.string() + " 2>" + err.string();
    Result run;
    const int raw = std::system(command.c_str());
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.out = Slurp(out);
    run.err = Slurp(err);
    return run;
  }
  static std::vector<nlohmann::json> Events(const std::string& out) {
    std::vector<nlohmann::json> events;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty()) events.push_back(nlohmann::json::parse(line));
    }
    return events;
  }
  fs::path dir_;
};

TEST_F(CliTest, CodesAnArticleToJsonLines) {
  const std::string path =
      Write("a.txt", "Militants attack army post\nMilitants attacked an army post in Mali.\n");
  const Result run = Palmyra("code --date 2021-05-04 " + path);
  ASSERT_EQ(run.status, 0) << run.err;
  const auto events = Events(run.out);
  ASSERT_GE(events.size(), 1u);
  for (const auto& e : events) {
    EXPECT_EQ(e["doc_id"], path);
    EXPECT_EQ(e["date"]["value"], "2021-05-04");
    EXPECT_EQ(e["date"]["precision"], "day");
    EXPECT_EQ(e["cameo"]["root"], "19");
  }
  EXPECT_NE(run.err.find("coded 1 document(s)"), std::string::npos) << run.err;
}

TEST_F(CliTest, AMalformedJsonLineIsNamedAndTheOthersAreCoded) {
  const std::string path =
      Write("b.jsonl",
            "{\"id\": \"one\", \"text\": \"Russian jets bombed rebel positions.\"}\n"
            "{\"id\": \"two\", \"text\": \n"
            "{\"id\": \"three\", \"text\": \"Israel attacked Hamas.\"}\n");
  const Result run = Palmyra("code " + path);
  EXPECT_EQ(run.status, 1);  // something could not be read
  EXPECT_NE(run.err.find(path + ":2"), std::string::npos) << run.err;
  std::set<std::string> ids;
  for (const auto& e : Events(run.out)) ids.insert(e["doc_id"]);
  EXPECT_EQ(ids, (std::set<std::string>{"one", "three"}));
  EXPECT_NE(run.err.find("1 unreadable input(s)"), std::string::npos) << run.err;
}

TEST_F(CliTest, AMissingFileIsNamedAndTheOthersAreCoded) {
  const std::string good = Write("c.txt", "Headline\nIsrael attacked Hamas.\n");
  const std::string missing = (dir_ / "nowhere.txt").string();
  const Result run = Palmyra("code " + missing + " " + good);
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find(missing), std::string::npos) << run.err;
  EXPECT_FALSE(Events(run.out).empty());
}

TEST_F(CliTest, InvalidUtf8IsRepairedWithAWarningAndCoded) {
  const std::string path = Write("d.txt", "Headline\nIsrael attacked Hamas \xC3\x28 in Gaza.\n");
  const Result run = Palmyra("code " + path);
  EXPECT_EQ(run.status, 0) << run.err;  // readable: a warning, not an error
  EXPECT_NE(run.err.find("warning: document " + path), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("invalid UTF-8"), std::string::npos) << run.err;
  const auto events = Events(run.out);  // parsing checks the output is valid UTF-8 JSON
  ASSERT_FALSE(events.empty());
}

TEST_F(CliTest, EmptyArticlesAreCountedNotFatal) {
  const std::string empty = Write("e.txt", "");
  const std::string blank = Write("f.jsonl",
                                  "{\"id\": \"blank\", \"text\": \"   \\n  \"}\n"
                                  "{\"id\": \"real\", \"text\": \"Israel attacked Hamas.\"}\n");
  const Result run = Palmyra("code " + empty + " " + blank);
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find("blank"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("2 empty document(s)"), std::string::npos) << run.err;
  EXPECT_FALSE(Events(run.out).empty());
}

TEST_F(CliTest, AVeryLargeArticleIsCoded) {
  // About 20 MB: one article of 100,000 sentences.
  std::string text = "Huge report\n";
  const std::string sentence =
      "Government forces shelled rebel positions near the northern town on Tuesday, the monitor "
      "said. ";
  while (text.size() < 20u * 1024 * 1024) text += sentence;
  const std::string path = Write("huge.txt", text);
  const Result run = Palmyra("code --threads 2 -q " + path);
  ASSERT_EQ(run.status, 0) << run.err;
  const auto events = Events(run.out);
  EXPECT_GT(events.size(), 100000u);
  EXPECT_EQ(events.back()["doc_id"], path);
  EXPECT_LE(events.back()["evidence"]["end"].template get<size_t>(), text.size());
}

TEST_F(CliTest, BadOptionsAreRefused) {
  EXPECT_EQ(Palmyra("code --date 2021-13-40 x.txt").status, 2);
  EXPECT_EQ(Palmyra("code --format xml x.txt").status, 2);
  EXPECT_NE(Palmyra("nonsense").status, 0);
}

TEST_F(CliTest, TheSameInputGivesTheSameBytesOnAnyNumberOfThreads) {
  const fs::path examples = fs::path(PALMYRA_TEST_SOURCE_DIR) / "examples";
  std::string corpus;
  for (int i = 0; i < 40; ++i) {
    corpus += "{\"id\": \"d" + std::to_string(i) + "\", \"date\": \"2020-01-0" +
              std::to_string(1 + i % 9) +
              "\", \"text\": \"Syrian rebels attacked an army checkpoint near Idlib. The army said "
              "it killed "
              "ten militants. Turkey condemned the attack and called for restraint.\"}\n";
  }
  const std::string path = Write("g.jsonl", corpus);
  const Result one = Palmyra("code --threads 1 " + path + " " + examples.string());
  const Result two = Palmyra("code --threads 2 " + path + " " + examples.string());
  const Result again = Palmyra("code --threads 2 " + path + " " + examples.string());
  ASSERT_EQ(one.status, 0) << one.err;
  EXPECT_FALSE(one.out.empty());
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(two.out, again.out);
}

}  // namespace
}  // namespace palmyra
