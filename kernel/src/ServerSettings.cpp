// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ServerSettings.h"

#include "BlockErrorReporter.h"
#include "ConfigurationSources.h"
#include "switchyard/plugin/ConfigReader.h"

#include <Poco/File.h>
#include <Poco/Path.h>

namespace switchyard::kernel
{

namespace
{

constexpr const char* ModernCiphers = "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                                      "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:"
                                      "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256";

// Relative paths in a configuration file are relative to that file's folder, not to
// wherever the daemon happened to be started.
std::string resolvePath(const ConfigurationSources& sources, const std::string& key, const std::string& value)
{
    Poco::Path path(value);
    if (path.isAbsolute())
        return path.toString();
    std::string source = sources.sourceOf(key);
    Poco::Path base = source == "command line -D" ? Poco::Path::current() : Poco::Path(source).parent();
    return Poco::Path(base).resolve(path).toString();
}

ListenerSettings readListener(const ConfigurationSources& sources, const plugin::ConfigReader& reader,
                              const std::string& prefix, bool tls, bool enabledByDefault, int defaultPort)
{
    ListenerSettings listener;
    listener.tls = tls;
    listener.enabled = reader.getBool(prefix + ".enabled", enabledByDefault);
    listener.address = reader.getString(prefix + ".address", "127.0.0.1");
    listener.port = static_cast<std::uint16_t>(reader.getInteger(prefix + ".port", defaultPort, 0, 65535));
    if (tls && listener.enabled)
    {
        listener.certificateFile = resolvePath(sources, prefix + ".certificateFile",
                                               reader.requiredString(prefix + ".certificateFile"));
        listener.privateKeyFile = resolvePath(sources, prefix + ".privateKeyFile",
                                              reader.requiredString(prefix + ".privateKeyFile"));
        if (!Poco::File(listener.certificateFile).exists())
            reader.fail(prefix + ".certificateFile", "no such file: " + listener.certificateFile);
        if (!Poco::File(listener.privateKeyFile).exists())
            reader.fail(prefix + ".privateKeyFile", "no such file: " + listener.privateKeyFile);
        listener.cipherList = reader.getString(prefix + ".cipherList", ModernCiphers);
    }
    return listener;
}

std::string defaultPluginDirectory(const std::string& executableDirectory)
{
    Poco::Path installed(executableDirectory);
    installed.popDirectory();
    installed.pushDirectory("lib");
    installed.pushDirectory("switchyard");
    installed.pushDirectory("plugins");
    return installed.toString();
}

} // namespace

std::string ServerSettings::pluginDirectoryOf(const ConfigurationSources* sources,
                                              const std::string& executableDirectory)
{
    if (!sources || !sources->config().hasProperty("switchyard.plugins.directory"))
        return defaultPluginDirectory(executableDirectory);
    BlockErrorReporter errors(*sources, "");
    plugin::ConfigReader reader(sources->config(), errors);
    return resolvePath(*sources, "switchyard.plugins.directory",
                       reader.requiredString("switchyard.plugins.directory"));
}

ServerSettings ServerSettings::read(const ConfigurationSources& sources,
                                    const std::string& executableDirectory)
{
    BlockErrorReporter errors(sources, "");
    plugin::ConfigReader reader(sources.config(), errors);
    ServerSettings settings;

    settings.dataDirectory = resolvePath(sources, "switchyard.dataDir",
                                         reader.getString("switchyard.dataDir", "/var/lib/switchyard"));
    settings.pluginDirectory = pluginDirectoryOf(&sources, executableDirectory);
    std::vector<std::string> libraries = reader.getList("switchyard.plugins.load");
    if (libraries.empty())
        reader.fail("switchyard.plugins.load", "is required: list the plugin libraries to load");
    for (const auto& library : libraries)
    {
        Poco::Path path(library);
        if (!path.isAbsolute())
            path = Poco::Path(Poco::Path::forDirectory(settings.pluginDirectory), library);
        std::string file = path.toString();
        if (file.size() < 3 || file.compare(file.size() - 3, 3, ".so") != 0)
            file += ".so";
        settings.pluginFiles.push_back(file);
    }

    // The reference broker's own key sets the HTTPS port, as in an existing broker.properties.
    int httpsPort = static_cast<int>(reader.getInteger("listenServerPort", 23001, 0, 65535));
    settings.http = readListener(sources, reader, "switchyard.server.http", false, false, 23080);
    settings.https = readListener(sources, reader, "switchyard.server.https", true, true, httpsPort);
    if (!settings.http.enabled && !settings.https.enabled)
        reader.fail("switchyard.server.https.enabled", "no listener is enabled (enable http or https)");

    settings.maxThreads = static_cast<int>(reader.getInteger("switchyard.server.maxThreads", 16, 1, 1024));
    settings.maxQueued = static_cast<int>(reader.getInteger("switchyard.server.maxQueued", 64, 1, 65536));
    settings.keepAliveTimeoutSeconds =
        static_cast<int>(reader.getInteger("switchyard.server.keepAliveTimeoutSeconds", 10, 1, 3600));
    settings.maxKeepAliveRequests =
        static_cast<int>(reader.getInteger("switchyard.server.maxKeepAliveRequests", 1000, 1, 1000000));
    settings.receiveTimeoutSeconds =
        static_cast<int>(reader.getInteger("switchyard.server.receiveTimeoutSeconds", 60, 1, 3600));
    settings.maxRequestBodyBytes = static_cast<std::uint64_t>(
        reader.getInteger("switchyard.server.maxRequestBodyBytes", 64LL << 20, 0, std::int64_t(1) << 50));
    settings.shutdownGraceSeconds =
        static_cast<int>(reader.getInteger("switchyard.server.shutdownGraceSeconds", 10, 0, 3600));
    if (reader.has("switchyard.server.readyFile"))
        settings.readyFile = resolvePath(sources, "switchyard.server.readyFile",
                                         reader.requiredString("switchyard.server.readyFile"));
    settings.retentionMaxAgeSeconds =
        reader.getInteger("switchyard.retention.maxAgeHours", 0, 0, 24 * 365 * 100) * 3600;
    settings.retentionIntervalMilliseconds =
        static_cast<long>(reader.getInteger("switchyard.retention.intervalSeconds", 600, 1, 86400) * 1000);
    if (settings.retentionMaxAgeSeconds > 0)
    {
        settings.retentionStorage = reader.requiredString("switchyard.retention.storage");
        settings.retentionBlobs = reader.requiredString("switchyard.retention.blobs");
    }
    return settings;
}

} // namespace switchyard::kernel
