#include "resolve/resolve_stage.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace palmyra {

Result<std::unique_ptr<ResolveStage>> ResolveStage::Load(const std::string& data_dir,
                                                         const std::string& model_dir,
                                                         const NameTokenizer& names,
                                                         const ActorCodes* codes) {
  std::unique_ptr<ResolveStage> stage(new ResolveStage());
  stage->codes_ = codes;
  ASSIGN_OR_RETURN(stage->numbers_, NumberReader::Load(data_dir));
  ASSIGN_OR_RETURN(stage->dates_, DateFinder::Load(data_dir, stage->numbers_.get()));
  ASSIGN_OR_RETURN(stage->quantities_, QuantityFinder::Load(data_dir, stage->numbers_.get()));
  ASSIGN_OR_RETURN(stage->places_, PlaceFinder::Load(data_dir, model_dir, names));
  return stage;
}

void ResolveStage::Run(Analysis* a) const {
  a->dates.clear();
  if (a->dateline && a->dateline->date_begin < a->dateline->date_end) {
    dates_->Find(*a, a->dateline->date_begin, a->dateline->date_end, &a->dates);
  }
  for (const Sentence& s : a->sentences) dates_->Find(*a, s.token_begin, s.token_end, &a->dates);
  DateEvents(a);
  CountEvents(a);
  places_->Find(a);
  TargetPlaces(a);
  LocateEvents(a);
}

namespace {

// An event's source or target code as it stands: the event's own (a capital
// as a place), else its actor's; "" for none.
std::string CodeAsUsed(const Analysis& a, int32_t actor, const std::string& code) {
  return !code.empty() ? code : actor >= 0 ? a.actors[actor].code : "";
}

}  // namespace

void ResolveStage::ActorsFromPlace(const Analysis& a, EventCandidate* c) const {
  if (codes_ == nullptr || !c->location || c->location->country.empty()) return;
  // What is said happens where it is said; a place named in it is its
  // topic ("the minister criticised Russia's plan to attack Idlib").
  const int root = std::atoi(c->cameo.substr(0, 2).c_str());
  if (root < 6 || (root >= 10 && root <= 13) || root == 16) return;
  for (auto [actor, code] :
       {std::pair{c->source, &c->source_code}, std::pair{c->target, &c->target_code}}) {
    const std::string current = CodeAsUsed(a, actor, *code);
    if (current.empty() || !codes_->Country(current).empty() || codes_->Sector(current).empty() ||
        codes_->IsInternational(std::string_view(current).substr(0, 3))) {
      continue;
    }
    *code = c->location->country + current;
  }
}

void ResolveStage::TargetPlaces(Analysis* a) const {
  for (EventCandidate& c : a->events) {
    c.target_place = -1;
    const int root = std::atoi(c.cameo.substr(0, 2).c_str());
    const bool material = (root >= 6 && root <= 8) || root >= 14;
    if (!material || c.verb_group < 0) continue;
    if (c.target >= 0) {
      CountryFromPlace(*a, &c);
      continue;
    }
    if (!c.target_code.empty()) continue;
    const VerbGroup& v = a->verb_groups[c.verb_group];
    // What the verb acts on, or what a noun event is "on" or "against".
    int32_t done_to = -1;
    if (!c.noun && v.main == c.trigger) done_to = v.passive ? v.subject : v.object;
    for (size_t i = 0; i < a->places.size(); ++i) {
      const PlaceMention& m = a->places[i];
      if (m.sentence != c.sentence || m.actor) continue;
      // What the verb is done to ("bombed the Idlib countryside"), but not
      // a place that only says whose an actor is ("withdrew US troops").
      const uint32_t object_head = m.phrase >= 0 ? a->phrases[m.phrase].head : m.begin;
      const bool of_an_actor = m.phrase >= 0 &&
                               a->ActorOf(static_cast<uint32_t>(m.phrase)) != nullptr &&
                               (object_head < m.begin || object_head >= m.end);
      bool target = done_to >= 0 && m.phrase == done_to && !of_an_actor;
      if (c.noun && m.preposition > 0 && static_cast<uint32_t>(m.preposition) == c.trigger + 1) {
        const std::string_view prep = a->Key(static_cast<uint32_t>(m.preposition));
        target = prep == "on" || prep == "against";  // "strikes on Aleppo"
      }
      // "the bombing of Aleppo": what violence is "of" is what it is done to.
      if (c.noun && root >= 17 && m.begin == c.trigger + 2 && a->Key(c.trigger + 1) == "of")
        target = true;
      if (!target) continue;
      const Location where = places_->LocationOf(*a, m);
      if (where.country.empty()) continue;
      // A country struck is the country; a town or region, its people.
      c.target_place = static_cast<int32_t>(i);
      c.target_code =
          where.precision == LocationPrecision::kCountry ? where.country : where.country + "CVL";
      c.evidence_begin = std::min(c.evidence_begin, m.begin);
      c.evidence_end = std::max(c.evidence_end, m.end);
      break;
    }
  }
}

