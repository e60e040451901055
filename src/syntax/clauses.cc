#include "syntax/clauses.h"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace palmyra {

// Phrases a parenthesis may hold and still stand aside ("(IED)", "(SDF)").
constexpr int kParenthesis = 4;

// Read access to one sentence's phrases with the tests the analysis needs.
class ClauseAnalyzer::SentenceView {
 public:
  SentenceView(const Analysis& a, const SyntaxLexicon& lexicon, uint32_t sentence)
      : a_(a),
        lexicon_(lexicon),
        begin_(a.sentence_phrase_begin[sentence]),
        end_(a.sentence_phrase_begin[sentence + 1]) {}

  uint32_t begin() const { return begin_; }
  uint32_t end() const { return end_; }
  const Phrase& P(uint32_t k) const { return a_.phrases[k]; }
  const Token& Head(uint32_t k) const { return a_.tokens[P(k).head]; }
  std::string_view Form(uint32_t k) const { return a_.Form(P(k).head); }

  bool IsNoun(uint32_t k) const { return P(k).type == PhraseType::kNoun; }
  bool IsVerb(uint32_t k) const { return P(k).type == PhraseType::kVerb; }
  bool IsPrep(uint32_t k) const { return P(k).type == PhraseType::kPreposition; }
  bool IsOther(uint32_t k) const { return P(k).type == PhraseType::kOther; }
  bool IsComma(uint32_t k) const { return IsOther(k) && Form(k) == ","; }
  bool IsCoordinator(uint32_t k) const { return IsOther(k) && Head(k).tag == PosTag::CC; }
  // Adverbs and particles that may sit anywhere without changing structure.
  bool IsAdverb(uint32_t k) const {
    if (!IsOther(k)) return false;
    const PosTag t = Head(k).tag;
    return t == PosTag::RB || t == PosTag::RBR || t == PosTag::RBS || t == PosTag::RP;
  }
  bool IsHardBoundary(uint32_t k) const {
    if (!IsOther(k)) return false;
    const std::string_view f = Form(k);
    return f == ";" || f == ":" || f == "--" || f == "-" || f == "(" || f == ")";
  }
  bool IsQuote(uint32_t k) const {
    return IsOther(k) && (Head(k).flags & (kTokOpenQuote | kTokCloseQuote));
  }
  bool IsRelativePronoun(uint32_t k) const {
    if (!(IsOther(k) || IsPrep(k) || IsNoun(k))) return false;
    const PosTag t = Head(k).tag;
    if (t == PosTag::WDT || t == PosTag::WP || t == PosTag::WP_S) return true;
    // "that" after a noun phrase opens a relative clause.
    return a_.Key(P(k).head) == "that" && k > begin_ && IsNoun(k - 1);
  }
  bool IsComplementizer(uint32_t k) const {
    return a_.Key(P(k).head) == "that" && !IsNoun(k) && !IsRelativePronoun(k);
  }
  bool Is(uint32_t k, WordRole role) const { return lexicon_.Is(Head(k).lemma, role); }
  // "up to 100", "more than 300": a preposition that bounds a number.
  bool IsQuantityPrep(int prep, int noun) const {
    const std::string_view p = a_.Key(P(prep).head);
    // "at least 12 people", "at most 40"
    if (p == "at" && (a_.Key(P(noun).begin) == "least" || a_.Key(P(noun).begin) == "most"))
      return true;
    if (p != "to" && p != "than" && p != "over" && p != "about" && p != "around" && p != "nearly") {
      return false;
    }
    return a_.tokens[P(noun).begin].tag == PosTag::CD;
  }
  bool IsTemporal(uint32_t k) const {
    return IsNoun(k) && (lexicon_.Is(Head(k).lemma, WordRole::kTime) ||
                         lexicon_.Is(a_.Key(P(k).head), WordRole::kTime));
  }
  // The phrase before k, skipping adverbs; begin()-1 (as int) when none.
  int Before(int k) const {
    --k;
    while (k >= static_cast<int>(begin_) && IsAdverb(k)) --k;
    // "a roadside bomb (IED) planted by rebels", "the Syrian Democratic
    // Forces (SDF) captured Raqqa": a short parenthesis right after a noun
    // phrase stands aside.
    if (k > static_cast<int>(begin_) && IsOther(k) && Form(k) == ")") {
      int open = k - 1;
      while (open > static_cast<int>(begin_) && k - open <= kParenthesis && !IsOpening(open))
        --open;
      if (IsOpening(open) && open > static_cast<int>(begin_) && IsNoun(open - 1)) k = open - 1;
    }
    return k;
  }
  bool IsOpening(int k) const { return IsOther(k) && Form(k) == "("; }
  int After(uint32_t k) const {
    ++k;
    while (k < end_ && IsAdverb(k)) ++k;
    return static_cast<int>(k);
  }
  bool Valid(int k) const { return k >= static_cast<int>(begin_) && k < static_cast<int>(end_); }
  // The noun phrase a relative clause opened at phrase k describes ("the
  // town(, ) which ..."); -1 when none.
  int Antecedent(int k) const {
    int antecedent = Before(k);
    if (Valid(antecedent) && IsComma(antecedent)) antecedent = Before(antecedent);
    return Valid(antecedent) && IsNoun(antecedent) ? antecedent : -1;
  }
  // The verb groups of the sentence, in order.
  std::vector<uint32_t> VerbGroups() const {
    std::vector<uint32_t> groups;
    for (uint32_t k = begin_; k < end_; ++k) {
      if (IsVerb(k)) groups.push_back(static_cast<uint32_t>(P(k).verb_group));
    }
    return groups;
  }

