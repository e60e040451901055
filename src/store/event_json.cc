#include "store/event_json.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/utf8.h"

namespace palmyra {
namespace {

void AppendNumber(double value, const char* format, std::string* out) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, format, value);
  out->append(buffer);
}

void AppendActor(const std::optional<ActorRef>& actor, std::string* out) {
  if (!actor) {
    out->append("null");
    return;
  }
  out->append("{\"text\":");
  AppendJsonString(actor->text, out);
  out->append(",\"code\":");
  AppendJsonString(actor->code, out);
  out->append(",\"country\":");
  AppendJsonString(actor->country, out);
  out->append(",\"sector\":");
  AppendJsonString(actor->sector, out);
  out->append(",\"start\":" + std::to_string(actor->start) +
              ",\"end\":" + std::to_string(actor->end) + "}");
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t length;
      const char32_t cp = DecodeUtf8(s, i, &length);
      if (cp == kReplacementChar && length == 1) {
        out->append("\\ufffd");
      } else {
        out->append(s.substr(i, length));
      }
      i += length;
      continue;
    }
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (c < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          out->append(buffer);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out->push_back('"');
}

void AppendEventJson(const Event& e, std::string* out) {
  out->append("{\"event_id\":");
  AppendJsonString(e.event_id, out);
  out->append(",\"doc_id\":");
  AppendJsonString(e.doc_id, out);
  out->append(",\"sentence_index\":" + std::to_string(e.sentence_index));
  out->append(",\"evidence\":{\"text\":");
  AppendJsonString(e.evidence.text, out);
  out->append(",\"start\":" + std::to_string(e.evidence.start) +
              ",\"end\":" + std::to_string(e.evidence.end) + "}");
  out->append(",\"source\":");
  AppendActor(e.source, out);
  out->append(",\"target\":");
  AppendActor(e.target, out);
  out->append(",\"cameo\":{\"code\":");
  AppendJsonString(e.cameo.code, out);
  out->append(",\"root\":");
  AppendJsonString(e.cameo.root, out);
  out->append(",\"quad_class\":" + std::to_string(e.cameo.quad_class) + ",\"goldstein\":");
  AppendNumber(e.cameo.goldstein, "%.1f", out);
  out->append("},\"plover\":{\"type\":");
  AppendJsonString(e.plover.type, out);
  out->append(",\"mode\":");
  AppendJsonString(e.plover.mode, out);
  out->append("},\"acled\":");
  if (e.acled) {
    out->append("{\"event_type\":");
    AppendJsonString(e.acled->event_type, out);
    out->append(",\"sub_event_type\":");
    AppendJsonString(e.acled->sub_event_type, out);
    out->append(",\"disorder_type\":");
    AppendJsonString(e.acled->disorder_type, out);
    out->append(e.acled->civilian_targeting ? ",\"civilian_targeting\":true"
                                            : ",\"civilian_targeting\":false");
    out->append(",\"inter1\":" + std::to_string(e.acled->inter1) +
                ",\"inter2\":" + std::to_string(e.acled->inter2) +
                ",\"interaction\":" + std::to_string(e.acled->interaction) + "}");
  } else {
    out->append("null");
  }
  out->append(",\"modality\":");
  AppendJsonString(ModalityName(e.modality), out);
  out->append(",\"attribution\":");
  if (e.attribution) {
    out->append("{\"text\":");
    AppendJsonString(e.attribution->text, out);
    out->append(",\"code\":");
    AppendJsonString(e.attribution->code, out);
    out->append("}");
  } else {
    out->append("null");
  }
  out->append(",\"date\":");
  if (e.date) {
    out->append("{\"value\":");
    AppendJsonString(e.date->value.ToString(), out);
    out->append(",\"precision\":");
    AppendJsonString(DatePrecisionName(e.date->precision), out);
    out->append(",\"text\":");
    AppendJsonString(e.date->text, out);
    out->append(e.date->historical ? ",\"historical\":true}" : ",\"historical\":false}");
  } else {
    out->append("null");
  }
  out->append(",\"location\":");
  if (e.location) {
    out->append("{\"name\":");
    AppendJsonString(e.location->name, out);
    // Countries and regions have no GeoNames id here.
    out->append(",\"geonameid\":");
    out->append(e.location->geonameid != 0 ? std::to_string(e.location->geonameid) : "null");
    out->append(",\"lat\":");
    AppendNumber(e.location->lat, "%.5f", out);
    out->append(",\"lon\":");
    AppendNumber(e.location->lon, "%.5f", out);
    out->append(",\"admin1\":");
    if (e.location->admin1.empty()) {
      out->append("null");
    } else {
      AppendJsonString(e.location->admin1, out);
    }
    out->append(",\"country\":");
    AppendJsonString(e.location->country, out);
    out->append(",\"precision\":");
    AppendJsonString(LocationPrecisionName(e.location->precision), out);
    out->append(",\"text\":");
    AppendJsonString(e.location->text, out);
    out->append("}");
  } else {
    out->append("null");
  }
  out->append(",\"quantities\":[");
  for (size_t i = 0; i < e.quantities.size(); ++i) {
    const Quantity& q = e.quantities[i];
    if (i > 0) out->push_back(',');
    out->append("{\"kind\":");
    AppendJsonString(q.kind, out);
    out->append(",\"value\":");
    AppendNumber(q.value, "%.15g", out);
    out->append(",\"low\":");
    if (q.low)
      AppendNumber(*q.low, "%.15g", out);
    else
      out->append("null");
    out->append(",\"high\":");
    if (q.high)
      AppendNumber(*q.high, "%.15g", out);
    else
      out->append("null");
    out->append(",\"unit\":");
    AppendJsonString(q.unit, out);
    out->append(",\"text\":");
    AppendJsonString(q.text, out);
    out->append("}");
  }
  out->append("],\"rule\":");
  AppendJsonString(e.rule, out);
  out->append(",\"confidence\":");
  AppendNumber(e.confidence, "%.2f", out);
  out->append("}\n");
}

