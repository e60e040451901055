#include "resolve/gazetteer.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include "core/file.h"
#include "core/hash.h"
#include "core/mapped_image.h"
#include "core/strings.h"
#include "resolve/spelling_variants.h"

namespace palmyra {
namespace {

constexpr char kMagic[8] = {'P', 'L', 'M', 'G',
                            'A', 'Z', 0,   7};  // the last byte: the format's version

struct Header {
  char magic[8];
  uint64_t unused;  // was the sources' stamp, which the image now carries
  uint32_t places;
  uint32_t keys;
  uint32_t postings;
  uint32_t string_bytes;
  uint32_t max_tokens;
  uint32_t reserved[7];
};
static_assert(sizeof(Header) == 64);

struct PlaceRecord {
  int64_t geonameid;
  float lat;
  float lon;
  uint32_t population;
  uint32_t name;    // offset into the strings
  uint32_t admin1;  // offset into the strings
  char country[3];
  uint8_t kind;
  uint8_t feature;
  uint8_t names;  // how many names it has, at most 255
  uint8_t reserved[2];
};
static_assert(sizeof(PlaceRecord) == 40);

// Layout after the header: PlaceRecord[places], uint32 first hash of each
// bucket of the top hash bits [2^16 + 1], uint64 key hashes sorted
// [keys], uint32 first posting of each key [keys + 1], uint32 postings
// (place << 1 | own name) [postings], then the strings, each NUL-ended.
// The top bits of a key's hash pick a bucket of the sorted hashes, so that
// a lookup reads two or three cache lines rather than twenty.
constexpr int kBucketBits = 16;

struct Layout {
  size_t places, buckets, hashes, begins, postings, strings, total;
  explicit Layout(const Header& h) {
    places = sizeof(Header);
    buckets = places + sizeof(PlaceRecord) * h.places;
    // The 8-byte hashes start on an 8-byte boundary (they are read in place).
    hashes = (buckets + sizeof(uint32_t) * ((1u << kBucketBits) + 1) + 7) & ~size_t{7};
    begins = hashes + sizeof(uint64_t) * h.keys;
    postings = begins + sizeof(uint32_t) * (h.keys + 1);
    strings = postings + sizeof(uint32_t) * h.postings;
    total = strings + h.string_bytes;
  }
};

PlaceFeature FeatureOf(char kind, std::string_view code) {
  if (kind == 'C') return PlaceFeature::kCountry;
  if (kind == 'A') return PlaceFeature::kRegion;
  if (code == "PPLC") return PlaceFeature::kCapital;
  if (code == "PPLA") return PlaceFeature::kSeat1;
  if (code == "PPLA2") return PlaceFeature::kSeat2;
  if (code == "PPLA3" || code == "PPLA4") return PlaceFeature::kSeat4;
  if (code == "PPLX") return PlaceFeature::kSection;
  return PlaceFeature::kPlace;
}

// The key a country is also found by: its code, which no name can be.
std::string CountryKey(std::string_view code) { return "#country " + std::string(code); }

std::string SpellingLookupKey(std::string_view spelling_key) {
  std::string key(1, '~');
  key.append(spelling_key);
  return key;
}

std::string JoinKeys(const std::vector<std::string>& keys) {
  std::string joined;
  for (const std::string& k : keys) {
    if (!joined.empty()) joined += ' ';
    joined += k;
  }
  return joined;
}

// Compiles gazetteer.tsv into the bytes of an index.
Result<std::string> Compile(const std::string& tsv, const NameTokenizer& names) {
  ASSIGN_OR_RETURN(auto reader, LineReader::Open(tsv));
  std::vector<PlaceRecord> places;
  std::vector<std::pair<uint64_t, uint32_t>> entries;  // key hash, posting
  std::string strings(1, '\0');                        // offset 0 is ""
  std::unordered_map<std::string, uint32_t> interned;
  auto intern = [&](std::string_view s) -> uint32_t {
    if (s.empty()) return 0;
    auto [it, added] = interned.emplace(std::string(s), static_cast<uint32_t>(strings.size()));
    if (added) {
      strings.append(s);
      strings.push_back('\0');
    }
    return it->second;
  };
  uint32_t max_tokens = 1;
  std::string line;
  while (reader->Next(&line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string_view> f = Split(line, '\t');
    const auto id = f.size() == 10 ? ParseInt(f[1].substr(0, 9)) : std::nullopt;
    const auto lat = f.size() == 10 ? ParseDouble(f[3]) : std::nullopt;
    const auto lon = f.size() == 10 ? ParseDouble(f[4]) : std::nullopt;
    if (f.size() != 10 || f[0].size() != 1 || !lat || !lon || f[5].size() != 3) {
      return DataError(tsv + ":" + std::to_string(reader->line_number()) +
                       ": not a gazetteer line (kind, geonameid, name, lat, lon, country, "
                       "admin1, feature, population, names)");
    }
    PlaceRecord r{};
    r.geonameid = std::atoll(std::string(f[1]).c_str());
    r.lat = static_cast<float>(*lat);
    r.lon = static_cast<float>(*lon);
    r.population =
        static_cast<uint32_t>(std::min(std::atoll(std::string(f[8]).c_str()), 4000000000LL));
    r.name = intern(f[2]);
    r.admin1 = intern(f[6]);
    std::memcpy(r.country, f[5].data(), 3);
    r.kind = static_cast<uint8_t>(f[0][0] == 'C'   ? PlaceKind::kCountry
                                  : f[0][0] == 'A' ? PlaceKind::kRegion
                                                   : PlaceKind::kCity);
    r.feature = static_cast<uint8_t>(FeatureOf(f[0][0], f[7]));
    r.names = static_cast<uint8_t>(std::min<size_t>(Split(f[9], '|').size(), 255));
    (void)id;
    const uint32_t index = static_cast<uint32_t>(places.size());
    places.push_back(r);
    if (f[0][0] == 'C') entries.emplace_back(Hash64(CountryKey(f[5])), index << 1 | 1);
    bool own = true;
    for (std::string_view name : Split(f[9], '|')) {
      const NameTokens tokens = names.Tokenize(name);
      if (!tokens.keys.empty()) {
        max_tokens = std::max<uint32_t>(max_tokens, static_cast<uint32_t>(tokens.keys.size()));
        entries.emplace_back(Hash64(JoinKeys(tokens.keys)), index << 1 | (own ? 1 : 0));
      }
      // Also by its spelling key ("~drzr"), which no name's keys can be.
      if (const std::string key = SpellingKey(name); !key.empty()) {
        entries.emplace_back(Hash64(SpellingLookupKey(key)), index << 1 | (own ? 1 : 0));
      }
      own = false;
    }
  }
  RETURN_IF_ERROR(reader->status());
  // One posting per place and key, marked own when any of its names is.
  std::sort(entries.begin(), entries.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first < y.first : (x.second >> 1) < (y.second >> 1);
  });
  std::vector<uint64_t> hashes;
  std::vector<uint32_t> begins, postings;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i > 0 && entries[i].first == entries[i - 1].first &&
        (entries[i].second >> 1) == (postings.back() >> 1)) {
      postings.back() |= entries[i].second & 1;
      continue;
    }
    if (hashes.empty() || hashes.back() != entries[i].first) {
      hashes.push_back(entries[i].first);
      begins.push_back(static_cast<uint32_t>(postings.size()));
    }
    postings.push_back(entries[i].second);
  }
  begins.push_back(static_cast<uint32_t>(postings.size()));

  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.places = static_cast<uint32_t>(places.size());
  h.keys = static_cast<uint32_t>(hashes.size());
  h.postings = static_cast<uint32_t>(postings.size());
  h.string_bytes = static_cast<uint32_t>(strings.size());
  h.max_tokens = max_tokens;
  const Layout layout(h);
  std::string bytes(layout.total, '\0');
  std::memcpy(bytes.data(), &h, sizeof h);
  std::memcpy(bytes.data() + layout.places, places.data(), sizeof(PlaceRecord) * places.size());
  std::vector<uint32_t> buckets((1u << kBucketBits) + 1);
  for (size_t b = 0, k = 0; b <= (1u << kBucketBits); ++b) {
    while (k < hashes.size() && (hashes[k] >> (64 - kBucketBits)) < b) ++k;
    buckets[b] = static_cast<uint32_t>(k);
  }
  std::memcpy(bytes.data() + layout.buckets, buckets.data(), sizeof(uint32_t) * buckets.size());
  std::memcpy(bytes.data() + layout.hashes, hashes.data(), sizeof(uint64_t) * hashes.size());
  std::memcpy(bytes.data() + layout.begins, begins.data(), sizeof(uint32_t) * begins.size());
  std::memcpy(bytes.data() + layout.postings, postings.data(), sizeof(uint32_t) * postings.size());
  std::memcpy(bytes.data() + layout.strings, strings.data(), strings.size());
  return bytes;
}

