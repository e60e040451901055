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

std::optional<Modality> ParseModality(std::string_view name) {
  for (Modality m : {Modality::kAsserted, Modality::kReported, Modality::kFuture,
                     Modality::kHypothetical, Modality::kNegated}) {
    if (ModalityName(m) == name) return m;
  }
  return std::nullopt;
}

std::optional<DatePrecision> ParseDatePrecision(std::string_view name) {
  for (DatePrecision p :
       {DatePrecision::kDay, DatePrecision::kWeek, DatePrecision::kMonth, DatePrecision::kYear}) {
    if (DatePrecisionName(p) == name) return p;
  }
  return std::nullopt;
}

std::optional<LocationPrecision> ParseLocationPrecision(std::string_view name) {
  for (LocationPrecision p :
       {LocationPrecision::kCity, LocationPrecision::kAdmin1, LocationPrecision::kCountry}) {
    if (LocationPrecisionName(p) == name) return p;
  }
  return std::nullopt;
}

}  // namespace palmyra
