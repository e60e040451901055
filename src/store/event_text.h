// Writing events for people rather than programs (palmyra code --format
// text): a line with the actors, codes, modality, attribution, date, place
// and quantities, then the evidence, quoted, on a line of its own.
#ifndef PALMYRA_STORE_EVENT_TEXT_H_
#define PALMYRA_STORE_EVENT_TEXT_H_

#include <string>

#include "palmyra/event.h"

namespace palmyra {

// Appends `e` as two lines.
void AppendEventText(const Event& e, std::string* out);

}  // namespace palmyra

#endif  // PALMYRA_STORE_EVENT_TEXT_H_
