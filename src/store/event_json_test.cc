#include "store/event_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace palmyra {
namespace {

using nlohmann::json;

Event FullEvent() {
  Event e;
  e.event_id = "0123456789abcdef";
  e.doc_id = "doc \"7\"";
  e.sentence_index = 2;
  e.evidence = {"Russian jets bombed a market", 10, 38};
  e.source = ActorRef{"Russian jets", "RUSMIL", "RUS", "MIL", 10, 22};
  e.target = std::nullopt;
  e.cameo = {"195", "19", 4, -10.0};
  e.plover = {"ASSAULT", "aerial"};
  e.acled = AcledCode{
      "Explosions/Remote violence", "Air/drone strike", "Political violence", true, 8, 7, 78};
  e.modality = Modality::kReported;
  e.attribution = Attribution{"the Syrian Observatory", "NGOHRISOH"};
  e.date = EventDate{Date{2016, 3, 10}, DatePrecision::kWeek, "last week"};
  e.location = Location{
      "Tadmur", 163808, 34.5624, 38.28402, "Homs", "SYR", LocationPrecision::kCity, "near Palmyra"};
  e.quantities.push_back(Quantity{"killed", 12, 10.0, 15.0, "people", "between 10 and 15 people"});
  e.rule = "events/verbs/19_fight.txt:6";
  e.confidence = 0.8;
  return e;
}

TEST(EventJsonTest, WritesEveryFieldOfTheContractInOrder) {
  std::string out;
  AppendEventJson(FullEvent(), &out);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.back(), '\n');
  EXPECT_EQ(out.find('\n'), out.size() - 1);  // one line
  const json j = json::parse(out);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  // nlohmann::json sorts keys, so check presence here and order below.
  for (const char* key : {"event_id", "doc_id", "sentence_index", "evidence", "source", "target",
                          "cameo", "plover", "acled", "modality", "attribution", "date", "location",
                          "quantities", "rule", "confidence"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_LT(out.find("\"event_id\""), out.find("\"doc_id\""));
  EXPECT_LT(out.find("\"cameo\""), out.find("\"plover\""));
  EXPECT_LT(out.find("\"quantities\""), out.find("\"confidence\""));
  EXPECT_EQ(j["doc_id"], "doc \"7\"");
  EXPECT_EQ(j["sentence_index"], 2);
  EXPECT_EQ(j["evidence"]["start"], 10);
  EXPECT_EQ(j["evidence"]["end"], 38);
  EXPECT_EQ(j["source"]["code"], "RUSMIL");
  EXPECT_EQ(j["source"]["country"], "RUS");
  EXPECT_TRUE(j["target"].is_null());
  EXPECT_EQ(j["cameo"]["code"], "195");
  EXPECT_EQ(j["cameo"]["quad_class"], 4);
  EXPECT_DOUBLE_EQ(j["cameo"]["goldstein"].get<double>(), -10.0);
  EXPECT_EQ(j["plover"]["mode"], "aerial");
  EXPECT_EQ(j["acled"]["sub_event_type"], "Air/drone strike");
  EXPECT_EQ(j["acled"]["disorder_type"], "Political violence");
  EXPECT_EQ(j["acled"]["civilian_targeting"], true);
  EXPECT_EQ(j["acled"]["inter1"], 8);
  EXPECT_EQ(j["acled"]["inter2"], 7);
  EXPECT_EQ(j["acled"]["interaction"], 78);
  EXPECT_EQ(j["modality"], "reported");
  EXPECT_EQ(j["attribution"]["code"], "NGOHRISOH");
  EXPECT_EQ(j["date"]["value"], "2016-03-10");
  EXPECT_EQ(j["date"]["precision"], "week");
  EXPECT_EQ(j["date"]["text"], "last week");
  EXPECT_EQ(j["date"]["historical"], false);
  EXPECT_EQ(j["location"]["name"], "Tadmur");
  EXPECT_EQ(j["location"]["geonameid"], 163808);
  EXPECT_NEAR(j["location"]["lat"].get<double>(), 34.5624, 1e-6);
  EXPECT_NEAR(j["location"]["lon"].get<double>(), 38.28402, 1e-6);
  EXPECT_EQ(j["location"]["admin1"], "Homs");
  EXPECT_EQ(j["location"]["country"], "SYR");
  EXPECT_EQ(j["location"]["precision"], "city");
  EXPECT_EQ(j["location"]["text"], "near Palmyra");
  ASSERT_EQ(j["quantities"].size(), 1u);
  EXPECT_EQ(j["quantities"][0]["kind"], "killed");
  EXPECT_EQ(j["quantities"][0]["low"], 10);
  EXPECT_EQ(j["rule"], "events/verbs/19_fight.txt:6");
  EXPECT_NEAR(j["confidence"].get<double>(), 0.8, 1e-9);
}

TEST(EventJsonTest, AbsentPartsAreNull) {
  Event e = FullEvent();
  e.source.reset();
  e.acled.reset();
  e.attribution.reset();
  e.date.reset();
  e.location.reset();
  e.quantities.clear();
  std::string out;
  AppendEventJson(e, &out);
  const json j = json::parse(out);
  EXPECT_TRUE(j["source"].is_null());
  EXPECT_TRUE(j["acled"].is_null());
  EXPECT_TRUE(j["attribution"].is_null());
  EXPECT_TRUE(j["date"].is_null());
  EXPECT_TRUE(j["location"].is_null());
  EXPECT_TRUE(j["quantities"].is_array());
  EXPECT_TRUE(j["quantities"].empty());
}

TEST(EventJsonTest, CountriesHaveNoGeonameidOrRegion) {
  Event e = FullEvent();
  e.location = Location{"Syria", 0, 35, 38, "", "SYR", LocationPrecision::kCountry, "Syria"};
  std::string out;
  AppendEventJson(e, &out);
  const json j = json::parse(out);
  EXPECT_TRUE(j["location"]["geonameid"].is_null());
  EXPECT_TRUE(j["location"]["admin1"].is_null());
  EXPECT_EQ(j["location"]["precision"], "country");
}

TEST(EventJsonTest, TheSameEventGivesTheSameBytes) {
  std::string a, b;
  AppendEventJson(FullEvent(), &a);
  AppendEventJson(FullEvent(), &b);
  EXPECT_EQ(a, b);
}

TEST(EventJsonTest, StringsAreEscapedAndValidUtf8) {
  std::string out;
  AppendJsonString("a\"b\\c\nd\te\x01 caf\xC3\xA9", &out);
  EXPECT_EQ(json::parse(out).get<std::string>(), "a\"b\\c\nd\te\x01 caf\xC3\xA9");
  out.clear();
  AppendJsonString("bad \xC3\x28 byte", &out);
  const std::string back = json::parse(out).get<std::string>();  // throws on invalid UTF-8
  EXPECT_EQ(back.substr(0, 4), "bad ");
  EXPECT_NE(back.find("byte"), std::string::npos);
}

// What `palmyra code` writes reads back as the same event: written again,
// the same bytes; a line that is no event is refused, naming the field.
TEST(EventJsonTest, EventsReadBackAsWritten) {
  std::string line;
  AppendEventJson(FullEvent(), &line);
  Event back;
  ASSERT_TRUE(ParseEventJson(line, &back).ok());
  std::string again;
  AppendEventJson(back, &again);
  EXPECT_EQ(again, line);
  EXPECT_EQ(back.quantities.size(), FullEvent().quantities.size());
  Event bare;
  bare.event_id = "x";
  bare.cameo = {"190", "19", 4, -10.0};
  bare.plover = {"ASSAULT", ""};
  line.clear();
  AppendEventJson(bare, &line);
  ASSERT_TRUE(ParseEventJson(line, &back).ok());
  EXPECT_FALSE(back.source.has_value());
  EXPECT_FALSE(back.date.has_value());

  const Status bad = ParseEventJson("{\"event_id\": 7}", &back);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.message().find("event_id"), std::string::npos);
  EXPECT_FALSE(ParseEventJson("not json", &back).ok());
  std::string wrong = line;
  wrong.replace(wrong.find("\"asserted\""), 10, "\"certain\"");
  EXPECT_FALSE(ParseEventJson(wrong, &back).ok());
}

}  // namespace
}  // namespace palmyra
