// `palmyra watch` against a feed server run by the test (cpp-httplib): feeds
// that change between polls (with ETags), fail with 500, answer too late,
// hold invalid XML or no feed at all, and pages for --fetch-pages. What
// the database holds afterwards is read with `palmyra export`.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "test_processes.h"

namespace fs = std::filesystem;

namespace palmyra {
namespace {

std::string Item(const std::string& id, const std::string& base, const std::string& text) {
  return "<item><title>Story " + id + "</title><link>" + base + "/pages/" + id +
         ".html</link><pubDate>Mon, 05 Jun 2023 10:00:00 GMT</pubDate><description>" + text +
         "</description></item>";
}

std::string Feed(const std::vector<std::string>& items) {
  std::string xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test Wire</title>";
  for (const std::string& i : items) xml += i;
  return xml + "</channel></rss>";
}

class FeedServer {
 public:
  FeedServer() {
    server_.Get("/news.xml", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mutex_);
      const int n = ++news_requests_;
      if (req.get_header_value("User-Agent").rfind("Palmyra/", 0) != 0) bad_agent_ = true;
      const std::string asked = req.get_header_value("If-None-Match");
      if (n > 1 && asked.empty()) unconditional_ = true;
      // The first answer has A and B; the second, C besides; then nothing changes.
      const std::string etag = n == 1 ? "\"v1\"" : "\"v2\"";
      if (asked == etag) {
        res.status = 304;
        return;
      }
      std::vector<std::string> items = {
          Item("a", base_,
               "Rebels attacked an army base near Gao on Monday, killing four soldiers."),
          Item("b", base_, "Mali and Niger agreed on Monday to hold joint border patrols.")};
      if (n > 1) {
        items.insert(items.begin(),
                     Item("c", base_, "Police arrested twenty protesters in Bamako on Monday."));
      }
      res.set_header("ETag", etag);
      res.set_content(Feed(items), "application/rss+xml");
    });
    server_.Get("/flaky.xml", [this](const httplib::Request&, httplib::Response& res) {
      if (++flaky_requests_ == 1) {
        res.status = 500;
        res.set_content("down", "text/plain");
        return;
      }
      res.set_content(Feed({Item("d", base_, "Chad expelled the French ambassador on Monday.")}),
                      "application/rss+xml");
    });
    server_.Get("/slow.xml", [](const httplib::Request&, httplib::Response& res) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2500));
      res.set_content(Feed({}), "application/rss+xml");
    });
    server_.Get("/broken.xml", [this](const httplib::Request&, httplib::Response& res) {
      // An item, then the XML breaks off.
      res.set_content(
          Feed({Item("e", base_, "Sudan recalled its envoy to Kenya on Monday.")}).substr(0, 400) +
              "<item><title>Unclosed",
          "application/rss+xml");
    });
    server_.Get("/page.html", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("<html><body><p>Not a feed at all.</p></body></html>", "text/html");
    });
    server_.Get(R"(/pages/(\w+)\.html)", [](const httplib::Request& req, httplib::Response& res) {
      const std::string id = req.matches[1];
      if (id == "b") {
        res.status = 404;
        return;
      }
      res.set_content("<html><head><title>Story " + id +
                          "</title></head><body><article><p>Rebels attacked an army base near "
                          "Gao on Monday, killing four soldiers, the army said.</p><p>The "
                          "page's own words: item " +
                          id +
                          " was read from its page, with a second paragraph that the feed "
                          "did not carry.</p></article></body></html>",
                      "text/html");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    base_ = "http://127.0.0.1:" + std::to_string(port_);
    thread_ = std::thread([this]() { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ~FeedServer() {
    server_.stop();
    thread_.join();
  }
  const std::string& base() const { return base_; }
  int news_requests() {
    std::lock_guard<std::mutex> lock(mutex_);
    return news_requests_;
  }
  bool bad_agent() const { return bad_agent_; }
  bool unconditional() const { return unconditional_; }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::string base_;
  std::mutex mutex_;
  int news_requests_ = 0;
  std::atomic<int> flaky_requests_{0};
  std::atomic<bool> bad_agent_{false}, unconditional_{false};
};

class WatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("palmyra_watch_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string WriteFeeds(const std::vector<std::string>& paths) {
    const std::string file = (dir_ / "feeds.txt").string();
    std::ofstream out(file);
    out << "# feeds of the test\n\n";
    for (const std::string& p : paths) out << server_.base() << p << "\n";
    return file;
  }
  // The stored articles' ids and texts, by `palmyra export`'s happenings
  // evidence and the database's article table (through show).
  std::set<std::string> StoredDocs(const std::string& db) {
    std::set<std::string> ids;
    const Output events = Shell(std::string(PALMYRA_TEST_BINARY) + " export --db " + db);
    std::istringstream in(events.text);
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line[0] == '{') ids.insert(nlohmann::json::parse(line)["doc_id"]);
    }
    return ids;
  }

  FeedServer server_;
  fs::path dir_;
};

