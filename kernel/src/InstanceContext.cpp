// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "InstanceContext.h"

#include "Instance.h"

#include <Poco/Logger.h>

#include <algorithm>

namespace switchyard::kernel
{

InstanceContext::InstanceContext(const std::string& id, const std::vector<std::string>& uses,
                                 const std::map<std::string, Instance>& instances,
                                 const plugin::KernelInfo& kernelInfo, const std::string& dataDirectory,
                                 const BlockErrorReporter& errors, const plugin::NodeDirectory& nodes)
    : _id(id), _uses(uses), _instances(instances), _kernelInfo(kernelInfo), _dataDirectory(dataDirectory),
      _errors(errors), _nodes(nodes), _logger(Poco::Logger::get("switchyard.instances." + id))
{
}

void InstanceContext::configError(const std::string& key, const std::string& reason) const
{
    _errors.configError(key, reason);
}

std::shared_ptr<plugin::Component>
InstanceContext::useComponent(plugin::PluginKind kind, const std::string& id, const std::string& key) const
{
    std::string wanted(plugin::kindName(kind));
    if (id.empty())
    {
        auto found = useAllComponents(kind);
        if (found.size() != 1)
            configError(key, "needs exactly one " + wanted + " instance in uses, found " +
                                 std::to_string(found.size()));
        return found.front();
    }
    if (std::find(_uses.begin(), _uses.end(), id) == _uses.end())
        configError(key, "'" + id + "' is not listed in uses");
    const Instance& instance = _instances.at(id);
    if (instance.kind != kind)
        configError(key, "'" + id + "' is a " + std::string(plugin::kindName(instance.kind)) + " instance (" +
                             instance.type + "), not " + wanted);
    return instance.component;
}

std::vector<std::shared_ptr<plugin::Component>>
InstanceContext::useAllComponents(plugin::PluginKind kind) const
{
    std::vector<std::shared_ptr<plugin::Component>> found;
    for (const auto& id : _uses)
    {
        const Instance& instance = _instances.at(id);
        if (instance.kind == kind && instance.component)
            found.push_back(instance.component);
    }
    return found;
}

} // namespace switchyard::kernel
