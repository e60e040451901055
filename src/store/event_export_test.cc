// Conformance of the export formats: hand-made events written in each
// format and checked column by column against the published definitions
// (GDELT 2.0 Event and Mentions codebooks, ACLED's codebook, PLOVER's
// manual, RFC 7946). Every expected value below was worked out from those
// definitions, not copied from the program's output.
#include "store/event_export.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "core/file.h"

namespace palmyra {
namespace {

std::vector<std::string> Fields(std::string row, char sep) {
  EXPECT_FALSE(row.empty());
  if (!row.empty() && row.back() == '\n') row.pop_back();
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t at = row.find(sep); at != std::string::npos; at = row.find(sep, start)) {
    out.push_back(row.substr(start, at - start));
    start = at + 1;
  }
  out.push_back(row.substr(start));
  return out;
}

void ExpectColumns(const std::vector<std::string>& names, const std::vector<std::string>& want,
                   const std::vector<std::string>& got) {
  ASSERT_EQ(names.size(), want.size());
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i)
    EXPECT_EQ(got[i], want[i]) << "column " << i + 1 << " " << names[i];
}

const std::vector<std::string> kGdeltEventColumns = {"GLOBALEVENTID",
                                                     "SQLDATE",
                                                     "MonthYear",
                                                     "Year",
                                                     "FractionDate",
                                                     "Actor1Code",
                                                     "Actor1Name",
                                                     "Actor1CountryCode",
                                                     "Actor1KnownGroupCode",
                                                     "Actor1EthnicCode",
                                                     "Actor1Religion1Code",
                                                     "Actor1Religion2Code",
                                                     "Actor1Type1Code",
                                                     "Actor1Type2Code",
                                                     "Actor1Type3Code",
                                                     "Actor2Code",
                                                     "Actor2Name",
                                                     "Actor2CountryCode",
                                                     "Actor2KnownGroupCode",
                                                     "Actor2EthnicCode",
                                                     "Actor2Religion1Code",
                                                     "Actor2Religion2Code",
                                                     "Actor2Type1Code",
                                                     "Actor2Type2Code",
                                                     "Actor2Type3Code",
                                                     "IsRootEvent",
                                                     "EventCode",
                                                     "EventBaseCode",
                                                     "EventRootCode",
                                                     "QuadClass",
                                                     "GoldsteinScale",
                                                     "NumMentions",
                                                     "NumSources",
                                                     "NumArticles",
                                                     "AvgTone",
                                                     "Actor1Geo_Type",
                                                     "Actor1Geo_FullName",
                                                     "Actor1Geo_CountryCode",
                                                     "Actor1Geo_ADM1Code",
                                                     "Actor1Geo_ADM2Code",
                                                     "Actor1Geo_Lat",
                                                     "Actor1Geo_Long",
                                                     "Actor1Geo_FeatureID",
                                                     "Actor2Geo_Type",
                                                     "Actor2Geo_FullName",
                                                     "Actor2Geo_CountryCode",
                                                     "Actor2Geo_ADM1Code",
                                                     "Actor2Geo_ADM2Code",
                                                     "Actor2Geo_Lat",
                                                     "Actor2Geo_Long",
                                                     "Actor2Geo_FeatureID",
                                                     "ActionGeo_Type",
                                                     "ActionGeo_FullName",
                                                     "ActionGeo_CountryCode",
                                                     "ActionGeo_ADM1Code",
                                                     "ActionGeo_ADM2Code",
                                                     "ActionGeo_Lat",
                                                     "ActionGeo_Long",
                                                     "ActionGeo_FeatureID",
                                                     "DATEADDED",
                                                     "SOURCEURL"};

const std::vector<std::string> kGdeltMentionColumns = {"GLOBALEVENTID",
                                                       "EventTimeDate",
                                                       "MentionTimeDate",
                                                       "MentionType",
                                                       "MentionSourceName",
                                                       "MentionIdentifier",
                                                       "SentenceID",
                                                       "Actor1CharOffset",
                                                       "Actor2CharOffset",
                                                       "ActionCharOffset",
                                                       "InRawText",
                                                       "Confidence",
                                                       "MentionDocLen",
                                                       "MentionDocTone",
                                                       "MentionDocTranslationInfo",
                                                       "Extras"};

