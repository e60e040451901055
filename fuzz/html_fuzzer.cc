// libFuzzer target: web pages (ingest/html_article.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/html_article.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto article = palmyra::ExtractHtmlArticle(bytes, "https://fuzz.example/page");
  if (article.ok() && article->text.empty()) __builtin_trap();  // text is promised
  palmyra::HtmlFragmentText(bytes);
  palmyra::ParseWebDate(bytes.substr(0, 64));
  return 0;
}
