// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "Appliance.h"

#include "switchyard/plugin/BlobStore.h"
#include "switchyard/plugin/BuildId.h"
#include "switchyard/plugin/ConfigReader.h"
#include "switchyard/plugin/Endpoint.h"
#include "switchyard/plugin/Storage.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>
#include <Poco/Process.h>
#include <Poco/Timestamp.h>
#include <Poco/Util/MapConfiguration.h>

#include <algorithm>

namespace switchyard::kernel
{

namespace
{

plugin::KernelInfo makeKernelInfo()
{
    plugin::KernelInfo info;
    info.productName = "switchyard";
    info.version = SWITCHYARD_VERSION;
    info.buildId = SWITCHYARD_BUILD_ID;
    info.abiVersion = SWITCHYARD_PLUGIN_ABI_VERSION;
    info.startedAt = Poco::Timestamp().epochMicroseconds() / 1000;
    return info;
}

} // namespace

Appliance::Appliance(ConfigurationSources& sources, const std::string& executableDirectory)
    : _settings(ServerSettings::read(sources, executableDirectory)), _kernelInfo(makeKernelInfo()),
      _loader(_registry), _router(new RequestRouter)
{
    Poco::File dataDirectory(_settings.dataDirectory);
    if (!dataDirectory.exists())
    {
        dataDirectory.createDirectories();
        dataDirectory.setExecutable(true);
    }
    if (!dataDirectory.isDirectory())
        sources.fail("switchyard.dataDir", "not a folder: " + _settings.dataDirectory);

    for (const auto& file : _settings.pluginFiles)
        _loader.load(file);
    _graph =
        std::make_unique<InstanceGraph>(sources, _registry, _kernelInfo, _settings.dataDirectory, *_nodes);
    _graph->create();
    mountEndpoints(sources);
    prepareRetention(sources);
    prepareNodes(sources);
}

std::shared_ptr<plugin::Component> Appliance::componentOf(const ConfigurationSources& sources,
                                                          const std::string& key, const std::string& id,
                                                          plugin::PluginKind kind) const
{
    const auto& instances = _graph->instances();
    auto found = instances.find(id);
    if (found == instances.end())
        sources.fail(key, "unknown instance '" + id + "'");
    if (found->second.kind != kind)
        sources.fail(key, "'" + id + "' is a " + std::string(plugin::kindName(found->second.kind)) +
                              " instance, not " + std::string(plugin::kindName(kind)));
    return found->second.component;
}

namespace
{

// Copies every key under `prefix` into `target`, relative to the prefix.
void copyBlock(const Poco::Util::AbstractConfiguration& config, const std::string& prefix,
               const std::string& relative, Poco::Util::MapConfiguration& target)
{
    Poco::Util::AbstractConfiguration::Keys keys;
    config.keys(prefix, keys);
    for (const auto& key : keys)
    {
        std::string full = prefix + "." + key;
        std::string name = relative.empty() ? key : relative + "." + key;
        if (config.hasOption(full))
            target.setString(name, config.getString(full));
        copyBlock(config, full, name, target);
    }
}

} // namespace

void Appliance::prepareNodes(const ConfigurationSources& sources)
{
    std::vector<NodeSettings> configured = NodeSettings::readAll(sources);
    DispatcherSettings dispatcher = DispatcherSettings::read(sources);
    if (configured.empty() && !dispatcher.isConfigured())
        return;
    if (configured.empty())
        sources.fail("applicationServers", "lists no node, but switchyard.dispatcher is configured");
    if (!dispatcher.isConfigured())
        sources.fail("switchyard.dispatcher.storage",
                     "is required when applicationServers lists nodes (with .blobs and .strategy)");

    std::vector<NodeRegistry::Node> nodes;
    for (const auto& settings : configured)
    {
        NodeRegistry::Node node;
        node.settings = settings;
        if (!settings.instance.empty())
        {
            node.client = std::static_pointer_cast<plugin::NodeClient>(
                componentOf(sources, NodeSettings::resolvedKey(sources, settings.id, "instance"),
                            settings.instance, plugin::PluginKind::Node));
            node.address = "instance " + settings.instance;
        }
        else
        {
            std::string type =
                settings.type == "fsTransform" || settings.type == "http" ? "node.http" : settings.type;
            std::string typeKey = NodeSettings::resolvedKey(sources, settings.id, "type");
            const RegisteredFactory* factory = _registry.find(type);
            if (!factory)
                sources.fail(typeKey,
                             "no plugin provides node type '" + type + "' (load switchyard-node-http)");
            if (factory->kind != plugin::PluginKind::Node)
                sources.fail(typeKey, "'" + type + "' is not a node type");
            Poco::AutoPtr<Poco::Util::MapConfiguration> block(new Poco::Util::MapConfiguration);
            copyBlock(sources.config(), "app.default", "", *block);
            copyBlock(sources.config(), settings.id, "", *block);
            _nodeContexts.push_back(std::make_unique<InstanceContext>(
                settings.id, std::vector<std::string>{}, _graph->instances(), _kernelInfo,
                _settings.dataDirectory, BlockErrorReporter(sources, settings.id), *_nodes));
            std::unique_ptr<plugin::NodeClient> made =
                factory->as<plugin::NodeClient>().create(*block, *_nodeContexts.back());
            node.client = factory->library->adopt(std::move(made));
            node.address = settings.protocol + "://" + settings.host + ":" + std::to_string(settings.port);
            node.managed = true;
        }
        nodes.push_back(std::move(node));
    }
    NodeRegistry::Settings registrySettings;
    registrySettings.ejectAfterFailures = dispatcher.ejectAfterFailures;
    registrySettings.probeIntervalMilliseconds = dispatcher.probeIntervalMilliseconds;
    _nodes->install(std::move(nodes), registrySettings);

    auto storage = std::static_pointer_cast<plugin::Storage>(componentOf(
        sources, "switchyard.dispatcher.storage", dispatcher.storage, plugin::PluginKind::Storage));
    auto blobs = std::static_pointer_cast<plugin::BlobStore>(
        componentOf(sources, "switchyard.dispatcher.blobs", dispatcher.blobs, plugin::PluginKind::Blobs));
    auto strategy = std::static_pointer_cast<plugin::DispatchStrategy>(componentOf(
        sources, "switchyard.dispatcher.strategy", dispatcher.strategy, plugin::PluginKind::Dispatch));
    _dispatcher = std::make_unique<Dispatcher>(storage, blobs, strategy, _nodes, dispatcher);
}

void Appliance::prepareRetention(const ConfigurationSources& sources)
{
    if (_settings.retentionMaxAgeSeconds == 0)
        return;
    auto storage = std::static_pointer_cast<plugin::Storage>(componentOf(
        sources, "switchyard.retention.storage", _settings.retentionStorage, plugin::PluginKind::Storage));
    auto blobs = std::static_pointer_cast<plugin::BlobStore>(componentOf(
        sources, "switchyard.retention.blobs", _settings.retentionBlobs, plugin::PluginKind::Blobs));
    _retention = std::make_unique<RetentionJob>(storage, blobs, _settings.retentionMaxAgeSeconds,
                                                _settings.retentionIntervalMilliseconds);
}

void Appliance::mountEndpoints(const ConfigurationSources& constSources)
{
    for (const auto& id : _graph->order())
    {
        const Instance& instance = _graph->at(id);
        if (instance.kind != plugin::PluginKind::Endpoint)
            continue;
        BlockErrorReporter errors(constSources, std::string(InstanceGraph::Prefix) + "." + id);
        plugin::ConfigReader reader(*instance.config, errors);
        auto endpoint = std::static_pointer_cast<plugin::Endpoint>(instance.component);
        MountedEndpoint mount;
        mount.instanceId = id;
        mount.path = reader.requiredString("path");
        if (mount.path.front() != '/' || mount.path.find_first_of("?# ") != std::string::npos)
            reader.fail("path", "must start with '/' and contain no '?', '#' or spaces");
        mount.endpoint = endpoint;
        bool isPublic = reader.getBool("public", false);
        if (isPublic && reader.has("auth"))
            reader.fail("public", "a public endpoint takes no 'auth'");
        if (!isPublic)
        {
            if (!reader.has("auth"))
                reader.fail("auth",
                            "is required (the auth instance that checks callers), unless public = true");
            mount.authenticator = std::static_pointer_cast<plugin::Authenticator>(
                _graph->at(reader.requiredString("auth")).component);
        }
        mount.requiredLevel = endpoint->requiredLevel();
        if (reader.has("level"))
        {
            auto level = plugin::parseAccessLevel(reader.requiredString("level"));
            if (!level)
                reader.fail("level",
                            "expected read, submit or admin, got '" + reader.requiredString("level") + "'");
            mount.requiredLevel = *level;
        }
        mount.methods = endpoint->methods();
        mount.maxBodyBytes = static_cast<std::uint64_t>(
            reader.getInteger("maxBodyBytes", static_cast<std::int64_t>(_settings.maxRequestBodyBytes), 0,
                              std::int64_t(1) << 50));
        mount.logger = &instance.context->logger();
        std::string path = mount.path;
        if (!_router->mount(std::move(mount)))
            reader.fail("path", "'" + path + "' is already mounted by another endpoint");
    }
}

Appliance::~Appliance()
{
    stop();
    _listeners.reset();
    _retention.reset();
    _dispatcher.reset();
    _router->clear();
    _nodes->install({}, NodeRegistry::Settings{});
    _graph.reset();
    _registry.clear();
    _loader.releaseAll();
}

void Appliance::describe(std::ostream& out) const
{
    out << "libraries:\n";
    for (const auto& library : _loader.libraries())
        out << "  " << library->descriptor().name << " " << library->descriptor().version << " ("
            << library->path() << ")\n";
    out << "instances, in start order:\n";
    _graph->describe(out);
    out << "mounted paths:\n";
    for (const auto& [path, mount] : _router->mounts())
    {
        out << "  " << path << " -> " << mount->instanceId << " [";
        for (std::size_t i = 0; i < mount->methods.size(); ++i)
            out << (i ? " " : "") << mount->methods[i];
        out << "] "
            << (mount->authenticator ? "level " + std::string(plugin::toString(mount->requiredLevel))
                                     : "public")
            << "\n";
    }
    if (!_nodes->nodes().empty())
    {
        out << "processor nodes (applicationServers):\n";
        for (const auto& node : _nodes->nodes())
            out << "  " << node.id << " -> " << node.address << " weight " << node.weight
                << (node.enabled ? "" : " (disabled)") << "\n";
    }
    out << "listeners:\n";
    for (const ListenerSettings* listener : {&_settings.http, &_settings.https})
        if (listener->enabled)
            out << "  " << (listener->tls ? "https" : "http") << "://" << listener->address << ":"
                << listener->port << "\n";
}

void Appliance::start()
{
    _graph->start();
    _started = true;
    if (_retention)
        _retention->start();
    if (_dispatcher)
        _dispatcher->start();
    _listeners = std::make_unique<HttpListeners>(_settings, _router);
    _listeners->start();
    writeReadyFile();
}

void Appliance::stop()
{
    if (_listeners)
        _listeners->stop(_settings.shutdownGraceSeconds);
    if (_retention)
        _retention->stop();
    if (_dispatcher)
        _dispatcher->stop();
    if (_started)
    {
        _graph->stop();
        _started = false;
    }
}

void Appliance::writeReadyFile() const
{
    if (_settings.readyFile.empty())
        return;
    Poco::JSON::Object ready;
    ready.set("pid", static_cast<Poco::Int64>(Poco::Process::id()));
    ready.set("httpPort", _listeners->httpPort());
    ready.set("httpsPort", _listeners->httpsPort());
    // Written beside and renamed, so a reader never sees half a file.
    std::string temporary = _settings.readyFile + ".tmp";
    {
        Poco::FileOutputStream out(temporary);
        ready.stringify(out);
    }
    Poco::File(temporary).renameTo(_settings.readyFile);
}

} // namespace switchyard::kernel
