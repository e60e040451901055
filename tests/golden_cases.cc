#include "golden_cases.h"

#include <algorithm>
#include <cstdio>

#include <gtest/gtest.h>

#include "core/file.h"
#include "core/strings.h"

namespace palmyra {

std::string ExpectedEvent::ToString() const {
  std::string s = source + " -> " + target + " " + code;
  if (modality) s += " " + *modality;
  if (attribution) s += " by=" + *attribution;
  if (date) s += " on=" + *date;
  for (const std::string& q : quantities) s += " q=" + q;
  if (location) s += " at=" + *location;
  if (acled) s += " acled=" + *acled;
  if (interaction) s += " inter=" + *interaction;
  return s;
}

namespace {

std::string Number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", v);
  return buffer;
}

}  // namespace

std::string QuantityOf(const Quantity& q) {
  std::string s = q.kind + ":" + Number(q.value);
  if (q.low || q.high) {
    s += ':';
    if (q.low) s += Number(*q.low);
    s += '-';
    if (q.high) s += Number(*q.high);
  }
  if (!q.unit.empty()) s += (q.low || q.high ? ":" : ":-:") + q.unit;
  return s;
}

bool QuantityMatches(const Quantity& q, const std::string& expected) {
  // "killed:12" matches whatever the bounds; "killed:12:12-" and
  // "money:1500000:-:EUR" say them.
  const std::string full = QuantityOf(q);
  if (full == expected) return true;
  const std::string bare = q.kind + ":" + Number(q.value);
  return expected == bare;
}

std::string DateOf(const Event& e) {
  if (!e.date) return "-";
  return e.date->value.ToString() + "/" + std::string(DatePrecisionName(e.date->precision)) +
         (e.date->historical ? "/historical" : "");
}

std::string AcledOf(const Event& e) {
  if (!e.acled) return "-";
  std::string s = e.acled->sub_event_type;
  std::replace(s.begin(), s.end(), ' ', '_');
  return s;
}

std::string LocationOf(const Event& e) {
  if (!e.location) return "-";
  switch (e.location->precision) {
    case LocationPrecision::kCity:
      return std::to_string(e.location->geonameid);
    case LocationPrecision::kAdmin1:
      return e.location->name + "/" + e.location->country;
    case LocationPrecision::kCountry:
      return e.location->country;
  }
  return "-";
}

bool ExpectedEvent::Matches(const Event& e) const {
  const std::string s = e.source ? e.source->code : "-";
  const std::string t = e.target ? e.target->code : "-";
  if (s != source || t != target || e.cameo.code != code) return false;
  if (modality && ModalityName(e.modality) != *modality) return false;
  if (attribution && (e.attribution ? e.attribution->code : "-") != *attribution) return false;
  if (date && DateOf(e) != *date) return false;
  if (location && LocationOf(e) != *location) return false;
  if (acled && AcledOf(e) != *acled) return false;
  if (interaction && (e.acled ? std::to_string(e.acled->interaction) : "-") != *interaction) {
    return false;
  }
  for (const std::string& q : quantities) {
    if (std::none_of(e.quantities.begin(), e.quantities.end(),
                     [&](const Quantity& x) { return QuantityMatches(x, q); })) {
      return false;
    }
  }
  return true;
}

std::string DescribeEvent(const Event& e) {
  std::string s = (e.source ? e.source->code : "-") + " -> " + (e.target ? e.target->code : "-") +
                  " " + e.cameo.code + " " + std::string(ModalityName(e.modality)) + " by=" +
                  (e.attribution ? (e.attribution->code.empty() ? "?" : e.attribution->code) : "-");
  s += " on=" + DateOf(e);
  for (const Quantity& q : e.quantities) s += " q=" + QuantityOf(q);
  s += " at=" + LocationOf(e);
  if (e.location) s += "(" + e.location->name + ")";
  s += " acled=" + AcledOf(e);
  if (e.acled) s += " inter=" + std::to_string(e.acled->interaction);
  return s + "  [" + e.evidence.text + "] (" + e.rule + ")";
}

