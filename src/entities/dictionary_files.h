// Dictionary files given by users (`palmyra code --dict`, `palmyra dict
// check`, `palmyra validate`): which kind each is, and the readers of the
// two small PETRARCH formats that are neither actors nor verbs.
//
//   discards   one phrase a line; "+PHRASE" discards the whole story, a
//              bare phrase only the sentence ("+World Golf Championships",
//              "BASEBALL"); "#" comments
//   issues     PETRARCH issue coding: <ISSUE CATEGORY="..." TYPE="...">
//              blocks of "PHRASE [CODE]" lines ("n:" marks a noun, "+"
//              joins words, "~PHRASE" is an exception that codes nothing)
//
// The readers are lenient: each malformed line is a Diagnostic with its file
// and line, and the rest of the file is read.
#ifndef PALMYRA_ENTITIES_DICTIONARY_FILES_H_
#define PALMYRA_ENTITIES_DICTIONARY_FILES_H_

#include <string>
#include <string_view>
#include <vector>

#include "entities/actor_reader.h"
#include "palmyra/status.h"

namespace palmyra {

enum class DictionaryKind { kActors, kAgents, kVerbs, kDiscards, kIssues };
std::string_view DictionaryKindName(DictionaryKind kind);

// The kind of a dictionary file, from its name ("Phoenix.agents.txt",
// "PETR.Validate.discards.txt") and else its text (verb blocks "--- X [..]
// ---", <ISSUE> blocks); actors when nothing else fits.
DictionaryKind DetectDictionaryKind(std::string_view path, std::string_view text);

// Fails, naming the file and the byte, when `text` is no text: a NUL byte
// (a compressed file, a compiled cache, an executable) is never in one.
Status CheckDictionaryText(const std::string& path, std::string_view text);

// The files of `inputs`: files as given, directories' .txt files (recursive,
// in name order). Fails on an input that does not exist.
Result<std::vector<std::string>> ListDictionaryFiles(const std::vector<std::string>& inputs);

struct DiscardPhrase {
  std::vector<std::string> words;  // lower case
  bool story = false;              // "+": the whole story
  int line = 0;
};

struct DiscardFile {
  std::vector<DiscardPhrase> phrases;
  std::vector<Diagnostic> diagnostics;
};

DiscardFile ParseDiscardDictionary(const std::string& file, std::string_view text);

struct IssuePhrase {
  std::vector<std::string> words;  // lower case, "n:" and "+" removed
  std::string code;                // empty for an exception ("~")
  std::string category;            // of the <ISSUE> block
  int line = 0;
};

struct IssueFile {
  std::vector<IssuePhrase> phrases;
  std::vector<Diagnostic> diagnostics;
};

IssueFile ParseIssueDictionary(const std::string& file, std::string_view text);

}  // namespace palmyra

#endif  // PALMYRA_ENTITIES_DICTIONARY_FILES_H_
