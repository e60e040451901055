#include "events/cameo_table.h"

#include <algorithm>

#include "core/data_file.h"
#include "core/strings.h"

namespace palmyra {

namespace {

Result<uint8_t> ParseTraits(std::string_view field) {
  uint8_t traits = 0;
  if (field == "-") return traits;
  for (std::string_view name : Split(field, ',')) {
    name = Trim(name);
    if (name == "violent") {
      traits |= static_cast<uint8_t>(CameoTrait::kViolent);
    } else if (name == "mutual") {
      traits |= static_cast<uint8_t>(CameoTrait::kMutual);
    } else if (name == "request") {
      traits |= static_cast<uint8_t>(CameoTrait::kRequest);
    } else if (name == "unspecified") {
      traits |= static_cast<uint8_t>(CameoTrait::kUnspecified);
    } else if (name == "coercion") {
      traits |= static_cast<uint8_t>(CameoTrait::kCoercion);
    } else if (name == "protest") {
      traits |= static_cast<uint8_t>(CameoTrait::kProtest);
    } else if (name == "own-forces") {
      traits |= static_cast<uint8_t>(CameoTrait::kOwnForces);
    } else if (name == "combat") {
      traits |= static_cast<uint8_t>(CameoTrait::kCombat);
    } else {
      return DataError("unknown trait '" + std::string(name) + "'");
    }
  }
  return traits;
}

}  // namespace

int CameoTable::Root(std::string_view code) {
  if (code.size() < 2 || !IsAsciiDigit(code[0]) || !IsAsciiDigit(code[1])) return 0;
  const int root = (code[0] - '0') * 10 + (code[1] - '0');
  return root <= 20 ? root : 0;
}

int CameoTable::QuadClass(std::string_view code) {
  const int root = Root(code);
  if (root >= 1 && root <= 5) return 1;
  if (root >= 6 && root <= 8) return 2;
  if (root >= 9 && root <= 13) return 3;
  if (root >= 14 && root <= 20) return 4;
  return 0;
}

Result<std::unique_ptr<CameoTable>> CameoTable::Load(const std::string& data_dir) {
  std::unique_ptr<CameoTable> table(new CameoTable());
  RETURN_IF_ERROR(
      ForEachDataLine(data_dir + "/ontology/cameo.tsv", [&](std::string_view line, int) {
        const auto f = Split(line, '\t');
        if (f.size() != 6) return DataError("expected 6 tab-separated columns");
        CameoEntry e;
        e.code = std::string(f[0]);
        e.label = std::string(f[1]);
        const auto goldstein = ParseDouble(f[2]);
        e.quad_class = QuadClass(e.code);
        if (!goldstein || *goldstein < -10 || *goldstein > 10 || e.quad_class == 0) {
          return DataError("bad code '" + e.code + "' or Goldstein value");
        }
        e.goldstein = *goldstein;
        e.plover_type = std::string(f[3]);
        e.plover_mode = std::string(f[4]);
        ASSIGN_OR_RETURN(e.traits, ParseTraits(f[5]));
        const std::string code = e.code;
        table->entries_.emplace(code, std::move(e));
        return Status::Ok();
      }));
  // A code has its root's traits too.
  for (auto& [code, e] : table->entries_) {
    if (const CameoEntry* root = table->Find(code.substr(0, 2)); root != nullptr)
      e.traits |= root->traits;
  }
  // PLOVER contexts, by the words of the labels.
  std::vector<std::pair<std::string, std::vector<std::string>>> contexts;
  RETURN_IF_ERROR(
      ForEachDataLine(data_dir + "/ontology/plover_contexts.txt", [&](std::string_view line, int) {
        const auto words = SplitWhitespace(line);
        if (words.size() < 2) return DataError("a context without words");
        contexts.emplace_back(std::string(words[0]),
                              std::vector<std::string>(words.begin() + 1, words.end()));
        return Status::Ok();
      }));
  for (auto& [code, e] : table->entries_) {
    std::string label = AsciiLowercase(e.label);
    if (const CameoEntry* root = table->Find(code.substr(0, 2)); root != nullptr && root != &e)
      label.append(" ").append(AsciiLowercase(root->label));
    for (char& c : label) {
      if (!(c >= 'a' && c <= 'z')) c = ' ';
    }
    const auto label_words = SplitWhitespace(label);
    for (const auto& context : contexts) {
      const std::vector<std::string>& words = context.second;
      const bool found = std::any_of(label_words.begin(), label_words.end(), [&](auto w) {
        return std::any_of(words.begin(), words.end(),
                           [&](const std::string& k) { return StartsWith(w, k); });
      });
      if (found) e.plover_contexts.push_back(context.first);
    }
  }
  return table;
}

const CameoEntry* CameoTable::Find(std::string_view code) const {
  auto it = entries_.find(std::string(code));
  return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace palmyra
