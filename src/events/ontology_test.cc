// The CAMEO table and the modality recoding table as shipped in data/.
#include <gtest/gtest.h>

#include "events/cameo_table.h"
#include "events/modality_codes.h"

namespace palmyra {
namespace {

TEST(CameoTableTest, HasEveryRootWithItsCrosswalks) {
  auto table = CameoTable::Load(PALMYRA_TEST_DATA_DIR);
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  for (int root = 1; root <= 20; ++root) {
    char code[4];
    std::snprintf(code, sizeof code, "%02d0", root);
    const CameoEntry* e = (*table)->Find(code);
    ASSERT_NE(e, nullptr) << code;
    EXPECT_FALSE(e->label.empty()) << code;
    EXPECT_FALSE(e->plover_type.empty()) << code;
  }
  const CameoEntry* air = (*table)->Find("195");
  ASSERT_NE(air, nullptr);
  EXPECT_EQ(air->plover_type, "ASSAULT");
  EXPECT_EQ(air->quad_class, 4);
  EXPECT_DOUBLE_EQ(air->goldstein, -10.0);
  const CameoEntry* praise = (*table)->Find("051");
  ASSERT_NE(praise, nullptr);
  EXPECT_EQ(praise->quad_class, 1);
  EXPECT_GT(praise->goldstein, 0.0);
  EXPECT_EQ((*table)->Find("999"), nullptr);
  EXPECT_GT((*table)->size(), 250u);  // CAMEO has about 300 codes
  // Where PLOVER's gold-standard records depart from the published table:
  // sanctions, destroyed property, eased curfews and emergencies.
  for (const auto& [code, type] : {std::pair{"163", "SANCTION"}, std::pair{"1712", "COERCE"},
                                   std::pair{"0813", "CONCEDE"}, std::pair{"0814", "CONCEDE"},
                                   std::pair{"0874", "RETREAT"}}) {
    const CameoEntry* e = (*table)->Find(code);
    ASSERT_NE(e, nullptr) << code;
    EXPECT_EQ(e->plover_type, type) << code;
  }
}

TEST(CameoTableTest, TraitsComeFromTheCodeAndItsRoot) {
  auto table = CameoTable::Load(PALMYRA_TEST_DATA_DIR);
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  const CameoTable& t = **table;
  for (const char* code : {"18", "180", "1831", "190", "195", "20", "2041"})
    EXPECT_TRUE(t.Has(code, CameoTrait::kViolent)) << code;
  for (const char* code : {"173", "145", "010", "0841"})
    EXPECT_FALSE(t.Has(code, CameoTrait::kViolent)) << code;
  EXPECT_TRUE(t.Has("046", CameoTrait::kMutual));
  EXPECT_TRUE(t.Has("057", CameoTrait::kMutual));
  EXPECT_FALSE(t.Has("051", CameoTrait::kMutual));
  EXPECT_TRUE(t.Has("1056", CameoTrait::kRequest));
  EXPECT_TRUE(t.Has("0233", CameoTrait::kRequest));
  EXPECT_TRUE(t.Has("100", CameoTrait::kUnspecified));
  EXPECT_FALSE(t.Has("1056", CameoTrait::kUnspecified));
  EXPECT_TRUE(t.Has("173", CameoTrait::kCoercion));
  EXPECT_TRUE(t.Has("141", CameoTrait::kProtest));
  EXPECT_TRUE(t.Has("192", CameoTrait::kCombat));
  EXPECT_FALSE(t.Has("180", CameoTrait::kCombat));
  EXPECT_FALSE(t.Has("999", CameoTrait::kViolent));
  EXPECT_EQ(CameoTable::Root("1384"), 13);
  EXPECT_EQ(CameoTable::Root("075A"), 7);
  EXPECT_EQ(CameoTable::Root("+++"), 0);
}

TEST(CameoTableTest, QuadClassFollowsTheRoot) {
  EXPECT_EQ(CameoTable::QuadClass("010"), 1);
  EXPECT_EQ(CameoTable::QuadClass("0841"), 2);
  EXPECT_EQ(CameoTable::QuadClass("112"), 3);
  EXPECT_EQ(CameoTable::QuadClass("1384"), 3);
  EXPECT_EQ(CameoTable::QuadClass("173"), 4);
  EXPECT_EQ(CameoTable::QuadClass("2041"), 4);
  EXPECT_EQ(CameoTable::QuadClass("x"), 0);
}

TEST(ModalityCodesTest, RecodesIntentRefusalAndDemand) {
  auto codes = ModalityCodes::Load(PALMYRA_TEST_DATA_DIR);
  ASSERT_TRUE(codes.ok()) << codes.status().ToString();
  using Kind = ModalityCodes::Kind;
  // "will meet": intent to meet; "will attack": a threat of conventional attack.
  EXPECT_EQ((*codes)->Recode(Kind::kFuture, "040"), "036");
  EXPECT_EQ((*codes)->Recode(Kind::kFuture, "190"), "1384");
  // "refused to release the prisoners": refuse to release persons.
  EXPECT_EQ((*codes)->Recode(Kind::kNegated, "0841"), "1243");
  // "Sudan must return the helicopter, Russia said": a demand.
  EXPECT_EQ((*codes)->Recode(Kind::kObligation, "0874"), "1056");
  EXPECT_EQ((*codes)->Recode(Kind::kObligation, "0841"), "1053");
  // Statements have no intent form.
  EXPECT_EQ((*codes)->Recode(Kind::kFuture, "010"), "");
}

}  // namespace
}  // namespace palmyra
