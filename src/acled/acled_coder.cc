#include "acled/acled_coder.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/data_file.h"
#include "core/strings.h"

namespace palmyra {
namespace {

constexpr int kMaxClasses = 64;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Splits "a | b | c" into trimmed fields.
std::vector<std::string_view> Fields(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::string_view f : Split(s, '|')) out.push_back(Trim(f));
  return out;
}

std::optional<AcledActorKind> KindNamed(std::string_view name) {
  static constexpr std::pair<std::string_view, AcledActorKind> kKinds[] = {
      {"none", AcledActorKind::kNone},         {"country", AcledActorKind::kCountry},
      {"state", AcledActorKind::kState},       {"foreign", AcledActorKind::kForeign},
      {"official", AcledActorKind::kOfficial}, {"rebel", AcledActorKind::kRebel},
      {"militia", AcledActorKind::kMilitia},   {"external", AcledActorKind::kExternal},
      {"civilian", AcledActorKind::kCivilian},
  };
  for (const auto& [n, kind] : kKinds) {
    if (n == name) return kind;
  }
  return std::nullopt;
}

uint32_t KindBit(AcledActorKind kind) { return 1u << static_cast<int>(kind); }

bool IsArmed(AcledActorKind kind) {
  return kind == AcledActorKind::kState || kind == AcledActorKind::kForeign ||
         kind == AcledActorKind::kRebel || kind == AcledActorKind::kMilitia ||
         kind == AcledActorKind::kExternal;
}

std::optional<int> Number(std::string_view s) {
  int value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || value < 0 || value > 8)
    return std::nullopt;
  return value;
}

}  // namespace

int AcledInteraction(int inter1, int inter2) {
  if (inter1 == 0) return inter2 * 10;
  if (inter2 == 0) return inter1 * 10;
  return std::min(inter1, inter2) * 10 + std::max(inter1, inter2);
}

Result<std::unique_ptr<AcledCoder>> AcledCoder::Load(const std::string& data_dir,
                                                     const ActorCodes* codes) {
  std::unique_ptr<AcledCoder> coder(new AcledCoder());
  coder->codes_ = codes;
  RETURN_IF_ERROR(ForEachDataLine(
      data_dir + "/ontology/acled.txt",
      [&](std::string_view line, int) -> Status { return coder->ParseLine(line); }));
  // "victims:civilian" looks for the class of words naming civilians.
  if (Result<uint64_t> civilians = coder->ClassBit("civilians", false); civilians.ok()) {
    coder->civilians_ = *civilians;
  }
  return coder;
}

Result<uint64_t> AcledCoder::ClassBit(std::string_view name, bool create) {
  for (size_t i = 0; i < class_names_.size(); ++i) {
    if (class_names_[i] == name) return uint64_t{1} << i;
  }
  if (!create) return DataError("no word class \"" + std::string(name) + "\" defined above");
  if (class_names_.size() == kMaxClasses) return DataError("more than 64 word classes");
  class_names_.emplace_back(name);
  return uint64_t{1} << (class_names_.size() - 1);
}

