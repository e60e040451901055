#include "core/data_file.h"

#include "core/file.h"
#include "core/strings.h"

namespace palmyra {

std::string_view StripComment(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || IsAsciiSpace(line[i - 1]))) {
      line = line.substr(0, i);
      break;
    }
  }
  return Trim(line);
}

std::string StripDictionaryComments(std::string_view line, bool* in_block) {
  std::string out;
  size_t i = 0;
  while (i < line.size()) {
    if (*in_block) {
      const size_t close = line.find("-->", i);
      if (close == std::string_view::npos) break;
      i = close + 3;
      *in_block = false;
      continue;
    }
    const size_t open = line.find("<!--", i);
    if (open == std::string_view::npos) {
      out.append(line.substr(i));
      break;
    }
    out.append(line.substr(i, open - i));
    i = open + 4;
    *in_block = true;
  }
  return std::string(StripComment(out));
}

Status ForEachDataLine(const std::string& path,
                       const std::function<Status(std::string_view, int)>& fn) {
  ASSIGN_OR_RETURN(std::string contents, ReadFile(path));
  int line_number = 0;
  size_t pos = 0;
  while (pos < contents.size()) {
    size_t end = contents.find('\n', pos);
    if (end == std::string::npos) end = contents.size();
    ++line_number;
    const std::string_view line = StripComment(std::string_view(contents).substr(pos, end - pos));
    pos = end + 1;
    if (line.empty()) continue;
    Status status = fn(line, line_number);
    if (!status.ok())
      return Status(status.code(),
                    path + ":" + std::to_string(line_number) + ": " + status.message());
  }
  return Status::Ok();
}

}  // namespace palmyra
