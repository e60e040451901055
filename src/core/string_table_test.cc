#include "core/string_table.h"

#include <string>

#include <gtest/gtest.h>

namespace palmyra {
namespace {

TEST(StringTableTest, InternsAndFindsThroughGrowth) {
  StringTable table;
  for (int i = 0; i < 5000; ++i) EXPECT_EQ(table.Add("w" + std::to_string(i)), i);
  EXPECT_EQ(table.Add("w17"), 17);  // no duplicate
  EXPECT_EQ(table.size(), 5000);
  for (int i = 0; i < 5000; i += 7) {
    EXPECT_EQ(table.Find("w" + std::to_string(i)), i);
    EXPECT_EQ(table.Get(i), "w" + std::to_string(i));
  }
  EXPECT_EQ(table.Find("absent"), StringTable::kNotFound);
  EXPECT_EQ(table.Find(""), StringTable::kNotFound);
  EXPECT_EQ(table.Add(""), 5000);
  EXPECT_EQ(table.Find(""), 5000);
}

}  // namespace
}  // namespace palmyra
