// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "HashList.h"
#include "switchyard/plugin/ReputationSource.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace Poco
{
class Logger;
}

namespace switchyard::plugins::hashlist
{

/// `reputation.hashlist`: a whitelist read from hash list files (see HashList for the format),
/// read again when one of them changes (size, modification time or inode), checked at most once
/// per `checkInterval` by the lookups themselves. A list that fails to load keeps the last good
/// one in service (and is logged). Thread-safe; lookups never wait for a reload.
class HashListSource : public plugin::ReputationSource
{
public:
    /// Reads the files now; throws Poco::FileException when one cannot be read.
    HashListSource(std::string sourceName, std::vector<std::string> files,
                   std::chrono::milliseconds checkInterval, Poco::Logger& logger);

    // switchyard::plugin::ReputationSource
    std::string sourceName() const override { return _sourceName; }
    plugin::ReputationAnswer lookup(const std::vector<std::string>& hashes) const override;

    /// Reloads now if a file changed; returns true when a new list is in service.
    bool reloadIfChanged() const;

    /// The number of hashes in service.
    std::size_t size() const;

private:
    /// What identifies a version of the files: size, modification time and inode of each.
    std::string fingerprint() const;
    std::shared_ptr<const HashList> current() const;

    const std::string _sourceName;
    const std::vector<std::string> _files;
    const std::chrono::milliseconds _checkInterval;
    Poco::Logger& _logger;
    mutable std::mutex _mutex;
    mutable std::mutex _reloadMutex;
    mutable std::shared_ptr<const HashList> _list;
    mutable std::string _fingerprint;
    mutable std::chrono::steady_clock::time_point _lastCheck;
};

} // namespace switchyard::plugins::hashlist
