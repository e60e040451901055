// libFuzzer target: the whole engine (palmyra/engine.h) on any bytes as an
// article's text. Checks what the output contract promises: every span lies
// inside the text, evidence is the text it points at, codes are known, and
// coding the same article twice gives the same events.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "fuzz_data.h"
#include "palmyra/engine.h"

namespace {

const palmyra::Engine& TheEngine() {
  static const auto engine =
      palmyra::MustLoad(palmyra::Engine::Create(palmyra::FuzzOptions()), "engine");
  return *engine;
}

bool Inside(const std::string& text, size_t start, size_t end) {
  return start < end && end <= text.size();
}

}  // namespace

// The data are loaded before fuzzing starts, so that loading them (seconds
// under the sanitizers) never counts against the first input's -timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)TheEngine();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace palmyra;
  Document doc;
  doc.id = "fuzz";
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  doc.published = Date{2016, 3, 17};
  auto events = TheEngine().Code(doc);
  if (!events.ok()) return 0;
  for (const Event& e : *events) {
    if (!Inside(doc.text, e.evidence.start, e.evidence.end)) __builtin_trap();
    const std::string_view said =
        std::string_view(doc.text).substr(e.evidence.start, e.evidence.end - e.evidence.start);
    if (e.evidence.text != SanitizeUtf8(said)) __builtin_trap();
    if (e.cameo.quad_class < 1 || e.cameo.quad_class > 4) __builtin_trap();
    if (e.location && (e.location->lat < -90 || e.location->lat > 90 || e.location->lon < -180 ||
                       e.location->lon > 180))
      __builtin_trap();
    if (e.source && !Inside(doc.text, e.source->start, e.source->end)) __builtin_trap();
    if (e.target && !Inside(doc.text, e.target->start, e.target->end)) __builtin_trap();
    if (e.cameo.code.empty() || e.event_id.empty()) __builtin_trap();
    if (e.confidence < 0.0 || e.confidence > 1.0) __builtin_trap();
    if (e.date && !Date::IsValid(e.date->value.year, e.date->value.month, e.date->value.day))
      __builtin_trap();
  }
  auto again = TheEngine().Code(doc);
  if (!again.ok() || again->size() != events->size()) __builtin_trap();
  for (size_t i = 0; i < events->size(); ++i) {
    if ((*again)[i].event_id != (*events)[i].event_id) __builtin_trap();
  }
  return 0;
}
