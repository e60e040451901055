// The gazetteer: building gazetteer.tsv from small hand-written sources
// shaped like GeoNames, world-countries and iso-codes, and compiling it into
// the index that the engine maps.
#include "resolve/gazetteer.h"

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "core/file.h"
#include "core/strings.h"
#include "resolve/gazetteer_builder.h"
#include "text/text_stage.h"

namespace palmyra {
namespace {

namespace fs = std::filesystem;

// Tab-separated GeoNames lines: id, name, ascii, alternates, lat, lon, class,
// code, cc, cc2, admin1, admin2, admin3, admin4, population, elevation, dem,
// timezone, date.
std::string City(const std::string& id, const std::string& name, const std::string& alternates,
                 const std::string& lat, const std::string& lon, const std::string& code,
                 const std::string& cc, const std::string& admin1, const std::string& population) {
  return id + "\t" + name + "\t" + name + "\t" + alternates + "\t" + lat + "\t" + lon + "\tP\t" +
         code + "\t" + cc + "\t\t" + admin1 + "\t\t\t\t" + population +
         "\t\t0\tAsia/Damascus\t2020-01-01\n";
}

class GazetteerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("palmyra-gazetteer-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "model");
    auto text = TextStage::Load(PALMYRA_TEST_DATA_DIR);
    ASSERT_TRUE(text.ok()) << text.status().ToString();
    text_ = std::move(text).value();

    sources_.cities = (dir_ / "cities500.txt").string();
    sources_.countries = (dir_ / "countries.json").string();
    sources_.iso_countries = (dir_ / "iso_3166-1.json").string();
    sources_.iso_regions = (dir_ / "iso_3166-2.json").string();
    ASSERT_TRUE(
        WriteFile(sources_.cities, City("163808", "Tadmur", "PMS,Palmyra,Tadmor,Palmüra,تدمر",
                                        "34.5624", "38.28402", "PPLA2", "SY", "11", "51015") +
                                       City("169577", "Homs", "Hims,Ḩimş,Emesa", "34.72682",
                                            "36.72339", "PPLA", "SY", "11", "775404") +
                                       City("170794", "Deir ez-Zor", "Dayr az Zawr,Deir Ezzor",
                                            "35.33588", "40.14084", "PPLA", "SY", "05", "242565") +
                                       City("5130441", "Palmyra", "Ganagweh", "43.06395",
                                            "-77.23332", "PPL", "US", "NY", "3413") +
                                       City("5128581", "New York City", "New York,NYC", "40.71427",
                                            "-74.00597", "PPL", "US", "NY", "8804190") +
                                       City("703448", "Kyiv", "Kiev,Kyjiv", "50.45466", "30.5238",
                                            "PPLC", "UA", "12", "2797553") +
                                       City("706483", "Kharkiv", "Kharkov", "49.98081", "36.25272",
                                            "PPLA", "UA", "07", "1433886") +
                                       "not a geonames line\n")
            .ok());
    ASSERT_TRUE(WriteFile(sources_.countries, R"([
      {"name": {"common": "Syria", "official": "Syrian Arab Republic"}, "cca2": "SY",
       "cca3": "SYR", "altSpellings": ["SY", "Syrian Arab Republic"], "latlng": [35, 38]},
      {"name": {"common": "United States", "official": "United States of America"},
       "cca2": "US", "cca3": "USA", "altSpellings": ["US", "USA", "America"], "latlng": [38, -97]},
      {"name": {"common": "Ukraine", "official": "Ukraine"}, "cca2": "UA", "cca3": "UKR",
       "altSpellings": ["UA", "Ukrayina"], "latlng": [49, 32]}
    ])")
                    .ok());
    ASSERT_TRUE(WriteFile(sources_.iso_countries, R"({"3166-1": [
      {"alpha_2": "SY", "alpha_3": "SYR", "name": "Syrian Arab Republic", "common_name": "Syria"},
      {"alpha_2": "US", "alpha_3": "USA", "name": "United States"},
      {"alpha_2": "UA", "alpha_3": "UKR", "name": "Ukraine"}
    ]})")
                    .ok());
    ASSERT_TRUE(WriteFile(sources_.iso_regions, R"({"3166-2": [
      {"code": "SY-HI", "name": "Ḩimş", "type": "Province"},
      {"code": "SY-DY", "name": "Dayr az Zawr", "type": "Province"},
      {"code": "SY-RD", "name": "Rīf Dimashq", "type": "Province"},
      {"code": "US-NY", "name": "New York", "type": "State"},
      {"code": "UA-63", "name": "Kharkivska oblast", "type": "Region"},
      {"code": "UA-63-01", "name": "Somewhere", "type": "District", "parent": "UA-63"}
    ]})")
                    .ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Model() const { return (dir_ / "model").string(); }
  std::unique_ptr<Gazetteer> Open() {
    auto g = Gazetteer::Open(Model(), text_->names());
    EXPECT_TRUE(g.ok()) << g.status().ToString();
    return g.ok() ? std::move(g).value() : nullptr;
  }
  // The names of the places one of whose names is `name`.
  std::vector<std::string> Find(const Gazetteer& g, const std::string& name) {
    std::string joined;
    for (const std::string& k : text_->names().Tokenize(name).keys)
      joined += (joined.empty() ? "" : " ") + k;
    std::vector<Gazetteer::Match> matches;
    g.Lookup(joined, &matches);
    std::vector<std::string> out;
    for (const auto& m : matches) out.emplace_back(g.place(m.place).name);
    std::sort(out.begin(), out.end());
    return out;
  }

  fs::path dir_;
  GazetteerSources sources_;
  std::unique_ptr<TextStage> text_;
};

