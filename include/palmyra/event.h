// Event: one coded happening, the unit of Palmyra's output. Its fields follow
// the output contract: who (source) did what (cameo/plover/acled) to whom
// (target), with which certainty (modality), according to whom (attribution),
// when, where and how many, and the exact words that say so (evidence).
// Plain values; an Event owns all its strings.
#ifndef PALMYRA_EVENT_H_
#define PALMYRA_EVENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "palmyra/date.h"

namespace palmyra {

enum class Modality { kAsserted, kReported, kFuture, kHypothetical, kNegated };
std::string_view ModalityName(Modality modality);
// The modality a name stands for ("reported"), or nothing.
std::optional<Modality> ParseModality(std::string_view name);

enum class DatePrecision { kDay, kWeek, kMonth, kYear };
std::string_view DatePrecisionName(DatePrecision precision);
std::optional<DatePrecision> ParseDatePrecision(std::string_view name);

struct Evidence {
  std::string text;    // the sentence's words that carry the event
  uint32_t start = 0;  // byte offsets into Document::text, end exclusive
  uint32_t end = 0;
};

struct ActorRef {
  std::string text;     // the words that name the actor ("Syrian rebel groups")
  std::string code;     // CAMEO-style code ("SYRREB", "IGOUNO", "IMGMOSISI")
  std::string country;  // ISO alpha-3 or IGO/NGO/IMG/MNC...; empty when unknown
  std::string sector;   // GOV, MIL, REB, ...; empty when none
  uint32_t start = 0;   // byte offsets of `text` in Document::text
  uint32_t end = 0;
};

struct CameoCode {
  std::string code;    // "195"
  std::string root;    // "19"
  int quad_class = 0;  // 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict
  double goldstein = 0.0;
};

struct PloverCode {
  std::string type;  // "ASSAULT"
  std::string mode;  // "aerial"; may be empty
};

struct AcledCode {
  std::string event_type;      // "Explosions/Remote violence"
  std::string sub_event_type;  // "Air/drone strike"
  // "Political violence", "Demonstrations", "Political violence; Demonstrations"
  // or "Strategic developments".
  std::string disorder_type;
  bool civilian_targeting = false;  // civilians were the target
  // ACLED actor type codes: 1 state forces, 2 rebel groups, 3 political
  // militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians,
  // 8 external or other forces; 0 when there is no such actor.
  int inter1 = 0;
  int inter2 = 0;
  int interaction = 0;  // the two codes, the smaller first (17); a sole actor's times ten (60)
};

struct Attribution {
  std::string text;  // "the Kremlin"
  std::string code;  // "RUSGOV"; empty when the speaker is not a known actor
};

// When an event happened: a day, or the first day of the week (Monday),
// month or year it happened in.
struct EventDate {
  Date value;
  DatePrecision precision = DatePrecision::kDay;
  std::string text;         // the words the date came from; empty for the publication date
  bool historical = false;  // more than a year before the publication date ("in 2011, ...")
};

enum class LocationPrecision { kCity, kAdmin1, kCountry };
std::string_view LocationPrecisionName(LocationPrecision precision);
std::optional<LocationPrecision> ParseLocationPrecision(std::string_view name);

// Where an event happened: a gazetteer place (GeoNames for cities).
struct Location {
  std::string name;       // the gazetteer's name ("Tadmur")
  int64_t geonameid = 0;  // GeoNames id; 0 for countries and regions
  double lat = 0.0;
  double lon = 0.0;
  std::string admin1;   // first-level region ("Homs"); empty when unknown
  std::string country;  // ISO alpha-3
  LocationPrecision precision = LocationPrecision::kCity;
  std::string text;  // the words that name it ("Palmyra")
};

struct Quantity {
  std::string kind;  // killed | injured | arrested | displaced | missing | money | count
  double value = 0.0;
  std::optional<double> low;
  std::optional<double> high;
  std::string unit;
  std::string text;
};

struct Event {
  std::string event_id;  // stable hash of (doc_id, sentence_index, source, target, code)
  std::string doc_id;
  int sentence_index = 0;
  Evidence evidence;
  std::optional<ActorRef> source;
  std::optional<ActorRef> target;
  CameoCode cameo;
  PloverCode plover;
  std::optional<AcledCode> acled;  // null when ACLED has no such event (statements)
  Modality modality = Modality::kAsserted;
  std::optional<Attribution> attribution;
  std::optional<EventDate> date;
  std::optional<Location> location;
  std::vector<Quantity> quantities;
  std::string rule;  // the dictionary entry that fired, as "file:line"
  double confidence = 0.0;
};

}  // namespace palmyra

#endif  // PALMYRA_EVENT_H_