const std::vector<std::string> kAcledColumns = {
    "event_id_cnty", "event_date",     "year",     "time_precision", "disorder_type",
    "event_type",    "sub_event_type", "actor1",   "assoc_actor_1",  "inter1",
    "actor2",        "assoc_actor_2",  "inter2",   "interaction",    "civilian_targeting",
    "iso",           "region",         "country",  "admin1",         "admin2",
    "admin3",        "location",       "latitude", "longitude",      "geo_precision",
    "source",        "source_scale",   "notes",    "fatalities",     "tags",
    "timestamp"};

// Russian jets strike rebels near Palmyra (Tadmur, in Homs) on 15 March
// 2016, told in the lead of an article stored on 17 March at 08:30:05 UTC.
Event AirStrike() {
  Event e;
  e.event_id = "00000000000fa000";  // its first 53 bits: 0xfa000 >> 11 = 500
  e.doc_id = "moscow-1";
  e.sentence_index = 0;
  e.evidence = {"Russian jets struck rebel groups", 0, 32};
  e.source = ActorRef{"Russian jets", "RUSMIL", "RUS", "MIL", 0, 12};
  e.target = ActorRef{"Syria", "SYR", "SYR", "", 20, 25};
  e.cameo = {"195", "19", 4, -10.0};
  e.plover = {"ASSAULT", "aerial"};
  AcledCode acled;
  acled.event_type = "Explosions/Remote violence";
  acled.sub_event_type = "Air/drone strike";
  acled.disorder_type = "Political violence";
  acled.inter1 = 8;
  acled.inter2 = 1;
  acled.interaction = 18;
  e.acled = acled;
  e.modality = Modality::kReported;
  e.date = EventDate{*Date::Parse("2016-03-15"), DatePrecision::kDay, "on Tuesday", false};
  e.location = Location{
      "Tadmur", 163808, 34.5624, 38.28402, "Homs", "SYR", LocationPrecision::kCity, "Palmyra"};
  e.quantities = {{"killed", 12, 10.0, 15.0, "", "between 10 and 15"}};
  e.confidence = 0.87;
  return e;
}

StoredArticle Article() {
  StoredArticle a;
  a.doc_id = "moscow-1";
  a.url = "https://news.example/a";
  a.source = "News Example";
  a.published = Date::Parse("2016-03-17");
  a.happening = {7, 3, 3, 2, 2};  // id, mentions, sentences, articles, sources
  a.stored_at = "2016-03-17T08:30:05Z";
  a.lead_end = 100;
  a.sentence = "Russian jets struck rebel groups near Palmyra on Tuesday.";
  return a;
}

GdeltCodes Codes() {
  GdeltCodes codes;
  codes.fips = {{"SYR", "SY"}, {"USA", "US"}, {"RUS", "RS"}, {"FRA", "FR"}};
  codes.countries = {{"SYR", "Syria"}, {"USA", "United States"}, {"RUS", "Russia"}};
  codes.regions = {{"SYR\tHoms", "SY11"}, {"USA\tNew York", "USNY"}};
  return codes;
}

TEST(GdeltExport, EveryColumnOfATownEvent) {
  std::string row;
  AppendEventGdelt(AirStrike(), Article(), Codes(), &row);
  const std::vector<std::string> want = {
      "500", "20160315", "201603", "2016",
      "2016.2877",  // 2016 + (3 * 30 + 15) / 365
      "RUSMIL", "RUSSIAN JETS", "RUS", "", "", "", "", "MIL", "", "",
      // A country as actor is named as the country is: "SYRIA".
      "SYR", "SYRIA", "SYR", "", "", "", "", "", "", "",
      "1",  // told in the lead paragraph
      "195", "195", "19", "4", "-10", "3", "2", "2",
      "",                               // AvgTone: none measured
      "0", "", "", "", "", "", "", "",  // Actor1Geo: not known
      "0", "", "", "", "", "", "", "",  // Actor2Geo
      "4",                              // a town outside the United States
      "Tadmur, Homs, Syria", "SY", "SY11", "", "34.5624", "38.28402", "163808", "20160317083005",
      "https://news.example/a"};
  ExpectColumns(kGdeltEventColumns, want, Fields(row, '\t'));
}

