// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace switchyard::kernel
{

class ConfigurationSources;

/// One processor node as configured with the reference broker's keys: `applicationServers`
/// lists the ids; each key is read from `<id>.<key>`, else `app.default.<key>`, else a default.
struct NodeSettings
{
    std::string id;
    std::size_t index = 0;
    /// `type`: "fsTransform" (the default) or "http" make a node.http client; any other
    /// registered node type name is used as is.
    std::string type;
    /// `instance`: the id of a node instance of the instance graph (e.g. node.local) instead of
    /// a client made from these keys.
    std::string instance;
    std::string protocol;
    std::string host;
    std::uint16_t port = 22001;
    bool enabled = true;
    std::uint32_t weight = 1;
    std::uint32_t maxInFlight = 0;
    std::uint32_t submissionsPerMinute = 0;
    std::vector<std::string> mediaTypes;

    /// The nodes of `applicationServers`, validated; errors name the file and key.
    static std::vector<NodeSettings> readAll(const ConfigurationSources& sources);

    /// The key `key` of node `id` as it resolves: "<id>.<key>" if set, else "app.default.<key>".
    static std::string resolvedKey(const ConfigurationSources& sources, const std::string& id,
                                   const std::string& key);
};

} // namespace switchyard::kernel
