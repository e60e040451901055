#include "syntax/chunker.h"

namespace palmyra {
namespace {

PosTag TagAt(const Analysis& a, uint32_t i, uint32_t end) {
  return i < end ? a.tokens[i].tag : PosTag::kNone;
}

bool IsNominalModifier(PosTag t) { return IsNoun(t) || IsAdjective(t) || t == PosTag::CD; }

bool IsDeterminer(PosTag t) {
  return t == PosTag::DT || t == PosTag::PDT || t == PosTag::PRP_S || t == PosTag::WP_S;
}

// The head of noun phrase p: its last noun, number or pronoun before any
// "'s"; or an adjective that ends the phrase right after its noun, a noun
// the tagger misread ("the air offensive/JJ on Afrin").
uint32_t NounPhraseHead(const Analysis& a, const Phrase& p) {
  uint32_t head = p.end - 1;
  for (uint32_t k = p.end; k-- > p.begin;) {
    const PosTag t = a.tokens[k].tag;
    if (IsNoun(t) || t == PosTag::PRP || t == PosTag::CD) {
      head = k;
      break;
    }
  }
  if (head + 2 == p.end && p.possessor_end <= head && a.tokens[head].tag == PosTag::NN &&
      a.tokens[p.end - 1].tag == PosTag::JJ) {
    head = p.end - 1;
  }
  return head;
}

// "In 2016 Turkey launched ...", "in August 2016 Russia began ...": a name
// after a year that opens the phrase (alone or after its month), then a
// verb with a tense, is the subject of that verb, not part of the date.
bool NameAfterDate(const Analysis& a, uint32_t start, uint32_t i, uint32_t end) {
  const Token& year = a.tokens[i - 1];
  if (!IsProperNoun(a.tokens[i].tag) || year.tag != PosTag::CD) return false;
  const std::string_view digits = a.Form(year);
  if (digits.size() != 4 || (digits[0] != '1' && digits[0] != '2')) return false;
  if (i - 1 != start && !(i - 2 == start && (a.tokens[start].flags & kTokCalendar))) return false;
  uint32_t k = i;
  while (k < end && IsProperNoun(a.tokens[k].tag)) ++k;
  const PosTag after = TagAt(a, k, end);
  return after == PosTag::VBZ || after == PosTag::VBD || after == PosTag::VBP ||
         after == PosTag::MD;
}

}  // namespace

bool Chunker::IsAuxiliary(const Analysis& a, uint32_t i) const {
  const Token& t = a.tokens[i];
  if (t.tag == PosTag::MD) return true;
  const std::string_view lemma = t.lemma;
  return lemma == "be" || lemma == "have" || lemma == "do" || lemma == "get";
}

bool Chunker::StartsNounPhrase(const Analysis& a, uint32_t i, uint32_t begin, uint32_t end) const {
  const PosTag t = TagAt(a, i, end);
  const PosTag next = TagAt(a, i + 1, end);
  if (IsDeterminer(t) || IsNominalModifier(t) || t == PosTag::PRP) return true;
  if (t == PosTag::kDollar) return next == PosTag::CD;
  if (t == PosTag::VBN) {
    // "Armed men", "wounded civilians": a participle before a noun, when it
    // does not follow a verb or a noun it could be the verb of.
    const PosTag prev = i > begin ? TagAt(a, i - 1, end) : PosTag::kNone;
    return IsNoun(next) && !IsVerb(prev) && prev != PosTag::MD && !IsNoun(prev) &&
           prev != PosTag::PRP;
  }
  if (t == PosTag::RB) {
    // "heavily armed militants"
    return (IsAdjective(next) || next == PosTag::VBN) && IsNoun(TagAt(a, i + 2, end));
  }
  return false;
}

bool Chunker::StartsAfterNoun(const Analysis& a, uint32_t start, uint32_t i, uint32_t end) const {
  const PosTag t = a.tokens[i].tag;
  // "a police station last Thursday", "near Palmyra last week": a time
  // expression after a noun starts a phrase of its own.
  const std::string_view key = a.Key(i);
  if (lexicon_->Is(key, WordRole::kTimeModifier) && i + 1 < end &&
      lexicon_->Is(a.Key(i + 1), WordRole::kTime) && a.Key(i + 1) != "time") {
    return true;
  }
  // "killed two soldiers two weeks ago", "arrested 12 people 3 days ago":
  // a number after a plural noun, or before a time word, counts
  // something else.
  if (t == PosTag::CD && (a.tokens[i - 1].tag == PosTag::NNS ||
                          (i + 1 < end && lexicon_->Is(a.Key(i + 1), WordRole::kTime)))) {
    return true;
  }
  // "in June members of Congress urged", "on Monday police said": after
  // a preposition, a month or weekday is the phrase; a noun after it
  // starts the next.
  if (i == start + 1 && start > 0 && (a.tokens[start].flags & kTokCalendar) &&
      a.tokens[start - 1].tag == PosTag::IN && IsNoun(t) && !(a.tokens[i].flags & kTokCalendar)) {
    return true;
  }
  // "in recent days militants attacked": a noun after a plural time noun.
  if (a.tokens[i - 1].tag == PosTag::NNS && lexicon_->Is(a.Key(i - 1), WordRole::kTime) &&
      (t == PosTag::NNS || t == PosTag::NNP || t == PosTag::NNPS) &&
      !lexicon_->Is(key, WordRole::kTime)) {
    return true;
  }
  // "held Damascus responsible for the attack": an adjective that says what
  // the noun is held to be is a phrase of its own.
  if (IsAdjective(t) && lexicon_->Is(key, WordRole::kObjectComplement)) return true;
  // "the militias Turkey is battling": a name right after a plural noun,
  // then a verb with a tense, is the subject of a relative clause without
  // "that".
  if ((t == PosTag::NNP || t == PosTag::NNPS) && a.tokens[i - 1].tag == PosTag::NNS) {
    uint32_t k = i;
    while (k < end && (a.tokens[k].tag == PosTag::NNP || a.tokens[k].tag == PosTag::NNPS)) ++k;
    const PosTag after = TagAt(a, k, end);
    if (after == PosTag::VBZ || after == PosTag::VBD || after == PosTag::VBP ||
        after == PosTag::MD) {
      return true;
    }
  }
  return false;
}

uint32_t Chunker::NounPhraseEnd(const Analysis& a, uint32_t i, uint32_t end,
                                uint32_t* possessor_end) const {
  const uint32_t start = i;
  *possessor_end = start;
  if (TagAt(a, i, end) == PosTag::PRP) return i + 1;  // "he", "they"
  if (TagAt(a, i, end) == PosTag::PDT) ++i;
  if (IsDeterminer(TagAt(a, i, end))) ++i;
  while (i < end) {
    const PosTag t = a.tokens[i].tag;
    const PosTag next = TagAt(a, i + 1, end);
    if (IsNominalModifier(t) && i > start && IsNoun(a.tokens[i - 1].tag) &&
        StartsAfterNoun(a, start, i, end)) {
      break;
    }
    if (i > start && NameAfterDate(a, start, i, end)) break;
    if (IsNominalModifier(t)) {
      // "the Security Council today": a day word after a noun is an adverbial.
      if (i > start && IsNoun(a.tokens[i - 1].tag) && IsNoun(t) &&
          lexicon_->Is(a.Key(i), WordRole::kTime) && a.Key(i) != "time" &&
          (i + 1 >= end || !IsNoun(a.tokens[i + 1].tag))) {
        break;
      }
      ++i;
      continue;
    }
    if (t == PosTag::kDollar && next == PosTag::CD) {
      ++i;
      continue;
    }
    if ((t == PosTag::VBN || t == PosTag::VBG) && i > start &&
        (IsNoun(next) || IsAdjective(next)) && !IsNoun(a.tokens[i - 1].tag)) {
      // "the armed groups", but not "jets bombed positions".
      ++i;
      continue;
    }
    if (t == PosTag::RB && i > start && (IsAdjective(next) || next == PosTag::VBN) &&
        IsNoun(TagAt(a, i + 2, end))) {
      ++i;
      continue;
    }
    if (t == PosTag::POS && i > start) {
      // "Russia 's defence ministry": the possessor, then the possessed.
      ++i;
      *possessor_end = i;
      if (!IsNominalModifier(TagAt(a, i, end)) && TagAt(a, i, end) != PosTag::VBN &&
          TagAt(a, i, end) != PosTag::VBG) {
        break;
      }
      continue;
    }
    if (t == PosTag::CC && i > start &&
        (IsAdjective(TagAt(a, i - 1, end)) || TagAt(a, i - 1, end) == PosTag::NNP)) {
      // "Hungarian and Romanian officials", "U.S. and Russian negotiators":
      // coordinated modifiers sharing one head noun.
      uint32_t k = i + 1;
      while (k < end && (IsAdjective(a.tokens[k].tag) || a.tokens[k].tag == PosTag::NNP)) ++k;
      if (k > i + 1 && k < end &&
          (a.tokens[k].tag == PosTag::NN || a.tokens[k].tag == PosTag::NNS)) {
        i = k;
        continue;
      }
    }
    break;
  }
  return i > start ? i : start + 1;
}

bool Chunker::StartsVerbGroup(const Analysis& a, uint32_t i, uint32_t end) const {
  const PosTag t = TagAt(a, i, end);
  if (t == PosTag::MD || IsVerb(t)) return true;
  if (t == PosTag::TO) {
    uint32_t k = i + 1;
    while (TagAt(a, k, end) == PosTag::RB) ++k;
    const PosTag v = TagAt(a, k, end);
    return v == PosTag::VB || v == PosTag::VBP;
  }
  if (t == PosTag::RB) {
    uint32_t k = i + 1;
    while (TagAt(a, k, end) == PosTag::RB) ++k;
    const PosTag v = TagAt(a, k, end);
    return (v == PosTag::MD || IsVerb(v)) && k - i <= 2;
  }
  return false;
}

uint32_t Chunker::VerbGroupEnd(const Analysis& a, uint32_t i, uint32_t end) const {
  if (TagAt(a, i, end) == PosTag::TO) ++i;
  int32_t last_verb = -1;
  while (i < end) {
    const PosTag t = a.tokens[i].tag;
    if (t == PosTag::MD || IsVerb(t)) {
      // A verb after a full (non-auxiliary) verb starts a group of its own:
      // "denied attacking", "began shelling".
      if (last_verb >= 0 && !IsAuxiliary(a, static_cast<uint32_t>(last_verb))) break;
      last_verb = static_cast<int32_t>(i);
      ++i;
      continue;
    }
    if (t == PosTag::RB) {
      uint32_t k = i + 1;
      while (TagAt(a, k, end) == PosTag::RB) ++k;
      const PosTag v = TagAt(a, k, end);
      if ((v == PosTag::MD || IsVerb(v)) &&
          (last_verb < 0 || IsAuxiliary(a, static_cast<uint32_t>(last_verb)))) {
        i = k;
        continue;
      }
    }
    break;
  }
  if (TagAt(a, i, end) == PosTag::RP) ++i;  // particle: "carried out"
  return i;
}

void Chunker::DescribeVerbGroup(Analysis* a, VerbGroup* vg) const {
  int32_t main = -1;
  for (uint32_t i = vg->begin; i < vg->end; ++i) {
    const PosTag t = a->tokens[i].tag;
    if (IsVerb(t)) main = static_cast<int32_t>(i);
    if (t == PosTag::RP) {
      vg->particle = i;
      vg->has_particle = true;
    }
  }
  if (main < 0) {
    // Only a modal ("they will."): it is its own head.
    for (uint32_t i = vg->begin; i < vg->end; ++i) {
      if (a->tokens[i].tag == PosTag::MD) main = static_cast<int32_t>(i);
    }
  }
  vg->main = static_cast<uint32_t>(main < 0 ? vg->begin : main);
  const Token& head = a->tokens[vg->main];
  bool passive_aux = false;
  bool finite = false;
  for (uint32_t i = vg->begin; i < vg->end; ++i) {
    const Token& t = a->tokens[i];
    if (lexicon_->Is(t.lemma, WordRole::kNegation)) vg->negated = true;
    if (t.tag == PosTag::MD) {
      finite = true;
      if (lexicon_->Is(t.lemma, WordRole::kFuture)) vg->future = true;
      if (lexicon_->Is(t.lemma, WordRole::kHypothetical)) vg->hypothetical = true;
      if (lexicon_->Is(a->Key(i), WordRole::kObligation)) vg->obligation = true;
    }
    if (t.tag == PosTag::VBD || t.tag == PosTag::VBZ || t.tag == PosTag::VBP) finite = true;
    if (i < vg->main && IsVerb(t.tag) && lexicon_->Is(t.lemma, WordRole::kPassiveAux))
      passive_aux = true;
  }
  vg->passive = passive_aux && (head.tag == PosTag::VBN || head.tag == PosTag::VBD);
  vg->finite = finite && a->tokens[vg->begin].tag != PosTag::TO;
}

void Chunker::Chunk(Analysis* a) const {
  a->phrases.clear();
  a->verb_groups.clear();
  a->sentence_phrase_begin.clear();
  for (uint32_t s = 0; s < a->sentences.size(); ++s) {
    const Sentence& sentence = a->sentences[s];
    a->sentence_phrase_begin.push_back(static_cast<uint32_t>(a->phrases.size()));
    uint32_t i = sentence.token_begin;
    const uint32_t end = sentence.token_end;
    while (i < end) {
      Phrase p;
      p.begin = i;
      p.sentence = s;
      const PosTag t = a->tokens[i].tag;
      if (t == PosTag::VBN && StartsNounPhrase(*a, i, sentence.token_begin, end)) {
        p.type = PhraseType::kNoun;
      } else if (StartsVerbGroup(*a, i, end)) {
        p.type = PhraseType::kVerb;
      } else if (StartsNounPhrase(*a, i, sentence.token_begin, end)) {
        p.type = PhraseType::kNoun;
      } else if (t == PosTag::IN || t == PosTag::TO) {
        p.type = PhraseType::kPreposition;
      } else {
        p.type = PhraseType::kOther;
      }
      switch (p.type) {
        case PhraseType::kNoun: {
          p.end = NounPhraseEnd(*a, i, end, &p.possessor_end);
          p.head = NounPhraseHead(*a, p);
          break;
        }
        case PhraseType::kVerb: {
          p.end = VerbGroupEnd(*a, i, end);
          VerbGroup vg;
          vg.phrase = static_cast<uint32_t>(a->phrases.size());
          vg.sentence = s;
          vg.begin = p.begin;
          vg.end = p.end;
          DescribeVerbGroup(a, &vg);
          p.head = vg.main;
          p.verb_group = static_cast<int32_t>(a->verb_groups.size());
          a->verb_groups.push_back(vg);
          break;
        }
        default:
          p.end = i + 1;
          p.head = i;
          break;
      }
      i = p.end;
      a->phrases.push_back(p);
    }
  }
  a->sentence_phrase_begin.push_back(static_cast<uint32_t>(a->phrases.size()));
}

}  // namespace palmyra
