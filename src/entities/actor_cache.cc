#include "entities/actor_cache.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include "core/file.h"
#include "core/hash.h"

namespace palmyra {
namespace {

constexpr char kMagic[8] = {'P', 'L', 'M', 'A', 'C', 'T', 0, 1};  // the last byte: the version

class Writer {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U32(uint32_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void U64(uint64_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void I32(int32_t v) { U32(static_cast<uint32_t>(v)); }
  void Str(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  void Strs(const std::vector<std::string>& v) {
    U32(static_cast<uint32_t>(v.size()));
    for (const std::string& s : v) Str(s);
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

// Reads what Writer wrote; every read checks the bounds, so that a damaged
// file is refused rather than trusted.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool U8(uint8_t* v) {
    if (pos_ + 1 > in_.size()) return false;
    *v = static_cast<uint8_t>(in_[pos_++]);
    return true;
  }
  bool U32(uint32_t* v) { return Raw(v, sizeof *v); }
  bool U64(uint64_t* v) { return Raw(v, sizeof *v); }
  bool I32(int32_t* v) {
    uint32_t u;
    if (!U32(&u)) return false;
    *v = static_cast<int32_t>(u);
    return true;
  }
  bool Bool(bool* v) {
    uint8_t u;
    if (!U8(&u) || u > 1) return false;
    *v = u == 1;
    return true;
  }
  bool Str(std::string* s) {
    uint32_t n;
    if (!U32(&n) || n > in_.size() - pos_) return false;
    s->assign(in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool Strs(std::vector<std::string>* v) {
    uint32_t n;
    if (!Count(&n)) return false;
    v->resize(n);
    for (std::string& s : *v) {
      if (!Str(&s)) return false;
    }
    return true;
  }
  // A count of items of at least one byte each.
  bool Count(uint32_t* n) { return U32(n) && *n <= in_.size() - pos_; }
  bool AtEnd() const { return pos_ == in_.size(); }

 private:
  bool Raw(void* v, size_t n) {
    if (pos_ + n > in_.size()) return false;
    std::memcpy(v, in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  std::string_view in_;
  size_t pos_ = 0;
};

std::string CachePath(const std::string& cache_dir, const std::string& absolute) {
  char name[64];
  std::snprintf(name, sizeof name, "/actors-%016llx.bin",
                static_cast<unsigned long long>(Hash64(absolute)));
  return cache_dir + name;
}

}  // namespace

void TokenizeNames(const NameTokenizer& names, ActorFile* file) {
  for (RawActor& actor : file->actors) {
    for (RawName& name : actor.names) {
      std::string joined;
      for (const std::string& f : name.forms) joined += (joined.empty() ? "" : " ") + f;
      name.tokens = names.Tokenize(joined);
    }
  }
}

std::string SerializeActorFile(const ActorFile& file, uint64_t stamp) {
  Writer w;
  w.bytes().append(kMagic, sizeof kMagic);
  w.U64(stamp);
  w.U32(static_cast<uint32_t>(file.actors.size()));
  for (const RawActor& a : file.actors) {
    w.U32(static_cast<uint32_t>(a.names.size()));
    for (const RawName& n : a.names) {
      w.Strs(n.words);
      w.Strs(n.forms);
      w.Strs(n.tags);
      w.U8(n.loose);
      w.I32(n.line);
      w.Strs(n.tokens.keys);
      w.Strs(n.tokens.forms);
    }
    w.U32(static_cast<uint32_t>(a.codes.size()));
    for (const DatedCode& c : a.codes) {
      w.Str(c.code);
      w.I32(c.from);
      w.I32(c.to);
    }
    w.Strs(a.tags);
    w.U8(a.agent);
    w.U8(a.agent_prefix);
    w.I32(a.line);
  }
  w.U32(static_cast<uint32_t>(file.diagnostics.size()));
  for (const Diagnostic& d : file.diagnostics) {
    w.I32(d.line);
    w.Str(d.message);
    w.U8(d.error);
  }
  return std::move(w.bytes());
}

bool DeserializeActorFile(std::string_view bytes, uint64_t stamp, const std::string& path,
                          ActorFile* out) {
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    return false;
  Reader r(bytes.substr(sizeof kMagic));
  uint64_t written_stamp;
  uint32_t n;
  if (!r.U64(&written_stamp) || written_stamp != stamp || !r.Count(&n)) return false;
  ActorFile f;
  f.actors.resize(n);
  for (RawActor& a : f.actors) {
    if (!r.Count(&n)) return false;
    a.names.resize(n);
    for (RawName& name : a.names) {
      if (!r.Strs(&name.words) || !r.Strs(&name.forms) || !r.Strs(&name.tags) ||
          !r.Bool(&name.loose) || !r.I32(&name.line) || !r.Strs(&name.tokens.keys) ||
          !r.Strs(&name.tokens.forms))
        return false;
    }
    if (!r.Count(&n)) return false;
    a.codes.resize(n);
    for (DatedCode& c : a.codes) {
      if (!r.Str(&c.code) || !r.I32(&c.from) || !r.I32(&c.to)) return false;
    }
    if (!r.Strs(&a.tags) || !r.Bool(&a.agent) || !r.Bool(&a.agent_prefix) || !r.I32(&a.line))
      return false;
    a.file = path;
  }
  if (!r.Count(&n)) return false;
  f.diagnostics.resize(n);
  for (Diagnostic& d : f.diagnostics) {
    if (!r.I32(&d.line) || !r.Str(&d.message) || !r.Bool(&d.error)) return false;
    d.file = path;
  }
  if (!r.AtEnd()) return false;
  *out = std::move(f);
  return true;
}

Result<ActorFile> ReadCompiledActorDictionary(const std::string& path, const NameTokenizer& names,
                                              const std::string& cache_dir, bool* from_cache) {
  if (from_cache != nullptr) *from_cache = false;
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  const uint64_t file_stamp = FileStamp(path);
  if (cache_dir.empty() || ec || file_stamp == 0) {
    ASSIGN_OR_RETURN(ActorFile parsed, ReadActorDictionary(path));
    TokenizeNames(names, &parsed);
    return parsed;
  }
  const std::string cached = CachePath(cache_dir, absolute.lexically_normal().string());
  const uint64_t stamp = HashCombine(file_stamp, names.Stamp());
  if (auto bytes = ReadFile(cached); bytes.ok()) {
    ActorFile compiled;
    if (DeserializeActorFile(*bytes, stamp, path, &compiled)) {
      if (from_cache != nullptr) *from_cache = true;
      return compiled;
    }
  }
  ASSIGN_OR_RETURN(ActorFile parsed, ReadActorDictionary(path));
  TokenizeNames(names, &parsed);
  WriteFileAtomically(cached, SerializeActorFile(parsed, stamp)).ok();  // best effort
  return parsed;
}

}  // namespace palmyra
