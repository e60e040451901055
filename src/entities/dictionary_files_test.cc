#include "entities/dictionary_files.h"

#include <gtest/gtest.h>

namespace palmyra {
namespace {

TEST(DictionaryFilesTest, KindsFromNamesThenText) {
  EXPECT_EQ(DetectDictionaryKind("d/Phoenix.agents.txt", ""), DictionaryKind::kAgents);
  EXPECT_EQ(DetectDictionaryKind("PETR.Validate.discards.txt", ""), DictionaryKind::kDiscards);
  EXPECT_EQ(DetectDictionaryKind("Phoenix.IssueCoding.txt", ""), DictionaryKind::kIssues);
  EXPECT_EQ(DetectDictionaryKind("CAMEO.2.0.txt", ""), DictionaryKind::kVerbs);
  EXPECT_EQ(DetectDictionaryKind("mine.txt", "# x\n--- MEET [040] ---\nMEET\n"),
            DictionaryKind::kVerbs);
  EXPECT_EQ(DetectDictionaryKind("mine.txt", "<ISSUE CATEGORY=\"X\">\n"), DictionaryKind::kIssues);
  EXPECT_EQ(DetectDictionaryKind("mine.txt", "GONDOR [GON]\n"), DictionaryKind::kActors);
}

TEST(DictionaryFilesTest, ReadsDiscardsOfSentencesAndStories) {
  const DiscardFile f = ParseDiscardDictionary("d.txt",
                                               "# comment\n"
                                               "MONTHS LATER\n"
                                               "+Manchester United   # pas\n"
                                               "+\n"
                                               "AFRICAN_NATIONS_CUP\n");
  ASSERT_EQ(f.phrases.size(), 3u);
  EXPECT_EQ(f.phrases[0].words, (std::vector<std::string>{"months", "later"}));
  EXPECT_FALSE(f.phrases[0].story);
  EXPECT_TRUE(f.phrases[1].story);
  EXPECT_EQ(f.phrases[1].words, (std::vector<std::string>{"manchester", "united"}));
  EXPECT_EQ(f.phrases[2].words.size(), 3u);
  ASSERT_EQ(f.diagnostics.size(), 1u);
  EXPECT_EQ(f.diagnostics[0].line, 4);
}

TEST(DictionaryFilesTest, ReadsIssuePhrasesAndExceptions) {
  const IssueFile f = ParseIssueDictionary("i.txt",
                                           "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\n"
                                           "n:preschool [EARLY_CHILDHOOD_EDUCATION]\n"
                                           "pre+n:school [EARLY_CHILDHOOD_EDUCATION]\n"
                                           "~a head start\n"
                                           "no code here\n"
                                           "</ISSUE>\n");
  ASSERT_EQ(f.phrases.size(), 3u);
  EXPECT_EQ(f.phrases[0].words, (std::vector<std::string>{"preschool"}));
  EXPECT_EQ(f.phrases[0].category, "EDUCATION");
  EXPECT_EQ(f.phrases[1].words, (std::vector<std::string>{"pre", "school"}));
  EXPECT_TRUE(f.phrases[2].code.empty());
  ASSERT_EQ(f.diagnostics.size(), 1u);
  EXPECT_EQ(f.diagnostics[0].line, 5);
}

}  // namespace
}  // namespace palmyra
