// Stored events in the formats other tools read (palmyra export):
//
//   CSV    one row an event under a header row, RFC 4180 quoting; quantities
//          as "kind=value unit" joined by "; ".
//   GDELT  the GDELT 2.0 event table: 61 tab-separated columns in their
//          published order, no header, one row per happening. Actor codes
//          are CAMEO's; a place's country is its FIPS 10-4 code, as GDELT
//          writes it, ADM1Code that code for a country and the country's
//          code and the region's for a place in a region whose GeoNames code
//          is FIPS 10-4's (empty where GeoNames codes regions otherwise), the
//          feature id the GeoNames id; ADM2, tone and the actors' own places
//          are left empty (Actor1Geo_Type 0); IsRootEvent says
//          the event is told in the lead paragraph, DATEADDED is when the
//          article was stored (UTC).
//   GDELT mentions  the Mentions table: 16 columns, one row per event,
//          GLOBALEVENTID that of its happening's row in the event table.
//   PLOVER one JSON object a line with the PLOVER record fields: id, date,
//          event, mode, context (a list, from the CAMEO code), actor and
//          recipient ({text, code, country, sector}), event_text (the
//          evidence), text (the sentence), event_loc (the words and the
//          resolved place), quad_code, size {dead, injured, arrested},
//          modality, cameo, link, publication, coded_date, language, coder;
//          null where there is nothing, never 0 or "".
//   ACLED  ACLED's 31 columns as CSV, one row per happening that happened
//          and that ACLED records, fatalities the most conservative count.
//   happenings  one JSON object a line per happening: the events of one day
//          with the same source, target, PLOVER type and place merged, with
//          their counts and every piece of evidence.
#ifndef PALMYRA_STORE_EVENT_EXPORT_H_
#define PALMYRA_STORE_EVENT_EXPORT_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "palmyra/event.h"
#include "store/event_store.h"

namespace palmyra {

void AppendCsvHeader(std::string* out);
void AppendEventCsv(const Event& e, const StoredArticle& article, std::string* out);
// What GDELT rows name by other codes than Palmyra's: FIPS 10-4 codes by ISO
// alpha-3 (data/ontology/fips10_4.tsv), for the places, and countries' names
// by ISO alpha-3, for the actors.
struct GdeltCodes {
  std::unordered_map<std::string, std::string> fips;
  std::unordered_map<std::string, std::string> countries;
  // ADM1 codes by country and region name ("SYR\tHoms": "SY11").
  std::unordered_map<std::string, std::string> regions;
};
// Reads the regions' GeoNames codes (the model's admin1_codes.tsv) into
// `codes->regions` as GDELT's ADM1 codes: the FIPS 10-4 country code (from
// `codes->fips`) and the region's two-character code, for the countries
// whose GeoNames codes are FIPS 10-4's (not France, the United Kingdom,
// Switzerland, Belgium, Norway, Greece or Ireland).
Status ReadGdeltRegionCodes(const std::string& path, GdeltCodes* codes);
void AppendEventGdelt(const Event& e, const StoredArticle& article, const GdeltCodes& codes,
                      std::string* out);
// GDELT's GLOBALEVENTID of an event: its event_id's first 53 bits.
uint64_t GdeltEventId(const Event& e);
// A row of GDELT 2.0's Mentions table (16 tab-separated columns) for event
// `e`, a mention of the event table's row `event_row` first added at
// `event_time` (YYYYMMDDHHMMSS): its article, sentence (from 1), the
// actors' and the action's byte offsets, and its confidence (0-100).
void AppendMentionGdelt(const Event& e, const StoredArticle& article, uint64_t event_row,
                        const std::string& event_time, std::string* out);
// GDELT's time of an article: when it was stored (UTC, YYYYMMDDHHMMSS).
std::string GdeltTime(const StoredArticle& article);
// `contexts`: the PLOVER contexts of the event's CAMEO code.
void AppendEventPlover(const Event& e, const StoredArticle& article,
                       const std::vector<std::string>& contexts, std::string* out);

// The events of one happening, in the order they were stored.
struct HappeningRecord {
  HappeningCounts counts;
  std::vector<Event> events;
  std::vector<StoredArticle> articles;  // each event's
};
void AppendHappeningJson(const HappeningRecord& h, std::string* out);

// What an ACLED row needs beyond the events: country names by ISO alpha-3
// code ("SYR" -> "Syria") and ACLED's regions by UN M.49 subregion or
// country code (data/ontology/acled_regions.tsv).
struct AcledNames {
  std::unordered_map<std::string, std::string> countries;
  std::unordered_map<std::string, std::string> regions;
};
// GeoJSON (RFC 7946): a FeatureCollection of the located events, one Point
// feature each ([longitude, latitude]), with the event's fields as
// properties; a point that only stands for a region or a country says so
// ("precision", "country_level"). Call Begin, a Feature per event (false
// when it has no location), then End.
void AppendGeoJsonBegin(std::string* out);
bool AppendEventGeoJson(const Event& e, const StoredArticle& article, bool first, std::string* out);
void AppendGeoJsonEnd(std::string* out);
// ACLED's columns, in ACLED's order, as a CSV header.
void AppendAcledHeader(std::string* out);
// One ACLED row for a happening, from its first event that ACLED records
// and that happened (asserted or reported); nothing when it has none.
// Returns whether a row was written.
bool AppendHappeningAcled(const HappeningRecord& h, const AcledNames& names, std::string* out);

}  // namespace palmyra

#endif  // PALMYRA_STORE_EVENT_EXPORT_H_