 private:
  const Analysis& a_;
  const SyntaxLexicon& lexicon_;
  uint32_t begin_, end_;
};

namespace {

bool IsEmbedded(ClauseKind kind) {
  return kind == ClauseKind::kRelative || kind == ClauseKind::kReducedRelative ||
         kind == ClauseKind::kParticiple || kind == ClauseKind::kInfinitive;
}

}  // namespace

void ClauseAnalyzer::Analyze(Analysis* a) const {
  for (uint32_t s = 0; s < a->sentences.size(); ++s) {
    AnalyzeSentence(a, s);
    FindSpeechFrames(a, s);
  }
  AttributeRunOnQuotes(a);
}

void ClauseAnalyzer::AnalyzeSentence(Analysis* a, uint32_t sentence) const {
  const SentenceView sv(*a, *lexicon_, sentence);
  const std::vector<uint32_t> groups = sv.VerbGroups();
  // A sentence (not a headline) with no finite verb has its main verb
  // mistagged as a participle: "The new mayor left yesterday for Paris."
  const bool no_finite = !a->sentences[sentence].headline &&
                         std::none_of(groups.begin(), groups.end(),
                                      [&](uint32_t g) { return a->verb_groups[g].finite; });
  bool any_finite_before = false;
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    VerbGroup& v = a->verb_groups[groups[gi]];
    const int32_t prev_index = ClassifyVerb(sv, a, groups, gi, no_finite, any_finite_before);
    if (v.finite && !v.coordinated) {
      FindSubject(sv, a, &v, prev_index);
      // Inverted speech frames: "..., said the ministry".
      const int before = sv.Before(v.phrase);
      if (v.subject < 0 && lexicon_->Is(a->tokens[v.main].lemma, WordRole::kSpeech) &&
          sv.Valid(before) && (sv.IsComma(before) || sv.IsQuote(before))) {
        const int after = sv.After(v.phrase);
        if (sv.Valid(after) && sv.IsNoun(after)) v.subject = after;
      }
    }
    FindObject(sv, *a, &v);
    HoldStance(sv, *a, &v);
    any_finite_before |= v.finite;
  }
  // "Turkey had armed and supported the rebels", "arrests or jails
  // thousands": a verb right before "and" or "or" with no object of its own
  // shares the object of the verb after it.
  for (size_t gi = 1; gi < groups.size(); ++gi) {
    const VerbGroup& v = a->verb_groups[groups[gi]];
    VerbGroup& prev = a->verb_groups[groups[gi - 1]];
    const int conjunction = sv.After(prev.phrase);
    if (v.coordinated && v.object >= 0 && prev.object < 0 && !prev.passive && !v.passive &&
        sv.Valid(conjunction) && sv.IsCoordinator(conjunction) &&
        sv.After(conjunction) == static_cast<int>(v.phrase)) {
      prev.object = v.object;
    }
  }
  LeanParticiples(a, groups);
  SetClauseEnds(sv, a, groups, a->sentences[sentence].token_end);
  SpreadConditions(a, groups);
}

bool ClauseAnalyzer::IsReducedPassive(const SentenceView& sv, const Analysis& a, const VerbGroup& v,
                                      bool any_finite_before) {
  const int p = static_cast<int>(v.phrase);
  const PosTag tag = a.tokens[v.main].tag;
  if (v.begin != v.main || (tag != PosTag::VBD && tag != PosTag::VBN)) return false;
  const int before = sv.Before(p);
  if (!sv.Valid(before) || before != p - 1 || !sv.IsNoun(before) || sv.IsTemporal(before) ||
      sv.Head(before).tag == PosTag::PRP) {
    return false;
  }
  bool agent = false;
  int k = p + 1;
  while (sv.Valid(k) && sv.IsPrep(k) && sv.Valid(k + 1) && sv.IsNoun(k + 1)) {
    // Not "rose by 5%", "marched by the thousands".
    agent |= a.Key(sv.P(k).head) == "by" && !sv.IsTemporal(k + 1) &&
             a.tokens[sv.P(k + 1).begin].tag != PosTag::CD && sv.Head(k + 1).tag != PosTag::CD &&
             !sv.Is(k + 1, WordRole::kQuantity);
    k += 2;
  }
  if (!agent) return false;
  // The sentence ends, its clause having had its verb already...
  if (!sv.Valid(k) || (sv.IsOther(k) && !sv.IsCoordinator(k))) return any_finite_before;
  // ... or goes on with a verb of its own.
  if (!sv.IsVerb(k)) return false;
  const VerbGroup& next = a.verb_groups[sv.P(k).verb_group];
  const PosTag first = a.tokens[next.begin].tag;
  return next.begin < next.main && (first == PosTag::MD || first == PosTag::VBZ ||
                                    first == PosTag::VBD || first == PosTag::VBP);
}

