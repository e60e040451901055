#include "ingest/document_source.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace palmyra {
namespace {

namespace fs = std::filesystem;

class DocumentSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("palmyra_ingest_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& contents) {
    const fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << contents;
    return path.string();
  }
  // Reads every article of `inputs`; problems go to *problems.
  static std::vector<Document> ReadAll(const std::vector<std::string>& inputs,
                                       std::vector<IngestProblem>* problems,
                                       IngestOptions options = {}) {
    DocumentSource source(inputs, options);
    std::vector<Document> docs;
    Document doc;
    while (source.Next(&doc, problems)) docs.push_back(doc);
    return docs;
  }
  fs::path dir_;
};

TEST_F(DocumentSourceTest, ATextFileIsOneArticleWithItsFirstLineAsHeadline) {
  const std::string path = Write("a.txt", "Rebels seize town\nSyrian rebels seized the town.\n");
  std::vector<IngestProblem> problems;
  const auto docs = ReadAll({path}, &problems);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(docs[0].id, path);
  EXPECT_EQ(docs[0].title, "Rebels seize town");
  EXPECT_NE(docs[0].text.find("Syrian rebels seized the town."), std::string::npos);
  EXPECT_FALSE(docs[0].published.has_value());
}

TEST_F(DocumentSourceTest, JsonLinesGiveOneArticleALineWithTheirFields) {
  const std::string path =
      Write("b.jsonl",
            "{\"id\": \"x1\", \"title\": \"T\", \"text\": \"Body one.\", \"date\": "
            "\"2020-02-03\", \"url\": \"http://e/1\", \"source\": \"Wire\", \"extra\": [1, 2]}\n"
            "\n"
            "{\"id\": 42, \"text\": \"Body two.\", \"date\": \"2020-02-04T10:30:00Z\"}\n");
  std::vector<IngestProblem> problems;
  const auto docs = ReadAll({path}, &problems);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_TRUE(problems.empty()) << problems[0].where << ": " << problems[0].message;
  EXPECT_EQ(docs[0].id, "x1");
  EXPECT_EQ(docs[0].title, "T");
  EXPECT_EQ(docs[0].url, "http://e/1");
  EXPECT_EQ(docs[0].source, "Wire");
  ASSERT_TRUE(docs[0].published.has_value());
  EXPECT_EQ(docs[0].published->ToString(), "2020-02-03");
  EXPECT_EQ(docs[1].id, "42");
  ASSERT_TRUE(docs[1].published.has_value());
  EXPECT_EQ(docs[1].published->ToString(), "2020-02-04");
}

TEST_F(DocumentSourceTest, ABrokenLineIsReportedWithFileAndLineAndTheRestIsRead) {
  const std::string path =
      Write("c.jsonl",
            "{\"id\": \"ok1\", \"text\": \"One.\"}\n"
            "{\"id\": \"broken\", \"text\": \"unterminated}\n"
            "[1, 2, 3]\n"
            "{\"id\": \"notext\"}\n"
            "{\"id\": \"badtype\", \"text\": 7}\n"
            "{\"id\": \"baddate\", \"text\": \"Two.\", \"date\": \"yesterday\"}\n"
            "{\"id\": \"ok2\", \"text\": \"Three.\"}\n");
  std::vector<IngestProblem> problems;
  IngestOptions options;
  options.default_date = Date::Parse("2021-01-01");
  const auto docs = ReadAll({path}, &problems, options);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "ok1");
  EXPECT_EQ(docs[1].id, "baddate");
  EXPECT_EQ(docs[1].published->ToString(), "2021-01-01");  // the default date
  EXPECT_EQ(docs[2].id, "ok2");
  ASSERT_EQ(problems.size(), 5u);
  EXPECT_EQ(problems[0].where, path + ":2");
  EXPECT_TRUE(problems[0].unreadable);
  EXPECT_EQ(problems[1].where, path + ":3");
  EXPECT_EQ(problems[2].where, path + ":4");
  EXPECT_NE(problems[2].message.find("text"), std::string::npos);
  EXPECT_EQ(problems[3].where, path + ":5");
  EXPECT_EQ(problems[4].where, path + ":6");
  EXPECT_FALSE(problems[4].unreadable);  // a warning: the article is still coded
}

