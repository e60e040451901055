// Palmyra beyond one machine, against real servers: a throwaway PostgreSQL
// cluster (initdb into a temporary folder, pg_ctl on a free port; as root
// through runuser -u postgres) and nats-server -js on a free port with a
// temporary store. What PostgreSQL holds is checked against what the SQLite
// store holds for the same input; workers are killed and restarted, and
// must neither lose nor repeat an event.
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nats/nats.h>

#include "test_processes.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace palmyra {
namespace {

constexpr char kPgBin[] = "/usr/lib/postgresql/15/bin";

std::vector<std::string> SortedLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '{') lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

class ScaleOutTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(fs::path(kPgBin) / "initdb") || Shell("command -v nats-server").status != 0) {
      skip_ = "PostgreSQL 15 or nats-server is not installed (make setup installs them)";
      return;
    }
    dir_ = fs::temp_directory_path() / ("palmyra_scale_out_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "nats");
    // initdb and pg_ctl refuse to run as root: then as the postgres user.
    const std::string as = geteuid() == 0 ? "runuser -u postgres -- " : "";
    if (geteuid() == 0) {
      ASSERT_EQ(Shell("chown postgres " + dir_.string()).status, 0);
    }
    const std::string pg = (dir_ / "pg").string();
    const Output made = Shell(as + kPgBin + "/initdb -D " + pg + " -A trust -U postgres");
    ASSERT_EQ(made.status, 0) << made.text;
    const int pg_port = FreePort();
    const Output started =
        Shell(as + kPgBin + "/pg_ctl -D " + pg + " -w -l " + pg + "/log -o \"-p " +
              std::to_string(pg_port) + " -k " + dir_.string() + " -c listen_addresses=''\" start");
    ASSERT_EQ(started.status, 0) << started.text;
    pg_started_ = true;
    server_ = "host=" + dir_.string() + " port=" + std::to_string(pg_port) + " user=postgres";
    nats_port_ = FreePort();
    nats_ = Start("nats-server -js -a 127.0.0.1 -p " + std::to_string(nats_port_) + " -sd " +
                  (dir_ / "nats").string() + " -l " + (dir_ / "nats.log").string());
    for (int i = 0; i < 100; ++i) {
      if (Shell("bash -c 'exec 3<>/dev/tcp/127.0.0.1/" + std::to_string(nats_port_) + "'").status ==
          0)
        break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }

  static void TearDownTestSuite() {
    if (nats_ > 0) {
      kill(nats_, SIGTERM);
      Wait(nats_);
    }
    if (pg_started_) {
      const std::string as = geteuid() == 0 ? "runuser -u postgres -- " : "";
      Shell(as + kPgBin + "/pg_ctl -D " + (dir_ / "pg").string() + " -m immediate stop");
    }
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  void SetUp() override {
    if (!skip_.empty()) GTEST_SKIP() << skip_;
  }

  // A new database of the cluster, for one test.
  static std::string NewDatabase(const std::string& name) {
    const Output made =
        Shell("psql \"" + server_ + " dbname=postgres\" -qc 'CREATE DATABASE " + name + "'");
    EXPECT_EQ(made.status, 0) << made.text;
    return server_ + " dbname=" + name;
  }
  static std::string Sql(const std::string& conninfo, const std::string& query) {
    Output out = Shell("psql \"" + conninfo + "\" -Atc \"" + query + "\"");
    EXPECT_EQ(out.status, 0) << out.text;
    while (!out.text.empty() && out.text.back() == '\n') out.text.pop_back();
    return out.text;
  }
  static std::string Palmyra(const std::string& args) {
    return std::string(PALMYRA_TEST_BINARY) + " " + args;
  }
  static std::string Nats(const std::string& stream = "") {
    return "--nats nats://127.0.0.1:" + std::to_string(nats_port_) +
           (stream.empty() ? "" : " --stream " + stream + " --subject " + stream + ".articles");
  }
  // The corpora of ../shared, or the examples when they are absent.
  static std::string Corpus() {
    const fs::path shared = fs::path(PALMYRA_TEST_SHARED_DIR) / "corpus";
    if (fs::exists(shared / "bbc.jsonl") && fs::exists(shared / "guardian_syria.jsonl"))
      return (shared / "bbc.jsonl").string() + " " + (shared / "guardian_syria.jsonl").string();
    std::printf("../shared/corpus is absent: the examples stand in for it\n");
    return (fs::path(PALMYRA_TEST_SOURCE_DIR) / "examples").string();
  }
  std::string Temp(const std::string& name) const { return (dir_ / name).string(); }

  static inline std::string skip_;
  static inline fs::path dir_;
  static inline bool pg_started_ = false;
  static inline std::string server_;
  static inline int nats_port_ = 0;
  static inline pid_t nats_ = 0;
};

TEST_F(ScaleOutTest, PostgresHoldsWhatSqliteHolds) {
  const std::string pg = NewDatabase("same");
  const std::string examples = (fs::path(PALMYRA_TEST_SOURCE_DIR) / "examples").string();
  const Output coded = Shell(Palmyra("code --pg '" + pg + "' " + examples));
  ASSERT_EQ(coded.status, 0) << coded.text;
  EXPECT_NE(coded.text.find("8 article(s) stored in PostgreSQL"), std::string::npos) << coded.text;
  ASSERT_EQ(Shell(Palmyra("code -q --db " + Temp("same.db") + " " + examples)).status, 0);
  // Every export format but those that carry the time of storing.
  for (const char* format : {"jsonl", "csv", "plover", "geojson", "happenings"}) {
    const Output from_pg =
        Shell(Palmyra(std::string("export --format ") + format + " --pg '" + pg + "'"), false);
    const Output from_sqlite = Shell(
        Palmyra(std::string("export --format ") + format + " --db " + Temp("same.db")), false);
    ASSERT_EQ(from_pg.status, 0) << format;
    EXPECT_GT(from_pg.text.size(), 100u) << format;
    EXPECT_TRUE(from_pg.text == from_sqlite.text) << format;
  }
  // Filters read the same in both.
  for (const char* filter : {"--country MLI", "--type ASSAULT --from 2023-01-01", "--actor RUS",
                             "--modality all --precision day"}) {
    const Output a = Shell(Palmyra(std::string("export ") + filter + " --pg '" + pg + "'"));
    const Output b = Shell(Palmyra(std::string("export ") + filter + " --db " + Temp("same.db")));
    EXPECT_EQ(a.status, 0) << a.text;
    EXPECT_EQ(SortedLines(a.text), SortedLines(b.text)) << filter;
  }
  // Places are PostGIS points, where their coordinates say.
  EXPECT_EQ(Sql(pg,
                "SELECT count(*) FROM places WHERE ST_DWithin(point, "
                "ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography, 1)"),
            Sql(pg, "SELECT count(*) FROM places"));
  EXPECT_EQ(Sql(pg,
                "SELECT name FROM places WHERE ST_DWithin(point, "
                "ST_SetSRID(ST_MakePoint(32.85, 39.92), 4326)::geography, 20000)"),
            "Ankara");
  // Storing the same articles again changes nothing.
  const Output again = Shell(Palmyra("code --pg '" + pg + "' " + examples));
  EXPECT_NE(again.text.find("0 article(s) stored in PostgreSQL"), std::string::npos) << again.text;
  EXPECT_NE(again.text.find("8 unchanged"), std::string::npos) << again.text;
  // The same counts as SQLite's store of the same articles.
  const Output stats = Shell(Palmyra("stats --pg '" + pg + "'"));
  const Output sqlite_stats = Shell(Palmyra("stats --db " + Temp("same.db")));
  const std::string counts = sqlite_stats.text.substr(0, sqlite_stats.text.find('\n'));
  ASSERT_NE(counts.find("8 articles, 23 sentences, "), std::string::npos) << sqlite_stats.text;
  EXPECT_NE(stats.text.find(counts.substr(counts.find(": "))), std::string::npos) << stats.text;
  const size_t events = counts.find(" events");
  const size_t number = counts.rfind(' ', events - 1) + 1;
  EXPECT_EQ(Sql(pg, "SELECT count(*) FROM events"), counts.substr(number, events - number));
}

// `palmyra serve --pg` answers as `palmyra serve --db` does over the same
// articles: full-text search (tsvector), boxes, timelines, places.
TEST_F(ScaleOutTest, ServeAnswersFromPostgresAsFromSqlite) {
  const std::string pg = NewDatabase("served");
  const std::string examples = (fs::path(PALMYRA_TEST_SOURCE_DIR) / "examples").string();
  ASSERT_EQ(Shell(Palmyra("code -q --pg '" + pg + "' " + examples)).status, 0);
  ASSERT_EQ(Shell(Palmyra("code -q --db " + Temp("served.db") + " " + examples)).status, 0);
  const int pg_port = FreePort(), sqlite_port = FreePort();
  const pid_t from_pg =
      Start(Palmyra("serve -q --pg '" + pg + "' --port " + std::to_string(pg_port)));
  const pid_t from_sqlite = Start(
      Palmyra("serve -q --db " + Temp("served.db") + " --port " + std::to_string(sqlite_port)));
  httplib::Client a("127.0.0.1", pg_port), b("127.0.0.1", sqlite_port);
  for (int i = 0; i < 100 && !(a.Get("/api/health") && b.Get("/api/health")); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  for (const char* query :
       {"/api/events?q=convoy", "/api/events?q=talks%20grain", "/api/events?bbox=30,30,50,45",
        "/api/stats/timeline?by=week", "/api/stats/timeline?by=month", "/api/places.geojson",
        "/api/stats/actors", "/api/stats/pairs", "/api/happenings?limit=5",
        "/api/events?type=ASSAULT&limit=2"}) {
    auto from_a = a.Get(query);
    auto from_b = b.Get(query);
    ASSERT_TRUE(from_a && from_b) << query;
    EXPECT_EQ(from_a->status, 200) << query << ": " << from_a->body.substr(0, 300);
    EXPECT_GT(from_a->body.size(), 40u) << query;
    EXPECT_TRUE(from_a->body == from_b->body) << query;
  }
  // Words no article holds find nothing.
  auto none = a.Get("/api/events?q=zeppelin");
  ASSERT_TRUE(none);
  EXPECT_NE(none->body.find("\"total\":0"), std::string::npos) << none->body;
  kill(from_pg, SIGTERM);
  kill(from_sqlite, SIGTERM);
  EXPECT_EQ(Wait(from_pg), 0);
  EXPECT_EQ(Wait(from_sqlite), 0);
}

TEST_F(ScaleOutTest, ADatabaseThatIsNotPalmyrasIsRefused) {
  const std::string pg = NewDatabase("other");
  Sql(pg, "CREATE TABLE meta (key text PRIMARY KEY, value text)");
  const Output coded = Shell(
      Palmyra("code --pg '" + pg + "' " + PALMYRA_TEST_SOURCE_DIR + "/examples/mali_convoy.txt"));
  EXPECT_EQ(coded.status, 2);
  EXPECT_NE(coded.text.find("not one of Palmyra's"), std::string::npos) << coded.text;
  const Output absent = Shell(Palmyra("export --pg '" + server_ + " dbname=nosuchdb'"));
  EXPECT_EQ(absent.status, 1);
  EXPECT_NE(absent.text.find("nosuchdb"), std::string::npos) << absent.text;
  const Output empty = Shell(Palmyra("export --pg '" + NewDatabase("empty") + "'"));
  EXPECT_EQ(empty.status, 1);
  EXPECT_NE(empty.text.find("holds no Palmyra events"), std::string::npos) << empty.text;
}

TEST_F(ScaleOutTest, AKilledWorkerLosesAndRepeatsNothing) {
  const std::string pg = NewDatabase("workers");
  const std::string corpus = Corpus();
  const Output queued = Shell(Palmyra("enqueue " + Nats("KILL") + " " + corpus));
  ASSERT_EQ(queued.status, 0) << queued.text;
  // Sent again: JetStream drops every one as a duplicate.
  const Output requeued = Shell(Palmyra("enqueue " + Nats("KILL") + " " + corpus));
  EXPECT_NE(requeued.text.find("enqueued 0 of"), std::string::npos) << requeued.text;
  const std::string worker = Palmyra("worker -q " + Nats("KILL") + " --pg '" + pg +
                                     "' --threads 1 --batch 16 --keep-duplicates --drain "
                                     "--ack-wait 2000");
  const pid_t first = Start(worker);
  const pid_t second = Start(worker);
  // The first is killed once some articles are stored, halfway or before.
  for (int i = 0; i < 300; ++i) {
    const std::string stored =
        Shell("psql \"" + pg + "\" -Atc 'SELECT count(*) FROM articles' " + "2>/dev/null").text;
    if (!stored.empty() && std::isdigit(static_cast<unsigned char>(stored[0])) &&
        std::stoi(stored) > 0)
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  kill(first, SIGKILL);
  Wait(first);
  const pid_t restarted = Start(worker);
  EXPECT_EQ(Wait(second), 0);
  EXPECT_EQ(Wait(restarted), 0);
  // Exactly the events of one `code --db` run over the same input.
  ASSERT_EQ(
      Shell(Palmyra("code -q --keep-duplicates --db " + Temp("single.db") + " " + corpus)).status,
      0);
  const Output from_workers = Shell(Palmyra("export --pg '" + pg + "'"));
  const Output from_single = Shell(Palmyra("export --db " + Temp("single.db")));
  const std::vector<std::string> a = SortedLines(from_workers.text);
  const std::vector<std::string> b = SortedLines(from_single.text);
  EXPECT_GT(b.size(), 20u);
  EXPECT_EQ(a.size(), b.size());
  EXPECT_TRUE(a == b);
  EXPECT_EQ(Sql(pg, "SELECT count(*) - count(DISTINCT event_id) FROM events"), "0");
  EXPECT_EQ(Sql(pg, "SELECT count(*) - count(DISTINCT doc_id) FROM articles"), "0");
}

TEST_F(ScaleOutTest, AMessageThatIsNoArticleGoesToTheDeadLetters) {
  const std::string pg = NewDatabase("dead");
  const std::string examples = (fs::path(PALMYRA_TEST_SOURCE_DIR) / "examples").string();
  ASSERT_EQ(
      Shell(Palmyra("enqueue -q " + Nats("DEAD") + " " + examples + "/mali_convoy.txt")).status, 0);
  // A message no enqueue would send, straight onto the subject.
  natsConnection* nc = nullptr;
  ASSERT_EQ(
      natsConnection_ConnectTo(&nc, ("nats://127.0.0.1:" + std::to_string(nats_port_)).c_str()),
      NATS_OK);
  jsCtx* js = nullptr;
  ASSERT_EQ(natsConnection_JetStream(&js, nc, nullptr), NATS_OK);
  const std::string garbage = "{\"id\": \"broken\", \"text\": ";
  ASSERT_EQ(js_Publish(nullptr, js, "DEAD.articles", garbage.data(),
                       static_cast<int>(garbage.size()), nullptr, nullptr),
            NATS_OK);
  const Output worked = Shell(Palmyra("worker " + Nats("DEAD") + " --pg '" + pg + "' --drain"));
  EXPECT_EQ(worked.status, 0) << worked.text;
  EXPECT_NE(worked.text.find("not an article"), std::string::npos) << worked.text;
  EXPECT_NE(worked.text.find("1 dead-lettered"), std::string::npos) << worked.text;
  EXPECT_EQ(Sql(pg, "SELECT doc_id FROM articles"), (examples + "/mali_convoy.txt"));
  // The dead letter keeps the message and says why.
  natsMsg* dead = nullptr;
  ASSERT_EQ(js_GetLastMsg(&dead, js, "PALMYRA_DEAD", "palmyra.dead", nullptr, nullptr), NATS_OK);
  EXPECT_EQ(std::string(natsMsg_GetData(dead), natsMsg_GetDataLength(dead)), garbage);
  const char* why = nullptr;
  ASSERT_EQ(natsMsgHeader_Get(dead, "Palmyra-Error", &why), NATS_OK);
  EXPECT_NE(std::string(why).find("not an article"), std::string::npos);
  natsMsg_Destroy(dead);
  jsCtx_Destroy(js);
  natsConnection_Destroy(nc);
}

}  // namespace
}  // namespace palmyra