TEST(GdeltExport, EveryColumnOfARegionAndOfACountry) {
  // The United Nations meets the Taliban in New York State, an event told
  // after the lead of an article without URL or date but its publication.
  Event e = AirStrike();
  e.source = ActorRef{"the United Nations", "IGOUNO", "IGO", "", 0, 18};
  e.target = ActorRef{"the Taliban", "AFGREBTAL", "AFG", "REB", 30, 41};
  e.cameo = {"036", "03", 1, 4.0};
  e.evidence.start = 500;
  e.date.reset();
  e.location = Location{"New York", 0, 42.9, -75.5, "New York", "USA", LocationPrecision::kAdmin1,
                        "New York"};
  StoredArticle a = Article();
  a.url.clear();
  a.stored_at.clear();
  a.published = Date::Parse("2016-03-18");
  std::string row;
  AppendEventGdelt(e, a, Codes(), &row);
  const std::vector<std::string> want = {
      "500", "20160318", "201603", "2016",
      "2016.2959",  // 2016 + (3 * 30 + 18) / 365
      // An international body: no country, its known group UNO; names
      // without a leading article.
      "IGOUNO", "UNITED NATIONS", "", "UNO", "", "", "", "", "", "", "AFGREBTAL", "TALIBAN", "AFG",
      "TAL", "", "", "", "REB", "", "", "0", "036", "036", "03", "1", "4", "3", "2", "2", "", "0",
      "", "", "", "", "", "", "", "0", "", "", "", "", "", "", "",
      "2",  // a US state
      "New York, United States", "US", "USNY", "", "42.9", "-75.5", "USNY",
      "20160318000000",  // the day of publication, the time not known
      "moscow-1"};       // no URL: the article's id
  ExpectColumns(kGdeltEventColumns, want, Fields(row, '\t'));

  // A country: type 1, its FIPS code as ADM1 code and feature id.
  e.location = Location{"Syria", 0, 35.0, 38.0, "", "SYR", LocationPrecision::kCountry, "Syria"};
  row.clear();
  AppendEventGdelt(e, a, Codes(), &row);
  const std::vector<std::string> all = Fields(row, '\t');
  const std::vector<std::string> geo(all.begin() + 51, all.begin() + 59);
  EXPECT_EQ(geo, (std::vector<std::string>{"1", "Syria", "SY", "SY", "", "35", "38", "SY"}));

  // A town in a region whose code is not FIPS 10-4's: no ADM1 code.
  e.location =
      Location{"Paris", 2988507, 48.85341, 2.3488, "Île-de-France", "FRA", LocationPrecision::kCity,
               "Paris"};
  row.clear();
  AppendEventGdelt(e, a, Codes(), &row);
  const auto columns = Fields(row, '\t');
  EXPECT_EQ(columns[51], "4");
  EXPECT_EQ(columns[52], "Paris, Île-de-France, FRA");  // no name known for FRA here
  EXPECT_EQ(columns[53], "FR");
  EXPECT_EQ(columns[54], "");
  EXPECT_EQ(columns[58], "2988507");
}

