// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>

namespace switchyard::plugins::support
{

/// Memory and thread figures of this process and of the machine, read from /proc, for the
/// `memoryStats` and `activeThreads` of /system-info answers. The memory figures are those
/// endpoint.system-info shows (VmRSS, MemAvailable, MemTotal, RLIMIT_AS), so a broker and its
/// nodes report alike.
class ProcessStatus
{
public:
    /// One reading; sizes in bytes.
    struct Figures
    {
        /// The process's resident set size (VmRSS of /proc/self/status).
        std::uint64_t residentBytes = 0;
        /// Memory available for new allocations without swapping (MemAvailable of /proc/meminfo).
        std::uint64_t availableBytes = 0;
        /// Physical memory (MemTotal of /proc/meminfo).
        std::uint64_t totalBytes = 0;
        /// The most the process could use: MemTotal, or the address-space limit (RLIMIT_AS) when
        /// that is set and lower.
        std::uint64_t maximumBytes = 0;
        /// Threads of the process (Threads of /proc/self/status).
        std::uint64_t threads = 0;
    };

    /// Reads from `statusPath` and `meminfoPath`; other paths than the defaults are for tests.
    explicit ProcessStatus(std::string statusPath = "/proc/self/status",
                           std::string meminfoPath = "/proc/meminfo");

    /// Takes a reading. Thread-safe. Throws Poco::FileException when a file cannot be read, and
    /// Poco::DataFormatException when a field is missing from it.
    Figures read() const;

    /// The number in the `Name:   1234 kB` or `Name:  12` line of `field` (the format of
    /// /proc/meminfo and /proc/self/status), without its unit; nothing if there is no such line
    /// or it holds no number.
    static std::optional<std::uint64_t> findValue(std::istream& text, const std::string& field);

private:
    static std::uint64_t readField(const std::string& path, const std::string& field);

    std::string _statusPath;
    std::string _meminfoPath;
};

} // namespace switchyard::plugins::support
