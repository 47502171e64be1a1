// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace switchyard::testsupport
{

/// The real `switchyard` daemon, started as a child process with its output in a log file.
/// Killed (SIGKILL) on destruction if still running.
class DaemonProcess
{
public:
    /// Starts `daemon` with `arguments`; stdout and stderr go to `logFile`.
    DaemonProcess(const std::string& daemon, const std::vector<std::string>& arguments, std::string logFile);
    ~DaemonProcess();
    DaemonProcess(const DaemonProcess&) = delete;
    DaemonProcess& operator=(const DaemonProcess&) = delete;

    /// Waits until `readyFile` appears (the daemon writes it once serving) and reads the ports.
    /// Returns false if the daemon exited or `timeoutMs` passed first.
    bool waitUntilReady(const std::string& readyFile, int timeoutMs);

    /// Sends `signal` (e.g. SIGTERM).
    void signal(int signal) const;

    /// Waits for the exit; returns the exit status, 128 + signal number if killed by a signal,
    /// or -1 if still running after `timeoutMs`.
    int waitForExit(int timeoutMs);

    bool isRunning();
    int pid() const { return _pid; }

    /// The process's resident set size (VmRSS) in bytes, read from /proc; 0 once it is gone.
    std::uint64_t residentBytes() const;
    std::uint16_t httpPort() const { return _httpPort; }
    std::uint16_t httpsPort() const { return _httpsPort; }

    /// Everything the daemon wrote so far.
    std::string output() const;

    /// Runs the daemon to completion (at most `timeoutMs`); returns the exit status and fills
    /// `output`.
    static int run(const std::string& daemon, const std::vector<std::string>& arguments,
                   const std::string& logFile, std::string& output, int timeoutMs = 30000);

private:
    int _pid = -1;
    int _exitStatus = -1;
    std::string _logFile;
    std::uint16_t _httpPort = 0;
    std::uint16_t _httpsPort = 0;
};

} // namespace switchyard::testsupport
