#include "entities/actor_cache.h"

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "core/file.h"
#include "text/text_fixture.h"

namespace palmyra {
namespace {

namespace fs = std::filesystem;

constexpr char kDictionary[] =
    "GONDOR [GON]\n"
    "+MINAS_TIRITH @capital\n"
    "KURDISTAN_WORKERS'_PARTY [TURREBPKK]\n"
    "ELROND [ARNGOV 20000101-20101231] [ARNELI >20110101]\n"
    "ITHILEN TELEVISION [ITHTV]\n"
    "SOLDIER {SOLDIERS} [~MIL]\n"
    "BROKEN_ENTRY [ARN\n";

class ActorCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One folder per test: ctest may run them at the same time.
    dir_ = fs::temp_directory_path() /
           (std::string("palmyra_actor_cache_") +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "cache");
    path_ = (dir_ / "test.actors.txt").string();
    ASSERT_TRUE(WriteFile(path_, kDictionary).ok());
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string cache() const { return (dir_ / "cache").string(); }
  const NameTokenizer& names() { return text_.stage().names(); }

  TextFixture text_;
  fs::path dir_;
  std::string path_;
};

// Everything a compiled file keeps, in one string, for comparisons.
std::string Describe(const ActorFile& f) {
  std::string s;
  for (const RawActor& a : f.actors) {
    s += a.file + ":" + std::to_string(a.line) + (a.agent ? " agent" : "") + " [";
    for (const DatedCode& c : a.codes)
      s += c.code + " " + std::to_string(c.from) + "-" + std::to_string(c.to) + ";";
    s += "]";
    for (const RawName& n : a.names) {
      s += " <";
      for (const std::string& k : n.tokens.keys) s += k + "|";
      for (const std::string& t : n.tags) s += "@" + t;
      s += n.loose ? " loose>" : ">";
    }
    s += "\n";
  }
  for (const Diagnostic& d : f.diagnostics) s += d.ToString() + "\n";
  return s;
}

TEST_F(ActorCacheTest, ASecondReadComesFromTheCacheAndIsTheSame) {
  bool from_cache = true;
  auto first = ReadCompiledActorDictionary(path_, names(), cache(), &from_cache);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_FALSE(from_cache);
  auto second = ReadCompiledActorDictionary(path_, names(), cache(), &from_cache);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(from_cache);
  EXPECT_EQ(Describe(*first), Describe(*second));
  // What was compiled is what the reader gives: names split as text is
  // ("workers" and "'" apart), codes with their dates, the broken line reported.
  ASSERT_EQ(second->actors.size(), 5u);
  EXPECT_EQ(second->actors[1].names[0].tokens.keys,
            (std::vector<std::string>{"kurdistan", "workers", "'", "party"}));
  EXPECT_EQ(second->actors[2].codes[1].from, 20110101);
  EXPECT_TRUE(second->actors[3].names[0].loose);
  EXPECT_TRUE(second->actors[4].agent);
  ASSERT_EQ(second->diagnostics.size(), 1u);
  EXPECT_EQ(second->diagnostics[0].file, path_);
  EXPECT_EQ(second->diagnostics[0].line, 7);
}

TEST_F(ActorCacheTest, AChangedFileIsReadAgain) {
  ASSERT_TRUE(ReadCompiledActorDictionary(path_, names(), cache()).ok());
  ASSERT_TRUE(WriteFile(path_, "OSGILIATH [OSG]\n").ok());
  bool from_cache = true;
  auto changed = ReadCompiledActorDictionary(path_, names(), cache(), &from_cache);
  ASSERT_TRUE(changed.ok());
  EXPECT_FALSE(from_cache);
  ASSERT_EQ(changed->actors.size(), 1u);
  EXPECT_EQ(changed->actors[0].codes[0].code, "OSG");
}

TEST_F(ActorCacheTest, ADamagedCacheIsIgnored) {
  ASSERT_TRUE(ReadCompiledActorDictionary(path_, names(), cache()).ok());
  for (const auto& entry : fs::directory_iterator(cache())) {
    auto bytes = ReadFile(entry.path().string());
    ASSERT_TRUE(bytes.ok());
    ASSERT_TRUE(WriteFile(entry.path().string(), bytes->substr(0, bytes->size() / 2)).ok());
  }
  bool from_cache = true;
  auto read = ReadCompiledActorDictionary(path_, names(), cache(), &from_cache);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(from_cache);
  EXPECT_EQ(read->actors.size(), 5u);
}

TEST_F(ActorCacheTest, BytesWithAnotherStampOrCutShortAreRefused) {
  auto parsed = ReadCompiledActorDictionary(path_, names(), "");
  ASSERT_TRUE(parsed.ok());
  const std::string bytes = SerializeActorFile(*parsed, 42);
  ActorFile out;
  EXPECT_TRUE(DeserializeActorFile(bytes, 42, path_, &out));
  EXPECT_EQ(Describe(out), Describe(*parsed));
  EXPECT_FALSE(DeserializeActorFile(bytes, 43, path_, &out));
  for (size_t cut : {size_t{0}, size_t{5}, bytes.size() / 3, bytes.size() - 1})
    EXPECT_FALSE(DeserializeActorFile(bytes.substr(0, cut), 42, path_, &out)) << cut;
}

TEST_F(ActorCacheTest, WithoutACacheFolderTheFileIsRead) {
  bool from_cache = true;
  auto read = ReadCompiledActorDictionary(path_, names(), "", &from_cache);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(from_cache);
  EXPECT_EQ(read->actors.size(), 5u);
  EXPECT_FALSE(ReadCompiledActorDictionary((dir_ / "missing.txt").string(), names(), cache()).ok());
}

}  // namespace
}  // namespace palmyra