TEST_F(DocumentSourceTest, AByteOrderMarkDoesNotCostTheFirstRecord) {
  const std::string path = Write("bom.jsonl",
                                 "\xEF\xBB\xBF{\"id\": \"first\", \"text\": \"One.\"}\n"
                                 "{\"id\": \"second\", \"text\": \"Two.\"}\n");
  std::vector<IngestProblem> problems;
  const auto docs = ReadAll({path}, &problems);
  EXPECT_TRUE(problems.empty()) << problems[0].message;
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "first");
}

TEST_F(DocumentSourceTest, GzipCompressedJsonLinesAreReadLineByLine) {
  std::string lines;
  for (int i = 0; i < 500; ++i) {
    lines += "{\"id\": \"n" + std::to_string(i) + "\", \"text\": \"Article number " +
             std::to_string(i) + ".\"}\n";
  }
  const std::string path = (dir_ / "news.jsonl.gz").string();
  gzFile gz = gzopen(path.c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  ASSERT_EQ(gzwrite(gz, lines.data(), static_cast<unsigned>(lines.size())),
            static_cast<int>(lines.size()));
  gzclose(gz);
  std::vector<IngestProblem> problems;
  const auto docs = ReadAll({path}, &problems);
  EXPECT_TRUE(problems.empty()) << problems[0].message;
  ASSERT_EQ(docs.size(), 500u);
  EXPECT_EQ(docs[0].id, "n0");
  EXPECT_EQ(docs[499].text, "Article number 499.");
  // Cut short: what comes before the cut is read, and the damage reported.
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string cut = Write("cut.jsonl.gz", bytes.substr(0, bytes.size() / 2));
  problems.clear();
  const auto some = ReadAll({cut}, &problems);
  EXPECT_GT(some.size(), 0u);
  EXPECT_LT(some.size(), 500u);
  ASSERT_FALSE(problems.empty());
  EXPECT_NE(problems.back().message.find("damaged or truncated"), std::string::npos)
      << problems.back().message;
}

TEST_F(DocumentSourceTest, ADirectoryIsReadRecursivelyInNameOrderSkippingHiddenAndOtherFiles) {
  Write("d/b.txt", "Second\nbody\n");
  Write("d/a.jsonl", "{\"id\": \"first\", \"text\": \"x\"}\n");
  Write("d/sub/c.txt", "Third\nbody\n");
  Write("d/.hidden/e.txt", "Hidden\nbody\n");
  Write("d/notes.md", "not an article\n");
  std::vector<IngestProblem> problems;
  const auto docs = ReadAll({(dir_ / "d").string()}, &problems);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(docs[0].id, "first");
  EXPECT_EQ(docs[1].title, "Second");
  EXPECT_EQ(docs[2].title, "Third");
}

TEST_F(DocumentSourceTest, ASymbolicLinkLoopIsReportedAndTheRestOfTheFolderRead) {
  Write("d/a.txt", "First\nbody\n");
  Write("d/sub/b.txt", "Second\nbody\n");
  fs::create_symlink("loop.txt", dir_ / "d" / "loop.txt");  // itself
  fs::create_symlink("..", dir_ / "d" / "sub" / "up");      // a folder above
  fs::create_symlink("nowhere.txt", dir_ / "d" / "z.txt");  // dangling
  std::vector<IngestProblem> problems;
  const auto docs =
      ReadAll({(dir_ / "d").string(), Write("after.txt", "Third\nbody\n")}, &problems);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].title, "First");
  EXPECT_EQ(docs[1].title, "Second");
  EXPECT_EQ(docs[2].title, "Third");
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].where.find("loop.txt"), std::string::npos);
  EXPECT_TRUE(problems[0].unreadable);
  EXPECT_NE(problems[1].where.find("z.txt"), std::string::npos);
}

