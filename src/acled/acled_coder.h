// AcledCoder: gives a coded event ACLED's categories (event type, sub-event
// type, disorder type, civilian targeting, actor type codes) by the rules of
// data/ontology/acled.txt: the CAMEO code, the kinds of source and target
// (state forces, rebels, militias, civilians, ...; foreign forces acting
// outside their country) and the words of the clause that tells the event
// (weapons and means, victims, territory changing hands). The rules are
// data; this class only reads and applies them. Immutable after Load();
// thread-safe.
#ifndef PALMYRA_ACLED_ACLED_CODER_H_
#define PALMYRA_ACLED_ACLED_CODER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/analysis.h"
#include "entities/actor_codes.h"
#include "palmyra/event.h"
#include "palmyra/status.h"

namespace palmyra {

// What an actor is, for ACLED.
enum class AcledActorKind : uint8_t {
  kNone,      // no such actor
  kCountry,   // a country or a place only ("shelled Douma")
  kState,     // state forces and authorities
  kForeign,   // a state's forces outside their own country
  kOfficial,  // government officials, judges, legislators
  kRebel,     // armed non-state groups with a political aim
  kMilitia,   // gunmen, unaligned armed men, criminals
  kExternal,  // peacekeepers, international bodies
  kCivilian,  // everyone else
};
inline constexpr int kAcledActorKinds = 9;

class AcledCoder {
 public:
  // Reads data_dir/ontology/acled.txt; `codes` must outlive the coder.
  static Result<std::unique_ptr<AcledCoder>> Load(const std::string& data_dir,
                                                  const ActorCodes* codes);

  // The ACLED coding of candidate `c` of `a`, made into event `e` (whose
  // actors and location are final); nullopt when no rule matches.
  std::optional<AcledCode> Code(const Analysis& a, const EventCandidate& c, const Event& e) const;

  // The kind of the source or target of event `e` (exposed for tests).
  AcledActorKind KindOf(const std::optional<ActorRef>& actor, bool source, const Event& e) const;

 private:
  struct Condition {
    enum class Key : uint8_t { kCameo, kHas, kSource, kTarget, kCivilianVictims, kKilled };
    Key key = Key::kCameo;
    bool negated = false;
    std::vector<std::string> cameo;  // code prefixes
    uint64_t classes = 0;            // word classes, one bit each (any of them)
    uint32_t kinds = 0;              // actor kinds, one bit each (any of them)
  };
  // An actor type code a rule assigns: a number, or the code of the
  // source's or the target's kind, with a code for an absent source.
  struct InterValue {
    enum class From : uint8_t { kDefault, kNumber, kSource, kTarget };
    From from = From::kDefault;
    int number = 0;
    int when_none = -1;  // "source/3": 3 when there is no source
  };
  struct Rule {
    std::string event_type, sub_event_type;
    std::vector<Condition> conditions;
    InterValue inter1, inter2;
  };
  struct Targeting {
    std::string type;  // an event type or a sub-event type
    std::vector<Condition> conditions;
  };
  // What the conditions look at, for one event.
  struct Facts {
    std::string_view cameo;
    uint64_t classes = 0;
    AcledActorKind source = AcledActorKind::kNone;
    AcledActorKind target = AcledActorKind::kNone;
    bool killed = false;
  };

  AcledCoder() = default;
  Status ParseLine(std::string_view line);
  Result<std::vector<Condition>> ParseConditions(std::string_view text);
  Result<uint64_t> ClassBit(std::string_view name, bool create);
  Status ParseAssignments(std::string_view text, Rule* rule) const;
  int InterOf(const InterValue& value, int by_default, const Facts& facts) const;
  bool Holds(const Condition& condition, const Facts& facts) const;
  bool AllHold(const std::vector<Condition>& conditions, const Facts& facts) const;
  // The word classes present in tokens [begin, end).
  uint64_t ClassesIn(const Analysis& a, uint32_t begin, uint32_t end) const;
  // The tokens that tell candidate c: its sentence, cut where another
  // candidate of the sentence begins or ends.
  void Window(const Analysis& a, const EventCandidate& c, uint32_t* begin, uint32_t* end) const;

  const ActorCodes* codes_ = nullptr;
  std::vector<std::string> class_names_;
  // Looks up std::string keys by string_view, without a copy.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  // First word of a phrase -> (class bit, the phrase's words).
  std::unordered_map<std::string, std::vector<std::pair<uint64_t, std::vector<std::string>>>, Hash,
                     std::equal_to<>>
      phrases_;
  std::vector<std::pair<AcledActorKind, std::vector<std::string>>> actor_kinds_;  // in order
  bool catch_all_civilian_ = false;
  uint64_t civilians_ = 0;  // the class "civilians", for victims:civilian
  int inter_[kAcledActorKinds] = {};
  std::unordered_map<std::string, std::string> disorder_;
  std::vector<Targeting> targeting_;
  std::vector<Rule> rules_;
};

// ACLED's interaction code: the two actor codes, the smaller first (17);
// a sole actor's code times ten (60).
int AcledInteraction(int inter1, int inter2);

}  // namespace palmyra

#endif  // PALMYRA_ACLED_ACLED_CODER_H_
