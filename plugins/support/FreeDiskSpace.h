// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/StorageArea.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace Poco
{
class Logger;
}

namespace switchyard::plugins::support
{

/// Free space of file systems, for the `freeDiscSpaceInMb` of /system-info answers.
class FreeDiskSpace
{
public:
    /// The bytes an unprivileged process may still write on the file system that holds `path`
    /// (statvfs: f_bavail * f_frsize), or nothing if `path` cannot be examined (it does not exist,
    /// say). Thread-safe.
    static std::optional<std::uint64_t> freeBytes(const std::string& path);

    /// The free bytes of each area, by area name, in the order given; an area whose name came
    /// before is skipped, and one that cannot be examined is logged as a warning on `logger` and
    /// left out (its path is internal: a client could not act on it). Thread-safe.
    static std::vector<std::pair<std::string, std::uint64_t>>
    ofAreas(const std::vector<plugin::StorageArea>& areas, Poco::Logger& logger);
};

} // namespace switchyard::plugins::support
