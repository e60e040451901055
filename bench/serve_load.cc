// The HTTP API's speed: `palmyra serve` over a database of the two corpora
// of ../shared/corpus (coded first), then
//   - the time of GET /api/events?limit=100 (median and 95th percentile of
//     100 requests one after another), and of the other list requests;
//   - 20 clients at once asking in turn for events, the timeline, places and
//     actors for a number of seconds: requests a second and errors.
//
//   build/bench/serve_load [--seconds S] [--clients N]
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "bench_util.h"

namespace fs = std::filesystem;

namespace {

double Millis(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

// Median and 95th percentile of `n` requests for `target`, in ms.
std::pair<double, double> Latency(int port, const std::string& target, int n, int* errors) {
  httplib::Client client("127.0.0.1", port);
  client.set_keep_alive(true);
  std::vector<double> times;
  for (int i = 0; i < n; ++i) {
    const auto start = std::chrono::steady_clock::now();
    auto res = client.Get(target.c_str());
    times.push_back(Millis(std::chrono::steady_clock::now() - start));
    if (!res || res->status != 200) ++*errors;
  }
  std::sort(times.begin(), times.end());
  return {times[times.size() / 2], times[times.size() * 95 / 100]};
}

}  // namespace

int main(int argc, char** argv) {
  using namespace palmyra;
  int seconds = 10, clients = 20;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--seconds") == 0) seconds = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--clients") == 0) clients = std::atoi(argv[i + 1]);
  }
  const std::string shared = SharedDir();
  if (shared.empty()) {
    std::printf("skipped: ../shared (the news corpora) is not present\n");
    return 0;
  }
  const fs::path dir =
      fs::temp_directory_path() / ("palmyra_serve_bench_" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string db = (dir / "corpora.db").string();
  const std::string code = std::string(PALMYRA_BINARY) + " code -q --db " + db + " " + shared +
                           "/corpus/bbc.jsonl " + shared + "/corpus/guardian_syria.jsonl";
  if (std::system(code.c_str()) != 0) {
    std::fprintf(stderr, "serve bench: coding the corpora failed\n");
    return 1;
  }
  const std::string log = (dir / "serve.log").string();
  const pid_t pid = fork();
  if (pid == 0) {
    std::freopen(log.c_str(), "w", stderr);
    execl(PALMYRA_BINARY, PALMYRA_BINARY, "serve", "--db", db.c_str(), "--port", "0", "-q",
          nullptr);
    _exit(127);
  }
  int port = 0;
  for (int i = 0; i < 400 && port == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::ifstream in(log);
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    const size_t at = text.find("http://127.0.0.1:");
    if (at != std::string::npos) port = std::atoi(text.c_str() + at + 17);
  }
  if (port == 0) {
    std::fprintf(stderr, "serve bench: the server did not start\n");
    kill(pid, SIGTERM);
    return 1;
  }
  int errors = 0;
  std::printf("palmyra serve over the two corpora (%s)\n", db.c_str());
  for (const char* target :
       {"/api/events?limit=100", "/api/events?limit=100&type=ASSAULT&country=SYR",
        "/api/events?limit=100&q=ceasefire", "/api/stats/timeline?by=day", "/api/places.geojson",
        "/api/stats/actors", "/api/happenings?limit=100"}) {
    const auto [median, p95] = Latency(port, target, 100, &errors);
    std::printf("  %-50s median %6.1f ms, 95%% %6.1f ms\n", target, median, p95);
  }
  // Many clients at once.
  const char* mix[] = {"/api/events?limit=100", "/api/stats/timeline?by=day", "/api/places.geojson",
                       "/api/events?limit=50&type=ASSAULT", "/api/stats/actors?limit=20"};
  std::atomic<long> done{0}, failed{0};
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  std::vector<std::thread> threads;
  const auto start = std::chrono::steady_clock::now();
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c]() {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      for (int i = c; std::chrono::steady_clock::now() < until; ++i) {
        auto res = client.Get(mix[i % 5]);
        if (!res || res->status != 200) ++failed;
        ++done;
      }
    });
  }
  for (auto& t : threads) t.join();
  const double elapsed = Millis(std::chrono::steady_clock::now() - start) / 1000;
  std::printf("  %d clients for %.1f s: %.0f requests a second, %ld errors\n", clients, elapsed,
              done / elapsed, failed.load());
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  fs::remove_all(dir);
  return errors + failed > 0 ? 1 : 0;
}
