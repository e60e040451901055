// Penn Treebank part-of-speech tags, as one byte each.
#ifndef PALMYRA_CORE_POS_TAG_H_
#define PALMYRA_CORE_POS_TAG_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace palmyra {

// clang-format off
enum class PosTag : uint8_t {
  kNone = 0,
  CC, CD, DT, EX, FW, IN, JJ, JJR, JJS, LS, MD, NN, NNS, NNP, NNPS, PDT, POS, PRP, PRP_S,
  RB, RBR, RBS, RP, SYM, TO, UH, VB, VBD, VBG, VBN, VBP, VBZ, WDT, WP, WP_S, WRB,
  kComma,       // ,
  kPeriod,      // . ! ?
  kColon,       // : ; -- ...
  kOpenQuote,   // ``
  kCloseQuote,  // ''
  kOpenParen,   // -LRB-
  kCloseParen,  // -RRB-
  kDollar,      // $ and other currency signs
  kHash,        // #
  kCount,
};
// clang-format on

inline constexpr int kNumPosTags = static_cast<int>(PosTag::kCount);

// The Penn Treebank spelling: "NNP", "PRP$", ",", "``", "-LRB-".
std::string_view PosTagName(PosTag tag);
std::optional<PosTag> PosTagFromName(std::string_view name);

inline bool IsNoun(PosTag t) { return t >= PosTag::NN && t <= PosTag::NNPS; }
inline bool IsProperNoun(PosTag t) { return t == PosTag::NNP || t == PosTag::NNPS; }
inline bool IsVerb(PosTag t) { return t >= PosTag::VB && t <= PosTag::VBZ; }
inline bool IsAdjective(PosTag t) { return t >= PosTag::JJ && t <= PosTag::JJS; }
inline bool IsAdverb(PosTag t) { return t >= PosTag::RB && t <= PosTag::RBS; }
inline bool IsPunctuation(PosTag t) { return t >= PosTag::kComma && t <= PosTag::kCloseParen; }

}  // namespace palmyra

#endif  // PALMYRA_CORE_POS_TAG_H_