void ResolveStage::CountryFromPlace(const Analysis& a, EventCandidate* c) const {
  // "shelled the town of Jisr al-Shughour", "a Kurdish enclave inside Syria":
  // a target with no country takes that of the place its phrase names.
  const PhraseActor& target = a.actors[c->target];
  if (!target.country.empty() || c->target_code != target.code) return;
  const uint32_t p = target.phrase;
  const uint32_t pe = a.sentence_phrase_begin[a.phrases[p].sentence + 1];
  for (const PlaceMention& m : a.places) {
    if (m.sentence != c->sentence || m.actor || m.phrase < 0) continue;
    const uint32_t q = static_cast<uint32_t>(m.phrase);
    // The phrase itself, or one of "of", "in", "inside", "near" phrases after it.
    bool chained = q == p;
    for (uint32_t k = p + 1; !chained && k + 1 < pe && k <= q; k += 2) {
      if (a.phrases[k].type != PhraseType::kPreposition) break;
      const std::string_view prep = a.Key(a.phrases[k].head);
      if (prep != "of" && prep != "in" && prep != "inside" && prep != "near") break;
      chained = k + 1 == q;
    }
    if (!chained) continue;
    const Location where = places_->LocationOf(a, m);
    if (where.country.empty()) return;
    c->target_code = where.country + target.code;
    return;
  }
}

void ResolveStage::PlacesOfSentence(const Analysis& analysis, const EventCandidate& c,
                                    bool dateline, std::vector<const PlaceMention*>* out) const {
  const Analysis* a = &analysis;
  std::vector<const PlaceMention*>& here = *out;
  here.clear();
  // A capital or country acted on by force is also where it happened
  // ("jets struck Damascus"); one that acts or talks is not a place.
  const int root = std::atoi(c.cameo.substr(0, 2).c_str());
  const int32_t target_phrase =
      c.target >= 0 ? static_cast<int32_t>(a->actors[c.target].phrase) : -1;
  // Places are in text order, the dateline's first.
  const auto first =
      std::lower_bound(a->places.begin() + (dateline ? 1 : 0), a->places.end(), c.sentence,
                       [](const PlaceMention& m, uint32_t s) { return m.sentence < s; });
  for (auto it = first; it != a->places.end() && it->sentence == c.sentence; ++it) {
    const PlaceMention& m = *it;
    if (m.strength == 0) continue;
    if (m.actor && !(root >= 18 && m.phrase == target_phrase)) continue;
    // Countries only where something happened in them, not "talks between
    // Russia and Ukraine" or "flew to Moscow".
    if (places_->gazetteer().place(m.place).kind == PlaceKind::kCountry && m.strength < 3) continue;
    here.push_back(&m);
  }
}

