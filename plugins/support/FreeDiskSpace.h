// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <optional>
#include <string>

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
};

} // namespace switchyard::plugins::support
