#include "core/mapped_image.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/file.h"
#include "core/string_table.h"

namespace palmyra {
namespace {

namespace fs = std::filesystem;

TEST(ImageSectionsTest, ReadBackInOrderAndAligned) {
  ImageWriter out;
  out.Add("abc", 3);
  const std::vector<uint64_t> numbers{1, 2, 0xffffffffffULL};
  out.Add(numbers);
  out.Add(std::vector<float>{});
  const std::string body = out.Take();
  ImageReader in(body);
  std::string_view text;
  ASSERT_TRUE(in.Next(&text));
  EXPECT_EQ(text, "abc");
  const uint64_t* values = nullptr;
  size_t count = 0;
  ASSERT_TRUE(in.Next(&values, &count));
  ASSERT_EQ(count, 3u);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(values) % 8, reinterpret_cast<uintptr_t>(body.data()) % 8);
  EXPECT_EQ(values[2], 0xffffffffffULL);
  const float* floats = nullptr;
  ASSERT_TRUE(in.Next(&floats, &count));
  EXPECT_EQ(count, 0u);
  EXPECT_TRUE(in.AtEnd());
  EXPECT_FALSE(in.Next(&text));
}

TEST(ImageSectionsTest, ATruncatedOrMisshapenSectionIsRefused) {
  ImageWriter out;
  out.Add("abcdefghij", 10);
  const std::string body = out.Take();
  std::string_view text;
  ImageReader cut(std::string_view(body).substr(0, 12));  // size, then 4 of 10 bytes
  EXPECT_FALSE(cut.Next(&text));
  ImageReader whole(body);
  const uint32_t* words = nullptr;
  size_t count = 0;
  EXPECT_FALSE(whole.Next(&words, &count));  // 10 bytes are not whole uint32s
}

TEST(StringTableViewTest, FindsEveryStringWithItsIdAndNothingElse) {
  StringTable table;
  for (int i = 0; i < 3000; ++i) table.Add("word" + std::to_string(i * 7));
  table.Add("");
  ImageWriter out;
  table.Write(&out);
  const std::string body = out.Take();
  ImageReader in(body);
  StringTableView view;
  ASSERT_TRUE(view.Read(&in));
  ASSERT_EQ(view.size(), table.size());
  for (int i = 0; i < 3000; ++i) {
    const std::string word = "word" + std::to_string(i * 7);
    EXPECT_EQ(view.Find(word), i);
    EXPECT_EQ(view.Get(i), word);
  }
  EXPECT_EQ(view.Find(""), 3000);
  EXPECT_EQ(view.Find("word1"), StringTableView::kNotFound);
  // Sections that are not a table.
  ImageWriter bad;
  bad.Add("xyz", 3);
  bad.Add(std::vector<uint32_t>{0, 5});  // ends past the characters
  bad.Add(std::vector<int32_t>{0, 1});
  bad.Add(std::vector<uint32_t>{0, 0});
  const std::string bad_body = bad.Take();
  ImageReader bad_in(bad_body);
  EXPECT_FALSE(StringTableView().Read(&bad_in));
}

class MappedImageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("palmyra_image_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "model");
    const char* cache = std::getenv("XDG_CACHE_HOME");
    saved_cache_ = cache != nullptr ? cache : "";
    had_cache_ = cache != nullptr;
    ::setenv("XDG_CACHE_HOME", (dir_ / "cache").c_str(), 1);
  }
  void TearDown() override {
    if (had_cache_) {
      ::setenv("XDG_CACHE_HOME", saved_cache_.c_str(), 1);
    } else {
      ::unsetenv("XDG_CACHE_HOME");
    }
    fs::remove_all(dir_);
  }
  // Opens the image "test" of the model folder, counting compilations.
  std::unique_ptr<MappedImage> Open(uint64_t stamp, const std::string& body) {
    auto image = MappedImage::Open((dir_ / "model").string(), "test", stamp, [&] {
      ++compiled_;
      return Result<std::string>(body);
    });
    EXPECT_TRUE(image.ok()) << image.status().ToString();
    return image.ok() ? std::move(image).value() : nullptr;
  }
  fs::path dir_;
  int compiled_ = 0;
  std::string saved_cache_;
  bool had_cache_ = false;
};