// The index's own header and layout fit the bytes (the image checks the stamp).
bool Valid(std::string_view bytes) {
  if (bytes.size() < sizeof(Header)) return false;
  Header h;
  std::memcpy(&h, bytes.data(), sizeof h);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) return false;
  return Layout(h).total == bytes.size();
}

}  // namespace

Gazetteer::~Gazetteer() = default;

Result<std::unique_ptr<Gazetteer>> Gazetteer::Open(const std::string& model_dir,
                                                   const NameTokenizer& names) {
  const std::string tsv = model_dir + "/gazetteer.tsv";
  const uint64_t file_stamp = FileStamp(tsv);
  if (file_stamp == 0) {
    return NotFoundError(tsv +
                         ": the gazetteer is missing; it is built with the engine (make build)");
  }
  const uint64_t stamp = HashCombine(file_stamp, names.Stamp());
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  ASSIGN_OR_RETURN(g->image_, MappedImage::Open(model_dir, "gazetteer", stamp,
                                                [&] { return Compile(tsv, names); }));
  if (!Valid(g->image_->body())) {
    return DataError(g->image_->path() + ": not a gazetteer index; remove it to build it again");
  }
  g->data_ = g->image_->body().data();
  return g;
}

void Gazetteer::Lookup(std::string_view joined_keys, std::vector<Match>* out) const {
  Header h;
  std::memcpy(&h, data_, sizeof h);
  const Layout layout(h);
  const auto* hashes = reinterpret_cast<const uint64_t*>(data_ + layout.hashes);
  const auto* begins = reinterpret_cast<const uint32_t*>(data_ + layout.begins);
  const auto* postings = reinterpret_cast<const uint32_t*>(data_ + layout.postings);
  const auto* buckets = reinterpret_cast<const uint32_t*>(data_ + layout.buckets);
  const uint64_t key = Hash64(joined_keys);
  const size_t bucket = key >> (64 - kBucketBits);
  const uint64_t* end = hashes + buckets[bucket + 1];
  const uint64_t* it = std::lower_bound(hashes + buckets[bucket], end, key);
  if (it == end || *it != key) return;
  const size_t k = static_cast<size_t>(it - hashes);
  for (uint32_t p = begins[k]; p < begins[k + 1]; ++p) {
    out->push_back(Match{postings[p] >> 1, (postings[p] & 1) != 0});
  }
}

