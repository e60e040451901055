#include "ingest/feed_reader.h"

#include <string>

#include <gtest/gtest.h>

#include "ingest/ingest_fixture.h"

namespace palmyra {
namespace {

std::string DateOf(const Document& d) { return d.published ? d.published->ToString() : "none"; }

TEST(FeedReaderTest, RssItemsWithTheirOddDates) {
  std::vector<IngestProblem> problems;
  const auto items = ReadFeed(IngestFixture("feed_rss_odd_dates.xml"), "sahel.xml", &problems);
  EXPECT_TRUE(problems.empty()) << problems[0].message;
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].title, "Gunmen attack army post near Menaka");
  EXPECT_EQ(items[0].url, "https://saheldispatch.example/2021/03/15/menaka-attack");
  EXPECT_EQ(items[0].id, items[0].url);
  EXPECT_EQ(items[0].source, "Sahel Dispatch \xE2\x80\x93 Latest");
  EXPECT_EQ(DateOf(items[0]), "2021-03-15");
  // The full content, not the summary.
  EXPECT_EQ(items[0].text,
            "Gunmen attacked an army post near Menaka on Monday, killing four soldiers, the army "
            "said.\n\nThe attackers fled towards the border with Niger.");
  EXPECT_EQ(DateOf(items[1]), "2021-03-14");  // no weekday
  EXPECT_EQ(items[1].text, "Government and rebel delegates resumed talks in Bamako on Sunday.");
  EXPECT_EQ(DateOf(items[2]), "2021-03-12");                                             // dc:date
  EXPECT_EQ(items[2].id, "https://saheldispatch.example/2021/03/12/tillaberi-drought");  // guid
  EXPECT_EQ(DateOf(items[3]), "none");
  EXPECT_EQ(items[3].id, "sahel.xml:item 4");
}

// A date that cannot be read is a warning naming the item, as in JSON Lines;
// the item is still read.
TEST(FeedReaderTest, UnreadableDateIsAWarningNamingTheItem) {
  std::vector<IngestProblem> problems;
  const auto items = ReadFeed(
      "<rss version=\"2.0\"><channel><title>T</title>"
      "<item><title>A</title><pubDate>Mon, 15 Mar 2021</pubDate><description>One.</description>"
      "</item><item><title>B</title><pubDate>the day after yesterday</pubDate>"
      "<description>Two.</description></item></channel></rss>",
      "f.xml", &problems);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(DateOf(items[0]), "2021-03-15");
  EXPECT_EQ(DateOf(items[1]), "none");
  EXPECT_EQ(items[1].text, "Two.");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where, "f.xml:item 2");
  EXPECT_FALSE(problems[0].unreadable);
  EXPECT_NE(problems[0].message.find("'the day after yesterday'"), std::string::npos);
}

// An entity of 100 KB referenced 2,000 times in each of 20 items would be 4 GB
// of text: the expansion stops at twice the feed's size, and says so.
TEST(FeedReaderTest, EntityExpansionIsBoundedByTheFeedsSize) {
  std::string refs;
  for (int i = 0; i < 2000; ++i) refs += "&e;";
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY e \"" +
                    std::string(100000, 'x') +
                    "\">]>\n<rss version=\"2.0\"><channel><title>T</title>";
  for (int i = 0; i < 20; ++i)
    xml += "<item><title>x</title><description>" + refs + "</description></item>";
  xml += "</channel></rss>";
  std::vector<IngestProblem> problems;
  const auto items = ReadFeed(xml, "bomb.xml", &problems);
  EXPECT_EQ(items.size(), 20u);
  size_t total = 0;
  for (const Document& d : items) total += d.text.size();
  EXPECT_LE(total, 2 * xml.size() + (1u << 20));
  bool reported = false;
  for (const IngestProblem& p : problems)
    reported |= p.where == "bomb.xml" && p.message.find("entities expand") != std::string::npos;
  EXPECT_TRUE(reported);
}

TEST(FeedReaderTest, AtomEntries) {
  std::vector<IngestProblem> problems;
  const auto items = ReadFeed(IngestFixture("feed_atom.xml"), "atom.xml", &problems);
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].url, "https://caucasusmonitor.example/2020/10/04/stepanakert");  // alternate
  EXPECT_EQ(DateOf(items[0]), "2020-10-04");  // published before updated
  EXPECT_EQ(items[0].text,
            "Shelling was reported in Stepanakert on Sunday night, local officials said.\n\n"
            "Azerbaijan denied targeting civilians.");
  EXPECT_EQ(items[0].source, "Caucasus Monitor");
  EXPECT_EQ(DateOf(items[1]), "2020-10-05");
  EXPECT_EQ(items[1].text, "Russia called on Monday for an immediate ceasefire.");
}

TEST(FeedReaderTest, InvalidXmlKeepsTheItemsBeforeTheErrorAndNamesItsLine) {
  std::vector<IngestProblem> problems;
  const auto items = ReadFeed(IngestFixture("feed_invalid_xml.xml"), "horn.xml", &problems);
  ASSERT_GE(items.size(), 1u);
  EXPECT_EQ(items[0].title, "Port reopens in Berbera");
  EXPECT_EQ(DateOf(items[0]), "2021-05-04");
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0].where.rfind("horn.xml:12:", 0), 0u) << problems[0].where;  // the "&"
  EXPECT_NE(problems[0].message.find("invalid XML"), std::string::npos);
  EXPECT_TRUE(problems[0].unreadable);
}

TEST(FeedReaderTest, OtherXmlIsNotAFeed) {
  std::vector<IngestProblem> problems;
  EXPECT_TRUE(
      ReadFeed("<?xml version='1.0'?><catalog><book/></catalog>", "c.xml", &problems).empty());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].message.find("not an RSS or Atom feed"), std::string::npos);
  problems.clear();
  EXPECT_TRUE(ReadFeed("", "empty.xml", &problems).empty());
  EXPECT_FALSE(problems.empty());
}

TEST(FeedReaderTest, FeedsAreToldByTheirRoot) {
  EXPECT_TRUE(LooksLikeFeed("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"));
  EXPECT_TRUE(LooksLikeFeed("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
  EXPECT_TRUE(LooksLikeFeed("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"...\">"));
  EXPECT_FALSE(LooksLikeFeed("<!DOCTYPE html><html><body>Our RSS <feed> page</body></html>"));
  EXPECT_FALSE(LooksLikeFeed("<html><head><title>x</title></head></html>"));
}

}  // namespace
}  // namespace palmyra