const PlaceMention* ResolveStage::ChoosePlace(const Analysis& analysis, const EventCandidate& c,
                                              const std::vector<const PlaceMention*>& here) {
  const Analysis* a = &analysis;
  const int root = std::atoi(c.cameo.substr(0, 2).c_str());
  const PlaceMention* best = nullptr;
  std::pair<uint32_t, uint32_t> own{c.evidence_begin, c.evidence_end};
  const VerbGroup* v = nullptr;
  if (c.verb_group >= 0 && a->verb_groups[c.verb_group].sentence == c.sentence) {
    v = &a->verb_groups[c.verb_group];
    const auto clause = ClauseRange(*a, c.verb_group);
    own = {std::min(own.first, clause.first), std::max(own.second, clause.second)};
  }
  std::vector<std::pair<uint32_t, uint32_t>> others;
  for (uint32_t p = a->sentence_phrase_begin[c.sentence];
       p < a->sentence_phrase_begin[c.sentence + 1]; ++p) {
    if (a->phrases[p].type != PhraseType::kVerb || a->phrases[p].verb_group == c.verb_group)
      continue;
    const auto r = ClauseRange(*a, a->phrases[p].verb_group);
    if (!(r.first <= c.trigger && c.trigger < r.second)) others.push_back(r);
  }
  auto in_own = [&](const PlaceMention* m) {
    return m->begin >= own.first && m->end <= own.second;
  };
  auto elsewhere = [&](const PlaceMention* m) {
    return std::any_of(others.begin(), others.end(),
                       [&](const auto& r) { return m->begin >= r.first && m->end <= r.second; });
  };
  auto distance = [&](const PlaceMention* m) {
    return m->end <= c.trigger ? c.trigger - m->end + 1 : m->begin - c.trigger;
  };
  // The strongest, then nearest, place that passes `keep`.
  auto pick = [&](auto keep) -> const PlaceMention* {
    const PlaceMention* chosen = nullptr;
    for (const PlaceMention* m : here) {
      if (!keep(m)) continue;
      if (chosen == nullptr || m->strength > chosen->strength ||
          (m->strength == chosen->strength && distance(m) < distance(chosen)))
        chosen = m;
    }
    return chosen;
  };
  best = pick([&](const PlaceMention* m) { return in_own(m) && m->strength >= 2; });
  // "the air base near Latakia, from which its jets have flown ...":
  // the place of what the relative clause hangs on.
  if (best == nullptr && v != nullptr && v->kind == ClauseKind::kRelative && v->opener >= 0) {
    const uint32_t opener = a->phrases[v->opener].begin;
    const bool locative =
        a->Key(opener) == "where" ||
        (opener > 0 && a->tokens[opener - 1].tag == PosTag::IN && a->Key(opener) == "which");
    const uint32_t start =
        locative && opener > 0 && a->tokens[opener - 1].tag == PosTag::IN ? opener - 1 : opener;
    for (const PlaceMention* m : here) {
      if (locative && m->end <= start && (best == nullptr || m->begin > best->begin)) best = m;
    }
  }
  if (best == nullptr) best = pick(in_own);
  // What is said or promised happens where it is said, not where
  // the sentence's other clauses are: only material events take a
  // place from elsewhere in the sentence.
  const bool material = root >= 6 && !(root >= 10 && root <= 16);
  if (best == nullptr && material)
    best = pick([&](const PlaceMention* m) { return !elsewhere(m); });
  if (best == nullptr && material) best = pick([](const PlaceMention*) { return true; });
  return best;
}

void ResolveStage::LocateEvents(Analysis* a) const {
  const PlaceMention* dateline =
      !a->places.empty() && a->places[0].sentence == kDatelineSentence ? &a->places[0] : nullptr;
  std::vector<const PlaceMention*> here;
  for (EventCandidate& c : a->events) {
    c.location.reset();
    // Where the event's own words send its forces ("withdrew from Syria"):
    // the place, but not the country of forces that have none.
    const PlaceMention* best = NamedPlace(*a, c);
    const bool named = best != nullptr;
    if (!named) {
      PlacesOfSentence(*a, c, dateline != nullptr, &here);
      best = here.empty() ? nullptr : ChoosePlace(*a, c, here);
    }
    if (best != nullptr) {
      c.location = places_->LocationOf(*a, *best);
      // Not the target itself: "militants fired rockets at Israel" are no
      // Israeli militants.
      const bool target = (c.target_place >= 0 && &a->places[c.target_place] == best) ||
                          (c.target >= 0 && best->phrase >= 0 &&
                           static_cast<uint32_t>(best->phrase) == a->actors[c.target].phrase);
      if (best->sure && !target && !named) ActorsFromPlace(*a, &c);
    } else if (dateline != nullptr) {
      c.location = places_->LocationOf(*a, *dateline);
    }
    HomeTarget(*a, &c);
  }
}

void ResolveStage::HomeTarget(const Analysis& a, EventCandidate* c) const {
  if (c->home_country.empty() || codes_ == nullptr) return;
  const std::string current = CodeAsUsed(a, c->target, c->target_code);
  if (current.empty() || !codes_->Country(current).empty() || codes_->Sector(current).empty())
    return;
  c->target_code = c->home_country + current;
}

