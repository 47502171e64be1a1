// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "support/FakePluginContext.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>

namespace switchyard::tests
{

FakePluginContext::FakePluginContext(std::string instanceId)
    : _instanceId(std::move(instanceId)), _dataDirectory(Poco::Path::temp())
{
    _kernelInfo.productName = "switchyard";
    _kernelInfo.version = "9.8.7";
    _kernelInfo.buildId = "test-build";
    _kernelInfo.abiVersion = 1;
}

void FakePluginContext::provideComponent(plugin::PluginKind kind, const std::string& id,
                                         std::shared_ptr<plugin::Component> component)
{
    _provided.push_back({kind, id, std::move(component)});
}

plugin::KernelInfo& FakePluginContext::mutableKernelInfo()
{
    return _kernelInfo;
}

void FakePluginContext::setDataDirectory(std::string path)
{
    _dataDirectory = std::move(path);
}

const std::string& FakePluginContext::instanceId() const
{
    return _instanceId;
}

Poco::Logger& FakePluginContext::logger() const
{
    return Poco::Logger::get("switchyard.instances." + _instanceId);
}

const plugin::KernelInfo& FakePluginContext::kernelInfo() const
{
    return _kernelInfo;
}

const std::string& FakePluginContext::dataDirectory() const
{
    return _dataDirectory;
}

void FakePluginContext::configError(const std::string& key, const std::string& reason) const
{
    throw Poco::InvalidArgumentException(std::string(ConfigFile) + ": switchyard.instances." + _instanceId +
                                         "." + key + ": " + reason);
}

std::shared_ptr<plugin::Component>
FakePluginContext::useComponent(plugin::PluginKind kind, const std::string& id, const std::string& key) const
{
    std::vector<const Provided*> matches;
    for (const Provided& provided : _provided)
    {
        if (id.empty() ? provided.kind == kind : provided.id == id)
            matches.push_back(&provided);
    }
    if (!id.empty())
    {
        if (matches.empty())
            configError(key, "'" + id + "' is not listed in uses");
        if (matches.front()->kind != kind)
            configError(key, "'" + id + "' is not of kind " + std::string(plugin::kindName(kind)));
    }
    else if (matches.size() != 1)
        configError(key, "expected exactly one instance of kind " + std::string(plugin::kindName(kind)));
    return matches.front()->component;
}

std::vector<std::shared_ptr<plugin::Component>>
FakePluginContext::useAllComponents(plugin::PluginKind kind) const
{
    std::vector<std::shared_ptr<plugin::Component>> components;
    for (const Provided& provided : _provided)
    {
        if (provided.kind == kind)
            components.push_back(provided.component);
    }
    return components;
}

} // namespace switchyard::tests
