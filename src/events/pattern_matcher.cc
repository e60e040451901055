#include "events/pattern_matcher.h"

namespace palmyra {
namespace {

constexpr uint32_t kAnywhere = UINT32_MAX;

}  // namespace

PatternMatcher::PatternMatcher(const PatternDictionary* dictionary, const Analysis* analysis)
    : dictionary_(dictionary),
      a_(analysis),
      phrase_at_(analysis->tokens.size(), -1),
      adjunct_prepositions_(dictionary->SynsetId("ADJUNCTPREP")),
      particles_(dictionary->SynsetId("PARTICLE")) {
  for (uint32_t p = 0; p < analysis->phrases.size(); ++p) {
    for (uint32_t t = analysis->phrases[p].begin; t < analysis->phrases[p].end; ++t) {
      phrase_at_[t] = static_cast<int32_t>(p);
    }
  }
  has_actor_.assign(analysis->phrases.size(), false);
  for (const PhraseActor& x : analysis->actors) has_actor_[x.phrase] = true;
}

bool PatternMatcher::HasActor(int32_t phrase) const { return phrase >= 0 && has_actor_[phrase]; }

bool PatternMatcher::Words(const std::vector<int32_t>& words, uint32_t p, uint32_t end,
                           uint32_t* next) const {
  if (p + words.size() > end) return false;
  for (size_t i = 0; i < words.size(); ++i) {
    const Token& t = a_->tokens[p + i];
    if (t.word_id == words[i]) continue;
    if (t.lemma_id != words[i]) return false;
    if (plurals_as_written_ && (t.tag == PosTag::NNS || t.tag == PosTag::NNPS)) return false;
  }
  *next = p + static_cast<uint32_t>(words.size());
  return true;
}

bool PatternMatcher::MatchSynset(int32_t synset, uint32_t t, uint32_t hi, uint32_t* end) const {
  if (synset < 0) return false;
  for (const auto& member : dictionary_->synset(synset)) {
    if (Words(member, t, hi, end)) return true;
  }
  return false;
}

uint32_t PatternMatcher::AfterShortObject(uint32_t pos, int32_t particle, uint32_t hi) const {
  constexpr uint32_t kMaxObject = 4;
  const int32_t ph = phrase_at_[pos];
  if (ph < 0) return pos;
  const Phrase& np = a_->phrases[ph];
  if (np.type != PhraseType::kNoun || np.begin != pos || np.end - np.begin > kMaxObject ||
      np.end >= hi) {
    return pos;
  }
  uint32_t end = 0;
  return a_->tokens[np.end].word_id == particle && MatchSynset(particles_, np.end, hi, &end)
             ? np.end
             : pos;
}

uint32_t PatternMatcher::MatchTrigger(const Trigger& trigger, uint32_t t, uint32_t hi,
                                      int32_t* object_inside) const {
  *object_inside = -1;
  const bool verb = IsVerb(a_->tokens[t].tag);
  auto rest = [&](const std::vector<int32_t>& words, uint32_t pos) -> uint32_t {
    for (size_t i = 1; i < words.size(); ++i) {
      while (pos < hi && IsAdverb(a_->tokens[pos].tag) && a_->tokens[pos].word_id != words[i])
        ++pos;
      if (pos >= hi) return 0;
      // "pulled its troops out", "called the strike off": a short object
      // between a verb and its particle.
      if (i == 1 && verb && pos == t + 1) {
        const uint32_t after = AfterShortObject(pos, words[1], hi);
        if (after != pos) *object_inside = phrase_at_[pos];
        pos = after;
      }
      const Token& tok = a_->tokens[pos];
      if (tok.word_id != words[i] && tok.lemma_id != words[i]) return 0;
      ++pos;
    }
    return pos;
  };
  // "wire tapped": the words before the verb.
  if (!trigger.before.empty()) {
    if (t < trigger.before.size()) return 0;
    for (size_t i = 0; i < trigger.before.size(); ++i) {
      const Token& tok = a_->tokens[t - trigger.before.size() + i];
      if (tok.word_id != trigger.before[i] && tok.lemma_id != trigger.before[i]) return 0;
    }
  }
  const Token& first = a_->tokens[t];
  if (first.lemma_id == trigger.words[0] || first.word_id == trigger.words[0]) {
    const uint32_t end = rest(trigger.words, t + 1);
    if (end > 0) return end;
  }
  for (const auto& form : trigger.forms) {
    if (first.word_id == form[0]) {
      const uint32_t end = rest(form, t + 1);
      if (end > 0) return end;
    }
  }
  return 0;
}

bool PatternMatcher::Element(const PatternElement& e, uint32_t p, uint32_t end, uint32_t* next,
                             PatternMatch* m) const {
  switch (e.kind) {
    case ElementKind::kWord:
      if (!Words(e.words, p, end, next)) return false;
      for (uint32_t t = p; t < *next; ++t) m->consumed.push_back(t);
      return true;
    case ElementKind::kSynset:
      if (!MatchSynset(e.synset, p, end, next)) return false;
      for (uint32_t t = p; t < *next; ++t) m->consumed.push_back(t);
      return true;
    case ElementKind::kSource:
    case ElementKind::kTarget:
    case ElementKind::kCompound: {
      const int32_t ph = phrase_at_[p];
      if (ph < 0 || a_->phrases[ph].begin != p || !HasActor(ph)) return false;
      (e.kind == ElementKind::kSource   ? m->source
       : e.kind == ElementKind::kTarget ? m->target
                                        : m->compound) = ph;
      *next = std::min(end, a_->phrases[ph].end);
      return true;
    }
    case ElementKind::kSkip: {
      // A phrase, or the rest of one after a word of the pattern ("THEIR ^
      // ABOUT": "their populations about").
      const int32_t ph = phrase_at_[p];
      if (ph < 0) return false;
      const bool rest = a_->phrases[ph].begin < p && p > 0 && phrase_at_[p - 1] == ph;
      if (a_->phrases[ph].begin != p && !rest) return false;
      *next = std::min(end, a_->phrases[ph].end);
      return true;
    }
    case ElementKind::kPrep: {
      uint32_t q;
      if (!Element(e.children[0], p, end, &q, m)) return false;
      if (e.children.size() == 1) {
        *next = q;
        return true;
      }
      // The rest lies in the noun phrase after the preposition.
      if (q >= end) return false;
      const int32_t np = phrase_at_[q];
      if (np < 0 || a_->phrases[np].type != PhraseType::kNoun || a_->phrases[np].begin != q) {
        return false;
      }
      uint32_t np_end = std::min(end, a_->phrases[np].end);
      // A coordination belongs to the phrase: "(AGAINST +)" binds its first conjunct.
      std::vector<PatternElement> rest(e.children.begin() + 1, e.children.end());
      if (!Sequence(rest, 0, q, np_end, false, kAnywhere, m)) return false;
      *next = np_end;
      return true;
    }
    case ElementKind::kNounGroup: {
      const int32_t np = phrase_at_[p];
      if (np < 0 || a_->phrases[np].type != PhraseType::kNoun || a_->phrases[np].begin != p) {
        return false;
      }
      const uint32_t np_end = std::min(end, a_->phrases[np].end);
      if (!Sequence(e.children, 0, p, np_end, false, kAnywhere, m)) return false;
      *next = np_end;
      return true;
    }
  }
  return false;
}

bool PatternMatcher::InPrepositionalPhrase(uint32_t t) const {
  const int32_t ph = phrase_at_[t];
  if (ph <= 0 || a_->phrases[ph].type != PhraseType::kNoun) return false;
  const Phrase& before = a_->phrases[ph - 1];
  if (before.type != PhraseType::kPreposition || before.sentence != a_->phrases[ph].sentence) {
    return false;
  }
  // Places and times (&ADJUNCTPREP); "of", "for", "in" and the like may
  // complete the object instead ("part of a military aid program").
  uint32_t end;
  return MatchSynset(adjunct_prepositions_, before.head, before.head + 1, &end);
}

bool PatternMatcher::Sequence(const std::vector<PatternElement>& elements, size_t k, uint32_t pos,
                              uint32_t end, bool first_joined, uint32_t must_end, PatternMatch* m,
                              bool outside_adjuncts) const {
  if (k == elements.size()) return must_end == kAnywhere || pos == must_end;
  const PatternElement& e = elements[k];
  const bool joined = k == 0 ? first_joined : e.joined;
  for (uint32_t p = pos; p < end; ++p) {
    if (joined && p != pos) break;
    // After the verb, a word of the pattern stands in the verb's object, not
    // in an adjunct: "seized the airport" but not "arrested X at the airport".
    // A prepositional phrase is matched by "(PREP ...)" items.
    if (outside_adjuncts && !joined && InPrepositionalPhrase(p) &&
        (e.kind == ElementKind::kWord || e.kind == ElementKind::kSynset)) {
      continue;
    }
    const PatternMatch saved = *m;
    uint32_t next;
    if (Element(e, p, end, &next, m) &&
        Sequence(elements, k + 1, next, end, false, must_end, m, outside_adjuncts)) {
      return true;
    }
    *m = saved;
  }
  return false;
}

bool PatternMatcher::Match(const Pattern& pattern, uint32_t trigger_begin, uint32_t trigger_end,
                           uint32_t lo, uint32_t hi, PatternMatch* match) const {
  PatternMatch m;
  const uint32_t must_end = pattern.last_left_joined ? trigger_begin : kAnywhere;
  if (!pattern.left.empty() && !Sequence(pattern.left, 0, lo, trigger_begin, false, must_end, &m)) {
    return false;
  }
  const bool first_joined = !pattern.right.empty() && pattern.right[0].joined;
  if (!pattern.right.empty() &&
      !Sequence(pattern.right, 0, trigger_end, hi, first_joined, kAnywhere, &m,
                /*outside_adjuncts=*/true)) {
    return false;
  }
  *match = std::move(m);
  return true;
}

}  // namespace palmyra