TEST_F(MappedImageTest, CompiledOnceThenMappedUntilTheStampChanges) {
  auto first = Open(7, "first body");
  ASSERT_NE(first, nullptr);
  EXPECT_TRUE(first->compiled());
  EXPECT_EQ(first->body(), "first body");
  EXPECT_EQ(first->path(), (dir_ / "model" / "test.idx").string());
  auto again = Open(7, "not compiled again");
  ASSERT_NE(again, nullptr);
  EXPECT_FALSE(again->compiled());
  EXPECT_EQ(again->body(), "first body");
  EXPECT_EQ(compiled_, 1);
  auto changed = Open(8, "second body");
  ASSERT_NE(changed, nullptr);
  EXPECT_TRUE(changed->compiled());
  EXPECT_EQ(changed->body(), "second body");
  EXPECT_EQ(compiled_, 2);
}

TEST_F(MappedImageTest, ADamagedFileIsCompiledAgain) {
  ASSERT_NE(Open(7, "the body"), nullptr);
  const std::string path = (dir_ / "model" / "test.idx").string();
  auto bytes = ReadFile(path);
  ASSERT_TRUE(bytes.ok());
  ASSERT_TRUE(WriteFile(path, bytes->substr(0, bytes->size() - 2)).ok());  // truncated
  auto reopened = Open(7, "the body");
  ASSERT_NE(reopened, nullptr);
  EXPECT_EQ(compiled_, 2);
  EXPECT_EQ(reopened->body(), "the body");
}

TEST_F(MappedImageTest, AFolderThatCannotBeWrittenSendsTheImageToTheCache) {
  // A folder under a plain file can be made by nobody, root included.
  ASSERT_TRUE(WriteFile((dir_ / "plain").string(), "a file").ok());
  const std::string model = (dir_ / "plain" / "model").string();
  int compiled = 0;
  auto open = [&](const std::string& body) {
    return MappedImage::Open(model, "test", 7, [&] {
      ++compiled;
      return Result<std::string>(body);
    });
  };
  auto image = open("cached body");
  ASSERT_TRUE(image.ok()) << image.status().ToString();
  EXPECT_EQ((*image)->path().rfind((dir_ / "cache" / "palmyra").string() + "/test-", 0), 0u)
      << (*image)->path();
  auto again = open("not compiled again");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)->body(), "cached body");
  EXPECT_EQ(compiled, 1);
}

TEST_F(MappedImageTest, WithNowhereToWriteTheBodyIsKeptInMemory) {
  ::unsetenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  const std::string saved_home = home != nullptr ? home : "";
  ::unsetenv("HOME");
  // A folder under a plain file can be made by nobody, root included.
  ASSERT_TRUE(WriteFile((dir_ / "plain").string(), "a file").ok());
  auto image = MappedImage::Open((dir_ / "plain" / "model").string(), "test", 7,
                                 [] { return Result<std::string>(std::string("in memory")); });
  if (home != nullptr) ::setenv("HOME", saved_home.c_str(), 1);
  ASSERT_TRUE(image.ok());
  EXPECT_EQ((*image)->body(), "in memory");
  EXPECT_TRUE((*image)->compiled());
  EXPECT_EQ((*image)->path(), "");
}

TEST_F(MappedImageTest, ACompileErrorIsReturned) {
  auto image = MappedImage::Open((dir_ / "model").string(), "test", 7,
                                 [] { return Result<std::string>(DataError("bad source")); });
  ASSERT_FALSE(image.ok());
  EXPECT_EQ(image.status().message(), "bad source");
  EXPECT_FALSE(fs::exists(dir_ / "model" / "test.idx"));
}

}  // namespace
}  // namespace palmyra
