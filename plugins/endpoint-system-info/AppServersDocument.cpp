// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "AppServersDocument.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

namespace switchyard::plugins::systeminfo
{

namespace
{

/// The documented part of a node's /system-info answer; null when it is missing or not JSON.
Poco::Dynamic::Var systemInfoSubset(const std::string& answer)
{
    if (answer.empty())
        return Poco::Dynamic::Var();
    Poco::JSON::Object::Ptr full;
    try
    {
        full = Poco::JSON::Parser().parse(answer).extract<Poco::JSON::Object::Ptr>();
    }
    catch (const Poco::Exception&)
    {
        return Poco::Dynamic::Var();
    }
    catch (const std::exception&)
    {
        // Poco::Dynamic::Var::extract throws std::bad_cast for a JSON array.
        return Poco::Dynamic::Var();
    }
    Poco::JSON::Object::Ptr subset = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const char* key : {"versionInfo", "queueInfo", "memoryStats", "freeDiscSpaceInMb", "activeThreads"})
    {
        if (full->has(key))
            subset->set(key, full->get(key));
    }
    return subset;
}

} // namespace

Poco::JSON::Array::Ptr AppServersDocument::build(const std::vector<plugin::NodeView>& nodes,
                                                 std::size_t limit)
{
    Poco::JSON::Array::Ptr servers = new Poco::JSON::Array;
    for (const plugin::NodeView& node : nodes)
    {
        if (servers->size() >= limit)
            break;
        Poco::JSON::Object::Ptr server = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        server->set("appServerID", node.id);
        server->set("address", node.address);
        server->set("state", node.state);
        server->set("enabled", node.enabled);
        server->set("healthy", node.healthy);
        server->set("inFlight", Poco::UInt64(node.inFlight));
        server->set("maxInFlight", Poco::UInt64(node.maxInFlight));
        server->set("weight", Poco::UInt64(node.weight));
        server->set("submissionsPerMinute", Poco::UInt64(node.submissionsPerMinute));
        Poco::JSON::Array::Ptr mediaTypes = new Poco::JSON::Array;
        for (const std::string& pattern : node.mediaTypes)
            mediaTypes->add(pattern);
        server->set("mediaTypes", mediaTypes);
        server->set("consecutiveFailures", Poco::UInt64(node.consecutiveFailures));
        server->set("lastError",
                    node.lastError.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(node.lastError));
        server->set("systemInfo", systemInfoSubset(node.systemInfo));
        servers->add(server);
    }
    return servers;
}

} // namespace switchyard::plugins::systeminfo