const PlaceMention* ResolveStage::NamedPlace(const Analysis& a, const EventCandidate& c) {
  if (c.place_phrase < 0) return nullptr;
  for (const PlaceMention& m : a.places) {
    if (m.sentence == c.sentence && m.phrase == c.place_phrase) return &m;
  }
  return nullptr;
}

void ResolveStage::CountedEvents(Analysis* a, uint32_t s, size_t first, size_t last,
                                 const QuantityMention& m, std::vector<EventCandidate*>* out) {
  std::vector<EventCandidate*>& to = *out;
  // "hundreds of airstrikes": the event that noun names; else the
  // event whose words hold it ("fired dozens of rockets at Israel").
  const uint32_t counted = static_cast<uint32_t>(m.counted);
  for (size_t i = first; i < last; ++i) {
    if (a->events[i].trigger == counted) to.push_back(&a->events[i]);
  }
  // People are not counted as actions ("abducted a dozen soldiers").
  const int32_t counted_phrase = [&] {
    for (uint32_t p = a->sentence_phrase_begin[s]; p < a->sentence_phrase_begin[s + 1]; ++p) {
      if (a->phrases[p].begin <= counted && counted < a->phrases[p].end)
        return static_cast<int32_t>(p);
    }
    return -1;
  }();
  const bool people =
      counted_phrase >= 0 && a->ActorOf(static_cast<uint32_t>(counted_phrase)) != nullptr;
  for (size_t i = first; i < last && to.empty() && !people; ++i) {
    const EventCandidate& c = a->events[i];
    if (c.evidence_begin <= counted && counted < c.evidence_end) {
      for (size_t j = i; j < last; ++j) {
        if (a->events[j].trigger == c.trigger) to.push_back(&a->events[j]);
      }
    }
  }
}

void ResolveStage::NearestEvents(Analysis* a, uint32_t s, size_t first, size_t last,
                                 const QuantityMention& m, std::vector<EventCandidate*>* out) {
  std::vector<EventCandidate*>& to = *out;
  // The event whose clause holds the amount; else for casualties the
  // nearest violent event of the sentence, for money the nearest event.
  EventCandidate* best = nullptr;
  uint32_t best_distance = UINT32_MAX;
  for (size_t i = first; i < last; ++i) {
    EventCandidate& c = a->events[i];
    const int root = std::atoi(c.cameo.substr(0, 2).c_str());
    if (m.quantity.kind != "money" && (root < 18 || root > 20)) continue;
    if (c.verb_group >= 0 && a->verb_groups[c.verb_group].sentence == s) {
      const auto [b, e] = ClauseRange(*a, c.verb_group);
      if (m.begin >= b && m.end <= e) {
        best = &c;
        break;
      }
    }
    const uint32_t distance = c.trigger > m.begin ? c.trigger - m.begin : m.begin - c.trigger;
    if (distance < best_distance) best = &c, best_distance = distance;
  }
  // The events of one happening (A -> B and B -> A) share it.
  for (size_t i = first; best != nullptr && i < last; ++i) {
    if (a->events[i].trigger == best->trigger && a->events[i].verb_group == best->verb_group) {
      to.push_back(&a->events[i]);
    }
  }
}

void ResolveStage::CountEvents(Analysis* a) const {
  std::vector<QuantityMention> found;
  std::vector<EventCandidate*> to;
  size_t first = 0;  // events are in sentence order
  for (uint32_t s = 0; s < a->sentences.size(); ++s) {
    while (first < a->events.size() && a->events[first].sentence < s) ++first;
    size_t last = first;
    while (last < a->events.size() && a->events[last].sentence == s) ++last;
    if (first == last) continue;
    found.clear();
    quantities_->Find(*a, s, &found);
    for (const QuantityMention& m : found) {
      to.clear();
      if (m.counted >= 0) {
        CountedEvents(a, s, first, last, m, &to);
      } else if (m.verb_group >= 0) {
        // The casualty verb's own event, or that of the clause it tells the
        // toll of ("ambushed a convoy, killing six soldiers").
        for (int32_t vg = m.verb_group, depth = 0; vg >= 0 && to.empty() && depth < 3; ++depth) {
          for (size_t i = first; i < last; ++i) {
            const EventCandidate& c = a->events[i];
            if (c.verb_group == vg || std::find(c.joined_groups.begin(), c.joined_groups.end(),
                                                vg) != c.joined_groups.end()) {
              to.push_back(&a->events[i]);
            }
          }
          const VerbGroup& v = a->verb_groups[vg];
          vg = v.kind == ClauseKind::kParticiple || v.coordinated ? v.governor : -1;
        }
      }
      if (to.empty() && m.quantity.kind != "count") NearestEvents(a, s, first, last, m, &to);
      for (EventCandidate* c : to) {
        const bool known =
            std::any_of(c->quantities.begin(), c->quantities.end(), [&](const Quantity& q) {
              return q.kind == m.quantity.kind && q.value == m.quantity.value &&
                     q.unit == m.quantity.unit;
            });
        if (!known) c->quantities.push_back(m.quantity);
      }
    }
  }
}