TEST_F(WatchTest, TakesOnlyWhatIsNewAndSurvivesBrokenFeeds) {
  const std::string feeds =
      WriteFeeds({"/news.xml", "/flaky.xml", "/slow.xml", "/broken.xml", "/page.html"});
  const std::string db = (dir_ / "w.db").string();
  const Output run = Shell(std::string(PALMYRA_TEST_BINARY) + " watch " + feeds + " --db " + db +
                           " --every 300ms --polls 4 --timeout 1s");
  EXPECT_EQ(run.status, 0) << run.text;
  // Four polls of news.xml: A and B, then C, then unchanged twice.
  EXPECT_EQ(server_.news_requests(), 4);
  EXPECT_FALSE(server_.unconditional()) << "a poll after the first did not send the ETag";
  EXPECT_FALSE(server_.bad_agent());
  EXPECT_NE(run.text.find("poll 1 at"), std::string::npos) << run.text;
  EXPECT_NE(run.text.find("poll 4 at"), std::string::npos) << run.text;
  // The first poll: A, B and E (the broken feed's readable item); the
  // second: C, and D from the feed that failed with 500 the first time.
  EXPECT_NE(run.text.find("3 new article(s)"), std::string::npos) << run.text;
  EXPECT_NE(run.text.find("2 new article(s)"), std::string::npos) << run.text;
  EXPECT_NE(run.text.find("/flaky.xml: HTTP 500"), std::string::npos) << run.text;
  EXPECT_NE(run.text.find("/slow.xml: no full answer within 1 s"), std::string::npos) << run.text;
  EXPECT_NE(run.text.find("/page.html: not an RSS or Atom feed"), std::string::npos) << run.text;
  EXPECT_NE(run.text.find("/broken.xml"), std::string::npos) << run.text;
  EXPECT_NE(run.text.find("1 unchanged"), std::string::npos) << run.text;
  // Each article stored once: those with events show in the export.
  const std::set<std::string> stored = StoredDocs(db);
  const std::string pages = server_.base() + "/pages/";
  for (const char* id : {"a", "b", "c", "d"}) {
    EXPECT_EQ(stored.count(pages + id + ".html"), 1u) << id << " not stored";
  }
  const Output again = Shell(std::string(PALMYRA_TEST_BINARY) + " stats --db " + db);
  EXPECT_NE(again.text.find(": 5 articles"), std::string::npos) << again.text;
}

TEST_F(WatchTest, FetchesPagesForTheWholeArticle) {
  const std::string feeds = WriteFeeds({"/news.xml"});
  const std::string db = (dir_ / "p.db").string();
  const Output run = Shell(std::string(PALMYRA_TEST_BINARY) + " watch " + feeds + " --db " + db +
                           " --polls 1 --fetch-pages");
  EXPECT_EQ(run.status, 0) << run.text;
  EXPECT_NE(run.text.find("2 page(s) fetched, 1 not"), std::string::npos) << run.text;
  EXPECT_NE(run.text.find("/pages/b.html: page not read (HTTP 404)"), std::string::npos)
      << run.text;
  // A's text is its page's ("..., the army said": an attribution the
  // feed's text lacks); B kept the feed's.
  const Output shown = Shell(std::string(PALMYRA_TEST_BINARY) + " export --db " + db);
  EXPECT_NE(shown.text.find("\"attribution\":{\"text\":\"the army\""), std::string::npos)
      << shown.text;
  EXPECT_NE(shown.text.find("pages/b.html"), std::string::npos) << shown.text;
}

