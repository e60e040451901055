#include "merge/happening_key.h"

namespace palmyra {

HappeningKey HappeningKeyOf(const Event& e, const std::optional<Date>& published) {
  HappeningKey key;
  const std::optional<Date> day = e.date ? std::optional<Date>(e.date->value) : published;
  if (day) key.day = day->ToString();
  if (e.source) key.source = e.source->code;
  if (e.target) key.target = e.target->code;
  key.type = e.plover.type;
  key.article_scoped = !day || (!e.source && !e.target);
  return key;
}

}  // namespace palmyra
