// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "ConfigurationSources.h"
#include "FactoryRegistry.h"
#include "HttpListeners.h"
#include "InstanceGraph.h"
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
    void writeReadyFile() const;

    ServerSettings _settings;
    plugin::KernelInfo _kernelInfo;
    FactoryRegistry _registry;
    PluginLoader _loader;
    std::unique_ptr<InstanceGraph> _graph;
    Poco::SharedPtr<RequestRouter> _router;
    std::unique_ptr<RetentionJob> _retention;
    std::unique_ptr<HttpListeners> _listeners;
    bool _started = false;
};

} // namespace switchyard::kernel