Status AcledCoder::ParseLine(std::string_view line) {
  const size_t space = line.find(' ');
  const std::string_view head = line.substr(0, space);
  const std::string_view rest = space == std::string_view::npos ? "" : Trim(line.substr(space));
  if (head == "words" || head == "actor") {
    const size_t colon = rest.find(':');
    if (colon == std::string_view::npos)
      return DataError("expected \"" + std::string(head) + " NAME: ...\"");
    const std::string_view name = Trim(rest.substr(0, colon));
    const std::string_view list = rest.substr(colon + 1);
    if (head == "words") {
      ASSIGN_OR_RETURN(const uint64_t bit, ClassBit(name, true));
      for (std::string_view phrase : Split(list, ',')) {
        std::vector<std::string> words;
        for (std::string_view w : SplitWhitespace(phrase)) words.push_back(Lower(w));
        if (words.empty()) continue;
        phrases_[words[0]].emplace_back(bit, std::move(words));
      }
      return Status::Ok();
    }
    const std::optional<AcledActorKind> kind = KindNamed(name);
    if (!kind) return DataError("unknown actor kind \"" + std::string(name) + "\"");
    std::vector<std::string> parts;
    for (std::string_view p : SplitWhitespace(list)) {
      if (p == "*") {
        if (*kind != AcledActorKind::kCivilian) return DataError("\"*\" is only for civilians");
        catch_all_civilian_ = true;
      } else {
        parts.emplace_back(p);
      }
    }
    actor_kinds_.emplace_back(*kind, std::move(parts));
    return Status::Ok();
  }
  if (head == "inter") {
    const std::vector<std::string_view> f = SplitWhitespace(rest);
    const std::optional<AcledActorKind> kind = f.size() == 2 ? KindNamed(f[0]) : std::nullopt;
    const std::optional<int> code = f.size() == 2 ? Number(f[1]) : std::nullopt;
    if (!kind || !code) return DataError("expected \"inter KIND CODE\" with CODE 0-8");
    inter_[static_cast<int>(*kind)] = *code;
    return Status::Ok();
  }
  if (head == "disorder") {
    const std::vector<std::string_view> f = Fields(rest);
    if (f.size() != 2 || f[0].empty() || f[1].empty()) {
      return DataError("expected \"disorder TYPE | DISORDER TYPE\"");
    }
    disorder_[std::string(f[0])] = std::string(f[1]);
    return Status::Ok();
  }
  if (head == "targeting") {
    const std::vector<std::string_view> f = Fields(rest);
    if (f.empty() || f.size() > 2 || f[0].empty()) {
      return DataError("expected \"targeting TYPE [| CONDITIONS]\"");
    }
    Targeting t;
    t.type = std::string(f[0]);
    if (f.size() == 2) {
      ASSIGN_OR_RETURN(t.conditions, ParseConditions(f[1]));
    }
    targeting_.push_back(std::move(t));
    return Status::Ok();
  }
  if (head == "rule") {
    const size_t arrow = rest.find("=>");
    const std::vector<std::string_view> f = Fields(rest.substr(0, arrow));
    if (f.size() != 3 || f[0].empty() || f[1].empty()) {
      return DataError("expected \"rule EVENT TYPE | SUB-EVENT TYPE | CONDITIONS\"");
    }
    Rule rule;
    rule.event_type = std::string(f[0]);
    rule.sub_event_type = std::string(f[1]);
    ASSIGN_OR_RETURN(rule.conditions, ParseConditions(f[2]));
    if (arrow != std::string_view::npos)
      RETURN_IF_ERROR(ParseAssignments(rest.substr(arrow + 2), &rule));
    rules_.push_back(std::move(rule));
    return Status::Ok();
  }
  return DataError("unknown line kind \"" + std::string(head) + "\"");
}

Result<std::vector<AcledCoder::Condition>> AcledCoder::ParseConditions(std::string_view text) {
  std::vector<Condition> out;
  for (std::string_view item : SplitWhitespace(text)) {
    Condition c;
    if (item.front() == '!') {
      c.negated = true;
      item.remove_prefix(1);
    }
    if (item == "killed") {
      c.key = Condition::Key::kKilled;
      out.push_back(std::move(c));
      continue;
    }
    if (item == "victims:civilian") {
      c.key = Condition::Key::kCivilianVictims;
      out.push_back(std::move(c));
      continue;
    }
    const size_t colon = item.find(':');
    if (colon == std::string_view::npos)
      return DataError("unknown condition \"" + std::string(item) + "\"");
    const std::string_view key = item.substr(0, colon);
    const std::vector<std::string_view> values = Split(item.substr(colon + 1), ',');
    if (key == "cameo") {
      c.key = Condition::Key::kCameo;
      for (std::string_view v : values) c.cameo.emplace_back(v);
    } else if (key == "has") {
      c.key = Condition::Key::kHas;
      for (std::string_view v : values) {
        ASSIGN_OR_RETURN(const uint64_t bit, ClassBit(v, false));
        c.classes |= bit;
      }
    } else if (key == "source" || key == "target") {
      c.key = key == "source" ? Condition::Key::kSource : Condition::Key::kTarget;
      for (std::string_view v : values) {
        const std::optional<AcledActorKind> kind = KindNamed(v);
        if (!kind) return DataError("unknown actor kind \"" + std::string(v) + "\"");
        c.kinds |= KindBit(*kind);
      }
    } else {
      return DataError("unknown condition \"" + std::string(item) + "\"");
    }
    out.push_back(std::move(c));
  }
  return out;
}

