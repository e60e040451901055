// Writing events as JSON, one object a line, with the fields of the output
// contract in a fixed order. Strings are written as valid UTF-8 and escaped;
// numbers have a fixed precision, so the same events always give the same
// bytes.
#ifndef PALMYRA_STORE_EVENT_JSON_H_
#define PALMYRA_STORE_EVENT_JSON_H_

#include <string>
#include <string_view>

#include "palmyra/event.h"
#include "palmyra/status.h"

namespace palmyra {

// Appends `s` as a JSON string literal (with quotes).
void AppendJsonString(std::string_view s, std::string* out);

// Appends one event as a single-line JSON object followed by "\n".
void AppendEventJson(const Event& event, std::string* out);

// Reads one event written by AppendEventJson (a line of `palmyra code`'s
// output) into *event; fails, saying which field, on anything else.
Status ParseEventJson(std::string_view line, Event* event);

}  // namespace palmyra

#endif  // PALMYRA_STORE_EVENT_JSON_H_
