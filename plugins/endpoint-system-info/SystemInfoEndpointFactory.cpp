// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SystemInfoEndpointFactory.h"

#include "SystemInfoEndpoint.h"
#include "switchyard/plugin/ConfigReader.h"

namespace switchyard::plugins::systeminfo
{

namespace
{

std::string nonEmptyString(const plugin::ConfigReader& reader, const std::string& key,
                           const std::string& fallback)
{
    return reader.has(key) ? reader.requiredString(key) : fallback;
}

} // namespace

std::string SystemInfoEndpointFactory::type() const
{
    return "endpoint.system-info";
}

std::unique_ptr<plugin::Endpoint>
SystemInfoEndpointFactory::create(const Poco::Util::AbstractConfiguration& config,
                                  plugin::PluginContext& context) const
{
    const plugin::ConfigReader reader(config, context);
    SystemInfoEndpoint::Settings settings;
    settings.productName = nonEmptyString(reader, "productName", DefaultProductName);
    settings.copyright = nonEmptyString(reader, "copyright", DefaultCopyright);
    settings.version = context.kernelInfo().version;
    settings.dataDirectory = context.dataDirectory();
    return std::make_unique<SystemInfoEndpoint>(std::move(settings), context.useAll<plugin::Storage>(),
                                                context.useAll<plugin::BlobStore>(), context.nodeDirectory());
}

} // namespace switchyard::plugins::systeminfo
