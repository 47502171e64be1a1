// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "FreeDiskSpace.h"

#include <Poco/Logger.h>

#include <algorithm>
#include <sys/statvfs.h>

namespace switchyard::plugins::support
{

std::optional<std::uint64_t> FreeDiskSpace::freeBytes(const std::string& path)
{
    struct statvfs info = {};
    if (::statvfs(path.c_str(), &info) != 0)
        return std::nullopt;
    // f_bavail, not f_bfree: the blocks reserved for root are of no use to the daemon.
    return static_cast<std::uint64_t>(info.f_bavail) * static_cast<std::uint64_t>(info.f_frsize);
}

std::vector<std::pair<std::string, std::uint64_t>>
FreeDiskSpace::ofAreas(const std::vector<plugin::StorageArea>& areas, Poco::Logger& logger)
{
    std::vector<std::pair<std::string, std::uint64_t>> free;
    for (const plugin::StorageArea& area : areas)
    {
        const bool seen = std::any_of(free.begin(), free.end(),
                                      [&area](const auto& entry) { return entry.first == area.name; });
        if (seen)
            continue;
        const std::optional<std::uint64_t> bytes = freeBytes(area.path);
        if (!bytes)
        {
            logger.warning("cannot determine the free space of storage area " + area.name + " at " +
                           area.path);
            continue;
        }
        free.emplace_back(area.name, *bytes);
    }
    return free;
}

} // namespace switchyard::plugins::support
