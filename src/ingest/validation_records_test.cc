#include "ingest/validation_records.h"

#include <gtest/gtest.h>

#include <string>

namespace palmyra {
namespace {

TEST(ValidationRecordsTest, ReadsEnvironmentConfigAndRecords) {
  const std::string xml =
      "<Validation>\n<Environment>\n<Verbfile>a.verbs.txt</Verbfile>\n"
      "<Actorfile>b.actors.txt, c.actors.txt</Actorfile>\n<Include>DEMO</Include>\n"
      "</Environment>\n<Sentences>\n"
      "<Sentence date=\"20010203\" id=\"T-01\" category=\"DEMO\">\n"
      "<EventCoding sourcecode=\"arn\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n"
      "<Text>  Arnor   restored\n ties.</Text>\n</Sentence>\n"
      "<Config option=\"require_dyad\" value=\"false\"/>\n"
      "<Config option=\"comma_max\" value=\"5\"/>\n"
      "<Sentence date=\"20011399\" id=\"T-02\" category=\"DEMO\">\n"
      "<EventCoding noevents=\"true\"/>\n<Text>Nothing &amp; nobody.</Text>\n</Sentence>\n"
      "<Sentence id=\"T-03\" category=\"OTHER\"><Text>Skipped.</Text></Sentence>\n"
      "</Sentences>\n</Validation>\n";
  auto file = ParseValidationRecords(xml, "r.xml");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->dictionaries,
            (std::vector<std::string>{"a.verbs.txt", "b.actors.txt", "c.actors.txt"}));
  EXPECT_EQ(file->include.count("DEMO"), 1u);
  EXPECT_EQ(file->skipped, 1);
  ASSERT_EQ(file->records.size(), 2u);
  const ValidationRecord& first = file->records[0];
  EXPECT_EQ(first.id, "T-01");
  EXPECT_EQ(first.line, 8);  // counted by hand
  EXPECT_EQ(first.text, "Arnor restored ties.");
  EXPECT_EQ(first.date, (Date{2001, 2, 3}));
  EXPECT_TRUE(first.require_dyad);
  EXPECT_EQ(first.expected.count({"ARN", "GON", "064"}), 1u);
  const ValidationRecord& second = file->records[1];
  EXPECT_TRUE(second.no_events);
  EXPECT_FALSE(second.require_dyad);
  EXPECT_EQ(second.commas.max, 5);
  EXPECT_EQ(second.text, "Nothing & nobody.");
  EXPECT_EQ(second.date, Date{});  // month 13 is no date
}

TEST(ValidationRecordsTest, NotXmlOrNoSentencesIsAnErrorWithTheFile) {
  auto broken = ParseValidationRecords("<Validation><Sentences>\n<Sentence>\n", "broken.xml");
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.status().message().find("broken.xml:"), std::string::npos);
  auto empty = ParseValidationRecords("<Validation></Validation>", "empty.xml");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("no <Sentences>"), std::string::npos);
}

// An entity of 200 KB referenced 1,000 times in each of 50 records would be
// 10 GB of text: each record is refused, quickly, with its line, and a
// record with it once is still read.
TEST(ValidationRecordsTest, EntityExpansionIsCappedPerRecord) {
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE V [\n<!ENTITY e \"" +
                    std::string(200000, 'x') + "\">\n]>\n<Validation><Sentences>\n";
  std::string refs;
  for (int i = 0; i < 1000; ++i) refs += "&e;";
  for (int i = 0; i < 50; ++i)
    xml += "<Sentence id=\"B" + std::to_string(i) + "\"><Text>" + refs + "</Text></Sentence>\n";
  xml += "<Sentence id=\"ok\"><Text>Fine &e; here.</Text></Sentence>\n</Sentences></Validation>\n";
  auto file = ParseValidationRecords(xml, "bomb.xml");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  ASSERT_EQ(file->problems.size(), 50u);
  EXPECT_EQ(file->problems[0].where, "bomb.xml:6");
  EXPECT_NE(file->problems[0].message.find("'B0'"), std::string::npos);
  ASSERT_EQ(file->records.size(), 1u);
  EXPECT_EQ(file->records[0].text.size(), 200000u + 11);
}

TEST(ValidationRecordsTest, CommaClausesAreTakenOutByLength) {
  CommaOptions o;
  ASSERT_TRUE(o.Set("comma_emin", "2"));
  ASSERT_TRUE(o.Set("comma_emax", "8"));
  EXPECT_FALSE(o.Set("comma_other", "1"));
  EXPECT_EQ(WithoutCommaClauses("The weather was fine, Arnor restored ties with Gondor.", o),
            "The weather was fine.");
  EXPECT_EQ(WithoutCommaClauses("No comma here.", o), "No comma here.");
}

}  // namespace
}  // namespace palmyra
