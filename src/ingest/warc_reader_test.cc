#include "ingest/warc_reader.h"

#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "core/file.h"

namespace palmyra {
namespace {

namespace fs = std::filesystem;

std::string Gzip(const std::string& data) {
  z_stream z;
  std::memset(&z, 0, sizeof z);
  EXPECT_EQ(deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY),
            Z_OK);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string Record(const std::string& type, const std::string& uri, const std::string& block,
                   const std::string& content_type = "application/http; msgtype=response") {
  static int serial = 0;
  std::string r =
      "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-" +
      std::to_string(100000000000 + ++serial) + ">\r\nWARC-Date: 2016-03-18T04:00:00Z\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "Content-Type: " + content_type + "\r\nContent-Length: " + std::to_string(block.size()) +
       "\r\n\r\n" + block + "\r\n\r\n";
  return r;
}

std::string Http(const std::string& status, const std::string& headers, const std::string& body) {
  return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n" + body;
}

const char kPageA[] =
    "<html><head><title>Aid convoy reaches Madaya</title></head><body><article>"
    "<h1>Aid convoy reaches Madaya</h1>"
    "<p>An aid convoy reached the besieged town of Madaya on Monday, the Red Cross said.</p>"
    "<p>Residents said dozens of people had died of hunger since December.</p>"
    "</article></body></html>";
const char kPageB[] =
    "<html><head><meta property=\"article:published_time\" content=\"2016-03-17T08:00:00Z\">"
    "<meta property=\"og:site_name\" content=\"Cedar Post\"></head><body><div id=\"story\">"
    "<p>Lebanon's army said on Thursday it had arrested six men near the Syrian border.</p>"
    "<p>The men were carrying weapons and explosives, a military source said.</p>"
    "</div></body></html>";

// Records of every kind, two of them pages: A plain, B chunked and gzipped.
std::vector<std::string> MixedRecords() {
  std::string gzipped = Gzip(kPageB);
  char size[16];
  std::snprintf(size, sizeof size, "%zx", gzipped.size());
  const std::string chunked = std::string(size) + "\r\n" + gzipped + "\r\n0\r\n\r\n";
  return {
      Record("warcinfo", "", "software: test\r\nformat: WARC File Format 1.0\r\n",
             "application/warc-fields"),
      Record("request", "https://news.example/madaya", "GET /madaya HTTP/1.1\r\nHost: x\r\n\r\n",
             "application/http; msgtype=request"),
      Record("response", "https://news.example/madaya",
             Http("200 OK", "Content-Type: text/html; charset=utf-8\r\n", kPageA)),
      Record("response", "https://news.example/old",
             Http("301 Moved Permanently", "Location: https://news.example/new\r\n", "")),
      Record("response", "https://news.example/photo.jpg",
             Http("200 OK", "Content-Type: image/jpeg\r\n", std::string("\xFF\xD8\xFF\xE0", 4))),
      Record("metadata", "https://news.example/madaya", "fetchTimeMs: 120\r\n",
             "application/warc-fields"),
      Record("response", "https://cedar.example/arrests",
             Http("200 OK",
                  "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
                  "Content-Encoding: gzip\r\n",
                  chunked)),
      Record("resource", "https://news.example/robots.txt", "User-agent: *\r\n", "text/plain"),
  };
}

class WarcReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           (std::string("palmyra_warc_") +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& bytes) {
    const std::string path = (dir_ / name).string();
    EXPECT_TRUE(WriteFile(path, bytes).ok());
    return path;
  }
  std::vector<Document> ReadAll(const std::string& path, std::vector<IngestProblem>* problems) {
    auto reader = WarcReader::Open(path);
    EXPECT_TRUE(reader.ok());
    std::vector<Document> docs;
    Document d;
    while ((*reader)->Next(&d, problems)) docs.push_back(d);
    records_ = (*reader)->records();
    return docs;
  }
  fs::path dir_;
  uint64_t records_ = 0;
};

void ExpectTheTwoPages(const std::vector<Document>& docs) {
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].url, "https://news.example/madaya");
  EXPECT_EQ(docs[0].title, "Aid convoy reaches Madaya");
  ASSERT_TRUE(docs[0].published.has_value());
  EXPECT_EQ(docs[0].published->ToString(), "2016-03-18");  // WARC-Date: the page has none
  EXPECT_EQ(docs[0].text,
            "An aid convoy reached the besieged town of Madaya on Monday, the Red Cross said.\n\n"
            "Residents said dozens of people had died of hunger since December.");
  EXPECT_EQ(docs[1].url, "https://cedar.example/arrests");
  EXPECT_EQ(docs[1].source, "Cedar Post");
  ASSERT_TRUE(docs[1].published.has_value());
  EXPECT_EQ(docs[1].published->ToString(), "2016-03-17");  // the page's own date
  EXPECT_EQ(docs[1].text.rfind("Lebanon's army said on Thursday", 0), 0u) << docs[1].text;
}

