#include "palmyra/event.h"

namespace palmyra {

std::string_view ModalityName(Modality modality) {
  switch (modality) {
    case Modality::kAsserted:
      return "asserted";
    case Modality::kReported:
      return "reported";
    case Modality::kFuture:
      return "future";
    case Modality::kHypothetical:
      return "hypothetical";
    case Modality::kNegated:
      return "negated";
  }
  return "asserted";
}

std::string_view DatePrecisionName(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kWeek:
      return "week";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
  }
  return "day";
}

std::string_view LocationPrecisionName(LocationPrecision precision) {
  switch (precision) {
    case LocationPrecision::kCity:
      return "city";
    case LocationPrecision::kAdmin1:
      return "admin1";
    case LocationPrecision::kCountry:
      return "country";
  }
  return "city";
}

}  // namespace palmyra