TEST_F(DocumentSourceTest, AMissingInputIsReportedAndTheNextOneRead) {
  const std::string good = Write("g.txt", "Headline\nBody.\n");
  std::vector<IngestProblem> problems;
  const auto docs = ReadAll({(dir_ / "missing.txt").string(), good}, &problems);
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where, (dir_ / "missing.txt").string());
  EXPECT_NE(problems[0].message.find("no such file"), std::string::npos);
}

TEST_F(DocumentSourceTest, AFileWithoutExtensionIsReadByItsContent) {
  const std::string json = Write("feed", "{\"id\": \"j\", \"text\": \"x\"}\n");
  const std::string text = Write("story", "Just a story.\n");
  std::vector<IngestProblem> problems;
  const auto docs = ReadAll({json, text}, &problems);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "j");
  EXPECT_EQ(docs[1].id, text);
}

TEST_F(DocumentSourceTest, PagesFeedsAndCrawlsAreToldByContentNotName) {
  const std::string page = Write(
      "page.txt",  // a page saved with the wrong extension
      "<!DOCTYPE html><html><head><title>Port closed</title>"
      "<meta property=\"article:published_time\" content=\"2021-05-04\"></head><body>"
      "<nav><a href=\"/\">Home</a></nav><article><p>The port of Berbera closed on Tuesday for "
      "repairs, the port authority said.</p></article></body></html>");
  const std::string feed =
      Write("latest",
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>"
            "<item><title>Talks</title><link>https://wire.example/talks</link>"
            "<description>Talks resumed in Juba on Monday.</description></item>"
            "</channel></rss>");
  const std::string crawl =
      Write("crawl.dat", "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n");
  std::vector<IngestProblem> problems;
  const auto docs = ReadAll({page, feed, crawl}, &problems);
  EXPECT_TRUE(problems.empty()) << problems[0].where << ": " << problems[0].message;
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, page);
  EXPECT_EQ(docs[0].title, "Port closed");
  EXPECT_EQ(docs[0].text,
            "The port of Berbera closed on Tuesday for repairs, the port authority said.");
  ASSERT_TRUE(docs[0].published.has_value());
  EXPECT_EQ(docs[0].published->ToString(), "2021-05-04");
  EXPECT_EQ(docs[1].id, "https://wire.example/talks");
  EXPECT_EQ(docs[1].source, "Wire");
  EXPECT_EQ(DetectInputFormat("WARC/1.1\r\n"), InputFormat::kWarc);
  EXPECT_EQ(DetectInputFormat("\xEF\xBB\xBF  {\"id\": 1}"), InputFormat::kJsonLines);
  EXPECT_EQ(DetectInputFormat("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), InputFormat::kFeed);
  EXPECT_EQ(DetectInputFormat("<div class=\"story\"><p>Text</p></div>"), InputFormat::kHtml);
  EXPECT_EQ(DetectInputFormat("<<< not markup, a text that starts oddly"), InputFormat::kText);
  EXPECT_EQ(DetectInputFormat("Rebels seize town"), InputFormat::kText);
  EXPECT_EQ(DetectInputFormat(std::string("\x89PNG\r\n\x1a\n\0\0", 10)), InputFormat::kBinary);
}

TEST_F(DocumentSourceTest, BadPagesAndFeedsAreReportedAndTheRestRead) {
  const std::string binary = Write("d/a.html", std::string("<html>\0\x01\x02binary", 16));
  Write("d/b.xml",
        "<?xml version=\"1.0\"?><rss><channel><item><title>One</title>"
        "<description>Troops withdrew from the town.</description></item>"
        "<item><title>Two & broken");
  Write("d/c.warc.gz", "\x1f\x8b\x08\x00 not really gzip");
  Write("d/d.txt", "Headline\nStill read.\n");
  std::vector<IngestProblem> problems;
  const auto docs = ReadAll({(dir_ / "d").string()}, &problems);
  ASSERT_GE(docs.size(), 2u);
  EXPECT_EQ(docs.front().text, "Troops withdrew from the town.");
  EXPECT_EQ(docs.back().title, "Headline");
  ASSERT_GE(problems.size(), 2u);
  EXPECT_EQ(problems[0].where, binary);
  EXPECT_NE(problems[0].message.find("binary"), std::string::npos);
  EXPECT_EQ(problems[1].where.rfind((dir_ / "d" / "b.xml").string() + ":", 0), 0u)
      << problems[1].where;
}

// Articles over the size cap are skipped with a message naming them, and
// never read whole into memory: a small .txt.gz expanding to 8 MB, a JSON
// Lines record of 3 MB (plain and compressed), a page, a stream. Articles
// beside them are read.
TEST_F(DocumentSourceTest, ArticlesOverTheSizeCapAreSkippedAndNamed) {
  IngestOptions options;
  options.max_article_bytes = 1 << 20;
  auto gzip = [&](const std::string& name, const std::string& bytes) {
    const std::string path = (dir_ / name).string();
    gzFile gz = gzopen(path.c_str(), "wb9");
    EXPECT_NE(gz, nullptr);
    for (size_t at = 0; at < bytes.size(); at += 1 << 20) {
      const size_t n = std::min<size_t>(1 << 20, bytes.size() - at);
      EXPECT_EQ(gzwrite(gz, bytes.data() + at, static_cast<unsigned>(n)), static_cast<int>(n));
    }
    gzclose(gz);
    return path;
  };
  const std::string bomb = gzip("a_bomb.txt.gz", "Headline\n" + std::string(8 << 20, 'a'));
  const std::string huge_line =
      "{\"id\": \"huge\", \"text\": \"" + std::string(3 << 20, 'b') + "\"}\n";
  const std::string small_line = "{\"id\": \"small\", \"text\": \"Fine.\"}\n";
  const std::string jsonl = Write("b.jsonl", small_line + huge_line + small_line);
  const std::string jsonl_gz = gzip("c.jsonl.gz", huge_line + small_line);
  const std::string page =
      Write("d.html", "<html><body><p>" + std::string(2 << 20, 'c') + "</p></body></html>");
  const std::string text = Write("e.txt", "Headline\nStill read.\n");
  std::vector<IngestProblem> problems;
  const auto docs = ReadAll({bomb, jsonl, jsonl_gz, page, text}, &problems, options);
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].id, "small");
  EXPECT_EQ(docs[1].id, "small");
  EXPECT_EQ(docs[2].id, "small");
  EXPECT_EQ(docs[3].title, "Headline");
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0].where, bomb);
  EXPECT_EQ(problems[1].where, jsonl + ":2");
  EXPECT_EQ(problems[2].where, jsonl_gz + ":1");
  EXPECT_EQ(problems[3].where, page);
  for (const IngestProblem& p : problems) {
    EXPECT_TRUE(p.unreadable);
    EXPECT_NE(p.message.find("longer than 1048576 bytes"), std::string::npos) << p.message;
    EXPECT_NE(p.message.find("--max-article-bytes"), std::string::npos) << p.message;
  }
  // Under the default cap the same JSON Lines record is read.
  problems.clear();
  EXPECT_EQ(ReadAll({jsonl}, &problems).size(), 3u);
  EXPECT_TRUE(problems.empty());
}

TEST_F(DocumentSourceTest, InvalidUtf8IsReportedNotFatal) {
  const std::string path = Write("u.jsonl",
                                 "{\"id\": \"bad\", \"text\": \"caf\xC3\x28\"}\n"
                                 "{\"id\": \"good\", \"text\": \"fine\"}\n");
  std::vector<IngestProblem> problems;
  const auto docs = ReadAll({path}, &problems);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "good");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where, path + ":1");
}

}  // namespace
}  // namespace palmyra
