#include "resolve/gazetteer_builder.h"

#include <simdjson.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <vector>

#include "core/file.h"
#include "core/strings.h"
#include "core/utf8.h"

namespace palmyra {
namespace {

struct City {
  std::string id, name, lat, lon, cc, admin1, fcode;
  long population = 0;
  std::vector<std::string> names;  // own name first
  std::set<std::string> folded;    // lower-case accent-free names, for matching regions
};

struct Country {
  std::string alpha2, alpha3, name;
  double lat = 0, lon = 0;
  std::vector<std::string> names;
};

struct Region {
  std::string cc, iso_code, name;
  std::string admin1;  // the GeoNames admin1 code it was matched to
  std::string seat;    // the seat's name when the region is named after it
  double lat = 0, lon = 0;
  bool located = false;
};

// Removes accents and other marks: "Ḩimş" -> "Hims", "Lattaquié" -> "Lattaquie".
class Folder {
 public:
  Folder() {
    UErrorCode status = U_ZERO_ERROR;
    latin_ascii_.reset(icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) latin_ascii_.reset();
  }
  std::string Fold(std::string_view s) const {
    if (latin_ascii_ == nullptr || std::all_of(s.begin(), s.end(), [](char c) {
          return static_cast<unsigned char>(c) < 0x80;
        })) {
      return std::string(s);
    }
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
    latin_ascii_->transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return out;
  }
  std::string Key(std::string_view s) const { return AsciiLowercase(Fold(s)); }

 private:
  std::unique_ptr<icu::Transliterator> latin_ascii_;
};

// A name worth indexing for English text: Latin script, no digits, not a
// short code in capitals ("LTK", "PMS"), no list punctuation.
bool UsableName(std::string_view name) {
  if (name.size() < 2 || name.size() > 80) return false;
  bool lower = false;
  for (size_t i = 0; i < name.size();) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      if (IsAsciiDigit(static_cast<char>(c)) || c == ',' || c == '(' || c == ')' || c == ';' ||
          c == '/' || c == '"')
        return false;
      if (IsAsciiLower(static_cast<char>(c))) lower = true;
      ++i;
      continue;
    }
    // Latin-1 Supplement to Latin Extended-B (U+0080-U+024F), spacing
    // modifier letters used as apostrophes (U+02B0-U+02FF), Latin Extended
    // Additional (U+1E00-U+1EFF) and typographic quotes (U+2018-U+2019).
    size_t length = 1;
    const char32_t cp = DecodeUtf8(name, i, &length);
    i += length;
    const bool latin = (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x2B0 && cp <= 0x2FF) ||
                       (cp >= 0x1E00 && cp <= 0x1EFF) || cp == 0x2018 || cp == 0x2019;
    if (!latin) return false;
    lower = true;
  }
  return lower || name.size() > 4;
}

void AddName(const Folder& folder, std::string_view name, std::vector<std::string>* names,
             std::set<std::string>* seen) {
  name = Trim(name);
  if (!UsableName(name)) return;
  if (seen->insert(AsciiLowercase(name)).second) names->emplace_back(name);
  const std::string ascii = folder.Fold(name);
  if (ascii != name && seen->insert(AsciiLowercase(ascii)).second) names->push_back(ascii);
}

Result<std::vector<City>> ReadCities(const std::string& path, const Folder& folder,
                                     GazetteerBuildReport* report) {
  ASSIGN_OR_RETURN(auto reader, LineReader::Open(path));
  std::vector<City> cities;
  cities.reserve(200000);
  std::string line;
  while (reader->Next(&line)) {
    const std::vector<std::string_view> f = Split(line, '\t');
    if (f.size() < 15 || f[0].empty() || !ParseInt(f[0]) || !ParseDouble(f[4]) ||
        !ParseDouble(f[5]) || f[8].size() != 2) {
      if (++report->skipped_lines <= 5)
        std::fprintf(stderr, "%s:%d: not a GeoNames place line, skipped\n", path.c_str(),
                     reader->line_number());
      continue;
    }
    City c;
    c.id = f[0];
    c.name = f[1];
    c.lat = f[4];
    c.lon = f[5];
    c.fcode = f[7];
    c.cc = f[8];
    c.admin1 = f[10];
    c.population = std::atol(std::string(f[14]).c_str());
    std::set<std::string> seen;
    AddName(folder, f[1], &c.names, &seen);
    AddName(folder, f[2], &c.names, &seen);
    for (std::string_view alt : Split(f[3], ',')) AddName(folder, alt, &c.names, &seen);
    if (c.names.empty()) continue;  // no Latin-script name: cannot be named in English text
    c.name = c.names[0];
    for (const std::string& n : c.names) c.folded.insert(folder.Key(n));
    cities.push_back(std::move(c));
  }
  RETURN_IF_ERROR(reader->status());
  return cities;
}

