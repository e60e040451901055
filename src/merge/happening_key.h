// Happenings: the events of many sentences and articles that report one
// thing that happened. Events are merged into one happening when they share
// a day, a source and target code, a PLOVER type and a place. An event with
// no day, or with neither source nor target, says too little to be merged
// with another article's: it merges only within its own article.
#ifndef PALMYRA_MERGE_HAPPENING_KEY_H_
#define PALMYRA_MERGE_HAPPENING_KEY_H_

#include <optional>
#include <string>

#include "palmyra/date.h"
#include "palmyra/event.h"

namespace palmyra {

struct HappeningKey {
  std::string day;     // the event's date, else its article's; "" when neither is known
  std::string source;  // actor codes; "" when none
  std::string target;
  std::string type;  // PLOVER type
  // Merges only within the event's article (no day or no actor).
  bool article_scoped = false;
};

// The happening `e` belongs to; `published` is its article's date. The
// place is left to the caller, which knows how it identifies places.
HappeningKey HappeningKeyOf(const Event& e, const std::optional<Date>& published);

}  // namespace palmyra

#endif  // PALMYRA_MERGE_HAPPENING_KEY_H_
