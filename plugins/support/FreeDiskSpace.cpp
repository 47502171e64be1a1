// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "FreeDiskSpace.h"

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

} // namespace switchyard::plugins::support
