// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "BlockErrorReporter.h"
#include "switchyard/plugin/PluginContext.h"

#include <map>
#include <string>
#include <vector>

namespace switchyard::kernel
{

struct Instance;

/// The PluginContext of one instance: resolves only the instances its block lists in `uses`.
class InstanceContext : public plugin::PluginContext
{
public:
    /// `instances` is the graph's map of every instance by id; it outlives this context.
    InstanceContext(const std::string& id, const std::vector<std::string>& uses,
                    const std::map<std::string, Instance>& instances, const plugin::KernelInfo& kernelInfo,
                    const std::string& dataDirectory, const BlockErrorReporter& errors,
                    const plugin::NodeDirectory& nodes);

    const std::string& instanceId() const override { return _id; }
    Poco::Logger& logger() const override { return _logger; }
    const plugin::KernelInfo& kernelInfo() const override { return _kernelInfo; }
    const std::string& dataDirectory() const override { return _dataDirectory; }
    const plugin::NodeDirectory& nodeDirectory() const override { return _nodes; }
    [[noreturn]] void configError(const std::string& key, const std::string& reason) const override;

protected:
    std::shared_ptr<plugin::Component> useComponent(plugin::PluginKind kind, const std::string& id,
                                                    const std::string& key) const override;
    std::vector<std::shared_ptr<plugin::Component>> useAllComponents(plugin::PluginKind kind) const override;

private:
    std::string _id;
    std::vector<std::string> _uses;
    const std::map<std::string, Instance>& _instances;
    const plugin::KernelInfo& _kernelInfo;
    std::string _dataDirectory;
    BlockErrorReporter _errors;
    const plugin::NodeDirectory& _nodes;
    Poco::Logger& _logger;
};

} // namespace switchyard::kernel
