// The place finder on whole sentences: which words it takes for places, how
// it ties them to their clause, and which gazetteer entry it picks. Runs the
// whole pipeline with the built gazetteer.
#include "resolve/place_finder.h"

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/file.h"
#include "pipeline/pipeline.h"
#include "text/text_stage.h"

namespace palmyra {
namespace {

// The rules alone: every candidate event they propose is kept.
Options RulesOnly() {
  Options options;
  options.min_confidence = 0;
  return options;
}

class PlaceFinderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto pipeline = Pipeline::Create(RulesOnly());
    ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
    pipeline_ = std::move(pipeline).value().release();
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    pipeline_ = nullptr;
  }

  // "words=NAME/COUNTRY/PRECISION/STRENGTH[/actor]" for each place found.
  std::vector<std::string> Places(const std::string& text) {
    doc_.text = text;
    doc_.published = Date{2016, 3, 17};
    pipeline_->Analyze(doc_, &a_);
    std::vector<std::string> out;
    for (const PlaceMention& m : a_.places) {
      const std::optional<Location> l = pipeline_->PlaceLocation(a_, m);
      if (!l) continue;
      out.push_back(l->text + "=" + l->name + "/" + l->country + "/" +
                    std::string(LocationPrecisionName(l->precision)) + "/" +
                    std::to_string(m.strength) + (m.actor ? "/actor" : ""));
    }
    return out;
  }

  static Pipeline* pipeline_;
  Document doc_;
  Analysis a_;
};

Pipeline* PlaceFinderTest::pipeline_ = nullptr;

using Strings = std::vector<std::string>;

TEST_F(PlaceFinderTest, PrepositionsTieAPlaceToWhatHappened) {
  EXPECT_EQ(Places("Militants killed two soldiers near Palmyra."),
            Strings{"Palmyra=Tadmur/SYR/city/3"});
  EXPECT_EQ(Places("The convoy came from Latakia."), Strings{"Latakia=Latakia/SYR/city/1"});
  EXPECT_EQ(Places("Troops pushed into Idlib."), Strings{"Idlib=Idlib/SYR/city/2"});
  EXPECT_EQ(Places("Jets struck a base 30km north of Aleppo."),
            Strings{"Aleppo=Aleppo/SYR/city/3"});
  EXPECT_EQ(Places("Rebels shelled positions on the outskirts of Damascus."),
            Strings{"Damascus=Damascus/SYR/city/3"});
  EXPECT_EQ(Places("The Aleppo offensive stalled."), Strings{"Aleppo=Aleppo/SYR/city/2"});
}

TEST_F(PlaceFinderTest, RegionsWhenTheTextAsksForThem) {
  EXPECT_EQ(Places("Jets struck a market in Idlib province."), Strings{"Idlib=Idlib/SYR/admin1/3"});
  EXPECT_EQ(Places("Jets struck a market in the province of Idlib."),
            Strings{"Idlib=Idlib/SYR/admin1/3"});
  EXPECT_EQ(Places("Police arrested 10 protesters in California."),
            Strings{"California=California/USA/admin1/3"});
}

TEST_F(PlaceFinderTest, ActorsAreNotPlaces) {
  // A capital that speaks is the government; one after "in" is a place.
  EXPECT_EQ(Places("Washington said the talks had failed."),
            Strings{"Washington=Washington/USA/city/0/actor"});
  EXPECT_EQ(Places("Officials in Washington said the talks had failed."),
            Strings{"Washington=Washington/USA/city/3"});
  EXPECT_EQ(Places("Russia will keep its air base."), Strings{"Russia=Russia/RUS/country/0/actor"});
}

TEST_F(PlaceFinderTest, OtherNamesAndWordsAreNotPlaces) {
  EXPECT_TRUE(Places("Police detained George Washington Carver in the morning.").empty());
  EXPECT_TRUE(Places("Students at Aleppo University protested.").empty());
  EXPECT_TRUE(Places("Police arrested 20 protesters on Thursday.").empty());
  EXPECT_TRUE(Places("Western countries imposed sanctions.").empty());
  EXPECT_TRUE(Places("Crowds gathered at the Christmas market.").empty());
  // The surname of a person named in full earlier.
  EXPECT_EQ(Places("Police arrested Tommy Robinson in Leeds. Robinson denied the charges."),
            Strings{"Leeds=Leeds/GBR/city/3"});
}

TEST_F(PlaceFinderTest, TheArticlesCountriesChooseAmongNamesakes) {
  EXPECT_EQ(Places("The Lebanese army attacked militants near Tripoli."),
            Strings{"Tripoli=Tripoli/LBN/city/3"});
  EXPECT_EQ(Places("Libyan militias clashed near Tripoli."), Strings{"Tripoli=Tripoli/LBY/city/3"});
  EXPECT_EQ(Places("Ukrainian troops shelled separatists near Donetsk."),
            Strings{"Donetsk=Donetsk/UKR/city/3"});
  // A place said to lie in a country is there, or is no place at all.
  EXPECT_EQ(Places("Jihadists ambushed a convoy near the town of Boni in central Mali."),
            Strings{"Mali=Mali/MLI/country/3"});
}

TEST_F(PlaceFinderTest, TheDatelinesPlaceComesFirst) {
  EXPECT_EQ(Places("MOSCOW, March 17 - Police arrested 20 protesters in Kazan."),
            (Strings{"MOSCOW=Moscow/RUS/city/3", "Kazan=Kazan/RUS/city/3"}));
}

TEST(PlaceFinderLoadTest, AMalformedLineIsReportedWithItsFileAndLine) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("palmyra-places-" + std::to_string(::getpid()));
  fs::create_directories(dir / "resolve");
  ASSERT_TRUE(WriteFile((dir / "resolve/places.txt").string(), "at in 3\nat near nine\n").ok());
  auto text = TextStage::Load(PALMYRA_TEST_DATA_DIR);
  ASSERT_TRUE(text.ok());
  const auto finder =
      PlaceFinder::Load(dir.string(), ResolveDefaults(Options()).model_dir, (*text)->names());
  fs::remove_all(dir);
  ASSERT_FALSE(finder.ok());
  EXPECT_NE(finder.status().ToString().find("places.txt:2"), std::string::npos)
      << finder.status().ToString();
}

}  // namespace
}  // namespace palmyra