std::vector<GoldenCase> ReadGoldenCases(const std::string& path) {
  std::vector<GoldenCase> cases;
  auto contents = ReadFile(path);
  EXPECT_TRUE(contents.ok()) << contents.status().ToString();
  if (!contents.ok()) return cases;
  int line_number = 0;
  for (std::string_view raw : Split(*contents, '\n')) {
    ++line_number;
    const std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#') continue;
    const std::string where = path + ":" + std::to_string(line_number);
    if (StartsWith(line, "case:")) {
      GoldenCase c;
      c.name = std::string(Trim(line.substr(5)));
      c.file = path;
      c.line = line_number;
      cases.push_back(std::move(c));
      continue;
    }
    if (cases.empty()) {
      ADD_FAILURE() << where << ": a line before the first 'case:'";
      continue;
    }
    GoldenCase& c = cases.back();
    if (StartsWith(line, "date:")) {
      c.date = std::string(Trim(line.substr(5)));
    } else if (StartsWith(line, "title:")) {
      c.title = std::string(Trim(line.substr(6)));
    } else if (StartsWith(line, "text:")) {
      if (!c.text.empty()) c.text += "\n";
      c.text += std::string(Trim(line.substr(5)));
    } else if (line == "none") {
      c.events.clear();
    } else if (line == "partial") {
      c.partial = true;
    } else if (line == "decided") {
      c.decided = true;
    } else if (StartsWith(line, "event:")) {
      const auto f = SplitWhitespace(line.substr(6));
      if (f.size() < 4 || f[1] != "->") {
        ADD_FAILURE() << where << ": expected 'event: SOURCE -> TARGET CODE [MODALITY] [by=CODE]'";
        continue;
      }
      ExpectedEvent e;
      e.source = std::string(f[0]);
      e.target = std::string(f[2]);
      e.code = std::string(f[3]);
      for (size_t i = 4; i < f.size(); ++i) {
        if (StartsWith(f[i], "by=")) {
          e.attribution = std::string(f[i].substr(3));
        } else if (StartsWith(f[i], "on=")) {
          e.date = std::string(f[i].substr(3));
        } else if (StartsWith(f[i], "at=")) {
          e.location = std::string(f[i].substr(3));
        } else if (StartsWith(f[i], "q=")) {
          e.quantities.push_back(std::string(f[i].substr(2)));
        } else if (StartsWith(f[i], "acled=")) {
          e.acled = std::string(f[i].substr(6));
        } else if (StartsWith(f[i], "inter=")) {
          e.interaction = std::string(f[i].substr(6));
        } else {
          e.modality = std::string(f[i]);
        }
      }
      c.events.push_back(std::move(e));
    } else {
      ADD_FAILURE() << where << ": unknown line '" << line << "'";
    }
  }
  return cases;
}

std::string CheckGoldenCase(const Engine& engine, const GoldenCase& c) {
  Document doc;
  doc.id = c.name;
  doc.title = c.title;
  doc.text = c.title.empty() ? c.text : c.title + "\n" + c.text;
  if (!c.date.empty()) doc.published = Date::Parse(c.date);
  auto coded = engine.Code(doc);
  if (!coded.ok()) return "coding failed: " + coded.status().ToString();
  return CompareEvents(*coded, c);
}

std::string CompareEvents(const std::vector<Event>& events, const GoldenCase& c) {
  const std::vector<Event>* coded = &events;
  std::vector<bool> used(coded->size(), false);
  std::string report;
  for (const ExpectedEvent& expected : c.events) {
    bool found = false;
    for (size_t i = 0; i < coded->size() && !found; ++i) {
      if (!used[i] && expected.Matches((*coded)[i])) used[i] = found = true;
    }
    if (!found) report += "  missing:    " + expected.ToString() + "\n";
  }
  if (!c.partial) {
    for (size_t i = 0; i < coded->size(); ++i) {
      if (!used[i]) report += "  unexpected: " + DescribeEvent((*coded)[i]) + "\n";
    }
  }
  if (report.empty()) return "";
  std::string all;
  for (const Event& e : *coded) all += "    " + DescribeEvent(e) + "\n";
  return c.file + ":" + std::to_string(c.line) + ": " + c.name + "\n  text: " + c.text + "\n" +
         report + "  coded:\n" + all;
}

}  // namespace palmyra