int32_t ClauseAnalyzer::ClassifyVerb(const SentenceView& sv, Analysis* a,
                                     const std::vector<uint32_t>& groups, size_t gi, bool no_finite,
                                     bool any_finite_before) const {
  VerbGroup& v = a->verb_groups[groups[gi]];
  int32_t prev_index = gi > 0 ? static_cast<int32_t>(groups[gi - 1]) : -1;
  const int p = static_cast<int>(v.phrase);
  const Token& main = a->tokens[v.main];
  const bool bare = v.begin == v.main || a->tokens[v.begin].tag == PosTag::RB;
  const int before = sv.Before(p);
  if (prev_index >= 0 && sv.Valid(before) && sv.IsCoordinator(before)) {
    prev_index = JoinCoordinated(sv, a, groups, gi);
  } else if (IsReducedPassive(sv, *a, v, any_finite_before)) {
    v.finite = false;
    v.kind = ClauseKind::kReducedRelative;
    v.passive = true;
    v.subject = before;
  } else if (a->tokens[v.begin].tag == PosTag::TO) {
    ClassifyInfinitive(sv, a, &v, prev_index);
  } else if (bare && main.tag == PosTag::VBG && !v.finite && sv.Valid(before) &&
             sv.IsPrep(before) &&
             (a->Key(sv.P(before).head) == "of" || a->Key(sv.P(before).head) == "for") &&
             prev_index >= 0 && a->verb_groups[prev_index].object >= 0 &&
             sv.Before(before) == a->verb_groups[prev_index].object &&
             (lexicon_->Is(a->tokens[a->verb_groups[prev_index].main].lemma,
                           WordRole::kAllegation) ||
              lexicon_->Is(a->tokens[a->verb_groups[prev_index].main].lemma, WordRole::kReason))) {
    // "accused Russia of blocking", "praised Qatar for hosting": the
    // gerund's subject is the object of the verb before.
    v.kind = ClauseKind::kParticiple;
    v.governor = prev_index;
    v.subject = a->verb_groups[prev_index].object;
  } else if (bare && main.tag == PosTag::VBG && !v.finite) {
    // "..., killing six"; "troops guarding the base".
    v.kind = ClauseKind::kParticiple;
    if (sv.Valid(before) && sv.IsNoun(before) && before == p - 1 && !sv.IsTemporal(before)) {
      v.kind = ClauseKind::kReducedRelative;
      v.subject = before;
    } else if (prev_index >= 0) {
      v.governor = prev_index;
      v.subject = a->verb_groups[prev_index].subject;
    }
  } else if (bare && main.tag == PosTag::VBN && !v.finite) {
    ClassifyParticiple(sv, a, &v, prev_index, any_finite_before, no_finite && gi == 0);
  }
  if (!v.finite && !v.coordinated && sv.Valid(before) &&
      (sv.Is(before, WordRole::kConditional) || sv.Is(before, WordRole::kSubordinator)) &&
      (sv.IsPrep(before) || sv.Head(before).tag == PosTag::WRB)) {
    // "if required", "while fleeing"
    v.kind =
        sv.Is(before, WordRole::kConditional) ? ClauseKind::kConditional : ClauseKind::kSubordinate;
    v.opener = before;
  }
  return prev_index;
}

int32_t ClauseAnalyzer::JoinCoordinated(const SentenceView& sv, Analysis* a,
                                        const std::vector<uint32_t>& groups, size_t gi) const {
  // "... stormed the town and killed ten": a verb right after a
  // conjunction shares the previous verb's subject and clause.
  VerbGroup& v = a->verb_groups[groups[gi]];
  int32_t prev_index = static_cast<int32_t>(groups[gi - 1]);
  const VerbGroup* prev = &a->verb_groups[prev_index];
  // "... killed 15 of them in the fighting that followed and arrested six
  // suspects": a transitive verb after an intransitive relative clause
  // joins the clause the relative clause is part of.
  const int after = sv.After(v.phrase);
  if ((prev->kind == ClauseKind::kRelative || prev->kind == ClauseKind::kReducedRelative) &&
      prev->object < 0 && sv.Valid(after) && sv.IsNoun(after)) {
    for (size_t gj = gi - 1; gj-- > 0;) {
      const VerbGroup& w = a->verb_groups[groups[gj]];
      if (w.kind == ClauseKind::kRelative || w.kind == ClauseKind::kReducedRelative) continue;
      if (w.object >= 0) {
        prev = &w;
        prev_index = static_cast<int32_t>(groups[gj]);
      }
      break;
    }
  }
  // "Pompeo is seen as a hawk, opposed to the deal, and has been
  // criticised": a verb with its own tensed auxiliary after a conjunction
  // joins the last verb with a tense, not a participle in between.
  const PosTag first = a->tokens[v.begin].tag;
  const bool own_tense = v.begin < v.main && (first == PosTag::MD || first == PosTag::VBZ ||
                                              first == PosTag::VBD || first == PosTag::VBP);
  if (own_tense && v.finite && !prev->finite && !prev->coordinated) {
    for (size_t gj = gi - 1; gj-- > 0;) {
      const VerbGroup& w = a->verb_groups[groups[gj]];
      if (!w.finite) continue;
      prev = &w;
      prev_index = static_cast<int32_t>(groups[gj]);
      break;
    }
  }
  const bool bare = v.begin == v.main || a->tokens[v.begin].tag == PosTag::RB;
  v.coordinated = true;
  v.kind = prev->kind;
  v.governor = prev->governor;
  v.opener = prev->opener;
  v.subject = prev->subject;
  if (bare && a->tokens[v.main].tag == PosTag::VBN && prev->passive) v.passive = true;
  if (!v.finite && prev->finite && a->tokens[v.begin].tag != PosTag::TO) {
    v.finite = true;
    v.future |= prev->future;
    v.hypothetical |= prev->hypothetical;
    v.negated |= prev->negated;
  }
  return prev_index;
}

void ClauseAnalyzer::ClassifyInfinitive(const SentenceView& sv, Analysis* a, VerbGroup* v,
                                        int32_t prev_index) const {
  // "agreed to withdraw", "urged Russia to withdraw".
  v->kind = ClauseKind::kInfinitive;
  v->governor = prev_index;
  if (prev_index < 0) return;
  const VerbGroup& prev = a->verb_groups[prev_index];
  v->subject = prev.subject;
  if (!lexicon_->Is(a->tokens[prev.main].lemma, WordRole::kObjectControl)) return;
  if (prev.object >= 0) {
    v->subject = prev.object;
    return;
  }
  // "called on Russia to withdraw"
  for (int k = static_cast<int>(prev.phrase) + 1; k < static_cast<int>(v->phrase); ++k) {
    if (sv.IsNoun(k) && !sv.IsTemporal(k)) {
      v->subject = k;
      return;
    }
  }
}