Status AcledCoder::ParseAssignments(std::string_view text, Rule* rule) const {
  for (std::string_view item : SplitWhitespace(text)) {
    const size_t colon = item.find(':');
    const std::string_view key = item.substr(0, colon);
    if (colon == std::string_view::npos || (key != "inter1" && key != "inter2")) {
      return DataError("expected \"inter1:VALUE\" or \"inter2:VALUE\", not \"" + std::string(item) +
                       "\"");
    }
    std::string_view value = item.substr(colon + 1);
    InterValue v;
    const size_t slash = value.find('/');
    if (slash != std::string_view::npos) {
      const std::optional<int> none = Number(value.substr(slash + 1));
      if (!none) return DataError("bad code after \"/\" in \"" + std::string(item) + "\"");
      v.when_none = *none;
      value = value.substr(0, slash);
    }
    if (value == "source") {
      v.from = InterValue::From::kSource;
    } else if (value == "target") {
      v.from = InterValue::From::kTarget;
    } else if (const std::optional<int> n = Number(value)) {
      v.from = InterValue::From::kNumber;
      v.number = *n;
    } else {
      return DataError("bad actor type code in \"" + std::string(item) + "\"");
    }
    (key == "inter1" ? rule->inter1 : rule->inter2) = v;
  }
  return Status::Ok();
}

AcledActorKind AcledCoder::KindOf(const std::optional<ActorRef>& actor, bool source,
                                  const Event& e) const {
  if (!actor || actor->code.empty()) return AcledActorKind::kNone;
  const std::string_view sector = actor->sector;
  const std::string_view country = actor->country;
  const bool international = !country.empty() && codes_->IsInternational(country);
  // A state's forces acting abroad are foreign there.
  auto state = [&]() {
    const bool abroad = !international && e.location && !e.location->country.empty() &&
                        !country.empty() && e.location->country != country;
    return abroad ? AcledActorKind::kForeign : AcledActorKind::kState;
  };
  if (sector.empty() && !international) return source ? state() : AcledActorKind::kCountry;
  for (const auto& [kind, parts] : actor_kinds_) {
    const bool listed = std::any_of(parts.begin(), parts.end(), [&](const std::string& p) {
      return p == sector || (international && p == country);
    });
    if (!listed) continue;
    return kind == AcledActorKind::kState ? state() : kind;
  }
  return catch_all_civilian_ ? AcledActorKind::kCivilian : AcledActorKind::kCountry;
}

uint64_t AcledCoder::ClassesIn(const Analysis& a, uint32_t begin, uint32_t end) const {
  uint64_t classes = 0;
  auto matches = [&](uint32_t t, const std::string& word) {
    return a.Key(t) == word || a.tokens[t].lemma == word;
  };
  for (uint32_t t = begin; t < end; ++t) {
    for (std::string_view first : {a.Key(t), a.tokens[t].lemma}) {
      const auto it = phrases_.find(first);
      if (it == phrases_.end()) continue;
      for (const auto& [bit, words] : it->second) {
        if ((classes & bit) != 0 || t + words.size() > end) continue;
        bool all = true;
        for (size_t k = 1; k < words.size() && all; ++k) all = matches(t + k, words[k]);
        if (all) classes |= bit;
      }
      if (a.Key(t) == a.tokens[t].lemma) break;
    }
  }
  return classes;
}

