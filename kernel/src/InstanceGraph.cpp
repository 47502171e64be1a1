// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "InstanceGraph.h"

#include "ConfigurationException.h"
#include "SpellingSuggestion.h"
#include "switchyard/plugin/Analyzer.h"
#include "switchyard/plugin/Authenticator.h"
#include "switchyard/plugin/BlobStore.h"
#include "switchyard/plugin/ConfigReader.h"
#include "switchyard/plugin/DispatchStrategy.h"
#include "switchyard/plugin/Endpoint.h"
#include "switchyard/plugin/NodeClient.h"
#include "switchyard/plugin/ReputationSource.h"
#include "switchyard/plugin/Storage.h"

#include <Poco/Logger.h>

#include <algorithm>

namespace switchyard::kernel
{

namespace
{

bool isValidId(const std::string& id)
{
    return !id.empty() && std::all_of(id.begin(), id.end(),
                                      [](char c)
                                      {
                                          return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                                 (c >= '0' && c <= '9') || c == '-' || c == '_';
                                      });
}

template <class Interface> std::shared_ptr<plugin::Component> createAs(const Instance& instance)
{
    std::unique_ptr<Interface> made =
        instance.factory->as<Interface>().create(*instance.config, *instance.context);
    if (!made)
        throw Poco::NullPointerException("factory of " + instance.type + " returned no instance");
    return instance.factory->library->adopt(std::move(made));
}

enum Mark
{
    Unvisited = 0,
    Visiting,
    Done
};

} // namespace

InstanceGraph::InstanceGraph(const ConfigurationSources& sources, const FactoryRegistry& registry,
                             const plugin::KernelInfo& kernelInfo, const std::string& dataDirectory,
                             const plugin::NodeDirectory& nodes)
    : _sources(sources), _registry(registry), _kernelInfo(kernelInfo), _dataDirectory(dataDirectory),
      _nodes(nodes)
{
    readBlocks();
    orderInstances();
}

InstanceGraph::~InstanceGraph()
{
    stop();
    destroyAll();
}

void InstanceGraph::readBlocks()
{
    const auto& config = _sources.config();
    Poco::Util::AbstractConfiguration::Keys ids;
    config.keys(Prefix, ids);
    if (ids.empty())
        _sources.fail(Prefix, "no instances are configured");

    for (const auto& id : ids)
    {
        std::string prefix = std::string(Prefix) + "." + id;
        if (!isValidId(id))
            _sources.fail(prefix, "instance ids may contain only letters, digits, '-' and '_'");
        const BlockErrorReporter& errors =
            _errors.emplace(id, BlockErrorReporter(_sources, prefix)).first->second;
        Instance instance;
        instance.id = id;
        instance.config = config.createView(prefix);
        plugin::ConfigReader reader(*instance.config, errors);
        instance.type = reader.requiredString("type");
        instance.factory = _registry.find(instance.type);
        if (instance.factory == nullptr)
        {
            std::vector<std::string> known = _registry.types();
            std::string message = "unknown type '" + instance.type + "'";
            if (auto suggestion = SpellingSuggestion::closest(instance.type, known))
                message += "; did you mean '" + *suggestion + "'?";
            std::string list;
            for (const auto& type : known)
                list += (list.empty() ? "" : ", ") + type;
            errors.configError("type", message + " (known types: " + (list.empty() ? "none" : list) + ")");
        }
        instance.kind = instance.factory->kind;
        instance.uses = reader.getList("uses");
        instance.dependencies = instance.uses;
        if (instance.kind == plugin::PluginKind::Endpoint && reader.has("auth"))
            instance.dependencies.push_back(reader.requiredString("auth"));
        _instances.emplace(id, std::move(instance));
    }

    std::vector<std::string> allIds(ids.begin(), ids.end());
    for (const auto& [id, instance] : _instances)
    {
        const BlockErrorReporter& errors = _errors.at(id);
        for (const auto& dependency : instance.dependencies)
        {
            bool viaUses =
                std::find(instance.uses.begin(), instance.uses.end(), dependency) != instance.uses.end();
            std::string key = viaUses ? "uses" : "auth";
            if (_instances.count(dependency) == 0)
            {
                std::string message = "unknown instance '" + dependency + "'";
                if (auto suggestion = SpellingSuggestion::closest(dependency, allIds))
                    message += "; did you mean '" + *suggestion + "'?";
                errors.configError(key, message);
            }
            if (dependency == id)
                errors.configError(key, "an instance cannot use itself");
        }
        if (instance.kind == plugin::PluginKind::Endpoint &&
            plugin::ConfigReader(*instance.config, errors).has("auth"))
        {
            const Instance& auth = _instances.at(instance.config->getString("auth"));
            if (auth.kind != plugin::PluginKind::Auth)
                errors.configError("auth", "'" + auth.id + "' is a " +
                                               std::string(plugin::kindName(auth.kind)) +
                                               " instance, not auth");
        }
    }
}

void InstanceGraph::orderInstances()
{
    std::map<std::string, int> marks;
    std::vector<std::string> path;
    for (const auto& [id, instance] : _instances)
        visit(id, marks, path);
}

void InstanceGraph::visit(const std::string& id, std::map<std::string, int>& marks,
                          std::vector<std::string>& path)
{
    int& mark = marks[id];
    if (mark == Done)
        return;
    if (mark == Visiting)
    {
        auto start = std::find(path.begin(), path.end(), id);
        std::string cycle;
        for (auto it = start; it != path.end(); ++it)
            cycle += *it + " -> ";
        cycle += id;
        _errors.at(*start).configError("uses", "dependency cycle: " + cycle);
    }
    mark = Visiting;
    path.push_back(id);
    for (const auto& dependency : _instances.at(id).dependencies)
        visit(dependency, marks, path);
    path.pop_back();
    marks[id] = Done;
    _order.push_back(id);
}

void InstanceGraph::create()
{
    try
    {
        for (const auto& id : _order)
            createInstance(_instances.at(id));
    }
    catch (...)
    {
        destroyAll();
        throw;
    }
}

void InstanceGraph::createInstance(Instance& instance)
{
    const BlockErrorReporter& errors = _errors.at(instance.id);
    instance.context = std::make_unique<InstanceContext>(instance.id, instance.uses, _instances, _kernelInfo,
                                                         _dataDirectory, errors, _nodes);
    std::string failure;
    // Messages are copied while the plugin library is certainly mapped.
    try
    {
        switch (instance.kind)
        {
        case plugin::PluginKind::Auth:
            instance.component = createAs<plugin::Authenticator>(instance);
            break;
        case plugin::PluginKind::Storage:
            instance.component = createAs<plugin::Storage>(instance);
            break;
        case plugin::PluginKind::Blobs:
            instance.component = createAs<plugin::BlobStore>(instance);
            break;
        case plugin::PluginKind::Dispatch:
            instance.component = createAs<plugin::DispatchStrategy>(instance);
            break;
        case plugin::PluginKind::Node:
            instance.component = createAs<plugin::NodeClient>(instance);
            break;
        case plugin::PluginKind::Endpoint:
            instance.component = createAs<plugin::Endpoint>(instance);
            break;
        case plugin::PluginKind::Analyzer:
            instance.component = createAs<plugin::Analyzer>(instance);
            break;
        case plugin::PluginKind::Reputation:
            instance.component = createAs<plugin::ReputationSource>(instance);
            break;
        }
        return;
    }
    catch (const ConfigurationException&)
    {
        throw;
    }
    catch (const Poco::Exception& error)
    {
        failure = error.displayText();
    }
    catch (const std::exception& error)
    {
        failure = error.what();
    }
    catch (...)
    {
        failure = "unknown exception";
    }
    _sources.fail(errors.fullKey("type"), "cannot create " + instance.type + ": " + failure);
}

void InstanceGraph::start()
{
    for (const auto& id : _order)
    {
        Instance& instance = _instances.at(id);
        std::string failure;
        try
        {
            instance.component->start();
            instance.started = true;
            continue;
        }
        catch (const Poco::Exception& error)
        {
            failure = error.displayText();
        }
        catch (const std::exception& error)
        {
            failure = error.what();
        }
        catch (...)
        {
            failure = "unknown exception";
        }
        stop();
        throw Poco::RuntimeException("instance '" + id + "' (" + instance.type +
                                     ") failed to start: " + failure);
    }
}

void InstanceGraph::stop() noexcept
{
    for (auto it = _order.rbegin(); it != _order.rend(); ++it)
    {
        Instance& instance = _instances.at(*it);
        if (!instance.started)
            continue;
        instance.started = false;
        instance.component->stop();
        Poco::Logger::get("switchyard.kernel").debug("stopped instance " + instance.id);
    }
}

void InstanceGraph::destroyAll() noexcept
{
    // Dependents first: an instance may use its dependencies until it is destroyed.
    for (auto it = _order.rbegin(); it != _order.rend(); ++it)
    {
        Instance& instance = _instances.at(*it);
        instance.component.reset();
    }
    for (auto& [id, instance] : _instances)
        instance.context.reset();
}

void InstanceGraph::describe(std::ostream& out) const
{
    for (const auto& id : _order)
    {
        const Instance& instance = _instances.at(id);
        out << "  " << id << " (" << instance.type << ", from " << instance.factory->library->path() << ")";
        if (!instance.dependencies.empty())
        {
            out << " uses";
            for (const auto& dependency : instance.dependencies)
                out << " " << dependency;
        }
        out << "\n";
    }
}

} // namespace switchyard::kernel