std::pair<uint32_t, uint32_t> ResolveStage::ClauseRange(const Analysis& a, int32_t vg) {
  const VerbGroup& v = a.verb_groups[vg];
  const Sentence& s = a.sentences[v.sentence];
  uint32_t begin = s.token_begin;
  for (uint32_t p = a.sentence_phrase_begin[v.sentence];
       p < a.sentence_phrase_begin[v.sentence + 1]; ++p) {
    if (a.phrases[p].type != PhraseType::kVerb) continue;
    const VerbGroup& w = a.verb_groups[a.phrases[p].verb_group];
    if (w.begin >= v.begin) break;
    const uint32_t end = std::max<uint32_t>(static_cast<uint32_t>(w.clause_end), w.end);
    if (end <= v.begin) begin = std::max(begin, end);
  }
  const uint32_t end = std::min<uint32_t>(
      std::max<uint32_t>(static_cast<uint32_t>(v.clause_end), v.end), s.token_end);
  return {begin, end};
}

void ResolveStage::DateCandidates(const Analysis& analysis, const EventCandidate& c,
                                  std::vector<const DateMention*>* clause_dates,
                                  std::vector<const DateMention*>* sentence_dates,
                                  std::vector<const DateMention*>* said_dates) {
  const Analysis* a = &analysis;
  const Sentence& s = a->sentences[c.sentence];
  auto& clause = *clause_dates;
  auto& sentence = *sentence_dates;
  auto& said = *said_dates;
  // Best first: the clause's, then the sentence's outside
  // speech clauses, then those of its speech clauses ("the army said on
  // Wednesday": the event was on or before), nearest the trigger first.
  std::pair<uint32_t, uint32_t> own{s.token_begin, s.token_begin};
  if (c.verb_group >= 0 && a->verb_groups[c.verb_group].sentence == c.sentence) {
    own = ClauseRange(*a, c.verb_group);
  }
  // The clauses of the sentence's other verbs: a date there is theirs
  // ("urged Moscow to extend the agreement, which expires next month"),
  // unless the verb only reports speech.
  std::vector<std::pair<uint32_t, uint32_t>> speech, others;
  for (uint32_t p = a->sentence_phrase_begin[c.sentence];
       p < a->sentence_phrase_begin[c.sentence + 1]; ++p) {
    if (a->phrases[p].type != PhraseType::kVerb) continue;
    const int32_t vg = a->phrases[p].verb_group;
    if (vg == c.verb_group) continue;
    (a->verb_groups[vg].speech ? speech : others).push_back(ClauseRange(*a, vg));
  }
  auto inside = [](const std::vector<std::pair<uint32_t, uint32_t>>& ranges, const DateMention& m) {
    return std::any_of(ranges.begin(), ranges.end(),
                       [&](const auto& r) { return m.begin >= r.first && m.end <= r.second; });
  };
  // The dates are in text order: look only at this sentence's.
  const auto first = std::lower_bound(a->dates.begin(), a->dates.end(), s.token_begin,
                                      [](const DateMention& m, uint32_t t) { return m.begin < t; });
  const DateMention* opening = OpeningDate(*a, c.sentence);
  for (auto it = first; it != a->dates.end() && it->begin < s.token_end; ++it) {
    const DateMention& m = *it;
    if (m.end > s.token_end) continue;
    if (m.begin >= own.first && m.end <= own.second) {
      clause.push_back(&m);
      continue;
    }
    // "On 9 May 2020, ... killing two, ... which ...": the date that opens
    // the sentence is every clause's.
    if (&m == opening) {
      sentence.push_back(&m);
    } else if (inside(speech, m)) {
      said.push_back(&m);
    } else if (!inside(others, m)) {
      sentence.push_back(&m);
    }
  }
  auto nearest = [&](std::vector<const DateMention*>* list) {
    std::stable_sort(list->begin(), list->end(), [&](const DateMention* x, const DateMention* y) {
      auto distance = [&](const DateMention* m) {
        return m->end <= c.trigger    ? c.trigger - m->end
               : m->begin > c.trigger ? m->begin - c.trigger
                                      : 0;
      };
      return distance(x) < distance(y);
    });
  };
  nearest(&clause);
  nearest(&sentence);
  nearest(&said);
}

