// Golden cases: texts with the events a person expects from them, written
// and checked by hand, in a small line format:
//
//   case: passive voice swaps source and target      starts a case
//   date: 2016-03-17                                 publication date (optional)
//   text: Two soldiers were killed by militants.     the article (may repeat: lines are joined)
//   title: ...                                       a headline (optional)
//   event: REB -> MIL 180 asserted by=-              an expected event (see below)
//   none                                             no event is expected
//   partial                                          other events may be coded too
//   decided                                          checked as users code (see below)
//
// An event line gives the source and target codes ("-" for none), the CAMEO
// code, and optionally the modality and "by=CODE" for the attribution's code
// ("by=-" for no attribution), and "on=DATE/PRECISION" for the event's date
// ("on=2016-03-07/week", "on=2011-01-01/year/historical"; "on=-" for none),
// and "q=KIND:VALUE" for each quantity the event must carry, optionally with
// ":LOW-HIGH" for its bounds and then ":UNIT" ("q=killed:10:10-15",
// "q=arrested:300:300-", "q=money:1500000:-:EUR", "q=count:200:200-999:strike"),
// "at=PLACE" for its location (see LocationOf), "acled=SUB_EVENT_TYPE" for
// its ACLED sub-event type with "_" for spaces ("acled=Air/drone_strike";
// "acled=-" for none) and "inter=NN" for ACLED's interaction code.
// Unless a case says "partial", the events
// coded must be exactly those listed.
//
// A case tests the rules: every candidate event they propose is kept
// (Options::min_confidence 0). A case that says "decided" tests what users
// get: the decision model keeps only the candidates it believes.
#ifndef PALMYRA_TESTS_GOLDEN_CASES_H_
#define PALMYRA_TESTS_GOLDEN_CASES_H_

#include <optional>
#include <string>
#include <vector>

#include "palmyra/engine.h"

namespace palmyra {

struct ExpectedEvent {
  std::string source, target, code;
  std::optional<std::string> modality;
  std::optional<std::string> attribution;
  std::optional<std::string> date;  // "2016-03-07/week", "2011-01-01/year/historical", "-" for none
  std::vector<std::string> quantities;  // "killed:12", "killed:10:10-15", "money:2500000000:-:USD"
  // "163808" (a city by GeoNames id), "Idlib/SYR" (a region), "SYR" (a
  // country), "-" for none.
  std::optional<std::string> location;
  std::optional<std::string> acled;        // "Air/drone_strike", "-" for none
  std::optional<std::string> interaction;  // "17"
  std::string ToString() const;
  bool Matches(const Event& e) const;
};

struct GoldenCase {
  std::string name;
  std::string file;
  int line = 0;
  std::string date;
  std::string title;
  std::string text;
  std::vector<ExpectedEvent> events;
  bool partial = false;
  bool decided = false;  // checked with the decision model's threshold
};

// Reads every case of a golden file; fails the test on a malformed line.
std::vector<GoldenCase> ReadGoldenCases(const std::string& path);

std::string DescribeEvent(const Event& e);
// "163808", "Idlib/SYR", "SYR" or "-", as written after "at=".
std::string LocationOf(const Event& e);
// The ACLED sub-event type with "_" for spaces, or "-".
std::string AcledOf(const Event& e);
// "2016-03-07/week", "2011-01-01/year/historical", or "-".
std::string DateOf(const Event& e);
// "killed:12", "killed:10:10-15", "money:1500000:-:EUR", "count:200:200-999:strike".
std::string QuantityOf(const Quantity& q);
bool QuantityMatches(const Quantity& q, const std::string& expected);

// Checks one case against an engine; returns "" when it passes, else a report.
std::string CheckGoldenCase(const Engine& engine, const GoldenCase& c);
// Compares the events coded for a case with those it expects; "" when they agree.
std::string CompareEvents(const std::vector<Event>& coded, const GoldenCase& c);

}  // namespace palmyra

#endif  // PALMYRA_TESTS_GOLDEN_CASES_H_