Result<simdjson::dom::element> ParseJson(simdjson::dom::parser& parser, const std::string& path,
                                         std::string* storage) {
  ASSIGN_OR_RETURN(*storage, ReadFile(path));
  simdjson::dom::element root;
  if (parser.parse(*storage).get(root) != simdjson::SUCCESS)
    return ParseError(path + ": not valid JSON");
  return root;
}

std::string JsonString(simdjson::dom::element e, const char* key) {
  std::string_view s;
  if (e[key].get(s) != simdjson::SUCCESS) return "";
  return std::string(s);
}

Result<std::vector<Country>> ReadCountries(const GazetteerSources& sources, const Folder& folder) {
  std::map<std::string, Country> by_alpha2;
  std::map<std::string, std::set<std::string>> seen;
  simdjson::dom::parser parser;
  std::string text;
  {
    ASSIGN_OR_RETURN(simdjson::dom::element root, ParseJson(parser, sources.iso_countries, &text));
    simdjson::dom::array list;
    if (root["3166-1"].get(list) != simdjson::SUCCESS)
      return ParseError(sources.iso_countries + ": no \"3166-1\" list");
    for (simdjson::dom::element e : list) {
      Country c;
      c.alpha2 = JsonString(e, "alpha_2");
      c.alpha3 = JsonString(e, "alpha_3");
      if (c.alpha2.size() != 2 || c.alpha3.size() != 3) continue;
      c.name = JsonString(e, "common_name");
      if (c.name.empty()) c.name = JsonString(e, "name");
      Country& into = by_alpha2[c.alpha2];
      into = c;
      for (const char* key : {"common_name", "name", "official_name"}) {
        AddName(folder, JsonString(e, key), &into.names, &seen[c.alpha2]);
      }
    }
  }
  ASSIGN_OR_RETURN(simdjson::dom::element root, ParseJson(parser, sources.countries, &text));
  simdjson::dom::array list;
  if (root.get(list) != simdjson::SUCCESS) return ParseError(sources.countries + ": not a list");
  for (simdjson::dom::element e : list) {
    std::string alpha2 = JsonString(e, "cca2");
    if (alpha2.size() != 2) continue;
    Country& c = by_alpha2[alpha2];
    if (c.alpha2.empty()) {
      // Kosovo has no ISO code; Palmyra's actor codes call it XKX.
      c.alpha2 = alpha2;
      c.alpha3 = alpha2 == "XK" ? "XKX" : JsonString(e, "cca3");
    }
    simdjson::dom::element name;
    if (e["name"].get(name) == simdjson::SUCCESS) {
      const std::string common = JsonString(name, "common");
      if (!common.empty()) c.name = common;
      // The common English name comes first.
      if (!common.empty()) {
        auto& names = c.names;
        names.erase(std::remove(names.begin(), names.end(), common), names.end());
        names.insert(names.begin(), common);
        seen[alpha2].insert(AsciiLowercase(common));
      }
      AddName(folder, JsonString(name, "official"), &c.names, &seen[alpha2]);
    }
    simdjson::dom::array spellings;
    if (e["altSpellings"].get(spellings) == simdjson::SUCCESS) {
      for (simdjson::dom::element s : spellings) {
        std::string_view v;
        if (s.get(v) == simdjson::SUCCESS) AddName(folder, v, &c.names, &seen[alpha2]);
      }
    }
    simdjson::dom::array latlng;
    if (e["latlng"].get(latlng) == simdjson::SUCCESS && latlng.size() == 2) {
      double lat = 0, lon = 0;
      if (latlng.at(0).get(lat) == simdjson::SUCCESS && latlng.at(1).get(lon) == simdjson::SUCCESS)
        c.lat = lat, c.lon = lon;
    }
  }
  std::vector<Country> out;
  for (auto& [alpha2, c] : by_alpha2) {
    if (!c.names.empty() && c.alpha3.size() == 3) out.push_back(std::move(c));
  }
  return out;
}

