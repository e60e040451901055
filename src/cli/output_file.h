// OutputFile: where a command writes its results, with every write checked.
// A regular file is written under a temporary name beside it and renamed
// over it only when everything was written, so a failed run (a full disk,
// an interrupted write) never leaves half a file where the last good one
// was; standard output, devices and pipes are written directly.
#ifndef PALMYRA_CLI_OUTPUT_FILE_H_
#define PALMYRA_CLI_OUTPUT_FILE_H_

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "palmyra/status.h"

namespace palmyra {

class OutputFile {
 public:
  // "" or "-": standard output.
  static Result<std::unique_ptr<OutputFile>> Open(const std::string& path);
  ~OutputFile();  // an output not closed is removed, its temporary file with it
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Writes `data`; after a failure, later writes do nothing and Close()
  // reports it.
  void Write(std::string_view data);
  // Flushes and closes, renaming the temporary file into place; the first
  // error of any write, with its reason, naming the file.
  Status Close();
  const std::string& path() const { return path_; }

 private:
  OutputFile() = default;
  std::FILE* file_ = nullptr;
  std::string path_;       // as the user named it ("<stdout>" for standard output)
  std::string temporary_;  // the file written, renamed to path_ at the end; "" when direct
  int error_ = 0;          // errno of the first failed write
  bool closed_ = false;
};

// Whether `output` names the same file as one of `inputs` (which writing it
// would destroy before it is read).
bool IsAlsoAnInput(const std::string& output, const std::vector<std::string>& inputs);

}  // namespace palmyra

#endif  // PALMYRA_CLI_OUTPUT_FILE_H_
