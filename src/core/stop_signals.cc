#include "core/stop_signals.h"

#include <pthread.h>
#include <signal.h>

namespace palmyra {
namespace {

sigset_t Signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

}  // namespace

StopSignals::StopSignals(std::function<void()> on_stop) : on_stop_(std::move(on_stop)) {
  const sigset_t set = Signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  thread_ = std::thread([this, set]() {
    int signal = 0;
    sigwait(&set, &signal);
    if (closing_) return;
    stopped_ = true;
    if (on_stop_) on_stop_();
  });
}

StopSignals::~StopSignals() {
  closing_ = !stopped_;
  // Wakes the thread when no signal came.
  if (thread_.joinable()) {
    if (!stopped_) pthread_kill(thread_.native_handle(), SIGTERM);
    thread_.join();
  }
}

}  // namespace palmyra
