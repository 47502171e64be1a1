// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "ConfigurationSources.h"
#include "Dispatcher.h"
#include "FactoryRegistry.h"
#include "HttpListeners.h"
#include "InstanceGraph.h"
#include "NodeRegistry.h"
#include "PluginLoader.h"
#include "RequestRouter.h"
#include "RetentionJob.h"
#include "ServerSettings.h"
#include "switchyard/plugin/KernelInfo.h"

#include <memory>
#include <ostream>
#include <string>

namespace switchyard::kernel
{

/// Everything one configuration makes: libraries, factories, instances, routes, listeners.
///
/// Members are declared so that destruction runs in the safe order: listeners, then routes,
/// then instances (dependents first), then factories, then libraries.
class Appliance
{
public:
    /// Reads the settings, loads the plugins, builds and creates the instances and mounts the
    /// endpoints. Throws ConfigurationException or Poco::LibraryLoadException with the file,
    /// key or library and the reason.
    Appliance(ConfigurationSources& sources, const std::string& executableDirectory);
    ~Appliance();

    /// Writes what --check-config prints: libraries, instances in order, mounted paths.
    void describe(std::ostream& out) const;

    /// Starts the instances, binds and starts the listeners, writes the ready file.
    void start();

    /// Stops listeners (graceful), then the instances in reverse order. Idempotent.
    void stop();

    const ServerSettings& settings() const { return _settings; }
    const HttpListeners* listeners() const { return _listeners.get(); }

private:
    void mountEndpoints(const ConfigurationSources& sources);
    void prepareRetention(const ConfigurationSources& sources);
    void prepareNodes(const ConfigurationSources& sources);
    /// The component of instance `id` (named by `key`), which must be of `kind`.
    std::shared_ptr<plugin::Component> componentOf(const ConfigurationSources& sources,
                                                   const std::string& key, const std::string& id,
                                                   plugin::PluginKind kind) const;
    void writeReadyFile() const;

    ServerSettings _settings;
    plugin::KernelInfo _kernelInfo;
    FactoryRegistry _registry;
    PluginLoader _loader;
    // Before the graph, which hands it to every instance; after the node contexts, which the
    // node clients it holds may use until they are gone.
    std::vector<std::unique_ptr<InstanceContext>> _nodeContexts;
    std::shared_ptr<NodeRegistry> _nodes = std::make_shared<NodeRegistry>();
    std::unique_ptr<InstanceGraph> _graph;
    std::unique_ptr<Dispatcher> _dispatcher;
    Poco::SharedPtr<RequestRouter> _router;
    std::unique_ptr<RetentionJob> _retention;
    std::unique_ptr<HttpListeners> _listeners;
    bool _started = false;
};

} // namespace switchyard::kernel
