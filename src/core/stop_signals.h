// StopSignals: SIGINT and SIGTERM taken by a thread of their own, for
// long-running commands (serve, worker, watch) that stop cleanly. Made
// before any other thread, so that none of them sees the signals; on a
// signal, `on_stop` runs on that thread, once.
#ifndef PALMYRA_CORE_STOP_SIGNALS_H_
#define PALMYRA_CORE_STOP_SIGNALS_H_

#include <atomic>
#include <functional>
#include <thread>

namespace palmyra {

class StopSignals {
 public:
  explicit StopSignals(std::function<void()> on_stop = {});
  ~StopSignals();  // without a signal, ends the thread without calling on_stop
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  // Whether a signal came.
  bool stopped() const { return stopped_; }

 private:
  std::function<void()> on_stop_;
  std::atomic<bool> stopped_{false};
  std::atomic<bool> closing_{false};
  std::thread thread_;
};

}  // namespace palmyra

#endif  // PALMYRA_CORE_STOP_SIGNALS_H_
