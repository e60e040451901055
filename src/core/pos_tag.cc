#include "core/pos_tag.h"

#include <array>

namespace palmyra {
namespace {

constexpr std::array<std::string_view, kNumPosTags> kNames = {
    "NONE", "CC",  "CD",  "DT",   "EX",  "FW",  "IN",    "JJ",    "JJR", "JJS", "LS",  "MD",
    "NN",   "NNS", "NNP", "NNPS", "PDT", "POS", "PRP",   "PRP$",  "RB",  "RBR", "RBS", "RP",
    "SYM",  "TO",  "UH",  "VB",   "VBD", "VBG", "VBN",   "VBP",   "VBZ", "WDT", "WP",  "WP$",
    "WRB",  ",",   ".",   ":",    "``",  "''",  "-LRB-", "-RRB-", "$",   "#"};

}  // namespace

std::string_view PosTagName(PosTag tag) { return kNames[static_cast<int>(tag)]; }

std::optional<PosTag> PosTagFromName(std::string_view name) {
  for (int i = 1; i < kNumPosTags; ++i) {
    if (kNames[i] == name) return static_cast<PosTag>(i);
  }
  return std::nullopt;
}

}  // namespace palmyra