void ClauseAnalyzer::ClassifyParticiple(const SentenceView& sv, Analysis* a, VerbGroup* v,
                                        int32_t prev_index, bool any_finite_before,
                                        bool first_of_finiteless) const {
  const int before = sv.Before(v->phrase);
  const int after = sv.After(v->phrase);
  const bool object_follows = sv.Valid(after) && sv.IsNoun(after) && !sv.IsTemporal(after);
  const int opener = sv.Valid(before) ? sv.Before(before) : -1;
  // "said Turkish troops fired on ...": a verb of saying takes a clause
  // without "that" far more often than a noun with a participle after it.
  const bool after_opener =
      sv.Valid(opener) &&
      (sv.IsRelativePronoun(opener) || sv.IsComplementizer(opener) ||
       sv.Is(opener, WordRole::kSubordinator) ||
       (sv.P(opener).type == PhraseType::kVerb && sv.Is(opener, WordRole::kSpeech) &&
        a->tokens[a->verb_groups[sv.P(opener).verb_group].main].tag != PosTag::VBN));
  if (sv.Valid(before) && sv.IsNoun(before) &&
      ((object_follows && !any_finite_before) || after_opener || first_of_finiteless)) {
    // "Militants killed two soldiers", "the town which rebels captured",
    // with the verb tagged as a participle.
    v->finite = true;
  } else if (sv.Valid(before) && sv.IsNoun(before)) {
    // "two soldiers killed in the attack"
    v->kind = ClauseKind::kReducedRelative;
    v->passive = true;
    v->subject = before;
  } else {
    v->kind = ClauseKind::kParticiple;
    v->passive = true;
    v->governor = prev_index;
  }
}

void ClauseAnalyzer::FindSubject(const SentenceView& sv, Analysis* a, VerbGroup* v,
                                 int32_t prev_index) const {
  // The nearest noun phrase to the left that is not inside a prepositional
  // phrase, across parentheticals, stopping at the opener of the clause or
  // a previous verb.
  int k = sv.Before(v->phrase);
  while (sv.Valid(k)) {
    if (sv.IsVerb(k)) {
      // "the town which rebels captured was shelled": after a relative
      // clause, the subject is what the relative clause describes.
      const VerbGroup& q = a->verb_groups[sv.P(k).verb_group];
      if (q.kind == ClauseKind::kRelative && q.opener >= 0) {
        const int antecedent = sv.Antecedent(q.opener);
        if (antecedent >= 0) v->subject = antecedent;
      } else if (q.kind == ClauseKind::kReducedRelative) {
        v->subject = q.subject;
      }
      return;
    }
    if (sv.IsHardBoundary(k) || sv.IsQuote(k) || sv.IsCoordinator(k)) return;
    if (sv.IsRelativePronoun(k)) {
      // "militants who attacked": the subject is the antecedent.
      v->kind = ClauseKind::kRelative;
      v->opener = k;
      const int antecedent = sv.Antecedent(k);
      if (antecedent >= 0) v->subject = antecedent;
      return;
    }
    if (sv.IsComplementizer(k)) {
      v->kind = ClauseKind::kComplement;
      v->opener = k;
      v->governor = prev_index;
      return;
    }
    if (sv.IsComma(k)) {
      if (!SkipParenthetical(sv, *a, &k)) return;
      continue;
    }
    if (sv.IsPrep(k) || (sv.IsOther(k) && sv.Head(k).tag == PosTag::WRB)) {
      const bool conditional = sv.Is(k, WordRole::kConditional);
      if (conditional || sv.Is(k, WordRole::kSubordinator) || sv.Head(k).tag == PosTag::WRB) {
        v->kind = conditional ? ClauseKind::kConditional : ClauseKind::kSubordinate;
        v->opener = k;
        return;
      }
      k = sv.Before(k);
      continue;
    }
    if (sv.IsNoun(k) && !sv.IsTemporal(k)) {
      const std::optional<int> next = NounSubject(sv, a, v, k, prev_index);
      if (!next) return;
      k = *next;
      continue;
    }
    k = sv.Before(k);
  }
}

bool ClauseAnalyzer::SkipParenthetical(const SentenceView& sv, const Analysis& a, int* k) const {
  // ", the foreign minister," / ", who ... ," / ", he said,": skip a
  // parenthetical enclosed in commas.
  int m = *k - 1;
  bool has_verb = false, speech = false;
  while (sv.Valid(m) && !sv.IsComma(m) && !sv.IsHardBoundary(m)) {
    // A verb of a clause of its own inside the aside does not count: ",
    // elected after Shevardnadze was toppled,".
    const ClauseKind kind =
        sv.IsVerb(m) ? a.verb_groups[sv.P(m).verb_group].kind : ClauseKind::kMain;
    if (sv.IsVerb(m) && kind != ClauseKind::kSubordinate && kind != ClauseKind::kConditional) {
      has_verb = true;
      speech |= lexicon_->Is(sv.Head(m).lemma, WordRole::kSpeech);
    }
    --m;
  }
  if (!sv.Valid(m) || !sv.IsComma(m) || m == *k - 1) return false;
  const int first = sv.After(m);
  // ", in remarks published on Monday,": a prepositional aside.
  const bool prepositional = sv.IsPrep(first) && !sv.IsComplementizer(first) &&
                             !sv.Is(first, WordRole::kSubordinator) &&
                             !sv.Is(first, WordRole::kConditional);
  // ", elected president in January,": a participle, even read as a noun.
  const bool participle = a.tokens[sv.P(first).begin].tag == PosTag::VBN;
  const bool parenthetical = !has_verb || speech || prepositional || participle ||
                             sv.IsRelativePronoun(first) ||
                             (sv.IsVerb(first) && !a.verb_groups[sv.P(first).verb_group].finite);
  if (!parenthetical) return false;
  *k = sv.Before(m);
  return true;
}

