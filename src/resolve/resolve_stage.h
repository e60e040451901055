// ResolveStage: the resolve stage's entry point. Finds the date expressions
// of the article and gives every event its date: from an expression in the
// event's own clause, else in its sentence (first outside the clauses that
// report speech, "..., the ministry said on Thursday"), else the dateline's,
// else the publication date; and gives events the quantities that count for
// them (casualties, counts of actions, money) and the place where they
// happened: the place tied to the event ("near Palmyra" in its clause, "from
// which" a relative clause's antecedent), else one its sentence names, else
// the dateline's. A place attacked or given to stands for its country as
// the target ("jets bombed Aleppo"). Immutable after Load(); Run() is
// thread-safe.
#ifndef PALMYRA_RESOLVE_RESOLVE_STAGE_H_
#define PALMYRA_RESOLVE_RESOLVE_STAGE_H_

#include <memory>
#include <optional>
#include <string>

#include "core/analysis.h"
#include "entities/actor_codes.h"
#include "palmyra/status.h"
#include "resolve/date_finder.h"
#include "resolve/numbers.h"
#include "resolve/place_finder.h"
#include "resolve/quantity_finder.h"

namespace palmyra {

class ResolveStage {
 public:
  // Reads data_dir's resolve and places tables and model_dir's gazetteer.
  static Result<std::unique_ptr<ResolveStage>> Load(const std::string& data_dir,
                                                    const std::string& model_dir,
                                                    const NameTokenizer& names,
                                                    const ActorCodes* codes);

  void Run(Analysis* analysis) const;
  const PlaceFinder& places() const { return *places_; }

 private:
  ResolveStage() = default;
  // The token range of the clause of verb group `vg`: from where the clause
  // before it ends to its own end.
  static std::pair<uint32_t, uint32_t> ClauseRange(const Analysis& a, int32_t vg);
  void DateEvents(Analysis* a) const;
  // The date that opens sentence s ("On 9 May 2020, ..."), or nullptr.
  static const DateMention* OpeningDate(const Analysis& a, uint32_t sentence);
  // The dates that may be event c's, each list nearest the trigger first:
  // those of its own clause, of the sentence outside other verbs' clauses,
  // and of its speech clauses ("the army said on Wednesday").
  static void DateCandidates(const Analysis& a, const EventCandidate& c,
                             std::vector<const DateMention*>* clause,
                             std::vector<const DateMention*>* sentence,
                             std::vector<const DateMention*>* said);
  void CountEvents(Analysis* a) const;
  // The events of sentence s (a->events[first, last)) that quantity m
  // counts: the event its counted noun names ("hundreds of airstrikes"), or
  // whose words hold it ("fired dozens of rockets"), unless it counts people.
  static void CountedEvents(Analysis* a, uint32_t s, size_t first, size_t last,
                            const QuantityMention& m, std::vector<EventCandidate*>* to);
  // The event whose clause holds amount m; else for casualties the nearest
  // violent event, for money the nearest event; with its reciprocal twin.
  static void NearestEvents(Analysis* a, uint32_t s, size_t first, size_t last,
                            const QuantityMention& m, std::vector<EventCandidate*>* to);
  void LocateEvents(Analysis* a) const;
  // The place of event c's sentence in the phrase its words name as where
  // its forces went, stayed or left (EventCandidate::place_phrase), or nullptr.
  static const PlaceMention* NamedPlace(const Analysis& a, const EventCandidate& c);
  // The places of event c's sentence that may be where it happened: not
  // actors (unless struck by force), countries only where something
  // happened in them; after the dateline's place when there is one.
  void PlacesOfSentence(const Analysis& a, const EventCandidate& c, bool dateline,
                        std::vector<const PlaceMention*>* out) const;
  // The place of event c among those `here`: the strongest and nearest in
  // its own clause, the antecedent of "where" or "from which", then, for
  // material events, one outside the sentence's other clauses, then any.
  static const PlaceMention* ChoosePlace(const Analysis& a, const EventCandidate& c,
                                         const std::vector<const PlaceMention*>& here);
  // A material event with no target whose object is a place is done to
  // that place's country ("jets bombed Syria": SYR) or its people ("jets
  // bombed Aleppo": SYRCVL); a target without a country takes that of the
  // place its phrase names ("the town of Jisr al-Shughour").
  void TargetPlaces(Analysis* a) const;
  void CountryFromPlace(const Analysis& a, EventCandidate* c) const;
  // "rebels shelled the town of Maarat al-Numan": actors named by their role
  // alone (REB, CVL, MIL, GOV) belong to the country where the event
  // happened, when a place of its sentence says so (not the dateline's,
  // which says where the reporter was).
  void ActorsFromPlace(const Analysis& a, EventCandidate* c) const;
  // A civic target still without a country takes that of a source that
  // fights where it belongs (EventCandidate::home_country).
  void HomeTarget(const Analysis& a, EventCandidate* c) const;

  std::unique_ptr<NumberReader> numbers_;
  std::unique_ptr<DateFinder> dates_;
  std::unique_ptr<QuantityFinder> quantities_;
  std::unique_ptr<PlaceFinder> places_;
  const ActorCodes* codes_ = nullptr;
};

}  // namespace palmyra

#endif  // PALMYRA_RESOLVE_RESOLVE_STAGE_H_