const DateMention* ResolveStage::OpeningDate(const Analysis& a, uint32_t sentence) {
  const Sentence& s = a.sentences[sentence];
  const auto it = std::lower_bound(a.dates.begin(), a.dates.end(), s.token_begin,
                                   [](const DateMention& m, uint32_t t) { return m.begin < t; });
  if (it == a.dates.end() || it->end > s.token_end) return nullptr;
  // "9 May 2020: ...", "On 9 May 2020, ...", "Early on Monday, ..."
  uint32_t t = s.token_begin;
  while (t < it->begin && (a.tokens[t].tag == PosTag::IN || IsAdverb(a.tokens[t].tag))) ++t;
  return t == it->begin && it->begin - s.token_begin <= 2 ? &*it : nullptr;
}

void ResolveStage::DateEvents(Analysis* a) const {
  const std::optional<Date> reference =
      a->has_reference_date ? std::optional<Date>(a->reference_date) : std::nullopt;
  // The dateline's date ("KABUL, Oct. 3 -"), if it has one.
  const DateMention* dateline = nullptr;
  if (!a->dates.empty() && a->dateline && a->dates[0].end <= a->dateline->token_end &&
      a->dates[0].begin >= a->dateline->token_begin) {
    dateline = &a->dates[0];
  }
  auto text = [&](const DateMention& m) { return std::string(a->OriginalText(m.begin, m.end)); };
  // The day that opened the latest sentence opening with one, before each
  // sentence: a field report's "On 9 May 2020, ..." dates the sentences
  // after it until another such date ("Three fighters were killed.").
  std::vector<const DateMention*> carried(a->sentences.size(), nullptr);
  for (uint32_t s = 1; s < a->sentences.size(); ++s) {
    const DateMention* before = OpeningDate(*a, s - 1);
    const bool a_day =
        before != nullptr && ((before->kind == DateMention::Kind::kCalendar && before->day > 0) ||
                              before->kind == DateMention::Kind::kWeekday);
    carried[s] = a_day ? before : carried[s - 1];
  }
  for (EventCandidate& c : a->events) {
    const bool future = c.modality == Modality::kFuture ||
                        (c.verb_group >= 0 && a->verb_groups[c.verb_group].future);
    std::vector<const DateMention*> clause, sentence, said;
    DateCandidates(*a, c, &clause, &sentence, &said);
    c.date.reset();
    for (const auto* list : {&clause, &sentence, &said}) {
      for (const DateMention* m : *list) {
        if (std::optional<EventDate> d = DateFinder::Resolve(*m, reference, future)) {
          d->text = text(*m);
          c.date = std::move(d);
          break;
        }
      }
      if (c.date) break;
    }
    if (!c.date && clause.empty() && sentence.empty() && said.empty() &&
        carried[c.sentence] != nullptr) {
      if (std::optional<EventDate> d =
              DateFinder::Resolve(*carried[c.sentence], reference, false)) {
        d->text = text(*carried[c.sentence]);
        c.date = std::move(d);
      }
    }
    if (!c.date && dateline != nullptr) {
      if (std::optional<EventDate> d = DateFinder::Resolve(*dateline, reference, false)) {
        d->text = text(*dateline);
        c.date = std::move(d);
      }
    }
    if (!c.date && reference) c.date = EventDate{*reference, DatePrecision::kDay, "", false};
  }
}

}  // namespace palmyra
