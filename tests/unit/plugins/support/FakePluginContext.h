// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "support/FakeNodeDirectory.h"
#include "switchyard/plugin/PluginContext.h"

#include <memory>
#include <string>
#include <vector>

namespace switchyard::tests
{

/// A PluginContext for calling factories without a kernel.
///
/// configError() throws Poco::InvalidArgumentException with the message
/// "test.properties: switchyard.instances.<id>.<key>: <reason>". use()/useAll() find the
/// components given to provide(), which stand for the instance's `uses` list.
class FakePluginContext : public plugin::PluginContext
{
public:
    /// The file name configError() names.
    static constexpr const char* ConfigFile = "test.properties";

    explicit FakePluginContext(std::string instanceId = "test");

    /// Lists `component` in `uses` under `id`.
    template <class Interface> void provide(const std::string& id, std::shared_ptr<Interface> component)
    {
        provideComponent(plugin::KindOf<Interface>::value, id, std::move(component));
    }

    void provideComponent(plugin::PluginKind kind, const std::string& id,
                          std::shared_ptr<plugin::Component> component);

    plugin::KernelInfo& mutableKernelInfo();
    /// The nodes nodeDirectory() shows (none unless the test adds some).
    FakeNodeDirectory& mutableNodeDirectory() { return _nodeDirectory; }
    void setDataDirectory(std::string path);

    // switchyard::plugin::PluginContext
    const std::string& instanceId() const override;
    Poco::Logger& logger() const override;
    const plugin::KernelInfo& kernelInfo() const override;
    const std::string& dataDirectory() const override;
    const plugin::NodeDirectory& nodeDirectory() const override { return _nodeDirectory; }
    [[noreturn]] void configError(const std::string& key, const std::string& reason) const override;

protected:
    std::shared_ptr<plugin::Component> useComponent(plugin::PluginKind kind, const std::string& id,
                                                    const std::string& key) const override;
    std::vector<std::shared_ptr<plugin::Component>> useAllComponents(plugin::PluginKind kind) const override;

private:
    struct Provided
    {
        plugin::PluginKind kind;
        std::string id;
        std::shared_ptr<plugin::Component> component;
    };

    std::string _instanceId;
    plugin::KernelInfo _kernelInfo;
    std::string _dataDirectory;
    std::vector<Provided> _provided;
    FakeNodeDirectory _nodeDirectory;
};

} // namespace switchyard::tests
