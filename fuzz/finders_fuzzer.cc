// libFuzzer target: the date and quantity finders (resolve/date_finder.h,
// resolve/quantity_finder.h) as the pipeline runs them, with the first four
// bytes choosing the publication date (or none). Checks that every date
// found is a real calendar date whose period does not end before it starts,
// that date expressions lie inside their sentence, and that amounts are
// finite with their bounds around them.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/analysis.h"
#include "fuzz_data.h"
#include "pipeline/pipeline.h"
#include "resolve/date_finder.h"

namespace {

const palmyra::Pipeline& ThePipeline() {
  static const auto pipeline =
      palmyra::MustLoad(palmyra::Pipeline::Create(palmyra::FuzzOptions()), "pipeline");
  return *pipeline;
}

bool RealDate(const palmyra::Date& d) { return palmyra::Date::IsValid(d.year, d.month, d.day); }

void CheckDate(const palmyra::EventDate& d) {
  if (!RealDate(d.value)) __builtin_trap();
  const palmyra::Date end = palmyra::DateFinder::PeriodEnd(d);
  if (!RealDate(end) || end < d.value) __builtin_trap();
}

void CheckQuantity(const palmyra::Quantity& q) {
  if (!std::isfinite(q.value)) __builtin_trap();
  if (q.low && (!std::isfinite(*q.low) || *q.low > q.value)) __builtin_trap();
  if (q.high && (!std::isfinite(*q.high) || *q.high < q.value)) __builtin_trap();
}

}  // namespace

// The data are loaded before fuzzing starts, so that loading them (seconds
// under the sanitizers) never counts against the first input's -timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)ThePipeline();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace palmyra;
  if (size < 4) return 0;
  Document doc;
  doc.id = "fuzz";
  // Years 1900-2155, any month and day that exists; a zero first byte: none.
  const int year = 1900 + data[0], month = 1 + data[1] % 12, day = 1 + data[2] % 31;
  if (data[0] != 0 && Date::IsValid(year, month, day)) doc.published = Date{year, month, day};
  doc.text.assign(reinterpret_cast<const char*>(data) + 4, size - 4);
  if (doc.text.empty()) return 0;
  Analysis a;
  ThePipeline().Analyze(doc, &a);
  for (const DateMention& m : a.dates) {
    if (m.begin >= m.end || m.end > a.tokens.size()) __builtin_trap();
    for (bool future : {false, true}) {
      if (auto d = DateFinder::Resolve(m, doc.published, future)) CheckDate(*d);
    }
  }
  for (const EventCandidate& c : a.events) {
    if (c.date) CheckDate(*c.date);
    for (const Quantity& q : c.quantities) CheckQuantity(q);
  }
  return 0;
}
