#include "ingest/html_article.h"

#include <string>

#include <gtest/gtest.h>

#include "ingest/ingest_fixture.h"

namespace palmyra {
namespace {

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(HtmlArticleTest, APageWithBoilerplateGivesTheArticleAlone) {
  auto a =
      ExtractHtmlArticle(IngestFixture("page_with_boilerplate.html"), "https://fetched.example/x");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Russia to keep air base near Latakia");
  EXPECT_EQ(a->url, "https://levantledger.example/world/2016/mar/17/russia-latakia-base");
  EXPECT_EQ(a->site, "The Levant Ledger");
  ASSERT_TRUE(a->published.has_value());
  EXPECT_EQ(a->published->ToString(), "2016-03-17");  // article:published_time, as written
  // The four paragraphs and the subheading, in order, a blank line apart.
  const std::string expected =
      "MOSCOW \xE2\x80\x93 Russia will keep its air base near Latakia, from which its jets have "
      "flown hundreds of strikes against rebel groups, the Kremlin said on Thursday.\n\n"
      "The announcement came three days after President Vladimir Putin ordered the main part of "
      "the Russian force in Syria to withdraw, a move that surprised Western governments.\n\n"
      "Militants killed two Russian advisers near Palmyra last week, the defence ministry said, "
      "in the first Russian losses announced this year.\n\n"
      "Diplomats in Geneva said the partial withdrawal could give new life to peace talks between "
      "the government and the opposition, which resumed on Monday.";
  EXPECT_EQ(a->text, expected);
  for (const char* boilerplate :
       {"cookies", "Politics", "Share on", "Photograph", "Advertisement", "Subscribe", "Related",
        "Putin orders withdrawal", "Sign up", "Comments", "frankly", "Most popular",
        "rights reserved", "Moscow correspondent", "More on Syria", "Talks in Geneva"}) {
    EXPECT_FALSE(Has(a->text, boilerplate)) << boilerplate;
  }
}

TEST(HtmlArticleTest, APageWithoutMarkersGivesTheBlockWithMostText) {
  auto a = ExtractHtmlArticle(IngestFixture("page_without_markers.html"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Flood waters rise in Sindh - Karachi Evening Courier");  // no site named
  EXPECT_TRUE(Has(a->text, "Flood waters rose again across Sindh"));
  EXPECT_TRUE(Has(a->text, "near Sukkur, where the river is expected to peak on Wednesday."));
  EXPECT_FALSE(Has(a->text, "Cricket board"));
  EXPECT_FALSE(Has(a->text, "Front page"));
  EXPECT_FALSE(Has(a->text, "printed and published"));
  ASSERT_TRUE(a->published.has_value());
  EXPECT_EQ(a->published->ToString(), "2022-08-29");
}

TEST(HtmlArticleTest, MetadataFromAJsonLdGraphAndTheDeclaredCharacterSet) {
  auto a = ExtractHtmlArticle(IngestFixture("page_jsonld_graph.html"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Ceasefire holds in Tripoli");
  EXPECT_EQ(a->site, "Maghreb Wire");
  EXPECT_EQ(a->url, "https://maghrebwire.example/libya/ceasefire-holds");
  ASSERT_TRUE(a->published.has_value());
  EXPECT_EQ(a->published->ToString(), "2019-09-02");
  // windows-1252 0xE9 is "é" in UTF-8.
  EXPECT_TRUE(Has(a->text, "Caf\xC3\xA9 owners")) << a->text;
}

TEST(HtmlArticleTest, BytesThatAreNoPageAreRefusedWithAReason) {
  auto binary = ExtractHtmlArticle(IngestFixture("not_a_page.html"));
  ASSERT_FALSE(binary.ok());
  EXPECT_NE(binary.status().message().find("binary"), std::string::npos);
  EXPECT_FALSE(ExtractHtmlArticle("just some words without markup").ok());
  auto empty = ExtractHtmlArticle("<html><body><nav><a href='/'>Home</a></nav></body></html>");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("no article text"), std::string::npos);
  EXPECT_FALSE(ExtractHtmlArticle("").ok());
}

TEST(HtmlArticleTest, ThePageItselfIsNeverPrunedAsBoilerplate) {
  // Found by fuzzing: a class on <html> once freed the whole page.
  auto a = ExtractHtmlArticle(ReadFile(std::string(PALMYRA_TEST_SOURCE_DIR) +
                                       "/fuzz/corpus/html/root_with_boilerplate_class.html")
                                  .value());
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->text,
            "The root and body of this page carry boilerplate classes, and the text must still be "
            "read.");
}

// A date the page gives but no reader understands is kept for a warning;
// a page with a readable date, or none, has none to report.
TEST(HtmlArticleTest, AnUnreadableDateIsKeptForAWarning) {
  const std::string body = "<body><article><p>" + std::string(30, 'w') +
                           " Troops withdrew from the town on Monday.</p></article></body></html>";
  auto bad = ExtractHtmlArticle(
      "<html><head><meta property=\"article:published_time\" content=\"soon\"></head>" + body);
  ASSERT_TRUE(bad.ok()) << bad.status().ToString();
  EXPECT_FALSE(bad->published.has_value());
  EXPECT_EQ(bad->unread_date, "soon");
  auto good = ExtractHtmlArticle(
      "<html><head><meta property=\"article:published_time\" content=\"soon\">"
      "<meta name=\"date\" content=\"2021-03-15\"></head>" +
      body);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good->published, (Date{2021, 3, 15}));
  EXPECT_EQ(good->unread_date, "");
}

TEST(HtmlArticleTest, FragmentsBecomeParagraphs) {
  EXPECT_EQ(HtmlFragmentText("<p>One &amp; two.</p><p>Three<br>four.</p>"),
            "One & two.\n\nThree\n\nfour.");
  EXPECT_EQ(HtmlFragmentText("  plain   text\nhere "), "plain text here");
  EXPECT_EQ(HtmlFragmentText(""), "");
}

TEST(HtmlArticleTest, WebDatesInTheCommonForms) {
  auto date = [](const char* text) {
    const auto d = ParseWebDate(text);
    return d ? d->ToString() : std::string("none");
  };
  EXPECT_EQ(date("2016-03-17"), "2016-03-17");
  EXPECT_EQ(date("2016-03-17T23:30:00-05:00"), "2016-03-17");
  EXPECT_EQ(date("Thu, 17 Mar 2016 10:00:00 GMT"), "2016-03-17");
  EXPECT_EQ(date("17 Mar 2016 09:00 +0000"), "2016-03-17");
  EXPECT_EQ(date("March 17, 2016"), "2016-03-17");
  EXPECT_EQ(date("Sept. 9, 2021 4:05 PM"), "2021-09-09");
  EXPECT_EQ(date("31 Feb 2016"), "none");
  EXPECT_EQ(date("yesterday"), "none");
  EXPECT_EQ(date(""), "none");
}

}  // namespace
}  // namespace palmyra
