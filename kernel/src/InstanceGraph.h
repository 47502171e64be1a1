// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "ConfigurationSources.h"
#include "FactoryRegistry.h"
#include "Instance.h"
#include "switchyard/plugin/KernelInfo.h"

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace switchyard::kernel
{

/// The configured instances ("switchyard.instances.<id>.*"), wired in dependency order.
///
/// Every mistake is a ConfigurationException naming the file and key: an unknown type (with a
/// suggestion), an unknown or self reference, a cycle, or a block the factory refuses.
class InstanceGraph
{
public:
    static constexpr const char* Prefix = "switchyard.instances";

    /// Reads the blocks and orders them; creates nothing yet.
    InstanceGraph(const ConfigurationSources& sources, const FactoryRegistry& registry,
                  const plugin::KernelInfo& kernelInfo, const std::string& dataDirectory,
                  const plugin::NodeDirectory& nodes);

    InstanceGraph(const InstanceGraph&) = delete;
    InstanceGraph& operator=(const InstanceGraph&) = delete;

    /// Destroys the instances, dependents first.
    ~InstanceGraph();

    /// Creates every instance in dependency order. On failure, the instances made so far are
    /// destroyed and the error is thrown.
    void create();

    /// Starts every instance in dependency order. On failure, stops those started, in reverse,
    /// and throws.
    void start();

    /// Stops the started instances in reverse dependency order. Never throws.
    void stop() noexcept;

    /// Ids in dependency order (each after everything it depends on).
    const std::vector<std::string>& order() const { return _order; }

    /// The instance with `id`; it exists.
    const Instance& at(const std::string& id) const { return _instances.at(id); }

    /// Every instance by id (for contexts the kernel makes outside the graph).
    const std::map<std::string, Instance>& instances() const { return _instances; }

    /// Writes the graph for --check-config: one line per instance, in order.
    void describe(std::ostream& out) const;

private:
    void readBlocks();
    void orderInstances();
    void visit(const std::string& id, std::map<std::string, int>& marks, std::vector<std::string>& path);
    void createInstance(Instance& instance);
    void destroyAll() noexcept;

    const ConfigurationSources& _sources;
    const FactoryRegistry& _registry;
    const plugin::KernelInfo& _kernelInfo;
    std::string _dataDirectory;
    const plugin::NodeDirectory& _nodes;
    std::map<std::string, BlockErrorReporter> _errors;
    std::map<std::string, Instance> _instances;
    std::vector<std::string> _order;
};

} // namespace switchyard::kernel