TEST(GdeltExport, EveryColumnOfAMention) {
  std::string row;
  AppendMentionGdelt(AirStrike(), Article(), 500, "20160316000000", &row);
  const std::vector<std::string> want = {
      "500",             // the event table's row
      "20160316000000",  // when that row was added
      "20160317083005",  // when this mention's article was stored
      "1",               // a web document
      "News Example",
      "https://news.example/a",
      "1",  // the first sentence
      "0",
      "20",
      "0",   // byte offsets of actor 1, actor 2, the action
      "1",   // in the raw text
      "87",  // confidence in percent
      "",
      "",
      "",
      ""};
  ExpectColumns(kGdeltMentionColumns, want, Fields(row, '\t'));

  // Without an actor its offset is -1; without a source name, the URL's host.
  Event e = AirStrike();
  e.target.reset();
  StoredArticle a = Article();
  a.source.clear();
  a.url = "https://www.bbc.co.uk/news/world-1";
  row.clear();
  AppendMentionGdelt(e, a, 500, "20160316000000", &row);
  const auto columns = Fields(row, '\t');
  EXPECT_EQ(columns[4], "www.bbc.co.uk");
  EXPECT_EQ(columns[8], "-1");
}

TEST(GdeltExport, RegionCodesAreFipsOnlyWhereGeoNamesUsesFips) {
  const std::string path =
      (std::filesystem::temp_directory_path() / "palmyra_admin1_codes_test.tsv").string();
  ASSERT_TRUE(WriteFile(path,
                        "# country\tadmin1\tcode\n"
                        "SYR\tHoms\t11\n"
                        "USA\tNew York\tNY\n"
                        "FRA\tÎle-de-France\t11\n"  // INSEE's, not FIPS's
                        "SYR\tUnknown\t00\n"        // GeoNames' "no region"
                        "SYR\tLong\t123\n"
                        "XXX\tNowhere\t01\n")  // no FIPS country code
                  .ok());
  GdeltCodes codes = Codes();
  codes.regions.clear();
  ASSERT_TRUE(ReadGdeltRegionCodes(path, &codes).ok());
  EXPECT_EQ(codes.regions, (std::unordered_map<std::string, std::string>{
                               {"SYR\tHoms", "SY11"}, {"USA\tNew York", "USNY"}}));
  ASSERT_TRUE(WriteFile(path, "SYR\tHoms\n").ok());
  const Status bad = ReadGdeltRegionCodes(path, &codes);
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(bad.message().find(path + ":1"), std::string::npos) << bad.message();
  std::filesystem::remove(path);
}

TEST(AcledExport, EveryColumnOfAHappening) {
  HappeningRecord h{Article().happening, {AirStrike()}, {Article()}};
  AcledNames names;
  names.countries = {{"SYR", "Syria"}, {"RUS", "Russia"}};
  names.regions = {{"145", "Middle East"}};
  std::string out;
  AppendAcledHeader(&out);
  EXPECT_EQ(Fields(out, ','), kAcledColumns);
  out.clear();
  ASSERT_TRUE(AppendHappeningAcled(h, names, &out));
  const std::vector<std::string> want = {
      "SYR7",  // the country where it happened and the happening's number
      "2016-03-15",
      "2016",
      "1",  // dated to the day
      "Political violence",
      "Explosions/Remote violence",
      "Air/drone strike",
      "Military Forces of Russia",
      "",
      "8",
      "Government of Syria",
      "",
      "1",  // a country as actor: its government
      "18",
      "",
      "760",  // Syria's ISO 3166 numeric code
      "Middle East",
      "Syria",
      "Homs",
      "",
      "",
      "Tadmur",
      "34.5624",
      "38.28402",
      "1",  // a town
      "News Example",
      "",
      "Russian jets struck rebel groups",
      "10",  // "between 10 and 15": the lower bound
      "",
      "1458203405"};  // 2016-03-17T08:30:05Z: 16877 days and 30605 seconds
  ExpectColumns(kAcledColumns, want, Fields(out, ','));

  // Civilians of no stated country are those of the country it happened in;
  // so are unnamed gunmen.
  HappeningRecord kenya = h;
  Event& e = kenya.events[0];
  e.source.reset();
  e.target = ActorRef{"villagers", "CVL", "", "CVL", 30, 39};
  e.acled->inter1 = 3;
  e.acled->inter2 = 7;
  e.location = Location{"Nairobi", 184745, -1.28333, 36.81667, "", "KEN", LocationPrecision::kCity,
                        "Nairobi"};
  names.countries.emplace("KEN", "Kenya");
  out.clear();
  ASSERT_TRUE(AppendHappeningAcled(kenya, names, &out));
  const auto row = Fields(out, ',');
  EXPECT_EQ(row[0], "KEN7");
  EXPECT_EQ(row[7], "Unidentified Armed Group (Kenya)");
  EXPECT_EQ(row[10], "Civilians (Kenya)");
  EXPECT_EQ(row[15], "404");  // Kenya's ISO 3166 numeric code

  // An event that did not happen (a threat of one) is not ACLED's.
  h.events[0].modality = Modality::kFuture;
  out.clear();
  EXPECT_FALSE(AppendHappeningAcled(h, names, &out));
  EXPECT_EQ(out, "");
}