std::optional<int> ClauseAnalyzer::NounSubject(const SentenceView& sv, Analysis* a, VerbGroup* v,
                                               int k, int32_t prev_index) const {
  int b = sv.Before(k);
  ListInsidePrepositionalPhrase(sv, *a, &k, &b);
  // The walk from the verb reached k across prepositional phrases and
  // asides, so k heads the clause's subject even when they stand between
  // ("said that the leader of the rebels had agreed", "after the secretary
  // of state, Rex Tillerson, committed"), unless a conjunction does too
  // ("after the defeat of the coup and the president praised") or the
  // opener is "as", a preposition far more often ("used as a launchpad
  // for a war, this time against Iran, worries").
  bool adjoining = sv.After(k) == static_cast<int>(v->phrase);
  if (!adjoining && sv.Valid(b) && a->Key(sv.P(b).head) != "as") {
    adjoining = true;
    for (int m = k + 1; m < static_cast<int>(v->phrase) && adjoining; ++m)
      adjoining = !sv.IsCoordinator(m);
  }
  if (sv.Valid(b) && sv.IsPrep(b) && !sv.IsQuantityPrep(b, k)) {
    const bool complementizer = sv.IsComplementizer(b);
    const bool opener =
        complementizer || sv.Is(b, WordRole::kSubordinator) || sv.Is(b, WordRole::kConditional);
    if (opener && adjoining) {
      // "after militants attacked", "said that militants attacked": a
      // subordinator, not a preposition.
      v->subject = k;
      v->opener = b;
      if (complementizer) {
        v->kind = ClauseKind::kComplement;
        v->governor = prev_index;
      } else {
        v->kind =
            sv.Is(b, WordRole::kConditional) ? ClauseKind::kConditional : ClauseKind::kSubordinate;
      }
      return std::nullopt;
    }
    if (sv.IsRelativePronoun(b) && adjoining) {
      // "the town that rebels captured", "demands that it reform": the
      // clause has a subject of its own.
      v->subject = k;
      v->opener = b;
      v->kind = ClauseKind::kRelative;
      return std::nullopt;
    }
    return sv.Before(b);  // inside a prepositional phrase
  }
  // "Kenya and Somalia exchanged ...": the subject is the first conjunct;
  // CoordinatedPhrases finds the others.
  for (bool seen_cc = false; sv.Valid(b);) {
    const bool cc = sv.IsCoordinator(b);
    if (!(cc || (seen_cc && sv.IsComma(b)))) break;
    const int conjunct = sv.Before(b);
    if (!sv.Valid(conjunct) || !sv.IsNoun(conjunct) || sv.IsTemporal(conjunct)) break;
    const int before_conjunct = sv.Before(conjunct);
    // "between Armenia and Azerbaijan" is no subject, but "noted that
    // Gondor and Osgiliath have" is.
    if (sv.Valid(before_conjunct) && sv.IsPrep(before_conjunct) &&
        !sv.IsComplementizer(before_conjunct) && !sv.Is(before_conjunct, WordRole::kSubordinator) &&
        !sv.Is(before_conjunct, WordRole::kConditional))
      break;
    seen_cc |= cc;
    k = conjunct;
    b = before_conjunct;
  }
  v->subject = k;
  if (sv.Valid(b)) ClauseFromWhatPrecedes(sv, *a, v, b, prev_index);
  return std::nullopt;
}

void ClauseAnalyzer::ListInsidePrepositionalPhrase(const SentenceView& sv, const Analysis& a,
                                                   int* k, int* b) const {
  // "talks between Armenia and Azerbaijan began", "the ambassadors of
  // Arnor, Osgiliath and Gondor presented": coordinated nouns inside a
  // prepositional phrase. Commas part a list only of names ("Cessation of
  // Hostilities, the Sudanese government and the SPLM agreed" is no list).
  const bool names = IsProperNoun(sv.Head(*k).tag);
  for (int c = *b;
       sv.Valid(c) && sv.IsCoordinator(c) && sv.Valid(sv.Before(c)) && sv.IsNoun(sv.Before(c));) {
    const int prep = sv.Before(sv.Before(c));
    if (!sv.Valid(prep) || !sv.IsPrep(prep) || sv.IsComplementizer(prep) ||
        sv.Is(prep, WordRole::kSubordinator) || sv.Is(prep, WordRole::kConditional)) {
      if (sv.Valid(prep) && sv.IsCoordinator(prep)) {
        c = prep;
        continue;
      }
      // "of Arnor, Osgiliath and Gondor": a comma between names after "of"
      // ("In Syria, Russia and Iran backed ..." is no list).
      if (names && sv.Valid(prep) && sv.IsComma(prep) && IsProperNoun(sv.Head(sv.Before(c)).tag) &&
          sv.Valid(sv.Before(prep)) && sv.IsNoun(sv.Before(prep)) &&
          IsProperNoun(sv.Head(sv.Before(prep)).tag)) {
        const int before_list = sv.Before(sv.Before(prep));
        if (sv.Valid(before_list) && sv.IsPrep(before_list) &&
            a.Key(sv.P(before_list).head) == "of") {
          *k = sv.Before(prep);
          *b = before_list;
        }
      }
      return;
    }
    *k = sv.Before(c);
    *b = prep;
    return;
  }
}