// First-level regions of ISO 3166-2 (those without a parent), matched to the
// GeoNames admin1 codes of cities500: by equal letter codes ("US-CA" and
// "CA"), else by a regional seat of the same name ("SY-HL" Ḩalab and
// Aleppo, whose names include Halab), else by the most populous place of
// that name.
Result<std::vector<Region>> ReadRegions(const std::string& path, const Folder& folder,
                                        const std::vector<City>& cities) {
  simdjson::dom::parser parser;
  std::string text;
  ASSIGN_OR_RETURN(simdjson::dom::element root, ParseJson(parser, path, &text));
  simdjson::dom::array list;
  if (root["3166-2"].get(list) != simdjson::SUCCESS)
    return ParseError(path + ": no \"3166-2\" list");
  std::unordered_map<std::string, std::vector<const City*>> by_country;
  for (const City& c : cities) by_country[c.cc].push_back(&c);
  std::vector<Region> regions;
  for (simdjson::dom::element e : list) {
    if (e["parent"].error() == simdjson::SUCCESS) continue;
    Region r;
    r.iso_code = JsonString(e, "code");
    r.name = JsonString(e, "name");
    if (r.iso_code.size() < 4 || r.iso_code[2] != '-' || r.name.empty()) continue;
    r.cc = r.iso_code.substr(0, 2);
    regions.push_back(std::move(r));
  }
  std::set<std::string> taken;  // "cc/admin1" codes already given to a region
  auto take = [&](Region& r, const std::string& admin1) {
    if (admin1.empty() || !taken.insert(r.cc + "/" + admin1).second) return false;
    r.admin1 = admin1;
    return true;
  };
  // Pass 1: equal letter codes.
  for (Region& r : regions) {
    const std::string suffix = r.iso_code.substr(3);
    if (!std::any_of(suffix.begin(), suffix.end(), IsAsciiAlpha)) continue;
    for (const City* c : by_country[r.cc]) {
      if (c->admin1 == suffix) {
        take(r, suffix);
        break;
      }
    }
  }
  // Pass 2: a seat named like the region; pass 3: any place named like it.
  for (int pass = 2; pass <= 3; ++pass) {
    for (Region& r : regions) {
      if (!r.admin1.empty()) continue;
      const std::string key = folder.Key(r.name);
      const City* best = nullptr;
      for (const City* c : by_country[r.cc]) {
        if (pass == 2 && c->fcode != "PPLA" && c->fcode != "PPLC") continue;
        if (!c->folded.count(key) || c->admin1.empty()) continue;
        if (best == nullptr || c->population > best->population) best = c;
      }
      if (best != nullptr && take(r, best->admin1) && pass == 2) {
        r.seat = best->name;
        r.lat = std::atof(best->lat.c_str());
        r.lon = std::atof(best->lon.c_str());
        r.located = true;
      }
    }
  }
  // Pass 4: a seat whose name the region's adjective form begins with
  // ("Kharkivska oblast" and Kharkiv, "Zaporizka oblast" and
  // Zaporizhzhya): the region goes by its seat's name.
  for (Region& r : regions) {
    if (!r.admin1.empty()) continue;
    std::string stem = folder.Key(r.name);
    stem = stem.substr(0, stem.find(' '));
    const City* best = nullptr;
    size_t best_common = 0;
    for (const City* c : by_country[r.cc]) {
      if (c->fcode != "PPLA" || c->admin1.empty() || taken.count(r.cc + "/" + c->admin1)) continue;
      const std::string seat = folder.Key(c->name);
      size_t common = 0;
      while (common < seat.size() && common < stem.size() && seat[common] == stem[common]) ++common;
      if (common >= 5 && common * 10 >= std::min(seat.size(), stem.size()) * 7 &&
          common > best_common)
        best = c, best_common = common;
    }
    if (best != nullptr && take(r, best->admin1)) {
      r.seat = best->name;
      r.lat = std::atof(best->lat.c_str());
      r.lon = std::atof(best->lon.c_str());
      r.located = true;
    }
  }
  // Regions without a seat lie at the mean position of their places.
  std::map<std::string, std::pair<double, double>> sum;
  std::map<std::string, int> count;
  for (const City& c : cities) {
    const std::string key = c.cc + "/" + c.admin1;
    sum[key].first += std::atof(c.lat.c_str());
    sum[key].second += std::atof(c.lon.c_str());
    ++count[key];
  }
  for (Region& r : regions) {
    if (r.admin1.empty() || r.located) continue;
    const std::string key = r.cc + "/" + r.admin1;
    if (count[key] == 0) continue;
    r.lat = sum[key].first / count[key];
    r.lon = sum[key].second / count[key];
    r.located = true;
  }
  return regions;
}