void Gazetteer::LookupSpelling(std::string_view name, std::vector<Match>* out) const {
  const std::string key = SpellingKey(name);
  if (!key.empty()) Lookup(SpellingLookupKey(key), out);
}

std::optional<uint32_t> Gazetteer::Country(std::string_view code) const {
  std::vector<Match> matches;
  Lookup(CountryKey(code), &matches);
  if (matches.empty()) return std::nullopt;
  return matches[0].place;
}

PlaceInfo Gazetteer::place(uint32_t i) const {
  Header h;
  std::memcpy(&h, data_, sizeof h);
  const Layout layout(h);
  PlaceRecord r;
  std::memcpy(&r, data_ + layout.places + sizeof(PlaceRecord) * i, sizeof r);
  const char* strings = data_ + layout.strings;
  PlaceInfo p;
  p.geonameid = r.geonameid;
  p.lat = r.lat;
  p.lon = r.lon;
  p.population = r.population;
  p.kind = static_cast<PlaceKind>(r.kind);
  p.feature = static_cast<PlaceFeature>(r.feature);
  p.names = r.names;
  p.name = strings + r.name;
  p.admin1 = strings + r.admin1;
  p.country = std::string_view(
      data_ + layout.places + sizeof(PlaceRecord) * i + offsetof(PlaceRecord, country), 3);
  return p;
}

uint32_t Gazetteer::size() const {
  Header h;
  std::memcpy(&h, data_, sizeof h);
  return h.places;
}

uint32_t Gazetteer::max_name_tokens() const {
  Header h;
  std::memcpy(&h, data_, sizeof h);
  return h.max_tokens;
}

}  // namespace palmyra
