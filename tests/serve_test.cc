// `palmyra serve` as users run it: a real server on a free port over a
// database coded from examples/, queried over HTTP. What the API answers is
// checked against what `palmyra export` reads from the same database and
// against the rules of each request (every event a filter lets through
// matches it; pages add up to the total; spans point at their words).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "serve/event_api.h"
#include "test_processes.h"

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace palmyra {
namespace {

const char kToken[] = "test-token-0123456789";

// Every byte but letters and digits as %XX.
std::string PercentEncoded(const std::string& s) {
  std::string out;
  for (const unsigned char c : s) {
    if (std::isalnum(c)) {
      out.push_back(static_cast<char>(c));
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

std::vector<Json> JsonLines(const std::string& text) {
  std::vector<Json> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(Json::parse(line));
  }
  return out;
}

class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("palmyra_serve_test_" + std::to_string(getpid())));
    fs::create_directories(*dir_);
    db_ = new std::string((*dir_ / "examples.db").string());
    const std::string examples = (fs::path(PALMYRA_TEST_SOURCE_DIR) / "examples").string();
    ASSERT_EQ(
        std::system(
            (std::string(PALMYRA_TEST_BINARY) + " code -q --db " + *db_ + " " + examples).c_str()),
        0);
    std::ofstream(*dir_ / "token.txt") << kToken << "\n";
    const std::string log = (*dir_ / "serve.log").string();
    pid_ = fork();
    if (pid_ == 0) {
      std::freopen(log.c_str(), "w", stderr);
      const std::string token = (*dir_ / "token.txt").string();
      execl(PALMYRA_TEST_BINARY, PALMYRA_TEST_BINARY, "serve", "--db", db_->c_str(), "--port", "0",
            "--token-file", token.c_str(), "--max-body-bytes", "100000", nullptr);
      _exit(127);
    }
    // The server says which port it took.
    for (int i = 0; i < 200 && port_ == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      std::ifstream in(log);
      const std::string text((std::istreambuf_iterator<char>(in)), {});
      const size_t at = text.find("http://127.0.0.1:");
      if (at != std::string::npos) port_ = std::atoi(text.c_str() + at + 17);
    }
    ASSERT_GT(port_, 0) << "the server did not start";
    all_ = new std::vector<Json>(JsonLines(
        Shell(std::string(PALMYRA_TEST_BINARY) + " export --modality all --db " + *db_, false)
            .text));
  }
  static void TearDownTestSuite() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status = 0;
      waitpid(pid_, &status, 0);
      // SIGTERM stops the server cleanly.
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "exit status " << status;
    }
    fs::remove_all(*dir_);
    delete dir_;
    delete db_;
    delete all_;
  }

  // GET `target`; the status, and the body as JSON when it is.
  std::pair<int, Json> Get(const std::string& target) {
    httplib::Client client("127.0.0.1", port_);
    auto res = client.Get(target.c_str());
    if (!res) return {0, Json()};
    return {res->status, Json::parse(res->body, nullptr, false)};
  }
  std::pair<int, Json> Post(const std::string& path, const std::string& body, bool token) {
    httplib::Client client("127.0.0.1", port_);
    httplib::Headers headers;
    if (token) headers.emplace("Authorization", std::string("Bearer ") + kToken);
    auto res = client.Post(path.c_str(), headers, body, "text/plain");
    if (!res) return {0, Json()};
    return {res->status, Json::parse(res->body, nullptr, false)};
  }
  // Every event of /api/events with these parameters, page by page.
  std::vector<Json> AllPages(const std::string& params, int limit, int64_t* total) {
    std::vector<Json> out;
    std::string cursor;
    for (int page = 0; page < 1000; ++page) {
      const auto [status, body] = Get("/api/events?limit=" + std::to_string(limit) + params +
                                      (cursor.empty() ? "" : "&cursor=" + cursor));
      EXPECT_EQ(status, 200) << body.dump();
      if (status != 200) break;
      *total = body["total"];
      EXPECT_LE(body["events"].size(), static_cast<size_t>(limit));
      for (const Json& e : body["events"]) out.push_back(e);
      if (body["next_cursor"].is_null()) break;
      cursor = body["next_cursor"];
    }
    return out;
  }

  static fs::path* dir_;
  static std::string* db_;
  static pid_t pid_;
  static int port_;
  static std::vector<Json>* all_;  // the events as export reads them
};
fs::path* ServeTest::dir_ = nullptr;
std::string* ServeTest::db_ = nullptr;
pid_t ServeTest::pid_ = 0;
int ServeTest::port_ = 0;
std::vector<Json>* ServeTest::all_ = nullptr;

TEST_F(ServeTest, HealthCountsTheStoredEvents) {
  ASSERT_FALSE(all_->empty());
  const auto [status, body] = Get("/api/health");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_GE(body["events"].get<size_t>(), all_->size());  // POSTs may have added some
  EXPECT_EQ(body["writes"], true);
}

