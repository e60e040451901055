// PlaceFinder: finds the places an article names and resolves each to one
// gazetteer entry. A name is a place only where it reads as one: a proper
// noun not inside a person's or an organisation's name ("George
// Washington", "Aleppo University"); a capital or country that acts is an
// actor, not a place ("Washington said"). Among the entries of a name it
// prefers the country the text says a place lies in ("Boni in central
// Mali"), the countries the article is about (the dateline's, its actors',
// its other places'), then prominence (country, region, capital, regional
// seat), fame (how many names a place has) and population; "Idlib
// province" asks for the region, "the city of Homs" for the city.
// Immutable after Load(); Find() is thread-safe.
#ifndef PALMYRA_RESOLVE_PLACE_FINDER_H_
#define PALMYRA_RESOLVE_PLACE_FINDER_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/analysis.h"
#include "palmyra/event.h"
#include "resolve/gazetteer.h"

namespace palmyra {

class PlaceFinder {
 public:
  // Reads data_dir/resolve/places.txt and opens the gazetteer of model_dir.
  static Result<std::unique_ptr<PlaceFinder>> Load(const std::string& data_dir,
                                                   const std::string& model_dir,
                                                   const NameTokenizer& names);

  // Fills analysis->places, the dateline's place first. Needs actors.
  void Find(Analysis* analysis) const;
  // The output form of a place mention.
  Location LocationOf(const Analysis& analysis, const PlaceMention& mention) const;

  const Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  struct Found;
  // What the finder knows of each token of the article.
  struct Marks {
    std::vector<int8_t> mention_kind;  // MentionKind of the actor name it is in, or -1
    std::vector<int32_t> mention_at;   // index of that mention, or -1
    std::vector<int32_t> phrase_of;    // noun phrase it is in, or -1
    std::vector<char> in_date;         // part of a date expression
  };
  PlaceFinder() = default;
  // Whether tokens [b, e) of sentence s read as a place name.
  bool Acceptable(const Analysis& a, const Marks& marks, uint32_t s, uint32_t b, uint32_t e) const;
  // Whether token b of sentence s follows a locative preposition (or, with
  // `verbs`, a verb), over the words of a place's description ("near the
  // besieged village of", "shelled the town of").
  bool AfterLocative(const Analysis& a, uint32_t s, uint32_t b, bool verbs) const;
  // How the place at [b, e) belongs to its clause (PlaceMention::strength).
  void Describe(const Analysis& a, const Marks& marks, uint32_t s, Found* f) const;
  // Chooses each name's entry, with the countries of the other places as
  // context in a second round.
  void Choose(const Analysis& a, std::vector<Found>* found) const;

  std::unique_ptr<Gazetteer> gazetteer_;
  std::unordered_map<std::string, uint8_t> at_;  // preposition -> strength
  std::unordered_set<std::string> area_, region_, direction_, distance_, part_;
  std::unordered_set<std::string> stop_;  // names that are no place in news ("Christmas")
};

}  // namespace palmyra

#endif  // PALMYRA_RESOLVE_PLACE_FINDER_H_
