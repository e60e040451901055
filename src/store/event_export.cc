#include "store/event_export.h"

#include "core/data_file.h"
#include "core/strings.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_set>

#include <unicode/region.h>
#include <nlohmann/json.hpp>

namespace palmyra {
namespace {

std::string Number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", v);
  return buffer;
}

void Csv(std::string_view field, std::string* out) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

std::string Quantities(const Event& e) {
  std::string out;
  for (const Quantity& q : e.quantities) {
    if (!out.empty()) out += "; ";
    out += q.kind + "=" + Number(q.value) + (q.unit.empty() ? "" : " " + q.unit);
  }
  return out;
}

// The event's day, else the article's.
std::optional<Date> DayOf(const Event& e, const StoredArticle& a) {
  return e.date ? std::optional<Date>(e.date->value) : a.published;
}

// GDELT's text fields hold no tabs or line breaks.
std::string Flat(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

// Seconds since 1970 of when the article was stored, else of its day of
// publication; nullopt when neither is known.
std::optional<int64_t> UnixTime(const StoredArticle& a) {
  int hour = 0, minute = 0, second = 0;
  if (a.stored_at.size() == 20) {
    const std::optional<Date> day = Date::Parse(a.stored_at.substr(0, 10));
    if (day && std::sscanf(a.stored_at.c_str() + 11, "%2d:%2d:%2d", &hour, &minute, &second) == 3)
      return day->ToDays() * 86400 + hour * 3600 + minute * 60 + second;
  }
  if (a.published) return a.published->ToDays() * 86400;
  return std::nullopt;
}

}  // namespace

// "2023-07-15T08:30:00Z" as GDELT writes times: "20230715083000"; the
// article's day at midnight when the time is unknown.
std::string GdeltTime(const StoredArticle& a) {
  std::string digits;
  for (char c : a.stored_at) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  if (digits.size() == 14) return digits;
  return a.published ? std::to_string(a.published->ToYmd()) + "000000" : "";
}

void AppendCsvHeader(std::string* out) {
  out->append(
      "event_id,doc_id,sentence_index,date,date_precision,source_code,source_country,"
      "source_sector,source_text,target_code,target_country,target_sector,target_text,cameo,"
      "cameo_root,quad_class,goldstein,plover_type,plover_mode,acled_event_type,"
      "acled_sub_event_type,acled_disorder_type,acled_interaction,modality,attribution,location,"
      "geonameid,lat,lon,admin1,location_country,location_precision,quantities,killed,injured,"
      "arrested,evidence,url,publisher,happening_id,rule,confidence\n");
}

void AppendEventCsv(const Event& e, const StoredArticle& a, std::string* out) {
  std::vector<std::string> f;
  f.push_back(e.event_id);
  f.push_back(e.doc_id);
  f.push_back(std::to_string(e.sentence_index));
  f.push_back(e.date ? e.date->value.ToString() : "");
  f.push_back(e.date ? std::string(DatePrecisionName(e.date->precision)) : "");
  for (const auto* actor : {&e.source, &e.target}) {
    f.push_back(*actor ? (*actor)->code : "");
    f.push_back(*actor ? (*actor)->country : "");
    f.push_back(*actor ? (*actor)->sector : "");
    f.push_back(*actor ? (*actor)->text : "");
  }
  f.push_back(e.cameo.code);
  f.push_back(e.cameo.root);
  f.push_back(std::to_string(e.cameo.quad_class));
  f.push_back(Number(e.cameo.goldstein));
  f.push_back(e.plover.type);
  f.push_back(e.plover.mode);
  f.push_back(e.acled ? e.acled->event_type : "");
  f.push_back(e.acled ? e.acled->sub_event_type : "");
  f.push_back(e.acled ? e.acled->disorder_type : "");
  f.push_back(e.acled ? std::to_string(e.acled->interaction) : "");
  f.push_back(std::string(ModalityName(e.modality)));
  f.push_back(e.attribution ? e.attribution->text : "");
  const bool place = e.location.has_value();
  f.push_back(place ? e.location->name : "");
  f.push_back(place && e.location->geonameid != 0 ? std::to_string(e.location->geonameid) : "");
  f.push_back(place ? Number(e.location->lat) : "");
  f.push_back(place ? Number(e.location->lon) : "");
  f.push_back(place ? e.location->admin1 : "");
  f.push_back(place ? e.location->country : "");
  f.push_back(place ? std::string(LocationPrecisionName(e.location->precision)) : "");
  f.push_back(Quantities(e));
  // The casualty counts as numbers: the largest of each kind; empty when
  // the report gives none.
  for (const char* kind : {"killed", "injured", "arrested"}) {
    std::optional<double> value;
    for (const Quantity& q : e.quantities) {
      if (q.kind == kind) value = std::max(value.value_or(q.value), q.value);
    }
    f.push_back(value ? Number(*value) : "");
  }
  f.push_back(e.evidence.text);
  f.push_back(a.url);
  f.push_back(a.source);
  f.push_back(a.happening.id != 0 ? std::to_string(a.happening.id) : "");
  f.push_back(e.rule);
  f.push_back(Number(e.confidence));
  for (size_t i = 0; i < f.size(); ++i) {
    if (i > 0) out->push_back(',');
    Csv(f[i], out);
  }
  out->push_back('\n');
}

void AppendEventGdelt(const Event& e, const StoredArticle& a, const GdeltCodes& codes,
                      std::string* out) {
  std::vector<std::string> f;
  f.reserve(61);
  // 1-5: id and dates. The id is the event_id's first 53 bits, so that it
  // stays exact as a double (R, JavaScript, pandas with missing values).
  f.push_back(std::to_string(GdeltEventId(e)));
  const std::optional<Date> day = DayOf(e, a);
  if (day) {
    // The codebook's FractionDate: YYYY + (MONTH * 30 + DAY) / 365.
    const double fraction = day->year + (day->month * 30 + day->day) / 365.0;
    char buffer[16];
    f.push_back(std::to_string(day->ToYmd()));
    f.push_back(std::to_string(day->ToYmd() / 100));
    f.push_back(std::to_string(day->year));
    std::snprintf(buffer, sizeof buffer, "%.4f", fraction);
    f.push_back(buffer);
  } else {
    f.insert(f.end(), 4, "");
  }
  // 6-25: the two actors: code, name, country, known group, ethnic, two
  // religions, three types.
  for (const auto* actor : {&e.source, &e.target}) {
    if (!*actor) {
      f.insert(f.end(), 10, "");
      continue;
    }
    const ActorRef& r = **actor;
    const bool group = r.country == "IGO" || r.country == "NGO" || r.country == "IMG";
    f.push_back(r.code);
    // The name as GDELT writes it: upper case, a country by its name
    // ("UNITED STATES"), anything else by the words that named it.
    const auto country_name = codes.countries.find(r.country);
    const std::string name = r.code == r.country && country_name != codes.countries.end()
                                 ? country_name->second
                                 : r.text;
    // Without a leading article: "THE TALIBAN" is "TALIBAN".
    std::string upper = AsciiUppercase(name);
    if (upper.rfind("THE ", 0) == 0) upper.erase(0, 4);
    f.push_back(Flat(upper));
    f.push_back(group ? "" : r.country);
    // A known group: an international body's code ("IGOUNO": UNO), or the
    // group a dictionary names after country and role ("AFGREBTAL": TAL).
    f.push_back(group && r.code.size() >= 6    ? r.code.substr(3, 3)
                : !group && r.code.size() >= 9 ? r.code.substr(6, 3)
                                               : "");
    f.insert(f.end(), 3, "");
    f.push_back(r.sector);
    f.insert(f.end(), 2, "");
  }
  // 26-35: the event; a root event is one told in the lead paragraph.
  f.push_back(static_cast<int64_t>(e.evidence.start) < a.lead_end ? "1" : "0");
  f.push_back(e.cameo.code);
  f.push_back(e.cameo.code.substr(0, 3));
  f.push_back(e.cameo.root);
  f.push_back(std::to_string(e.cameo.quad_class));
  f.push_back(Number(e.cameo.goldstein));
  // Mentions, sources and articles of the event's happening; AvgTone empty.
  f.push_back(std::to_string(a.happening.mentions));
  f.push_back(std::to_string(a.happening.sources));
  f.push_back(std::to_string(a.happening.articles));
  f.push_back("");  // AvgTone: no tone is measured
  // 36-59: the actors' places (unknown) and the event's.
  for (int geo = 0; geo < 2; ++geo) {
    f.push_back("0");
    f.insert(f.end(), 7, "");
  }
  if (e.location) {
    const Location& l = *e.location;
    const bool us = l.country == "USA";
    const int type = l.precision == LocationPrecision::kCountry  ? 1
                     : l.precision == LocationPrecision::kAdmin1 ? (us ? 2 : 5)
                                                                 : (us ? 3 : 4);
    // FullName: "City, Region, Country", "Region, Country" or "Country",
    // the country by its name.
    const auto country_name = codes.countries.find(l.country);
    std::string name = l.name;
    if (l.precision == LocationPrecision::kCity && !l.admin1.empty()) name += ", " + l.admin1;
    if (l.precision != LocationPrecision::kCountry) {
      name += ", ";
      name += country_name != codes.countries.end() ? country_name->second : l.country;
    }
    const auto code = codes.fips.find(l.country);
    const std::string country = code != codes.fips.end() ? code->second : "";
    // ADM1Code: the country's for a country, the region's below.
    std::string adm1;
    if (l.precision == LocationPrecision::kCountry) {
      adm1 = country;
    } else if (!l.admin1.empty()) {
      const auto region = codes.regions.find(l.country + "\t" + l.admin1);
      if (region != codes.regions.end()) adm1 = region->second;
    }
    f.push_back(std::to_string(type));
    f.push_back(Flat(name));
    f.push_back(country);
    f.push_back(adm1);
    f.push_back("");  // ADM2Code
    f.push_back(Number(l.lat));
    f.push_back(Number(l.lon));
    // FeatureID: the GeoNames id of a town; a region's or a country's code.
    f.push_back(l.geonameid != 0                             ? std::to_string(l.geonameid)
                : l.precision == LocationPrecision::kCountry ? country
                                                             : adm1);
  } else {
    f.push_back("0");
    f.insert(f.end(), 7, "");
  }
  // 60-61: when added (the UTC time the article was stored) and the source
  // URL, else the article's id.
  f.push_back(GdeltTime(a));
  f.push_back(Flat(a.url.empty() ? a.doc_id : a.url));
  for (size_t i = 0; i < f.size(); ++i) {
    if (i > 0) out->push_back('\t');
    out->append(f[i]);
  }
  out->push_back('\n');
}

void AppendMentionGdelt(const Event& e, const StoredArticle& a, uint64_t event_row,
                        const std::string& event_time, std::string* out) {
  auto offset = [&](const std::optional<ActorRef>& actor) {
    return actor ? std::to_string(actor->start) : std::string("-1");
  };
  const std::string host = [&] {
    // The source's name, else the URL's host ("www.bbc.co.uk").
    if (!a.source.empty()) return a.source;
    const size_t scheme = a.url.find("://");
    if (scheme == std::string::npos) return std::string();
    const size_t begin = scheme + 3, end = a.url.find('/', begin);
    return a.url.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
  }();
  const std::vector<std::string> f = {
      std::to_string(event_row),               // GLOBALEVENTID: the event table's row
      event_time,                              // EventTimeDate: when its row's article was added
      GdeltTime(a),                            // MentionTimeDate
      "1",                                     // MentionType: a web document
      Flat(host),                              // MentionSourceName
      Flat(a.url.empty() ? a.doc_id : a.url),  // MentionIdentifier
      std::to_string(e.sentence_index + 1),    // SentenceID, from 1
      offset(e.source),                        // Actor1CharOffset
      offset(e.target),                        // Actor2CharOffset
      std::to_string(e.evidence.start),        // ActionCharOffset
      "1",                                     // InRawText
      std::to_string(std::lround(e.confidence * 100)),  // Confidence, 0-100
      "",                                               // MentionDocLen
      "",                                               // MentionDocTone
      "",                                               // MentionDocTranslationInfo
      ""};                                              // Extras
  for (size_t i = 0; i < f.size(); ++i) {
    if (i > 0) out->push_back('\t');
    out->append(f[i]);
  }
  out->push_back('\n');
}

Status ReadGdeltRegionCodes(const std::string& path, GdeltCodes* codes) {
  // Countries whose GeoNames admin1 codes are not FIPS 10-4's: France's
  // INSEE regions, the UK's nations, Swiss cantons' letters, Belgium's
  // regions, Norway's and Greece's reformed counties, Ireland's provinces.
  static const std::unordered_set<std::string> kOtherCodes = {"FRA", "GBR", "CHE", "BEL",
                                                              "NOR", "GRC", "IRL"};
  return ForEachDataLine(path, [&](std::string_view line, int) {
    const auto fields = Split(line, '\t');
    if (fields.size() != 3) return DataError("expected country, region and code");
    const std::string country(fields[0]);
    const std::string_view code = fields[2];
    const auto fips = codes->fips.find(country);
    const bool two = code.size() == 2 && std::isalnum(static_cast<unsigned char>(code[0])) &&
                     std::isalnum(static_cast<unsigned char>(code[1])) && code != "00";
    if (fips != codes->fips.end() && two && !kOtherCodes.count(country)) {
      std::string key = country;
      key.push_back('\t');
      key.append(fields[1]);
      std::string value = fips->second;
      value.append(code);
      codes->regions.emplace(std::move(key), std::move(value));
    }
    return Status::Ok();
  });
}

uint64_t GdeltEventId(const Event& e) {
  return std::strtoull(e.event_id.c_str(), nullptr, 16) >> 11;
}

void AppendHappeningJson(const HappeningRecord& h, std::string* out) {
  if (h.events.empty()) return;
  const Event& first = h.events.front();
  nlohmann::ordered_json j;
  j["happening_id"] = h.counts.id;
  const std::optional<Date> day = DayOf(first, h.articles.front());
  j["date"] = day ? nlohmann::ordered_json(day->ToString()) : nlohmann::ordered_json(nullptr);
  j["event"] = first.plover.type;
  nlohmann::ordered_json codes = nlohmann::ordered_json::array();
  for (const Event& e : h.events) {
    if (std::find(codes.begin(), codes.end(), e.cameo.code) == codes.end())
      codes.push_back(e.cameo.code);
  }
  j["cameo"] = codes;
  for (const auto& [key, actor] :
       {std::pair{"source", &first.source}, std::pair{"target", &first.target}}) {
    j[key] = *actor ? nlohmann::ordered_json{{"code", (*actor)->code}, {"text", (*actor)->text}}
                    : nlohmann::ordered_json(nullptr);
  }
  if (first.location) {
    j["location"] = {{"name", first.location->name},
                     {"geonameid", first.location->geonameid},
                     {"lat", first.location->lat},
                     {"lon", first.location->lon},
                     {"country", first.location->country}};
  } else {
    j["location"] = nullptr;
  }
  j["mentions"] = h.counts.mentions;
  j["sentences"] = h.counts.sentences;
  j["articles"] = h.counts.articles;
  j["sources"] = h.counts.sources;
  nlohmann::ordered_json evidence = nlohmann::ordered_json::array();
  for (size_t i = 0; i < h.events.size(); ++i) {
    const Event& e = h.events[i];
    evidence.push_back({{"event_id", e.event_id},
                        {"doc_id", e.doc_id},
                        {"sentence_index", e.sentence_index},
                        {"text", e.evidence.text},
                        {"url", h.articles[i].url},
                        {"source", h.articles[i].source}});
  }
  j["evidence"] = evidence;
  out->append(j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  out->push_back('\n');
}

void AppendEventPlover(const Event& e, const StoredArticle& a,
                       const std::vector<std::string>& contexts, std::string* out) {
  using Json = nlohmann::ordered_json;
  auto text_or_null = [](const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); };
  auto actor = [&](const std::optional<ActorRef>& x) {
    if (!x) return Json(nullptr);
    return Json{{"text", x->text},
                {"code", text_or_null(x->code)},
                {"country", text_or_null(x->country)},
                {"sector", text_or_null(x->sector)}};
  };
  Json j;
  j["id"] = e.event_id;
  const std::optional<Date> day = DayOf(e, a);
  j["date"] = day ? Json(day->ToString()) : Json(nullptr);
  j["event"] = e.plover.type;
  j["mode"] = text_or_null(e.plover.mode);
  j["context"] = contexts;
  j["actor"] = actor(e.source);
  j["recipient"] = actor(e.target);
  j["event_text"] = e.evidence.text;
  j["text"] = a.sentence.empty() ? e.evidence.text : a.sentence;
  if (e.location) {
    const Location& l = *e.location;
    j["event_loc"] = {{"text", text_or_null(l.text)},
                      {"name", l.name},
                      {"geonameid", l.geonameid != 0 ? Json(l.geonameid) : Json(nullptr)},
                      {"lat", l.lat},
                      {"lon", l.lon},
                      {"admin1", text_or_null(l.admin1)},
                      {"country", l.country},
                      {"precision", std::string(LocationPrecisionName(l.precision))}};
  } else {
    j["event_loc"] = nullptr;
  }
  j["quad_code"] = e.cameo.quad_class;
  // The tolls the text gives (dead, injured, arrested), null when it gives none.
  Json size = {{"dead", nullptr}, {"injured", nullptr}, {"arrested", nullptr}};
  for (const Quantity& q : e.quantities) {
    const char* key = q.kind == "killed"     ? "dead"
                      : q.kind == "injured"  ? "injured"
                      : q.kind == "arrested" ? "arrested"
                                             : nullptr;
    if (key != nullptr && size[key].is_null()) size[key] = static_cast<int64_t>(q.value);
  }
  j["size"] = size;
  j["modality"] = std::string(ModalityName(e.modality));
  j["cameo"] = e.cameo.code;
  j["link"] = text_or_null(a.url);
  j["publication"] = text_or_null(a.source);
  j["coded_date"] = a.stored_at.size() >= 10 ? Json(a.stored_at.substr(0, 10)) : Json(nullptr);
  j["language"] = "en";
  j["coder"] = "Palmyra";
  out->append(j.dump(-1, ' ', false, Json::error_handler_t::replace));
  out->push_back('\n');
}

namespace {

// "Military Forces of Syria", "Rebels (Syria)", "Civilians (Syria)": an
// actor as ACLED names its kinds, from its code.
std::string AcledActorName(const std::optional<ActorRef>& actor, int inter,
                           const std::string& where, const AcledNames& names) {
  if (!actor && inter == 0) return "";
  const std::string country_code = actor ? actor->country : "";
  const auto it = names.countries.find(country_code);
  const std::string country = it != names.countries.end() ? it->second : country_code;
  // Crowds, civilians and unnamed gunmen go by the country they are in.
  const auto there = names.countries.find(where);
  const std::string local = !country.empty()                 ? country
                            : there != names.countries.end() ? there->second
                                                             : where;
  const std::string sector = actor ? actor->sector : "";
  auto of = [&](const char* what) {
    return country.empty() ? std::string(what) : std::string(what) + " of " + country;
  };
  auto in = [&](const char* what) {
    return local.empty() ? std::string(what) : std::string(what) + " (" + local + ")";
  };
  switch (inter) {
    case 5:
      return in("Rioters");
    case 6:
      return in("Protesters");
    case 7:
      return in("Civilians");
    default:
      break;
  }
  if (!actor) return in("Unidentified Armed Group");
  if (sector == "MIL") return of("Military Forces");
  if (sector == "COP") return of("Police Forces");
  if (sector == "GOV") return of("Government");
  if (sector == "SPY") return of("Intelligence Services");
  if (sector.empty() && !country.empty() && country_code.size() == 3) return of("Government");
  // Named groups keep the words that named them ("Islamic State fighters").
  return actor->text + " [" + actor->code + "]";
}

// ACLED's "ISO": the country's ISO 3166 numeric code, and its region.
std::pair<std::string, std::string> IsoAndRegion(const std::string& alpha3,
                                                 const AcledNames& names) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Region* region = icu::Region::getInstance(alpha3.c_str(), error);
  if (U_FAILURE(error) || region == nullptr) return {"", ""};
  std::string acled_region;
  if (auto it = names.regions.find(alpha3); it != names.regions.end()) {
    acled_region = it->second;
  } else if (const icu::Region* within = region->getContainingRegion(); within != nullptr) {
    if (auto sub = names.regions.find(within->getRegionCode()); sub != names.regions.end())
      acled_region = sub->second;
  }
  const int numeric = region->getNumericCode();
  return {numeric > 0 ? std::to_string(numeric) : "", acled_region};
}

bool Happened(const Event& e) {
  return e.acled && (e.modality == Modality::kAsserted || e.modality == Modality::kReported);
}

}  // namespace

