#include "store/event_json.h"

#include <cstdio>

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

}  // namespace palmyra
