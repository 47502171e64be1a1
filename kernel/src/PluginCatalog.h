// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace switchyard::kernel
{

/// What `switchyard --list-plugins` shows: every plugin library in a folder, loaded and checked
/// as at start-up (ABI version, build id, registration), with its name, version and the types it
/// registers, or the reason it would be refused.
class PluginCatalog
{
public:
    /// One library of the folder.
    struct Entry
    {
        std::string file;
        std::string name;
        std::string version;
        std::vector<std::string> types;
        /// Empty when the library loads; otherwise the loader's message (file and reason).
        std::string refusal;
    };

    /// Loads each `*.so` of `directory` in turn (by file name), on its own, and unloads it again.
    /// Throws Poco::FileNotFoundException when `directory` is not a folder.
    static std::vector<Entry> scan(const std::string& directory);

    /// Writes `entries` as --list-plugins prints them, one library per line.
    static void print(const std::string& directory, const std::vector<Entry>& entries, std::ostream& out);
};

} // namespace switchyard::kernel