void ClauseAnalyzer::ClauseFromWhatPrecedes(const SentenceView& sv, const Analysis& a, VerbGroup* v,
                                            int b, int32_t prev_index) const {
  if (sv.IsVerb(b)) {
    // A noun phrase right after another verb: its object, unless that verb
    // reports speech or denies ("said Russia will ...", "denied the army
    // had fired").
    const VerbGroup& q = a.verb_groups[sv.P(b).verb_group];
    if (IsEmbedded(q.kind) && q.subject >= 0 && !q.speech) {
      v->subject = q.subject;  // "militants who attacked the base fled"
    } else if (lexicon_->Is(a.tokens[q.main].lemma, WordRole::kSpeech) ||
               lexicon_->Is(a.tokens[q.main].lemma, WordRole::kDenial)) {
      v->kind = ClauseKind::kComplement;
      v->governor = sv.P(b).verb_group;
    }
  } else if (sv.IsRelativePronoun(b)) {
    v->kind = ClauseKind::kRelative;  // "the town which rebels attacked"
    v->opener = b;
  } else if (sv.IsComplementizer(b)) {
    v->kind = ClauseKind::kComplement;  // "said that rebels attacked"
    v->opener = b;
    v->governor = prev_index;
  } else if (sv.Head(b).tag == PosTag::WRB || sv.Is(b, WordRole::kSubordinator) ||
             sv.Is(b, WordRole::kConditional)) {
    v->kind =
        sv.Is(b, WordRole::kConditional) ? ClauseKind::kConditional : ClauseKind::kSubordinate;
    v->opener = b;  // "when militants attacked"
  }
}

void ClauseAnalyzer::HoldStance(const SentenceView& sv, const Analysis& a, VerbGroup* v) const {
  // "Russia is opposed to the sanctions", "Moscow, committed to the talks":
  // the subject holds the stance.
  if (!v->passive || v->by_agent >= 0 ||
      !lexicon_->Is(a.tokens[v->main].lemma, WordRole::kStativePassive)) {
    return;
  }
  const int after = sv.After(v->phrase);
  if (!sv.Valid(after)) return;
  const bool preposition =
      sv.IsPrep(after) || (sv.IsVerb(after) && a.tokens[sv.P(after).begin].tag == PosTag::TO);
  if (preposition) v->passive = false;
}

void ClauseAnalyzer::FindObject(const SentenceView& sv, const Analysis& a, VerbGroup* v) const {
  // The direct object (after any time phrase: "rejected Thursday a plan")
  // and the agent of a passive.
  int after = sv.After(v->phrase);
  if (sv.Valid(after) && sv.IsTemporal(after) && sv.Valid(sv.After(after)) &&
      sv.IsNoun(sv.After(after))) {
    after = sv.After(after);
  }
  // "fought alongside/RB the army": an adverb right after the verb and
  // before a noun phrase is a preposition the tagger misread; a particle
  // ("shot down the plane") or a number's adverb ("arrested nearly 2,000")
  // is not.
  const int next = static_cast<int>(v->phrase) + 1;
  const bool adverb_between = sv.Valid(after) && sv.Valid(next) && next != after &&
                              sv.IsOther(next) && sv.Head(next).tag == PosTag::RB &&
                              sv.After(next) == after &&
                              a.tokens[sv.P(after).begin].tag != PosTag::CD;
  if (sv.Valid(after) && sv.IsNoun(after) && !sv.IsTemporal(after) && after != v->subject &&
      !adverb_between) {
    v->object = after;
    // "arrested more than 300 protesters", "killed at least 12 people":
    // what is counted is the object.
    const int prep = sv.After(after);
    if (sv.Valid(prep) && sv.IsPrep(prep) && sv.Valid(prep + 1) && sv.IsNoun(prep + 1) &&
        sv.P(after).end - sv.P(after).begin == 1 && sv.IsQuantityPrep(prep, prep + 1)) {
      v->object = prep + 1;
    }
  } else if (sv.Valid(after) && sv.IsPrep(after) && sv.Valid(after + 1) && sv.IsNoun(after + 1) &&
             sv.IsQuantityPrep(after, after + 1)) {
    v->object = after + 1;  // "killed at least 12 people", "detained up to 40"
  }
  for (int k = after; sv.Valid(k) && !sv.IsVerb(k) && !sv.IsHardBoundary(k); ++k) {
    if (v->passive && sv.IsPrep(k) && a.Key(sv.P(k).head) == "by" && sv.Valid(k + 1) &&
        sv.IsNoun(k + 1)) {
      v->by_agent = k + 1;
      break;
    }
  }
  if (v->kind == ClauseKind::kRelative && v->opener >= 0 && v->subject > v->opener &&
      v->object < 0) {
    // "the town which rebels attacked": the antecedent is the object.
    const int antecedent = sv.Antecedent(v->opener);
    if (antecedent >= 0) v->object = antecedent;
  }
}

void ClauseAnalyzer::LeanParticiples(Analysis* a, const std::vector<uint32_t>& groups) {
  // Sentence-initial participles take the subject of the clause they lean
  // on: "Fearing an attack, the rebels fled".
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    VerbGroup& v = a->verb_groups[groups[gi]];
    if (v.kind != ClauseKind::kParticiple || v.subject >= 0) continue;
    for (size_t gj = gi + 1; gj < groups.size(); ++gj) {
      const VerbGroup& w = a->verb_groups[groups[gj]];
      if (w.finite && w.kind == ClauseKind::kMain) {
        v.subject = w.subject;
        v.governor = static_cast<int32_t>(groups[gj]);
        break;
      }
    }
  }
}

