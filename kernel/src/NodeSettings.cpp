// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "NodeSettings.h"

#include "BlockErrorReporter.h"
#include "ConfigurationSources.h"
#include "switchyard/plugin/ConfigReader.h"

#include <set>

namespace switchyard::kernel
{

std::string NodeSettings::resolvedKey(const ConfigurationSources& sources, const std::string& id,
                                      const std::string& key)
{
    std::string own = id + "." + key;
    if (sources.config().hasProperty(own))
        return own;
    std::string shared = "app.default." + key;
    return sources.config().hasProperty(shared) ? shared : own;
}

std::vector<NodeSettings> NodeSettings::readAll(const ConfigurationSources& sources)
{
    BlockErrorReporter errors(sources, "");
    plugin::ConfigReader reader(sources.config(), errors);
    std::vector<NodeSettings> nodes;
    std::set<std::string> seen;
    for (const auto& id : reader.getList("applicationServers"))
    {
        if (!seen.insert(id).second)
            reader.fail("applicationServers", "lists '" + id + "' twice");
        if (id == "app" || id.find('.') != std::string::npos)
            reader.fail("applicationServers", "'" + id + "' cannot be an app server id");
        auto key = [&](const std::string& name) { return resolvedKey(sources, id, name); };
        NodeSettings node;
        node.id = id;
        node.index = nodes.size();
        node.instance = reader.getString(key("instance"), "");
        node.type = reader.getString(key("type"), "fsTransform");
        node.enabled = reader.getBool(key("enabled"), true);
        node.weight = static_cast<std::uint32_t>(reader.getInteger(key("weight"), 1, 1, 1000));
        node.maxInFlight = static_cast<std::uint32_t>(reader.getInteger(key("maxInFlight"), 0, 0, 1000000));
        node.submissionsPerMinute =
            static_cast<std::uint32_t>(reader.getInteger(key("submissionsPerMinute"), 0, 0, 100000000));
        node.mediaTypes = reader.getList(key("mediaTypes"));
        if (node.instance.empty())
        {
            node.protocol = reader.getString(key("protocol"), "https");
            if (node.protocol != "http" && node.protocol != "https")
                reader.fail(key("protocol"), "expected http or https, got '" + node.protocol + "'");
            node.host = reader.requiredString(key("host"));
            node.port = static_cast<std::uint16_t>(reader.getInteger(key("port"), 22001, 1, 65535));
        }
        nodes.push_back(std::move(node));
    }
    return nodes;
}

} // namespace switchyard::kernel
