// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "DispatcherSettings.h"

#include "BlockErrorReporter.h"
#include "ConfigurationSources.h"
#include "switchyard/plugin/ConfigReader.h"

namespace switchyard::kernel
{

DispatcherSettings DispatcherSettings::read(const ConfigurationSources& sources)
{
    BlockErrorReporter errors(sources, "");
    plugin::ConfigReader reader(sources.config(), errors);
    DispatcherSettings settings;
    if (!reader.has("switchyard.dispatcher.storage"))
        return settings;
    settings.storage = reader.requiredString("switchyard.dispatcher.storage");
    settings.blobs = reader.requiredString("switchyard.dispatcher.blobs");
    settings.strategy = reader.requiredString("switchyard.dispatcher.strategy");
    settings.threads = static_cast<int>(reader.getInteger("switchyard.dispatcher.threads", 2, 1, 64));
    settings.maxAttempts =
        static_cast<std::uint32_t>(reader.getInteger("switchyard.dispatcher.maxAttempts", 3, 1, 100));
    settings.retryBackoffMilliseconds = static_cast<long>(
        reader.getInteger("switchyard.dispatcher.retryBackoffMilliseconds", 500, 0, 600000));
    settings.pollIntervalMilliseconds = static_cast<long>(
        reader.getInteger("switchyard.dispatcher.pollIntervalMilliseconds", 1000, 10, 600000));
    settings.idleMilliseconds =
        static_cast<long>(reader.getInteger("switchyard.dispatcher.idleMilliseconds", 100, 1, 60000));
    settings.ejectAfterFailures =
        static_cast<std::uint32_t>(reader.getInteger("switchyard.dispatcher.ejectAfterFailures", 3, 1, 1000));
    settings.probeIntervalMilliseconds = static_cast<long>(
        reader.getInteger("switchyard.dispatcher.probeIntervalMilliseconds", 5000, 10, 3600000));
    settings.lostTaskGraceMilliseconds = static_cast<long>(
        reader.getInteger("switchyard.dispatcher.lostTaskGraceMilliseconds", 30000, 0, 86400000));
    return settings;
}

} // namespace switchyard::kernel
