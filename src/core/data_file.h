// Reading Palmyra's line-oriented data files: one record a line, "#" starts a
// comment, blank lines are ignored. Errors name the file and line.
#ifndef PALMYRA_CORE_DATA_FILE_H_
#define PALMYRA_CORE_DATA_FILE_H_

#include <functional>
#include <string>
#include <string_view>

#include "palmyra/status.h"

namespace palmyra {

// Calls `fn(line, line_number)` for each line of `path` with its comment and
// surrounding whitespace removed, skipping lines left empty. Stops at the
// first error `fn` returns, adding "path:line: " to its message.
Status ForEachDataLine(const std::string& path,
                       const std::function<Status(std::string_view, int)>& fn);

// Removes a "#" comment (a "#" at the start or after whitespace) and trims.
std::string_view StripComment(std::string_view line);

// Like StripComment, and also removes <!-- ... --> blocks, which may span
// lines (TABARI and PETRARCH dictionaries use them): *in_block says whether
// a block is open at the start of `line`, and is updated for the next line.
std::string StripDictionaryComments(std::string_view line, bool* in_block);

}  // namespace palmyra

#endif  // PALMYRA_CORE_DATA_FILE_H_