uint32_t ClauseAnalyzer::NextClauseStart(const SentenceView& sv, const Analysis& a,
                                         const VerbGroup& v, const VerbGroup& w) {
  // "..., killing six soldiers": a participle clause after a comma is an
  // adjunct, not part of the object.
  const bool adjunct =
      w.kind == ClauseKind::kParticiple && w.begin > 0 && a.Key(w.begin - 1) == ",";
  if (!w.finite && !w.coordinated && !adjunct) return UINT32_MAX;
  uint32_t stop = adjunct ? w.begin - 1 : w.begin;
  // The next clause's subject starts it ("said airstrikes would continue"),
  // unless that subject is this verb's object far from the next verb. A
  // relative clause's subject may be its antecedent, which belongs here.
  const bool antecedent =
      w.kind == ClauseKind::kRelative && w.opener >= 0 && w.subject >= 0 && w.subject < w.opener;
  if (w.subject >= 0 && !w.coordinated && !adjunct && !antecedent) {
    const uint32_t subject_begin = a.phrases[w.subject].begin;
    if (subject_begin > v.end ||
        (subject_begin == v.end && sv.After(w.subject) == static_cast<int>(w.phrase))) {
      stop = std::min(stop, subject_begin);
    }
  }
  if (w.opener >= 0 && a.phrases[w.opener].begin >= v.end)
    stop = std::min(stop, a.phrases[w.opener].begin);
  if (w.coordinated) {
    const int cc = sv.Before(static_cast<int>(w.phrase));
    if (sv.Valid(cc)) stop = std::min(stop, sv.P(cc).begin);
  }
  return stop;
}

void ClauseAnalyzer::SetClauseEnds(const SentenceView& sv, Analysis* a,
                                   const std::vector<uint32_t>& groups, uint32_t sentence_end) {
  // Where each clause stops on the right: at the next finite verb (or its
  // subject and opener), a conjunction before it, or a hard boundary.
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    VerbGroup& v = a->verb_groups[groups[gi]];
    uint32_t end = sentence_end;
    for (size_t gj = gi + 1; gj < groups.size(); ++gj) {
      const uint32_t stop = NextClauseStart(sv, *a, v, a->verb_groups[groups[gj]]);
      if (stop == UINT32_MAX) continue;
      end = stop;
      break;
    }
    for (uint32_t k = v.phrase + 1; k < sv.end() && sv.P(k).begin < end; ++k) {
      if (sv.IsHardBoundary(k) || (sv.IsRelativePronoun(k) && k > v.phrase + 1)) {
        end = sv.P(k).begin;
        break;
      }
    }
    v.clause_end = static_cast<int32_t>(end);
  }
}

void ClauseAnalyzer::SpreadConditions(Analysis* a, const std::vector<uint32_t>& groups) {
  // A condition makes its own clause and the clause it conditions
  // hypothetical: "if required, the forces will be ready".
  bool conditional = false;
  for (uint32_t g : groups) conditional |= a->verb_groups[g].kind == ClauseKind::kConditional;
  if (!conditional) return;
  for (uint32_t g : groups) {
    VerbGroup& v = a->verb_groups[g];
    if (v.kind == ClauseKind::kConditional || v.future || v.hypothetical) v.hypothetical = true;
  }
}

void ClauseAnalyzer::FindSpeechFrames(Analysis* a, uint32_t sentence) const {
  const SentenceView sv(*a, *lexicon_, sentence);
  const std::vector<uint32_t> groups = sv.VerbGroups();
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    VerbGroup& v = a->verb_groups[groups[gi]];
    const Token& main = a->tokens[v.main];
    if (lexicon_->Is(a->Key(v.main), WordRole::kAccording)) {
      // "according to X": everything else in the sentence is X's account.
      const int to = sv.After(v.phrase);
      if (sv.Valid(to) && sv.IsPrep(to) && a->Key(sv.P(to).head) == "to" && sv.Valid(to + 1) &&
          sv.IsNoun(to + 1)) {
        v.speech = true;
        for (uint32_t g : groups) {
          if (g != groups[gi]) a->verb_groups[g].according_to = to + 1;
        }
      }
      continue;
    }
    if (!lexicon_->Is(main.lemma, WordRole::kSpeech) || v.subject < 0 || v.passive) continue;
    const uint32_t frame_begin = std::min(a->phrases[v.subject].begin, v.begin);
    // A final frame: "'...,' X said" / "..., the Kremlin said on Thursday".
    int before = static_cast<int>(sv.P(v.subject).begin < v.begin ? v.subject : v.phrase);
    before = sv.Before(before);
    const bool after_comma = sv.Valid(before) && (sv.IsComma(before) || sv.IsQuote(before));
    bool reported_any = false;
    if (after_comma) {
      for (size_t gj = 0; gj < gi; ++gj) {
        VerbGroup& u = a->verb_groups[groups[gj]];
        if (u.end <= frame_begin && u.reported_by < 0) {
          u.reported_by = static_cast<int32_t>(groups[gi]);
          reported_any = true;
        }
      }
    }
    // An opening frame: "X said (that) ...": what follows is X's account,
    // up to another speaker's frame ("..., while the rebels said ...").
    for (size_t gj = gi + 1; gj < groups.size(); ++gj) {
      VerbGroup& u = a->verb_groups[groups[gj]];
      if (lexicon_->Is(a->tokens[u.main].lemma, WordRole::kSpeech) && u.subject >= 0 &&
          !u.passive && a->phrases[u.subject].begin >= v.end &&
          !(a->tokens[u.main].flags & kTokInQuote)) {
        break;
      }
      if (u.reported_by < 0 && u.begin >= v.end) {
        u.reported_by = static_cast<int32_t>(groups[gi]);
        reported_any = true;
      }
    }
    if (reported_any) v.speech = true;
  }
}