TEST_F(GazetteerTest, BuildsCountriesRegionsAndPlaces) {
  const auto report =
      BuildGazetteer(sources_, Model() + "/gazetteer.tsv", Model() + "/admin1_codes.tsv");
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->countries, 3);
  EXPECT_EQ(report->places, 7);
  EXPECT_EQ(report->skipped_lines, 1);  // "not a geonames line"
  // Homs by its seat's alternate name Hims, Deir ez-Zor by its seat's
  // alternate, New York by its letter code, Kharkiv by the stem of its
  // adjective; Rif Dimashq has no place in these sources.
  EXPECT_EQ(report->regions, 4);
  EXPECT_EQ(report->regions_unmatched, 1);
  const auto text = ReadFile(Model() + "/gazetteer.tsv");
  ASSERT_TRUE(text.ok());
  // Cities carry their region's name; regions named after their seat go by
  // the seat's English name.
  EXPECT_NE(text->find("P\t163808\tTadmur\t34.5624\t38.28402\tSYR\tHoms\tPPLA2\t51015\t"),
            std::string::npos);
  EXPECT_NE(text->find("A\t0\tHoms\t34.72682\t36.72339\tSYR\tHoms\tADM1\t0\tHoms|"),
            std::string::npos);
  EXPECT_NE(text->find("A\t0\tKharkiv\t"), std::string::npos);
  EXPECT_NE(text->find("A\t0\tNew York\t"), std::string::npos);
  EXPECT_NE(text->find("C\t0\tSyria\t35.00000\t38.00000\tSYR\t\tPCLI\t0\tSyria|"),
            std::string::npos);
  // Arabic script and three-letter codes are left out; accents get a
  // plain spelling too.
  EXPECT_EQ(text->find("تدمر"), std::string::npos);
  EXPECT_EQ(text->find("|PMS|"), std::string::npos);
  EXPECT_NE(text->find("|Palmüra|Palmura"), std::string::npos);
  // Each region written has its GeoNames admin1 code, by the same name.
  const auto codes = ReadFile(Model() + "/admin1_codes.tsv");
  ASSERT_TRUE(codes.ok());
  EXPECT_NE(codes->find("\nSYR\tHoms\t11\n"), std::string::npos) << *codes;
  EXPECT_NE(codes->find("\nSYR\tDeir ez-Zor\t05\n"), std::string::npos) << *codes;
  EXPECT_NE(codes->find("\nUSA\tNew York\tNY\n"), std::string::npos) << *codes;
  EXPECT_NE(codes->find("\nUKR\tKharkiv\t07\n"), std::string::npos) << *codes;
}

TEST_F(GazetteerTest, LooksUpEveryNameOfAPlace) {
  ASSERT_TRUE(
      BuildGazetteer(sources_, Model() + "/gazetteer.tsv", Model() + "/admin1_codes.tsv").ok());
  const auto g = Open();
  ASSERT_NE(g, nullptr);
  EXPECT_TRUE(g->compiled());
  EXPECT_EQ(g->size(), 3u + 4u + 7u);
  EXPECT_EQ(Find(*g, "Palmyra"), (std::vector<std::string>{"Palmyra", "Tadmur"}));
  EXPECT_EQ(Find(*g, "PALMYRA"), (std::vector<std::string>{"Palmyra", "Tadmur"}));
  EXPECT_EQ(Find(*g, "Deir Ezzor"), (std::vector<std::string>{"Deir ez-Zor"}));
  EXPECT_EQ(Find(*g, "Dayr az Zawr"), (std::vector<std::string>{"Deir ez-Zor", "Deir ez-Zor"}));
  EXPECT_EQ(Find(*g, "Kiev"), (std::vector<std::string>{"Kyiv"}));
  EXPECT_EQ(Find(*g, "Syrian Arab Republic"), (std::vector<std::string>{"Syria"}));
  EXPECT_TRUE(Find(*g, "Damascus").empty());
  EXPECT_GE(g->max_name_tokens(), 3u);

  std::vector<Gazetteer::Match> matches;
  g->Lookup("tadmur", &matches);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_TRUE(matches[0].own_name);
  const PlaceInfo p = g->place(matches[0].place);
  EXPECT_EQ(p.geonameid, 163808);
  EXPECT_NEAR(p.lat, 34.5624, 1e-4);
  EXPECT_NEAR(p.lon, 38.28402, 1e-4);
  EXPECT_EQ(p.population, 51015u);
  EXPECT_EQ(p.kind, PlaceKind::kCity);
  EXPECT_EQ(p.feature, PlaceFeature::kSeat2);
  EXPECT_EQ(p.admin1, "Homs");
  EXPECT_EQ(p.country, "SYR");
  matches.clear();
  g->Lookup("palmyra", &matches);
  for (const auto& m : matches) {
    if (g->place(m.place).geonameid == 163808) {
      EXPECT_FALSE(m.own_name);
    }
  }
}

