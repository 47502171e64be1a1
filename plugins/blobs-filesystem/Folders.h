// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace switchyard::plugins::filesystem
{

/// The folder operations the store needs, as POSIX calls with the store's modes and error
/// wording. Every function throws Poco::IOException naming the path when the system refuses.
class Folders
{
public:
    /// The mode of every folder the store creates: its owner only.
    static constexpr unsigned Mode = 0700;

    /// Creates the folder `path` (its parent must exist) with Mode. Returns false when it already
    /// exists as a folder. Throws Poco::IOException when it cannot be made or something else is
    /// in the way.
    static bool create(const std::string& path);

    /// Creates `path` and any missing parents with Mode (existing ones keep theirs).
    static void createAll(const std::string& path);

    /// Makes the entries of folder `path` durable (fsync on the folder): a rename into it, or a
    /// new subfolder, survives a power cut once this returns.
    static void sync(const std::string& path);

    /// Deletes every entry of folder `path` that is not a folder; returns how many went.
    static std::size_t removeFiles(const std::string& path);

    /// The bytes an unprivileged process can still allocate on the file system of `path`.
    static std::uint64_t freeBytes(const std::string& path);
};

} // namespace switchyard::plugins::filesystem