void ClauseAnalyzer::AttributeRunOnQuotes(Analysis* a) const {
  // '"We will fight. We will win," he said.': the quote's first sentence has
  // no frame of its own; it takes the frame that follows the closing mark.
  for (uint32_t s = 0; s < a->sentences.size(); ++s) {
    const Sentence& sentence = a->sentences[s];
    const uint32_t pb = a->sentence_phrase_begin[s], pe = a->sentence_phrase_begin[s + 1];
    bool open_quote = false;
    for (uint32_t i = sentence.token_begin; i < sentence.token_end; ++i) {
      if (a->tokens[i].flags & kTokOpenQuote) open_quote = true;
      if (a->tokens[i].flags & kTokCloseQuote) open_quote = false;
    }
    if (!open_quote) continue;  // the quote closes in this sentence
    int32_t frame = -1;
    for (uint32_t t = s + 1; t < a->sentences.size() && t <= s + 3 && frame < 0; ++t) {
      if (a->tokens[a->sentences[t].token_begin].flags & kTokParagraphBefore) break;
      for (uint32_t k = a->sentence_phrase_begin[t]; k < a->sentence_phrase_begin[t + 1]; ++k) {
        const Phrase& ph = a->phrases[k];
        if (ph.type != PhraseType::kVerb) continue;
        const VerbGroup& g = a->verb_groups[ph.verb_group];
        if (g.speech && !(a->tokens[g.main].flags & kTokInQuote)) {
          frame = ph.verb_group;
          break;
        }
      }
    }
    if (frame < 0) continue;
    for (uint32_t k = pb; k < pe; ++k) {
      const Phrase& ph = a->phrases[k];
      if (ph.type != PhraseType::kVerb) continue;
      VerbGroup& g = a->verb_groups[ph.verb_group];
      if (g.reported_by < 0 && (a->tokens[g.main].flags & kTokInQuote)) g.reported_by = frame;
    }
  }
}

int AlsoConjunct(const Analysis& a, int phrase, int end) {
  static const std::vector<std::vector<std::string_view>> kLinks = {
      {"as", "well", "as"}, {"along", "with"}, {"together", "with"}};
  int k = phrase + 1;
  if (k < end && a.phrases[k].type == PhraseType::kOther && a.Form(a.phrases[k].head) == ",") ++k;
  for (const auto& link : kLinks) {
    const int x = k + static_cast<int>(link.size());
    if (x >= end || a.phrases[x].type != PhraseType::kNoun) continue;
    bool same = true;
    for (size_t i = 0; i < link.size() && same; ++i) {
      const Phrase& p = a.phrases[k + static_cast<int>(i)];
      same = p.end == p.begin + 1 && a.Key(p.head) == link[i];
    }
    if (same) return x;
  }
  return -1;
}

std::vector<uint32_t> CoordinatedPhrases(const Analysis& a, uint32_t phrase, uint32_t begin,
                                         uint32_t end) {
  auto is_cc = [&](int k) {
    return a.phrases[k].type == PhraseType::kOther && a.tokens[a.phrases[k].head].tag == PosTag::CC;
  };
  auto is_comma = [&](int k) {
    return a.phrases[k].type == PhraseType::kOther && a.Form(a.phrases[k].head) == ",";
  };
  auto noun = [&](int k) { return a.phrases[k].type == PhraseType::kNoun; };
  const int lo = static_cast<int>(begin), hi = static_cast<int>(end);
  // Leftwards: "A, B and [phrase]". A conjunct that follows a preposition is a
  // fronted phrase, not part of the list ("In Syria, Russia and Iran ...").
  std::vector<uint32_t> left;
  bool seen_cc = false;
  for (int k = static_cast<int>(phrase) - 1; k - 1 >= lo;) {
    int x = k - 1;
    // "A, B, and [phrase]": the serial comma before "and".
    if (is_cc(k) && is_comma(x) && x - 1 >= lo && noun(x - 1)) x = x - 1;
    if (!(is_cc(k) || is_comma(k)) || !noun(x)) break;
    if (x - 1 >= lo && a.phrases[x - 1].type == PhraseType::kPreposition) break;
    if (is_cc(k)) {
      if (seen_cc) break;
      seen_cc = true;
    } else if (!seen_cc) {
      break;  // "X, [phrase]": an apposition or another clause
    }
    left.insert(left.begin(), static_cast<uint32_t>(x));
    k = x - 1;
  }
  // Rightwards: "[phrase], B and C", ending at the conjunction's conjunct; a
  // noun phrase followed by a finite verb starts a new clause instead.
  std::vector<uint32_t> right;
  bool closed = false;
  for (int k = static_cast<int>(phrase) + 1; k + 1 < hi;) {
    const int x = k + 1;
    if (!(is_cc(k) || is_comma(k)) || !noun(x)) break;
    if (x + 1 < hi && a.phrases[x + 1].type == PhraseType::kVerb &&
        a.verb_groups[a.phrases[x + 1].verb_group].finite &&
        a.verb_groups[a.phrases[x + 1].verb_group].subject == x) {
      break;
    }
    right.push_back(static_cast<uint32_t>(x));
    if (is_cc(k)) {
      closed = true;
      break;
    }
    k = x + 1;
  }
  std::vector<uint32_t> out = left;
  out.push_back(phrase);
  if (closed) out.insert(out.end(), right.begin(), right.end());
  if (right.empty()) {
    const int also = AlsoConjunct(a, static_cast<int>(phrase), hi);
    if (also >= 0) out.push_back(static_cast<uint32_t>(also));
  }
  return out;
}

}  // namespace palmyra
