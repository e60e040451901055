// CandidateFeatures: what the decision model knows of a candidate event, as
// named binary features ("root=19", "lemma=attack", "clause=relative",
// "source=agent:MIL"). Each describes the candidate in its sentence: the
// trigger (its lemma, noun or verb, the noun's determiner, the pattern's
// specificity), the clause that holds it (kind, governor, tense, voice,
// negation, modality, speech frame, quotation, question), the actors found
// for it (how they were named, their sectors), and where the sentence
// stands in the article. Stateless and thread-safe.
#ifndef PALMYRA_DECIDE_CANDIDATE_FEATURES_H_
#define PALMYRA_DECIDE_CANDIDATE_FEATURES_H_

#include <string>
#include <vector>

#include "core/analysis.h"

namespace palmyra {

// Appends the features of candidate `c` of analysis `a` to *out (cleared
// first). Names are "group=value" or a bare word; a few pair two groups
// ("root*clause=19|relative").
void CandidateFeatures(const Analysis& a, const EventCandidate& c, std::vector<std::string>* out);

}  // namespace palmyra

#endif  // PALMYRA_DECIDE_CANDIDATE_FEATURES_H_
