// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace switchyard::kernel
{

class ConfigurationSources;

/// One listening socket.
struct ListenerSettings
{
    bool enabled = false;
    bool tls = false;
    std::string address;
    /// 0 = pick a free port (logged, and written to the ready file).
    std::uint16_t port = 0;
    std::string certificateFile;
    std::string privateKeyFile;
    std::string cipherList;
};

/// The kernel's own settings (everything outside "switchyard.instances"), validated.
struct ServerSettings
{
    std::string dataDirectory;
    std::string pluginDirectory;
    /// Absolute paths of the plugin libraries to load, in order.
    std::vector<std::string> pluginFiles;
    ListenerSettings http;
    ListenerSettings https;
    int maxThreads = 16;
    int maxQueued = 64;
    int keepAliveTimeoutSeconds = 10;
    int maxKeepAliveRequests = 1000;
    int receiveTimeoutSeconds = 60;
    std::uint64_t maxRequestBodyBytes = 0;
    int shutdownGraceSeconds = 10;
    /// When set, a JSON file with the bound ports and the pid, written once serving.
    std::string readyFile;
    /// Retention: finished submissions older than this are removed (0 = keep everything).
    std::int64_t retentionMaxAgeSeconds = 0;
    long retentionIntervalMilliseconds = 600000;
    /// The storage and blob store instances retention works on.
    std::string retentionStorage;
    std::string retentionBlobs;

    /// Reads and checks the settings. `executableDirectory` is where the daemon lives; the
    /// default plugin folder is found from it. Throws ConfigurationException naming the file
    /// and key of the first bad value.
    static ServerSettings read(const ConfigurationSources& sources, const std::string& executableDirectory);

    /// The plugin folder: switchyard.plugins.directory (relative to the file that sets it), else
    /// ../lib/switchyard/plugins beside `executableDirectory` (the build tree and an installed
    /// prefix have the same layout). `sources` may be null: then the default.
    static std::string pluginDirectoryOf(const ConfigurationSources* sources,
                                         const std::string& executableDirectory);
};

} // namespace switchyard::kernel
