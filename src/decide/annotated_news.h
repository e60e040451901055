// Annotated news: sentences of ordinary news with every political event they
// report (the scheme of the annotated/ reference data: CAMEO code, trigger,
// source and target with country and sector, modality), and the scoring of
// coded events against them. Used to train the decision model and to
// measure precision and recall.
//
// Scoring: a coded event matches a gold event of the same sentence when both
// have the same PLOVER type (gold CAMEO codes through the CAMEO table); each
// gold event matches at most one coded event. An actor is right when country
// and sector agree: a country acting with no sector is its government, MIL
// and COP are alike, international codes (IGO, IMG, NGO) are a sector with
// no country; a gold actor that names neither country nor sector accepts
// anything, and where the gold has no actor none must be coded.
#ifndef PALMYRA_DECIDE_ANNOTATED_NEWS_H_
#define PALMYRA_DECIDE_ANNOTATED_NEWS_H_

#include <optional>
#include <string>
#include <vector>

#include "events/cameo_table.h"
#include "palmyra/date.h"
#include "palmyra/event.h"
#include "palmyra/status.h"

namespace palmyra {

struct GoldActor {
  std::string text;
  std::string country;  // ISO alpha-3, "" when none or international
  std::string sector;   // GOV, MIL, IGO, ...; "" when unknown
};

struct GoldEvent {
  std::string cameo;
  std::string plover_type;  // from the CAMEO table; "" for a code it lacks
  std::string trigger;
  std::optional<GoldActor> source;
  std::optional<GoldActor> target;
  std::string modality;  // asserted, reported, future, hypothetical, negated
};

struct AnnotatedSentence {
  std::string id;
  std::string doc_id;
  uint32_t start = 0;  // byte offsets in the article's text
  uint32_t end = 0;
  std::string text;
  std::vector<GoldEvent> events;
};

struct AnnotatedArticle {
  std::string id;
  std::string title;
  std::optional<Date> date;
  std::string text;
};

// Reads annotated sentences (JSON Lines: id, doc_id, start, end, text,
// events). A malformed line is an error naming the file and line.
Result<std::vector<AnnotatedSentence>> ReadAnnotatedSentences(const std::string& path,
                                                              const CameoTable& cameo);
// Reads the articles the sentences come from (JSON Lines: id, title, date, text).
Result<std::vector<AnnotatedArticle>> ReadAnnotatedArticles(const std::string& path);

// Reads PLOVER gold-standard records (JSON Lines: id, text, event, source
// and target lists of {actorText, code, sector}) as sentences, each its own
// article ("plover:" and the record's id), with one gold event for each
// source. A record holds the one event it was written for, not every event
// of its sentence.
Result<std::vector<AnnotatedSentence>> ReadPloverRecords(const std::string& path);

// The PLOVER type of the name an earlier version gave it (DEMAND is now
// REQUEST; DISAPPROVE and INVESTIGATE, ACCUSE; FIGHT, ASSAULT).
std::string CurrentPloverType(const std::string& type);

// The PLOVER type of a CAMEO code: the longest prefix the table knows.
std::string PloverTypeOf(const CameoTable& cameo, const std::string& code);

// Whether a coded actor agrees with a gold one (see above).
bool ActorAgrees(const std::optional<ActorRef>& coded, const std::optional<GoldActor>& gold);

// Pairs coded events with gold events of one sentence: for each coded event
// the index of its gold event, or -1. Same PLOVER type first; among those,
// the pair with the most actors right.
std::vector<int> MatchEvents(const std::vector<const Event*>& coded,
                             const std::vector<GoldEvent>& gold);

// Counts over many sentences.
struct NewsScore {
  int coded = 0;         // events written
  int gold = 0;          // events annotated
  int matched = 0;       // coded events of the right type (= gold events found)
  int source_right = 0;  // among matched
  int target_right = 0;
  int actors_right = 0;  // both
  int modality_right = 0;
  // Among matched events, how actors went wrong: none coded where the gold
  // names one, one coded where the gold has none, or another one.
  int source_missing = 0, source_extra = 0, source_wrong = 0;
  int target_missing = 0, target_extra = 0, target_wrong = 0;
  void Add(const std::vector<const Event*>& coded, const std::vector<GoldEvent>& gold);
  void Add(const NewsScore& other);
  double Precision() const { return coded ? static_cast<double>(matched) / coded : 0.0; }
  double Recall() const { return gold ? static_cast<double>(matched) / gold : 0.0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  // Among the gold events found, the share with source and target right.
  double ActorsRight() const { return matched ? static_cast<double>(actors_right) / matched : 0.0; }
  // Gold events found with both actors right, over all gold events.
  double FullyRight() const { return gold ? static_cast<double>(actors_right) / gold : 0.0; }
};

}  // namespace palmyra

#endif  // PALMYRA_DECIDE_ANNOTATED_NEWS_H_