TEST_F(ServeTest, PagesAddUpToTheTotalAndToWhatExportReads) {
  int64_t total = 0;
  const std::vector<Json> events = AllPages("&from=2000-01-01", 7, &total);
  std::set<std::string> ids, exported;
  for (const Json& e : events) ids.insert(e["event_id"].get<std::string>());
  for (const Json& e : *all_) {
    if (!e["date"].is_null()) exported.insert(e["event_id"].get<std::string>());
  }
  EXPECT_EQ(static_cast<int64_t>(events.size()), total);
  EXPECT_EQ(ids.size(), events.size()) << "an event on two pages";
  EXPECT_EQ(ids, exported);
}

TEST_F(ServeTest, FiltersLetThroughOnlyWhatTheySay) {
  int64_t total = 0;
  for (const Json& e : AllPages("&type=ASSAULT", 5, &total))
    EXPECT_EQ(e["plover"]["type"], "ASSAULT");
  EXPECT_GT(total, 0);
  for (const Json& e : AllPages("&cameo=04", 5, &total))
    EXPECT_EQ(e["cameo"]["code"].get<std::string>().substr(0, 2), "04");
  for (const Json& e : AllPages("&country=TUR", 5, &total))
    EXPECT_EQ(e["location"]["country"], "TUR");
  EXPECT_GT(total, 0);
  for (const Json& e : AllPages("&bbox=20,30,45,45", 5, &total)) {
    const double lon = e["location"]["lon"], lat = e["location"]["lat"];
    EXPECT_TRUE(lon >= 20 && lon <= 45 && lat >= 30 && lat <= 45) << lon << "," << lat;
  }
  for (const Json& e : AllPages("&modality=reported,future", 5, &total)) {
    const std::string m = e["modality"];
    EXPECT_TRUE(m == "reported" || m == "future") << m;
  }
  // Full text: every event's article holds the word.
  const std::vector<Json> brussels = AllPages("&q=Brussels", 5, &total);
  ASSERT_FALSE(brussels.empty());
  for (const Json& e : brussels) {
    const auto [status, article] =
        Get("/api/articles/" + PercentEncoded(e["doc_id"].get<std::string>()));
    ASSERT_EQ(status, 200);
    EXPECT_NE(article["text"].get<std::string>().find("Brussels"), std::string::npos);
  }
}

TEST_F(ServeTest, WrongParametersAreNamed) {
  for (const auto& [target, parameter] :
       std::vector<std::pair<std::string, std::string>>{{"/api/events?frm=2020-01-01", "frm"},
                                                        {"/api/events?type=ASAULT", "type"},
                                                        {"/api/events?country=Syria", "country"},
                                                        {"/api/events?from=yesterday", "from"},
                                                        {"/api/events?limit=0", "limit"},
                                                        {"/api/events?limit=5000", "limit"},
                                                        {"/api/events?cursor=abc", "cursor"},
                                                        {"/api/events?bbox=1,2,3", "bbox"},
                                                        {"/api/events?cameo=4a", "cameo"},
                                                        {"/api/stats/timeline?by=year", "by"}}) {
    const auto [status, body] = Get(target);
    EXPECT_EQ(status, 400) << target;
    EXPECT_EQ(body["parameter"], parameter) << target << " " << body.dump();
  }
  EXPECT_NE(Get("/api/events?type=ASAULT")
                .second["error"]
                .get<std::string>()
                .find("did you mean ASSAULT"),
            std::string::npos);
  EXPECT_NE(
      Get("/api/events?country=Syria").second["error"].get<std::string>().find("did you mean SYR"),
      std::string::npos);
  EXPECT_EQ(Get("/api/events/0000000000000000").first, 404);
  EXPECT_EQ(Get("/api/articles/no-such-article").first, 404);
  EXPECT_EQ(Get("/api/nothing").first, 404);
  EXPECT_EQ(Get("/../../etc/passwd").first, 404);
}

TEST_F(ServeTest, AnEventComesWithItsSentenceArticleAndSpans) {
  int checked = 0;
  for (const Json& listed : *all_) {
    const auto [status, e] = Get("/api/events/" + listed["event_id"].get<std::string>());
    ASSERT_EQ(status, 200);
    EXPECT_EQ(e["event_id"], listed["event_id"]);
    EXPECT_EQ(e["article"]["doc_id"], listed["doc_id"]);
    const std::string sentence = e["sentence"];
    for (const Json& span : e["spans"]) {
      if (span["start"].is_null()) continue;
      const size_t start = span["start"], end = span["end"];
      ASSERT_LE(end, sentence.size());
      EXPECT_EQ(sentence.substr(start, end - start), span["text"]) << span.dump();
      ++checked;
    }
    EXPECT_EQ(e["spans"][0]["kind"], "evidence");
  }
  EXPECT_GT(checked, static_cast<int>(all_->size()));
}

