// Spelling variants of place names: one key for the ways a name is written
// in Latin letters, so that a name the gazetteer lacks in the form an
// article uses is still found. Transliterations of Arabic, Kurdish or
// Pashto names differ in their article ("Ar-Raqqa", "Raqqah"), hyphens and
// spaces ("Kafr Nabl", "Kafranbel"), doubled letters ("Issa", "Isa"),
// vowels ("Quamishli", "Qamishli"; "Tall", "Tal", "Tell"; "Ein", "Ain",
// "‘Ayn"), diacritics and ayn signs ("Rif‘at", "Refaat") and q/k, ch/sh.
// The key keeps the consonants in order: the name's words without their
// articles, diacritics folded, a word's first vowel as "a" and its other
// vowels (and a "w" or "y" among them) dropped, a final "h" after a vowel
// dropped, doubled letters single, q and c as k, ch as sh, ph as f, dj as j.
// The key is coarse by design; a place found only by it needs the article to
// be about its country (see PlaceFinder).
#ifndef PALMYRA_RESOLVE_SPELLING_VARIANTS_H_
#define PALMYRA_RESOLVE_SPELLING_VARIANTS_H_

#include <string>
#include <string_view>

namespace palmyra {

// The spelling key of a name ("Deir ez-Zor" and "Dayr az Zawr" -> "drzr";
// "Ein Issa" and "‘Ayn ‘Īsá" -> "anas"); "" when the name has fewer than two
// letters left or no Latin letters.
std::string SpellingKey(std::string_view name);

// How far apart two spellings are: the edit distance between the names
// folded to ASCII, without their articles ("Karama" and "Al Karāmah" 0,
// "Al Karīmah" 1). Among places that share a spelling key, the nearest wins.
int SpellingDistance(std::string_view a, std::string_view b);

// Whether a lower-case word is the Arabic article in one of its
// transliterations ("al", "el", "ar", "ash", ...).
bool IsArabicArticle(std::string_view word);

}  // namespace palmyra

#endif  // PALMYRA_RESOLVE_SPELLING_VARIANTS_H_
