// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "HttpNodeClientFactory.h"

#include "HttpNodeClient.h"
#include "switchyard/plugin/ConfigReader.h"

#include <Poco/File.h>

namespace switchyard::plugins::nodehttp
{

std::unique_ptr<plugin::NodeClient>
HttpNodeClientFactory::create(const Poco::Util::AbstractConfiguration& config,
                              plugin::PluginContext& context) const
{
    plugin::ConfigReader reader(config, context);
    HttpNodeSettings settings;
    settings.protocol = reader.getString("protocol", "https");
    if (settings.protocol != "http" && settings.protocol != "https")
        reader.fail("protocol", "expected http or https, got '" + settings.protocol + "'");
    settings.host = reader.requiredString("host");
    settings.port = static_cast<std::uint16_t>(reader.getInteger("port", 22001, 1, 65535));
    settings.secret = reader.getString("secret", "");
    settings.connectTimeoutSeconds = static_cast<int>(reader.getInteger("connectTimeout", 30, 1, 3600));
    settings.readTimeoutSeconds = static_cast<int>(reader.getInteger("readTimeout", 30, 1, 86400));
    settings.caFile = reader.getString("caFile", "");
    if (!settings.caFile.empty() && !Poco::File(settings.caFile).exists())
        reader.fail("caFile", "no such file: " + settings.caFile);
    settings.trustAll = reader.getBool("trustAll", false);
    settings.maxIdleConnections = static_cast<int>(reader.getInteger("maxIdleConnections", 8, 0, 1024));
    return std::make_unique<HttpNodeClient>(std::move(settings));
}

} // namespace switchyard::plugins::nodehttp
