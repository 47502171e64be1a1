// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Component.h"
#include "switchyard/plugin/ConfigErrorReporter.h"
#include "switchyard/plugin/KernelInfo.h"
#include "switchyard/plugin/NodeDirectory.h"
#include "switchyard/plugin/PluginKind.h"

#include <boost/config.hpp>

#include <memory>
#include <string>
#include <vector>

namespace Poco
{
class Logger;
}

namespace switchyard::plugin
{

/// What the kernel offers one instance: its identity, a logger, the instances it declared in
/// its `uses` key, and (as a ConfigErrorReporter) precise errors for its block: keys are
/// reported as "switchyard.instances.<id>.<key>".
///
/// Made by the kernel for each instance before Factory::create and kept until after the
/// instance is destroyed, so an instance may keep a reference to it. Use from the main thread
/// during create(); logger() and kernelInfo() may be used from any thread afterwards.
class BOOST_SYMBOL_VISIBLE PluginContext : public ConfigErrorReporter
{
public:
    /// The instance's id: the <id> of its "switchyard.instances.<id>" block.
    virtual const std::string& instanceId() const = 0;

    /// The instance's logger, named "switchyard.instances.<id>".
    virtual Poco::Logger& logger() const = 0;

    /// Facts about the running kernel.
    virtual const KernelInfo& kernelInfo() const = 0;

    /// The absolute path of the data folder (`switchyard.dataDir`); it exists.
    virtual const std::string& dataDirectory() const = 0;

    /// The broker's processor nodes (`applicationServers`), as the kernel's dispatcher manages
    /// them; empty when none are configured. Filled once every instance is created, so query
    /// it when serving, not in Factory::create. Lives as long as the instance.
    virtual const NodeDirectory& nodeDirectory() const = 0;

    /// An instance this one uses, of interface `Interface` (Storage, BlobStore, ...).
    /// With an `id`, that instance; it must be listed in `uses`. Without, the only instance of
    /// that kind in `uses`. OWNERSHIP: shared; keep it as long as needed (it stays alive and
    /// started until this instance is stopped). Throws the configError() exception (for `key`,
    /// the block key that named the id, or "uses") when the id is not in `uses`, is of another
    /// kind, or when no single instance of the kind is listed.
    template <class Interface>
    std::shared_ptr<Interface> use(const std::string& id = {}, const std::string& key = "uses") const
    {
        return std::static_pointer_cast<Interface>(useComponent(KindOf<Interface>::value, id, key));
    }

    /// Every instance of interface `Interface` listed in `uses`, in the order listed.
    template <class Interface> std::vector<std::shared_ptr<Interface>> useAll() const
    {
        std::vector<std::shared_ptr<Interface>> result;
        for (auto& component : useAllComponents(KindOf<Interface>::value))
            result.push_back(std::static_pointer_cast<Interface>(component));
        return result;
    }

protected:
    /// The instance behind use(): a Component of the interface of `kind`.
    virtual std::shared_ptr<Component> useComponent(PluginKind kind, const std::string& id,
                                                    const std::string& key) const = 0;

    /// The instances behind useAll().
    virtual std::vector<std::shared_ptr<Component>> useAllComponents(PluginKind kind) const = 0;
};

} // namespace switchyard::plugin
