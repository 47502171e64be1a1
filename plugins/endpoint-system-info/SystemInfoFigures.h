// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace switchyard::plugins::systeminfo
{

/// Everything a /system-info answer shows, as collected; sizes in bytes. Plain data.
struct SystemInfoFigures
{
    /// `versionInfo`.
    std::string name;
    std::string version;
    std::string copyright;

    /// `queueInfo.queueCount`: queued submissions over every storage used.
    std::uint64_t queueCount = 0;

    /// `memoryStats` (see support::ProcessStatus::Figures).
    std::uint64_t usedMemoryBytes = 0;
    std::uint64_t freeMemoryBytes = 0;
    std::uint64_t totalMemoryBytes = 0;
    std::uint64_t maxMemoryBytes = 0;

    /// `freeDiscSpaceInMb`: free bytes per storage area name, in the order to show them.
    std::vector<std::pair<std::string, std::uint64_t>> freeDiscSpaceBytes;
};

} // namespace switchyard::plugins::systeminfo