TEST_F(ServeTest, StatisticsAddUpToTheEvents) {
  size_t dated = 0, located = 0;
  for (const Json& e : *all_) {
    dated += !e["date"].is_null();
    located += !e["location"].is_null();
  }
  // Only the examples' events: the POST test's are dated 1990.
  const std::string only = "&from=2000-01-01";
  int64_t in_timeline = 0;
  for (const char* by : {"day", "week", "month"}) {
    const auto [status, body] = Get(std::string("/api/stats/timeline?by=") + by + only);
    ASSERT_EQ(status, 200);
    int64_t sum = 0;
    for (const Json& p : body["series"]) sum += p["events"].get<int64_t>();
    if (in_timeline == 0) in_timeline = sum;
    EXPECT_EQ(sum, in_timeline) << by;  // the same events, however grouped
  }
  EXPECT_EQ(static_cast<size_t>(in_timeline), dated);
  const auto [status, places] = Get("/api/places.geojson?" + only.substr(1));
  ASSERT_EQ(status, 200);
  EXPECT_EQ(places["type"], "FeatureCollection");
  int64_t placed = 0;
  for (const Json& f : places["features"]) {
    placed += f["properties"]["events"].get<int64_t>();
    const double lon = f["geometry"]["coordinates"][0], lat = f["geometry"]["coordinates"][1];
    EXPECT_TRUE(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90);
  }
  size_t located_dated = 0;
  for (const Json& e : *all_) located_dated += !e["location"].is_null() && !e["date"].is_null();
  EXPECT_EQ(static_cast<size_t>(placed), located_dated);
  int64_t paired = 0;
  const Json pairs = Get("/api/stats/pairs?limit=1000" + only).second;
  for (const Json& p : pairs["pairs"]) paired += p["events"].get<int64_t>();
  EXPECT_EQ(static_cast<size_t>(paired), dated);
  const Json actors = Get("/api/stats/actors?limit=3").second.value("actors", Json::array());
  ASSERT_EQ(actors.size(), 3u);
  EXPECT_GE(actors[0]["events"].get<int64_t>(), actors[1]["events"].get<int64_t>());
}

TEST_F(ServeTest, HappeningsArePagedWithTheirEvidence) {
  std::set<int64_t> seen;
  std::string cursor;
  size_t evidence = 0;
  for (int page = 0; page < 100; ++page) {
    const auto [status, body] = Get("/api/happenings?limit=4&from=2000-01-01" +
                                    (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(status, 200);
    for (const Json& h : body["happenings"]) {
      EXPECT_TRUE(seen.insert(h["happening_id"].get<int64_t>()).second);
      evidence += h["evidence"].size();
    }
    if (body["next_cursor"].is_null()) break;
    cursor = body["next_cursor"];
  }
  size_t dated = 0;
  for (const Json& e : *all_) dated += !e["date"].is_null();
  EXPECT_EQ(evidence, dated);  // each event in one happening
}

TEST_F(ServeTest, PostsNeedTheTokenCodeAndStoreWhatTheyAreSent) {
  EXPECT_EQ(Post("/api/code", "Russian jets bombed Idlib on Monday.", false).first, 401);
  const auto [status, coded] = Post("/api/code", "Russian jets bombed Idlib on Monday.", true);
  ASSERT_EQ(status, 200) << coded.dump();
  ASSERT_EQ(coded["events"].size(), 1u);
  EXPECT_EQ(coded["events"][0]["source"]["code"], "RUSMIL");
  EXPECT_EQ(coded["events"][0]["plover"]["type"], "ASSAULT");
  // Coding stores nothing; storing does, and the readers see it at once.
  EXPECT_EQ(Get("/api/events?q=Zaghawa").second["total"], 0);
  const auto [stored_status, stored] =
      Post("/api/articles",
           R"({"id": "serve-test-1", "date": "1990-03-03", "text": "Zaghawa militiamen attacked a )"
           R"(police station in El Fasher on Sunday, killing three officers."})",
           true);
  ASSERT_EQ(stored_status, 200) << stored.dump();
  EXPECT_EQ(stored["stored"], 1);
  const auto [found_status, found] = Get("/api/events?q=Zaghawa");
  ASSERT_EQ(found_status, 200);
  EXPECT_EQ(found["total"].get<int64_t>(), static_cast<int64_t>(stored["events"].size()));
  EXPECT_EQ(Post("/api/articles", "{\"id\": 5, \"text\": ", true).first, 400);
  EXPECT_EQ(Post("/api/code", std::string(200000, 'a'), true).first, 413);
}

TEST(EventApiTest, WithoutATokenThePostsAreOff) {
  const EventApi api(
      ApiOptions{}, []() -> Result<EventStore*> { return IoError("no database"); }, nullptr,
      nullptr);
  ApiRequest r;
  r.method = "POST";
  r.path = "/api/code";
  r.body = "Russian jets bombed Idlib.";
  r.authorization = "Bearer anything";
  EXPECT_EQ(api.Handle(r).status, 403);
  r.method = "GET";
  r.path = "/api/events";
  EXPECT_EQ(api.Handle(r).status, 503);  // the database cannot be read
  r.method = "DELETE";
  EXPECT_EQ(api.Handle(r).status, 405);
}

}  // namespace
}  // namespace palmyra