namespace {

using Json = nlohmann::json;

// Typed access to a parsed event, failing with the field's name.
class Fields {
 public:
  explicit Fields(const Json& j) : j_(j) {}
  bool Has(const char* key) const { return j_.contains(key) && !j_[key].is_null(); }
  Status Text(const char* key, std::string* out) const {
    if (!j_.contains(key) || !j_[key].is_string()) return Missing(key, "a string");
    *out = j_[key].get<std::string>();
    return Status::Ok();
  }
  template <typename T>
  Status Number(const char* key, T* out) const {
    if (!j_.contains(key) || !j_[key].is_number()) return Missing(key, "a number");
    *out = j_[key].get<T>();
    return Status::Ok();
  }
  Status Object(const char* key, const Json** out) const {
    if (!j_.contains(key) || !j_[key].is_object()) return Missing(key, "an object");
    *out = &j_[key];
    return Status::Ok();
  }

 private:
  static Status Missing(const char* key, const char* what) {
    return ParseError(std::string("\"") + key + "\" is not " + what);
  }
  const Json& j_;
};

Status ParseActor(const Json& j, ActorRef* out) {
  const Fields f(j);
  RETURN_IF_ERROR(f.Text("text", &out->text));
  RETURN_IF_ERROR(f.Text("code", &out->code));
  RETURN_IF_ERROR(f.Text("country", &out->country));
  RETURN_IF_ERROR(f.Text("sector", &out->sector));
  RETURN_IF_ERROR(f.Number("start", &out->start));
  return f.Number("end", &out->end);
}

}  // namespace

