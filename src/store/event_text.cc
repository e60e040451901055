#include "store/event_text.h"

#include <cstdio>
#include <optional>
#include <string>

namespace palmyra {

void AppendEventText(const Event& e, std::string* out) {
  auto actor = [](const std::optional<ActorRef>& a) {
    return a ? a->code + " (" + a->text + ")" : std::string("-");
  };
  out->append(e.doc_id + " #" + std::to_string(e.sentence_index) + "  " + actor(e.source) + " -> " +
              actor(e.target) + "  " + e.cameo.code + " " + e.plover.type +
              (e.plover.mode.empty() ? "" : "/" + e.plover.mode));
  if (e.modality != Modality::kAsserted)
    out->append("  [" + std::string(ModalityName(e.modality)) + "]");
  if (e.attribution) out->append("  according to " + e.attribution->text);
  if (e.date) {
    // "2016-03-07", or "week of 2016-03-07 (last week)", "2011 (in 2011, historical)".
    const Date& d = e.date->value;
    std::string when = d.ToString();
    if (e.date->precision == DatePrecision::kWeek) when = "week of " + when;
    if (e.date->precision == DatePrecision::kMonth) when = when.substr(0, 7);
    if (e.date->precision == DatePrecision::kYear) when = when.substr(0, 4);
    std::string how = e.date->text;
    if (e.date->historical) how += how.empty() ? "historical" : ", historical";
    out->append("  " + when + (how.empty() ? "" : " (" + how + ")"));
  }
  if (e.location) {
    // "at Tadmur, Homs, SYR (Palmyra)", "in SYR (country)".
    const Location& l = e.location.value();
    std::string where = l.precision == LocationPrecision::kCountry ? l.country : l.name;
    if (l.precision == LocationPrecision::kCity && !l.admin1.empty()) where += ", " + l.admin1;
    if (l.precision != LocationPrecision::kCountry) where += ", " + l.country;
    std::string how = l.text == l.name ? "" : l.text;
    if (l.precision != LocationPrecision::kCity)
      how += (how.empty() ? "" : ", ") + std::string(LocationPrecisionName(l.precision));
    out->append("  at " + where + (how.empty() ? "" : " (" + how + ")"));
  }
  for (const Quantity& q : e.quantities) {
    char value[64];
    std::snprintf(value, sizeof value, "%g", q.value);
    out->append("  " + q.kind + "=" + value + (q.unit.empty() ? "" : " " + q.unit));
  }
  out->append("\n    \"" + e.evidence.text + "\"\n");
}

}  // namespace palmyra
