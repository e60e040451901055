// Gazetteer: the places Palmyra can name, looked up by their words. Opened
// from the model folder's gazetteer.tsv (see gazetteer_builder.h); on first
// use the text file is compiled into gazetteer.idx beside it (or, when that
// folder is read-only, into $XDG_CACHE_HOME/palmyra or ~/.cache/palmyra),
// which later runs map into memory (see mapped_image.h). The index is rebuilt when the text file
// or the way names are split into tokens changes. Immutable; thread-safe.
#ifndef PALMYRA_RESOLVE_GAZETTEER_H_
#define PALMYRA_RESOLVE_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/mapped_image.h"
#include "palmyra/status.h"
#include "text/name_tokenizer.h"

namespace palmyra {

enum class PlaceKind : uint8_t { kCountry, kRegion, kCity };

// GeoNames feature codes, from least to most prominent.
enum class PlaceFeature : uint8_t {
  kSection,  // PPLX: a quarter of a city
  kPlace,    // PPL and others
  kSeat4,    // PPLA4, PPLA3: seat of a small division
  kSeat2,    // PPLA2
  kSeat1,    // PPLA: seat of a first-level region
  kCapital,  // PPLC
  kRegion,   // ADM1
  kCountry,  // PCLI
};

struct PlaceInfo {
  int64_t geonameid = 0;  // 0 for countries and regions
  double lat = 0, lon = 0;
  uint32_t population = 0;
  PlaceKind kind = PlaceKind::kCity;
  PlaceFeature feature = PlaceFeature::kPlace;
  // How many names it goes by (at most 255): places known the world over
  // have dozens ("Geneva", "Genf", "Ginevra", ...), villages one or two.
  int names = 0;
  std::string_view name;     // "Tadmur"
  std::string_view admin1;   // "Homs"; "" when unknown
  std::string_view country;  // "SYR"
};

class Gazetteer {
 public:
  struct Match {
    uint32_t place = 0;
    bool own_name = false;  // the place's own name, not an alternate one
  };

  // Opens the gazetteer of `model_dir`, compiling its index if needed.
  // `names` splits names into tokens exactly as article text is split.
  static Result<std::unique_ptr<Gazetteer>> Open(const std::string& model_dir,
                                                 const NameTokenizer& names);
  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Appends the places one of whose names has these case-folded token keys,
  // joined by single spaces ("deir ez-zor").
  void Lookup(std::string_view joined_keys, std::vector<Match>* out) const;
  // Appends the places one of whose names has the spelling key of `name`
  // (see spelling_variants.h): "Ar-Raqqa" finds Ar Raqqah.
  void LookupSpelling(std::string_view name, std::vector<Match>* out) const;
  // The country with this ISO alpha-3 code ("SYR").
  std::optional<uint32_t> Country(std::string_view code) const;
  PlaceInfo place(uint32_t i) const;
  uint32_t size() const;
  // The most tokens any name has.
  uint32_t max_name_tokens() const;
  // Where the index was read from or written to, and whether Open compiled it.
  const std::string& index_path() const { return image_->path(); }
  bool compiled() const { return image_->compiled(); }

 private:
  Gazetteer() = default;

  std::unique_ptr<MappedImage> image_;  // the index (see mapped_image.h)
  const char* data_ = nullptr;          // its bytes
};

}  // namespace palmyra

#endif  // PALMYRA_RESOLVE_GAZETTEER_H_