TEST(PloverExport, EveryFieldOfTheManual) {
  std::string out;
  AppendEventPlover(AirStrike(), Article(), {"military"}, &out);
  const auto want = nlohmann::json::parse(R"({
    "id": "00000000000fa000",
    "date": "2016-03-15",
    "event": "ASSAULT",
    "mode": "aerial",
    "context": ["military"],
    "actor": {"text": "Russian jets", "code": "RUSMIL", "country": "RUS", "sector": "MIL"},
    "recipient": {"text": "Syria", "code": "SYR", "country": "SYR", "sector": null},
    "event_text": "Russian jets struck rebel groups",
    "text": "Russian jets struck rebel groups near Palmyra on Tuesday.",
    "event_loc": {"text": "Palmyra", "name": "Tadmur", "geonameid": 163808, "lat": 34.5624,
                  "lon": 38.28402, "admin1": "Homs", "country": "SYR", "precision": "city"},
    "quad_code": 4,
    "size": {"dead": 12, "injured": null, "arrested": null},
    "modality": "reported",
    "cameo": "195",
    "link": "https://news.example/a",
    "publication": "News Example",
    "coded_date": "2016-03-17",
    "language": "en",
    "coder": "Palmyra"
  })");
  EXPECT_EQ(nlohmann::json::parse(out), want) << out;
}

TEST(GeoJsonExport, AFeatureAsRfc7946DefinesIt) {
  std::string out;
  AppendGeoJsonBegin(&out);
  ASSERT_TRUE(AppendEventGeoJson(AirStrike(), Article(), true, &out));
  Event country = AirStrike();
  country.event_id = "00000000000fa800";
  country.quantities.clear();
  country.location =
      Location{"Syria", 0, 35.0, 38.0, "", "SYR", LocationPrecision::kCountry, "Syria"};
  ASSERT_TRUE(AppendEventGeoJson(country, Article(), false, &out));
  Event nowhere = AirStrike();
  nowhere.location.reset();
  EXPECT_FALSE(AppendEventGeoJson(nowhere, Article(), false, &out));
  AppendGeoJsonEnd(&out);
  const auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["type"], "FeatureCollection");
  ASSERT_EQ(j["features"].size(), 2u);
  const auto& town = j["features"][0];
  EXPECT_EQ(town["type"], "Feature");
  EXPECT_EQ(town["id"], "00000000000fa000");
  // Positions are [longitude, latitude] (RFC 7946, 3.1.1).
  EXPECT_EQ(town["geometry"],
            nlohmann::json::parse(R"({"type": "Point", "coordinates": [38.28402, 34.5624]})"));
  EXPECT_EQ(town["properties"]["killed"], 12);
  EXPECT_TRUE(town["properties"]["injured"].is_null());
  EXPECT_EQ(town["properties"]["country_level"], false);
  EXPECT_EQ(town["properties"]["precision"], "city");
  const auto& whole = j["features"][1]["properties"];
  EXPECT_EQ(whole["country_level"], true);
  EXPECT_TRUE(whole["killed"].is_null());  // no toll given: null, not 0
  EXPECT_TRUE(whole["geonameid"].is_null());
}

}  // namespace
}  // namespace palmyra
