// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "StoreEndpointFactory.h"

#include "StoreEndpoint.h"
#include "switchyard/plugin/ConfigReader.h"

namespace switchyard::plugins::task
{

std::unique_ptr<plugin::Endpoint>
StoreEndpointFactory::create(const Poco::Util::AbstractConfiguration& config,
                             plugin::PluginContext& context) const
{
    plugin::ConfigReader reader(config, context);
    const std::string storageId = reader.getString("storage", "");
    return std::make_unique<StoreEndpoint>(
        context.use<plugin::Storage>(storageId, storageId.empty() ? "uses" : "storage"));
}

} // namespace switchyard::plugins::task