TEST_F(WatchTest, StopsCleanlyOnSigterm) {
  const std::string feeds = WriteFeeds({"/news.xml"});
  const std::string log = (dir_ / "watch.log").string();
  const pid_t pid = Start(std::string(PALMYRA_TEST_BINARY) + " watch " + feeds + " --db " +
                          (dir_ / "s.db").string() + " --every 1h 2>" + log);
  for (int i = 0; i < 200 && server_.news_requests() == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  const auto signalled = std::chrono::steady_clock::now();
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_LT(std::chrono::steady_clock::now() - signalled, std::chrono::seconds(5));
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  std::ifstream in(log);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("poll 1 at"), std::string::npos) << text;
  EXPECT_NE(text.find("stopped"), std::string::npos) << text;
}

// With --nats, new articles go onto the queue, for workers to code.
TEST_F(WatchTest, PutsNewArticlesOnTheQueue) {
  if (Shell("command -v nats-server").status != 0)
    GTEST_SKIP() << "nats-server is not installed (make setup installs it)";
  const int port = FreePort();
  const std::string store = (dir_ / "nats").string();
  const pid_t nats =
      Start("nats-server -js -a 127.0.0.1 -p " + std::to_string(port) + " -sd " + store);
  const std::string url = "nats://127.0.0.1:" + std::to_string(port);
  const std::string feeds = WriteFeeds({"/news.xml"});
  Output run;
  for (int i = 0; i < 30; ++i) {  // until the server listens
    run = Shell(std::string(PALMYRA_TEST_BINARY) + " watch " + feeds + " --nats " + url +
                " --polls 2 --every 200ms");
    if (run.status == 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(run.status, 0) << run.text;
  EXPECT_NE(run.text.find("2 new article(s): 2 enqueued, 0 queued before"), std::string::npos)
      << run.text;
  EXPECT_NE(run.text.find("1 new article(s): 1 enqueued"), std::string::npos) << run.text;
  const std::string db = (dir_ / "q.db").string();
  const Output worked = Shell(std::string(PALMYRA_TEST_BINARY) + " worker --nats " + url +
                              " --db " + db + " --drain");
  EXPECT_EQ(worked.status, 0) << worked.text;
  EXPECT_NE(worked.text.find("3 stored in"), std::string::npos) << worked.text;
  kill(nats, SIGTERM);
  Wait(nats);
}

TEST_F(WatchTest, ABadListIsRefusedWithItsLine) {
  const std::string file = (dir_ / "feeds.txt").string();
  std::ofstream(file) << "# feeds\nhttp://example.org/rss\nftp://example.org/feed\n";
  const Output run = Shell(std::string(PALMYRA_TEST_BINARY) + " watch " + file + " --db " +
                           (dir_ / "x.db").string() + " --polls 1");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(
      run.text.find("feeds.txt:3: 'ftp://example.org/feed' is not an http:// or https:// URL"),
      std::string::npos)
      << run.text;
  const Output no_place = Shell(std::string(PALMYRA_TEST_BINARY) + " watch " + file);
  EXPECT_EQ(no_place.status, 2);
  EXPECT_NE(no_place.text.find("--db FILE, --pg CONNINFO or --nats URL"), std::string::npos)
      << no_place.text;
  const Output bad_every =
      Shell(std::string(PALMYRA_TEST_BINARY) + " watch " + file + " --db x.db --every soon");
  EXPECT_EQ(bad_every.status, 2);
  EXPECT_NE(bad_every.text.find("--every 'soon' is not a duration"), std::string::npos)
      << bad_every.text;
}

}  // namespace
}  // namespace palmyra