std::string Clean(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '|' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) {
    if (!out.empty()) out += '|';
    out += Clean(n);
  }
  return out;
}

}  // namespace

Result<GazetteerBuildReport> BuildGazetteer(const GazetteerSources& sources, const std::string& out,
                                            const std::string& codes_out) {
  GazetteerBuildReport report;
  const Folder folder;
  ASSIGN_OR_RETURN(std::vector<City> cities, ReadCities(sources.cities, folder, &report));
  ASSIGN_OR_RETURN(std::vector<Country> countries, ReadCountries(sources, folder));
  ASSIGN_OR_RETURN(std::vector<Region> regions, ReadRegions(sources.iso_regions, folder, cities));

  std::unordered_map<std::string, std::string> alpha3;
  for (const Country& c : countries) alpha3[c.alpha2] = c.alpha3;
  std::unordered_map<std::string, const Region*> region_of;  // "cc/admin1"
  for (const Region& r : regions) {
    if (!r.admin1.empty()) region_of[r.cc + "/" + r.admin1] = &r;
  }
  auto region_name = [](const Region& r) { return r.seat.empty() ? r.name : r.seat; };

  std::string text;
  text.reserve(40 << 20);
  text += "# Palmyra gazetteer: GeoNames cities500 (CC BY 4.0), world-countries, ISO 3166.\n";
  text += "# kind\tgeonameid\tname\tlat\tlon\tcountry\tadmin1\tfeature\tpopulation\tnames\n";
  // The regions' GeoNames codes, by the name the gazetteer gives them.
  std::string codes;
  codes += "# First-level regions' GeoNames admin1 codes (GeoNames cities500, CC BY 4.0).\n";
  codes += "# country\tadmin1\tcode\n";
  char coords[64];
  for (const Country& c : countries) {
    std::snprintf(coords, sizeof coords, "%.5f\t%.5f", c.lat, c.lon);
    text += "C\t0\t" + Clean(c.name) + "\t" + coords + "\t" + c.alpha3 + "\t\tPCLI\t0\t" +
            JoinNames(c.names) + "\n";
    ++report.countries;
    report.names += static_cast<long>(c.names.size());
  }
  for (const Region& r : regions) {
    if (r.admin1.empty() || !r.located || !alpha3.count(r.cc)) {
      ++report.regions_unmatched;
      continue;
    }
    std::vector<std::string> names;
    std::set<std::string> seen;
    AddName(folder, region_name(r), &names, &seen);
    AddName(folder, r.name, &names, &seen);
    if (names.empty()) continue;
    std::snprintf(coords, sizeof coords, "%.5f\t%.5f", r.lat, r.lon);
    text += "A\t0\t" + Clean(region_name(r)) + "\t" + coords + "\t" + alpha3[r.cc] + "\t" +
            Clean(region_name(r)) + "\tADM1\t0\t" + JoinNames(names) + "\n";
    codes += alpha3[r.cc] + "\t" + Clean(region_name(r)) + "\t" + Clean(r.admin1) + "\n";
    ++report.regions;
    report.names += static_cast<long>(names.size());
  }
  for (const City& c : cities) {
    auto country = alpha3.find(c.cc);
    if (country == alpha3.end()) continue;
    auto region = region_of.find(c.cc + "/" + c.admin1);
    const std::string admin1 = region == region_of.end() ? "" : region_name(*region->second);
    text += "P\t" + c.id + "\t" + Clean(c.name) + "\t" + c.lat + "\t" + c.lon + "\t" +
            country->second + "\t" + Clean(admin1) + "\t" + c.fcode + "\t" +
            std::to_string(c.population) + "\t" + JoinNames(c.names) + "\n";
    ++report.places;
    report.names += static_cast<long>(c.names.size());
  }
  RETURN_IF_ERROR(WriteFile(out, text));
  RETURN_IF_ERROR(WriteFile(codes_out, codes));
  return report;
}

}  // namespace palmyra