TEST_F(GazetteerTest, TheIndexIsCompiledOnceAndRebuiltWhenTheSourceChanges) {
  ASSERT_TRUE(
      BuildGazetteer(sources_, Model() + "/gazetteer.tsv", Model() + "/admin1_codes.tsv").ok());
  {
    const auto first = Open();
    ASSERT_NE(first, nullptr);
    EXPECT_TRUE(first->compiled());
    EXPECT_EQ(first->index_path(), Model() + "/gazetteer.idx");
  }
  {
    const auto second = Open();
    ASSERT_NE(second, nullptr);
    EXPECT_FALSE(second->compiled());
    EXPECT_EQ(Find(*second, "Kharkov"), (std::vector<std::string>{"Kharkiv"}));
  }
  // A changed gazetteer.tsv (another size) makes the index stale.
  auto text = ReadFile(Model() + "/gazetteer.tsv");
  ASSERT_TRUE(text.ok());
  *text += "P\t1\tNewtown\t1.0\t2.0\tSYR\t\tPPL\t900\tNewtown|Nova\n";
  ASSERT_TRUE(WriteFile(Model() + "/gazetteer.tsv", *text).ok());
  const auto third = Open();
  ASSERT_NE(third, nullptr);
  EXPECT_TRUE(third->compiled());
  EXPECT_EQ(Find(*third, "Nova"), (std::vector<std::string>{"Newtown"}));
}

TEST_F(GazetteerTest, AnIndexThatIsNotOneIsReplaced) {
  ASSERT_TRUE(
      BuildGazetteer(sources_, Model() + "/gazetteer.tsv", Model() + "/admin1_codes.tsv").ok());
  ASSERT_TRUE(WriteFile(Model() + "/gazetteer.idx", "garbage").ok());
  const auto g = Open();
  ASSERT_NE(g, nullptr);
  EXPECT_TRUE(g->compiled());
  EXPECT_EQ(Find(*g, "Kiev"), (std::vector<std::string>{"Kyiv"}));
}

TEST_F(GazetteerTest, AMissingGazetteerSaysHowToMakeIt) {
  const auto g = Gazetteer::Open(Model(), text_->names());
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().ToString().find("gazetteer.tsv"), std::string::npos);
  EXPECT_NE(g.status().ToString().find("make"), std::string::npos);
}

TEST_F(GazetteerTest, AMalformedLineIsReportedWithItsLine) {
  ASSERT_TRUE(
      WriteFile(Model() + "/gazetteer.tsv",
                "# comment\nP\t1\tA\t1\t2\tSYR\t\tPPL\t5\tA\nP\t2\tB\tnorth\t2\tSYR\t\tPPL\t5\tB\n")
          .ok());
  const auto g = Gazetteer::Open(Model(), text_->names());
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().ToString().find("gazetteer.tsv:3"), std::string::npos)
      << g.status().ToString();
}

TEST_F(GazetteerTest, MissingSourcesAreNamed) {
  sources_.cities = (dir_ / "nowhere.txt").string();
  const auto report =
      BuildGazetteer(sources_, Model() + "/gazetteer.tsv", Model() + "/admin1_codes.tsv");
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().ToString().find("nowhere.txt"), std::string::npos);
}

TEST_F(GazetteerTest, ProcessesOpeningAtOnceAllGetTheIndex) {
  ASSERT_TRUE(
      BuildGazetteer(sources_, Model() + "/gazetteer.tsv", Model() + "/admin1_codes.tsv").ok());
  std::vector<std::thread> threads;
  std::vector<int> found(4, 0);
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      auto g = Gazetteer::Open(Model(), text_->names());
      if (g.ok()) found[i] = static_cast<int>(Find(**g, "Kiev").size());
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(found, (std::vector<int>{1, 1, 1, 1}));
}

}  // namespace
}  // namespace palmyra
