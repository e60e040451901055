// ModalityCodes: how CAMEO recodes cooperation that is intended ("will
// meet" -> 036), refused ("refused to meet" -> 125) or demanded of someone
// ("Y must release ..." -> 1053), read from data/ontology/modality_codes.tsv.
// Immutable after Load(); thread-safe.
#ifndef PALMYRA_EVENTS_MODALITY_CODES_H_
#define PALMYRA_EVENTS_MODALITY_CODES_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "palmyra/status.h"

namespace palmyra {

class ModalityCodes {
 public:
  enum class Kind { kFuture, kNegated, kObligation };

  static Result<std::unique_ptr<ModalityCodes>> Load(const std::string& data_dir);

  // The code CAMEO gives event `code` of this kind, or "" when unchanged.
  std::string Recode(Kind kind, std::string_view code) const;

 private:
  ModalityCodes() = default;
  std::map<std::string, std::string> table_[3];  // prefix -> code, per kind
};

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_MODALITY_CODES_H_