TEST_F(WarcReaderTest, OnlyHtmlResponsesBecomeArticles) {
  std::string warc;
  for (const std::string& r : MixedRecords()) warc += r;
  std::vector<IngestProblem> problems;
  const auto docs = ReadAll(Write("crawl.warc", warc), &problems);
  EXPECT_TRUE(problems.empty()) << problems[0].where << ": " << problems[0].message;
  ExpectTheTwoPages(docs);
  EXPECT_EQ(records_, 8u);
}

TEST_F(WarcReaderTest, GzipRecordByRecordReadsTheSame) {
  std::string warc_gz;
  for (const std::string& r : MixedRecords()) warc_gz += Gzip(r);
  std::vector<IngestProblem> problems;
  const auto docs = ReadAll(Write("crawl.warc.gz", warc_gz), &problems);
  EXPECT_TRUE(problems.empty()) << problems[0].message;
  ExpectTheTwoPages(docs);
}

TEST_F(WarcReaderTest, ABrokenHeaderIsReportedWithItsOffsetAndTheNextRecordRead) {
  const auto records = MixedRecords();
  const std::string before = records[0] + records[1];
  std::string warc = before + "GARBAGE THAT IS NOT A HEADER\r\nmore junk\r\n";
  for (size_t i = 2; i < records.size(); ++i) warc += records[i];
  // A record whose Content-Length is missing.
  warc += "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\n\r\n";
  warc += records[2];
  std::vector<IngestProblem> problems;
  const auto docs = ReadAll(Write("broken.warc", warc), &problems);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].where.find("broken.warc@" + std::to_string(before.size())),
            std::string::npos)
      << problems[0].where;
  EXPECT_NE(problems[0].message.find("not a WARC record header"), std::string::npos);
  EXPECT_NE(problems[1].message.find("Content-Length"), std::string::npos);
  ASSERT_EQ(docs.size(), 3u);  // both pages, and A again after the bad record
  EXPECT_EQ(docs[2].url, "https://news.example/madaya");
}

TEST_F(WarcReaderTest, TruncatedGzipEndsTheFileAfterWhatCouldBeRead) {
  std::string warc_gz;
  for (const std::string& r : MixedRecords()) warc_gz += Gzip(r);
  warc_gz.resize(warc_gz.size() - 40);  // into the last record
  std::vector<IngestProblem> problems;
  const auto docs = ReadAll(Write("cut.warc.gz", warc_gz), &problems);
  ExpectTheTwoPages(docs);
  ASSERT_EQ(problems.size(), 1u) << problems[0].message << " / " << problems[1].where << ": "
                                 << problems[1].message;
  EXPECT_NE(problems[0].message.find("truncated or damaged gzip"), std::string::npos);
  EXPECT_NE(problems[0].where.find("cut.warc.gz@"), std::string::npos);
}

TEST_F(WarcReaderTest, ARecordCutShortIsReported) {
  const auto records = MixedRecords();
  std::string warc = records[2] + records[2];
  warc.resize(warc.size() - 100);
  std::vector<IngestProblem> problems;
  const auto docs = ReadAll(Write("short.warc", warc), &problems);
  EXPECT_EQ(docs.size(), 1u);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].message.find("cut short"), std::string::npos);
}

TEST(WarcCodingsTest, ChunksAndCompressionAreUndone) {
  std::string out;
  EXPECT_TRUE(Dechunk("4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\n\r\n", &out));
  EXPECT_EQ(out, "Wikipedia");
  EXPECT_FALSE(Dechunk("zz\r\nWiki\r\n", &out));
  EXPECT_FALSE(Dechunk("40\r\nshort\r\n", &out));
  EXPECT_TRUE(Inflate(Gzip("hello, world"), &out));
  EXPECT_EQ(out, "hello, world");
  EXPECT_FALSE(Inflate("not compressed at all", &out));
}

}  // namespace
}  // namespace palmyra
