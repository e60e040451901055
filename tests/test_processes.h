// Running programs from the end-to-end tests: a shell command with its
// output, a process in the background, a free TCP port for a server.
#ifndef PALMYRA_TESTS_TEST_PROCESSES_H_
#define PALMYRA_TESTS_TEST_PROCESSES_H_

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace palmyra {

struct Output {
  int status = -1;   // the exit status; -1 when killed
  std::string text;  // standard output, and standard error unless left out
};

// Runs `command` with sh; its standard error is kept too unless `errors` is
// false.
inline Output Shell(const std::string& command, bool errors = true) {
  Output out;
  FILE* pipe = popen((command + (errors ? " 2>&1" : " 2>/dev/null")).c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.text.append(buffer, n);
  const int status = pclose(pipe);
  out.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

// Starts `command` as a process of its own (sh execs it) and returns its pid.
inline pid_t Start(const std::string& command) {
  const pid_t pid = fork();
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", ("exec " + command).c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

// Waits for a started process; its exit status, -1 when killed.
inline int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A TCP port of 127.0.0.1 that nothing listens on now.
inline int FreePort() {
  const int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t length = sizeof a;
  getsockname(s, reinterpret_cast<sockaddr*>(&a), &length);
  close(s);
  return ntohs(a.sin_port);
}

}  // namespace palmyra

#endif  // PALMYRA_TESTS_TEST_PROCESSES_H_
