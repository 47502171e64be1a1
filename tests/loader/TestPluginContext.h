// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/PluginContext.h"

namespace switchyard::testsupport
{

/// A PluginContext with no dependencies, for creating fixture instances outside a graph.
class TestPluginContext : public plugin::PluginContext
{
    struct NoNodes : plugin::NodeDirectory
    {
        std::vector<plugin::NodeView> nodes() const override { return {}; }
        std::shared_ptr<plugin::NodeClient> client(const std::string&) const override { return nullptr; }
    };

public:
    const std::string& instanceId() const override { return _id; }
    Poco::Logger& logger() const override;
    const plugin::KernelInfo& kernelInfo() const override { return _info; }
    const std::string& dataDirectory() const override { return _dataDirectory; }
    const plugin::NodeDirectory& nodeDirectory() const override { return _nodes; }
    [[noreturn]] void configError(const std::string& key, const std::string& reason) const override;

protected:
    std::shared_ptr<plugin::Component> useComponent(plugin::PluginKind, const std::string&,
                                                    const std::string& key) const override;
    std::vector<std::shared_ptr<plugin::Component>> useAllComponents(plugin::PluginKind) const override
    {
        return {};
    }

private:
    std::string _id = "test";
    plugin::KernelInfo _info;
    std::string _dataDirectory = "/tmp";
    NoNodes _nodes;
};

} // namespace switchyard::testsupport