Status ParseEventJson(std::string_view line, Event* event) {
  const Json j = Json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return ParseError("not a JSON object");
  Event e;
  const Fields f(j);
  RETURN_IF_ERROR(f.Text("event_id", &e.event_id));
  RETURN_IF_ERROR(f.Text("doc_id", &e.doc_id));
  RETURN_IF_ERROR(f.Number("sentence_index", &e.sentence_index));
  const Json* part = nullptr;
  RETURN_IF_ERROR(f.Object("evidence", &part));
  RETURN_IF_ERROR(Fields(*part).Text("text", &e.evidence.text));
  RETURN_IF_ERROR(Fields(*part).Number("start", &e.evidence.start));
  RETURN_IF_ERROR(Fields(*part).Number("end", &e.evidence.end));
  for (const auto& [key, actor] :
       {std::pair{"source", &e.source}, std::pair{"target", &e.target}}) {
    if (!f.Has(key)) continue;
    RETURN_IF_ERROR(f.Object(key, &part));
    ActorRef a;
    RETURN_IF_ERROR(ParseActor(*part, &a).WithContext(key));
    *actor = std::move(a);
  }
  RETURN_IF_ERROR(f.Object("cameo", &part));
  const Fields cameo(*part);
  RETURN_IF_ERROR(cameo.Text("code", &e.cameo.code));
  RETURN_IF_ERROR(cameo.Text("root", &e.cameo.root));
  RETURN_IF_ERROR(cameo.Number("quad_class", &e.cameo.quad_class));
  RETURN_IF_ERROR(cameo.Number("goldstein", &e.cameo.goldstein));
  RETURN_IF_ERROR(f.Object("plover", &part));
  RETURN_IF_ERROR(Fields(*part).Text("type", &e.plover.type));
  RETURN_IF_ERROR(Fields(*part).Text("mode", &e.plover.mode));
  if (f.Has("acled")) {
    RETURN_IF_ERROR(f.Object("acled", &part));
    const Fields a(*part);
    AcledCode code;
    RETURN_IF_ERROR(a.Text("event_type", &code.event_type));
    RETURN_IF_ERROR(a.Text("sub_event_type", &code.sub_event_type));
    RETURN_IF_ERROR(a.Text("disorder_type", &code.disorder_type));
    code.civilian_targeting = (*part).contains("civilian_targeting") &&
                              (*part)["civilian_targeting"].is_boolean() &&
                              (*part)["civilian_targeting"].get<bool>();
    RETURN_IF_ERROR(a.Number("inter1", &code.inter1));
    RETURN_IF_ERROR(a.Number("inter2", &code.inter2));
    RETURN_IF_ERROR(a.Number("interaction", &code.interaction));
    e.acled = std::move(code);
  }
  std::string name;
  RETURN_IF_ERROR(f.Text("modality", &name));
  const std::optional<Modality> modality = ParseModality(name);
  if (!modality) return ParseError("unknown modality '" + name + "'");
  e.modality = *modality;
  if (f.Has("attribution")) {
    RETURN_IF_ERROR(f.Object("attribution", &part));
    Attribution a;
    RETURN_IF_ERROR(Fields(*part).Text("text", &a.text));
    RETURN_IF_ERROR(Fields(*part).Text("code", &a.code));
    e.attribution = std::move(a);
  }
  if (f.Has("date")) {
    RETURN_IF_ERROR(f.Object("date", &part));
    const Fields d(*part);
    EventDate date;
    RETURN_IF_ERROR(d.Text("value", &name));
    const std::optional<Date> value = Date::Parse(name);
    if (!value) return ParseError("\"date\" has no valid value");
    date.value = *value;
    RETURN_IF_ERROR(d.Text("precision", &name));
    const std::optional<DatePrecision> precision = ParseDatePrecision(name);
    if (!precision) return ParseError("unknown date precision '" + name + "'");
    date.precision = *precision;
    RETURN_IF_ERROR(d.Text("text", &date.text));
    date.historical = (*part).contains("historical") && (*part)["historical"].is_boolean() &&
                      (*part)["historical"].get<bool>();
    e.date = std::move(date);
  }
  if (f.Has("location")) {
    RETURN_IF_ERROR(f.Object("location", &part));
    const Fields l(*part);
    Location loc;
    RETURN_IF_ERROR(l.Text("name", &loc.name));
    if (l.Has("geonameid")) RETURN_IF_ERROR(l.Number("geonameid", &loc.geonameid));
    RETURN_IF_ERROR(l.Number("lat", &loc.lat));
    RETURN_IF_ERROR(l.Number("lon", &loc.lon));
    if (l.Has("admin1")) RETURN_IF_ERROR(l.Text("admin1", &loc.admin1));
    RETURN_IF_ERROR(l.Text("country", &loc.country));
    RETURN_IF_ERROR(l.Text("precision", &name));
    const std::optional<LocationPrecision> precision = ParseLocationPrecision(name);
    if (!precision) return ParseError("unknown location precision '" + name + "'");
    loc.precision = *precision;
    RETURN_IF_ERROR(l.Text("text", &loc.text));
    e.location = std::move(loc);
  }
  if (j.contains("quantities") && j["quantities"].is_array()) {
    for (const Json& q : j["quantities"]) {
      const Fields qf(q);
      Quantity quantity;
      RETURN_IF_ERROR(qf.Text("kind", &quantity.kind));
      RETURN_IF_ERROR(qf.Number("value", &quantity.value));
      for (const auto& [key, bound] :
           {std::pair{"low", &quantity.low}, std::pair{"high", &quantity.high}}) {
        if (!qf.Has(key)) continue;
        double value = 0;
        RETURN_IF_ERROR(qf.Number(key, &value));
        *bound = value;
      }
      RETURN_IF_ERROR(qf.Text("unit", &quantity.unit));
      RETURN_IF_ERROR(qf.Text("text", &quantity.text));
      e.quantities.push_back(std::move(quantity));
    }
  }
  RETURN_IF_ERROR(f.Text("rule", &e.rule));
  RETURN_IF_ERROR(f.Number("confidence", &e.confidence));
  *event = std::move(e);
  return Status::Ok();
}

}  // namespace palmyra