void AppendGeoJsonBegin(std::string* out) {
  out->append("{\"type\":\"FeatureCollection\",\"features\":[\n");
}

bool AppendEventGeoJson(const Event& e, const StoredArticle& a, bool first, std::string* out) {
  if (!e.location) return false;
  const Location& l = *e.location;
  nlohmann::ordered_json feature;
  feature["type"] = "Feature";
  feature["id"] = e.event_id;
  feature["geometry"] = {{"type", "Point"}, {"coordinates", {l.lon, l.lat}}};
  nlohmann::ordered_json p;
  p["event_id"] = e.event_id;
  p["doc_id"] = e.doc_id;
  const std::optional<Date> day = DayOf(e, a);
  p["date"] = day ? nlohmann::ordered_json(day->ToString()) : nlohmann::ordered_json(nullptr);
  p["source"] = e.source ? nlohmann::ordered_json(e.source->code) : nlohmann::ordered_json(nullptr);
  p["target"] = e.target ? nlohmann::ordered_json(e.target->code) : nlohmann::ordered_json(nullptr);
  p["cameo"] = e.cameo.code;
  p["plover_type"] = e.plover.type;
  p["acled_event_type"] =
      e.acled ? nlohmann::ordered_json(e.acled->event_type) : nlohmann::ordered_json(nullptr);
  p["acled_sub_event_type"] =
      e.acled ? nlohmann::ordered_json(e.acled->sub_event_type) : nlohmann::ordered_json(nullptr);
  p["modality"] = std::string(ModalityName(e.modality));
  // The counts given, null when none is (a map's "killed: 0" would say
  // nobody died).
  for (const char* kind : {"killed", "injured", "arrested"}) {
    std::optional<int64_t> count;
    for (const Quantity& q : e.quantities) {
      if (q.kind == kind) count = std::max<int64_t>(count.value_or(0), std::llround(q.value));
    }
    p[kind] = count ? nlohmann::ordered_json(*count) : nlohmann::ordered_json(nullptr);
  }
  p["place"] = l.name;
  p["geonameid"] =
      l.geonameid != 0 ? nlohmann::ordered_json(l.geonameid) : nlohmann::ordered_json(nullptr);
  p["admin1"] =
      l.admin1.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(l.admin1);
  p["country"] = l.country;
  p["precision"] = std::string(LocationPrecisionName(l.precision));
  p["country_level"] = l.precision == LocationPrecision::kCountry;
  p["evidence"] = e.evidence.text;
  p["url"] = a.url.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(a.url);
  feature["properties"] = std::move(p);
  if (!first) out->append(",\n");
  out->append(feature.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  return true;
}

void AppendGeoJsonEnd(std::string* out) { out->append("\n]}\n"); }

void AppendAcledHeader(std::string* out) {
  out->append(
      "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
      "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
      "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
      "source_scale,notes,fatalities,tags,timestamp\n");
}

bool AppendHappeningAcled(const HappeningRecord& h, const AcledNames& names, std::string* out) {
  size_t first = h.events.size();
  for (size_t i = 0; i < h.events.size() && first == h.events.size(); ++i) {
    if (Happened(h.events[i])) first = i;
  }
  if (first == h.events.size()) return false;
  const Event& e = h.events[first];
  const StoredArticle& a = h.articles[first];
  const AcledCode& acled = *e.acled;
  const std::optional<Date> day = DayOf(e, a);
  // Where: the event's place, else its actors' country.
  std::string country_code = e.location ? e.location->country : "";
  for (const auto* actor : {&e.source, &e.target}) {
    if (country_code.empty() && *actor && (*actor)->country.size() == 3 &&
        names.countries.count((*actor)->country))
      country_code = (*actor)->country;
  }
  const auto country = names.countries.find(country_code);
  const auto [iso, region] = IsoAndRegion(country_code, names);
  // Fatalities: the most conservative count any of its events gives.
  int64_t fatalities = 0;
  for (const Event& x : h.events) {
    for (const Quantity& q : x.quantities) {
      if (q.kind == "killed") {
        fatalities = std::max<int64_t>(fatalities, static_cast<int64_t>(q.low.value_or(q.value)));
      }
    }
  }
  int time_precision = 3;
  if (e.date && e.date->precision == DatePrecision::kDay) time_precision = 1;
  if (e.date && e.date->precision == DatePrecision::kWeek) time_precision = 2;
  if (!e.date && a.published) time_precision = 1;  // the article's day
  int geo_precision = 0;
  if (e.location) geo_precision = e.location->precision == LocationPrecision::kCity ? 1 : 3;
  std::vector<std::string> f;
  f.push_back((country_code.empty() ? std::string("XXX") : country_code) +
              std::to_string(h.counts.id));
  f.push_back(day ? day->ToString() : "");
  f.push_back(day ? std::to_string(day->year) : "");
  f.push_back(day ? std::to_string(time_precision) : "");
  f.push_back(acled.disorder_type);
  f.push_back(acled.event_type);
  f.push_back(acled.sub_event_type);
  f.push_back(AcledActorName(e.source, acled.inter1, country_code, names));
  f.push_back("");
  f.push_back(std::to_string(acled.inter1));
  f.push_back(acled.inter2 != 0 ? AcledActorName(e.target, acled.inter2, country_code, names) : "");
  f.push_back("");
  f.push_back(std::to_string(acled.inter2));
  f.push_back(std::to_string(acled.interaction));
  f.push_back(acled.civilian_targeting ? "Civilian targeting" : "");
  f.push_back(iso);
  f.push_back(region);
  f.push_back(country != names.countries.end() ? country->second : country_code);
  f.push_back(e.location ? e.location->admin1 : "");
  f.push_back("");
  f.push_back("");
  f.push_back(e.location && e.location->precision != LocationPrecision::kCountry ? e.location->name
                                                                                 : "");
  f.push_back(e.location ? Number(e.location->lat) : "");
  f.push_back(e.location ? Number(e.location->lon) : "");
  f.push_back(geo_precision > 0 ? std::to_string(geo_precision) : "");
  f.push_back(!a.source.empty() ? a.source : a.doc_id);
  f.push_back("");
  f.push_back(e.evidence.text);
  f.push_back(std::to_string(fatalities));
  f.push_back("");
  // timestamp: when the row was added, as ACLED's is when it was uploaded.
  const std::optional<int64_t> added = UnixTime(a);
  f.push_back(added ? std::to_string(*added) : "");
  for (size_t i = 0; i < f.size(); ++i) {
    if (i > 0) out->push_back(',');
    Csv(f[i], out);
  }
  out->push_back('\n');
  return true;
}

}  // namespace palmyra
