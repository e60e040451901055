#include "core/file.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace palmyra {
namespace {

// A stream over `bytes` (fmemopen), as LineReader reads pipes.
std::unique_ptr<LineReader> Over(std::string* bytes) {
  std::FILE* f = fmemopen(bytes->data(), bytes->size(), "rb");
  EXPECT_NE(f, nullptr);
  return LineReader::FromStream(f, "mem");
}

TEST(LineReaderTest, LinesWithoutTheirEndsCrlfAndALastLineWithoutNewline) {
  std::string bytes = "one\r\n\ntwo\nthree";
  auto reader = Over(&bytes);
  std::string line;
  ASSERT_TRUE(reader->Next(&line));
  EXPECT_EQ(line, "one");
  ASSERT_TRUE(reader->Next(&line));
  EXPECT_EQ(line, "");
  ASSERT_TRUE(reader->Next(&line));
  EXPECT_EQ(line, "two");
  ASSERT_TRUE(reader->Next(&line));
  EXPECT_EQ(line, "three");
  EXPECT_EQ(reader->line_number(), 4);
  EXPECT_FALSE(reader->Next(&line));
  EXPECT_TRUE(reader->status().ok());
}

// A line longer than the buffer (128 KB) is joined from its pieces; a line
// over max_line() is read past, given empty and marked, and the reading
// goes on with its line number counted.
TEST(LineReaderTest, LongLinesAreJoinedAndOverlongOnesSkipped) {
  const std::string long_line(300000, 'x');
  const std::string overlong(700000, 'y');
  std::string bytes = "a\n" + long_line + "\n" + overlong + "\nb\n";
  auto reader = Over(&bytes);
  reader->set_max_line(500000);
  std::string line;
  ASSERT_TRUE(reader->Next(&line));
  EXPECT_EQ(line, "a");
  EXPECT_FALSE(reader->too_long());
  ASSERT_TRUE(reader->Next(&line));
  EXPECT_EQ(line, long_line);
  ASSERT_TRUE(reader->Next(&line));
  EXPECT_TRUE(reader->too_long());
  EXPECT_TRUE(line.empty());
  EXPECT_EQ(reader->line_number(), 3);
  ASSERT_TRUE(reader->Next(&line));
  EXPECT_FALSE(reader->too_long());
  EXPECT_EQ(line, "b");
  EXPECT_EQ(reader->line_number(), 4);
  EXPECT_FALSE(reader->Next(&line));
}

}  // namespace
}  // namespace palmyra
