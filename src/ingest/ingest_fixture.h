// Test helper: the bytes of a file of tests/data/ingest/.
#ifndef PALMYRA_INGEST_INGEST_FIXTURE_H_
#define PALMYRA_INGEST_INGEST_FIXTURE_H_

#include <gtest/gtest.h>

#include <string>

#include "core/file.h"

namespace palmyra {

inline std::string IngestFixture(const std::string& name) {
  auto bytes = ReadFile(std::string(PALMYRA_TEST_SOURCE_DIR) + "/tests/data/ingest/" + name);
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  return bytes.ok() ? *bytes : "";
}

}  // namespace palmyra

#endif  // PALMYRA_INGEST_INGEST_FIXTURE_H_
