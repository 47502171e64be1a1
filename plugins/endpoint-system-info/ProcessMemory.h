// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>

namespace switchyard::plugins::systeminfo
{

/// The memory figures of this process and of the machine, read from /proc.
class ProcessMemory
{
public:
    /// One reading, in bytes.
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
    };

    /// Reads from `statusPath` and `meminfoPath`; other paths than the defaults are for tests.
    explicit ProcessMemory(std::string statusPath = "/proc/self/status",
                           std::string meminfoPath = "/proc/meminfo");

    /// Takes a reading. Thread-safe. Throws Poco::FileException when a file cannot be read, and
    /// Poco::DataFormatException when a field is missing from it.
    Figures read() const;

    /// The value of `field` in text made of `Name:   1234 kB` lines (the format of /proc/meminfo
    /// and /proc/self/status), converted to bytes; nothing if there is no such line.
    static std::optional<std::uint64_t> findKilobytes(std::istream& text, const std::string& field);

    /// The soft address-space limit (RLIMIT_AS) in bytes, or nothing when unlimited.
    static std::optional<std::uint64_t> addressSpaceLimit();

private:
    static std::uint64_t readField(const std::string& path, const std::string& field);

    std::string _statusPath;
    std::string _meminfoPath;
};

} // namespace switchyard::plugins::systeminfo
