// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace switchyard::plugins::nodelocal
{

/// The body of the node's /system-info answer (broker-api.md §4.4), without `processTime`:
/// `{"versionInfo": {"name", "version", "copyright"}, "queueInfo": {"activeCount", "queueCount",
/// "completedCount"}, "memoryStats": {"usedMemory", "freeMemory", "totalMemory", "maxMemory"},
/// "freeDiscSpaceInMb": {<area>: MB, ...}, "activeThreads", "systemEvents": {}, "counters": {...},
/// "comments": []}`, keys in that order. Sizes are whole MiB, rounded down.
class NodeSystemInfo
{
public:
    /// Everything the answer shows, as collected; sizes in bytes.
    struct Figures
    {
        std::string name;
        std::string version;
        std::string copyright;
        /// Tasks being analysed, waiting for a worker, finished since start.
        std::uint64_t activeCount = 0;
        std::uint64_t queueCount = 0;
        std::uint64_t completedCount = 0;
        std::uint64_t usedMemoryBytes = 0;
        std::uint64_t freeMemoryBytes = 0;
        std::uint64_t totalMemoryBytes = 0;
        std::uint64_t maxMemoryBytes = 0;
        /// Free bytes per storage area, in the order to show them.
        std::vector<std::pair<std::string, std::uint64_t>> freeDiscSpaceBytes;
        /// Threads of the process.
        std::uint64_t activeThreads = 0;
        /// Named counters, in the order to show them.
        std::vector<std::pair<std::string, std::uint64_t>> counters;
    };

    static constexpr std::uint64_t BytesPerMegabyte = 1024 * 1024;

    static Poco::JSON::Object::Ptr build(const Figures& figures);
};

} // namespace switchyard::plugins::nodelocal