void AcledCoder::Window(const Analysis& a, const EventCandidate& c, uint32_t* begin,
                        uint32_t* end) const {
  const Sentence& s = a.sentences[c.sentence];
  *begin = s.token_begin;
  *end = s.token_end;
  for (const EventCandidate& o : a.events) {
    if (o.sentence != c.sentence) continue;
    if (o.evidence_begin >= c.evidence_end) *end = std::min(*end, o.evidence_begin);
    if (o.evidence_end <= c.evidence_begin) *begin = std::max(*begin, o.evidence_end);
  }
}

bool AcledCoder::Holds(const Condition& condition, const Facts& facts) const {
  bool holds = false;
  switch (condition.key) {
    case Condition::Key::kCameo:
      holds = std::any_of(condition.cameo.begin(), condition.cameo.end(),
                          [&](const std::string& p) { return StartsWith(facts.cameo, p); });
      break;
    case Condition::Key::kHas:
      holds = (facts.classes & condition.classes) != 0;
      break;
    case Condition::Key::kSource:
      holds = (condition.kinds & KindBit(facts.source)) != 0;
      break;
    case Condition::Key::kTarget:
      holds = (condition.kinds & KindBit(facts.target)) != 0;
      break;
    case Condition::Key::kCivilianVictims:
      holds = facts.target == AcledActorKind::kCivilian ||
              ((facts.classes & civilians_) != 0 && !IsArmed(facts.target));
      break;
    case Condition::Key::kKilled:
      holds = facts.killed;
      break;
  }
  return holds != condition.negated;
}

bool AcledCoder::AllHold(const std::vector<Condition>& conditions, const Facts& facts) const {
  return std::all_of(conditions.begin(), conditions.end(),
                     [&](const Condition& c) { return Holds(c, facts); });
}

int AcledCoder::InterOf(const InterValue& value, int by_default, const Facts& facts) const {
  switch (value.from) {
    case InterValue::From::kDefault:
      return by_default;
    case InterValue::From::kNumber:
      return value.number;
    case InterValue::From::kSource:
      if (facts.source == AcledActorKind::kNone && value.when_none >= 0) return value.when_none;
      return inter_[static_cast<int>(facts.source)];
    case InterValue::From::kTarget:
      if (facts.target == AcledActorKind::kNone && value.when_none >= 0) return value.when_none;
      return inter_[static_cast<int>(facts.target)];
  }
  return by_default;
}

std::optional<AcledCode> AcledCoder::Code(const Analysis& a, const EventCandidate& c,
                                          const Event& e) const {
  Facts facts;
  facts.cameo = e.cameo.code;
  facts.source = KindOf(e.source, true, e);
  facts.target = KindOf(e.target, false, e);
  facts.killed = std::any_of(e.quantities.begin(), e.quantities.end(),
                             [](const Quantity& q) { return q.kind == "killed"; });
  uint32_t begin = 0, end = 0;
  Window(a, c, &begin, &end);
  facts.classes = ClassesIn(a, begin, end);
  for (const Rule& rule : rules_) {
    if (!AllHold(rule.conditions, facts)) continue;
    AcledCode code;
    code.event_type = rule.event_type;
    code.sub_event_type = rule.sub_event_type;
    if (auto it = disorder_.find(rule.sub_event_type); it != disorder_.end()) {
      code.disorder_type = it->second;
    } else if (auto type = disorder_.find(rule.event_type); type != disorder_.end()) {
      code.disorder_type = type->second;
    }
    for (const Targeting& t : targeting_) {
      if ((t.type == rule.event_type || t.type == rule.sub_event_type) &&
          AllHold(t.conditions, facts)) {
        code.civilian_targeting = true;
        break;
      }
    }
    code.inter1 = InterOf(rule.inter1, inter_[static_cast<int>(facts.source)], facts);
    code.inter2 = InterOf(rule.inter2, inter_[static_cast<int>(facts.target)], facts);
    if (code.civilian_targeting && code.inter2 == 0) code.inter2 = 7;  // the civilians targeted
    code.interaction = AcledInteraction(code.inter1, code.inter2);
    return code;
  }
  return std::nullopt;
}

}  // namespace palmyra
