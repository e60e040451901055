// Document: one news article as handed to the engine. Readers in ingest/
// produce it; the engine never changes it. Every offset Palmyra reports is a
// byte offset into `text`.
#ifndef PALMYRA_DOCUMENT_H_
#define PALMYRA_DOCUMENT_H_

#include <optional>
#include <string>

#include "palmyra/date.h"

namespace palmyra {

struct Document {
  std::string id;                 // unique within a run; readers derive one when the input has none
  std::string url;                // may be empty
  std::string source;             // publisher or feed name; may be empty
  std::string title;              // headline; may be empty
  std::optional<Date> published;  // publication date, when known
  std::string text;               // UTF-8 article text (invalid bytes are tolerated and reported)
};

}  // namespace palmyra

#endif  // PALMYRA_DOCUMENT_H_
