#include "query/filter_words.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/data_file.h"
#include "core/strings.h"
#include "events/cameo_table.h"

namespace palmyra {
namespace {

bool TypeIsKnown(const std::string& type, const std::string& data_dir, FilterProblem* problem) {
  auto table = CameoTable::Load(data_dir);
  if (!table.ok()) return true;  // nothing to check against
  std::set<std::string> types;
  for (const auto& [code, entry] : (*table)->entries()) types.insert(entry.plover_type);
  const bool cameo = (*table)->Find(type) != nullptr ||
                     ((*table)->Find(type + "0") != nullptr && type.size() == 2);
  if (cameo || types.count(AsciiUppercase(type))) return true;
  const std::vector<std::string> names(types.begin(), types.end());
  std::string list;
  for (const std::string& t : names) list += (list.empty() ? "" : ", ") + t;
  *problem = {"type", "'" + type + "' is neither a PLOVER type (" + list +
                          ") nor a CAMEO code or root" + DidYouMean(type, names)};
  return false;
}

bool CountriesAreKnown(const FilterWords& w, const std::string& data_dir, FilterProblem* problem) {
  CountryNames countries;
  for (const auto& [value, name] :
       {std::pair{&w.country, "country"}, std::pair{&w.place_country, "place-country"}}) {
    if (value->empty()) continue;
    if (countries.codes.empty()) countries = ReadCountryNames(data_dir);
    const std::string upper = AsciiUppercase(*value);
    const bool known =
        std::find(countries.codes.begin(), countries.codes.end(), upper) != countries.codes.end() ||
        upper == "IGO" || upper == "NGO" || upper == "IMG" || upper == "MNC";
    if (known || countries.codes.empty()) continue;
    // A country's name ("Syria") suggests its code; else the nearest code.
    const auto named = countries.by_name.find(AsciiLowercase(*value));
    const std::string suggestion = named != countries.by_name.end()
                                       ? "; did you mean " + named->second + "?"
                                       : DidYouMean(*value, countries.codes);
    *problem = {name, "'" + *value +
                          "' is no country code: give an ISO 3166 alpha-3 code (SYR, RUS, USA) "
                          "or IGO, NGO, IMG, MNC" +
                          suggestion};
    return false;
  }
  return true;
}

}  // namespace

CountryNames ReadCountryNames(const std::string& data_dir) {
  CountryNames out;
  std::string code;  // the entry's, for its "+" lines
  (void)ForEachDataLine(data_dir + "/actors/countries.txt", [&](std::string_view line, int) {
    const bool alias = line.front() == '+';
    std::string_view name = alias ? line.substr(1) : line;
    name = name.substr(0, name.find_first_of(" \t"));
    if (!alias) {
      const size_t open = line.find('['), close = line.find(']');
      if (open == std::string_view::npos || close < open + 4) return Status::Ok();
      code = std::string(line.substr(open + 1, 3));
      out.codes.push_back(code);
      std::string first(name);
      std::replace(first.begin(), first.end(), '_', ' ');
      out.name_of.emplace(code, std::move(first));
    }
    std::string key = AsciiLowercase(name);
    std::replace(key.begin(), key.end(), '_', ' ');
    if (!code.empty()) out.by_name.emplace(key, code);
    return Status::Ok();
  });
  return out;
}

std::string DidYouMean(std::string_view value, const std::vector<std::string>& accepted) {
  const std::string near = NearestWord(value, accepted);
  return near.empty() ? "" : "; did you mean " + near + "?";
}

bool BuildEventFilter(const FilterWords& w, bool happened_by_default, const std::string& data_dir,
                      EventFilter* filter, FilterProblem* problem, std::string* modality_note) {
  if (!w.type.empty() && !TypeIsKnown(w.type, data_dir, problem)) return false;
  if (!CountriesAreKnown(w, data_dir, problem)) return false;
  for (const auto& [text, date, name] :
       {std::tuple{&w.from, &filter->from, "from"}, std::tuple{&w.to, &filter->to, "to"}}) {
    if (text->empty()) continue;
    *date = Date::Parse(*text);
    if (!*date) {
      *problem = {name, "'" + *text + "' is not a date in the form YYYY-MM-DD"};
      return false;
    }
  }
  filter->actor = w.actor;
  filter->type = w.type;
  filter->country = w.country;
  filter->source = w.source;
  filter->target = w.target;
  filter->place_country = w.place_country;
  const std::string modality =
      !w.modality.empty() ? w.modality : (happened_by_default ? "asserted,reported" : "all");
  *modality_note = modality == "all" ? "" : " (modality " + modality + ")";
  if (modality != "all") {
    const std::vector<std::string> known = {"asserted", "reported", "future", "hypothetical",
                                            "negated"};
    for (std::string_view m : Split(modality, ',')) {
      const std::string name(Trim(m));
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        *problem = {"modality", "'" + name +
                                    "' is not asserted, reported, future, hypothetical, negated "
                                    "or all" +
                                    DidYouMean(name, known)};
        return false;
      }
      filter->modalities.push_back(name);
    }
  }
  if (!w.precision.empty()) {
    if (w.precision == "day") {
      filter->precision = DatePrecision::kDay;
    } else if (w.precision == "week") {
      filter->precision = DatePrecision::kWeek;
    } else if (w.precision == "month") {
      filter->precision = DatePrecision::kMonth;
    } else {
      *problem = {"precision", "must be day, week or month, not '" + w.precision + "'"};
      return false;
    }
  }
  return true;
}

}  // namespace palmyra
