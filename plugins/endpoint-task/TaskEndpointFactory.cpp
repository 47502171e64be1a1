// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "TaskEndpointFactory.h"

#include "TaskEndpoint.h"
#include "switchyard/plugin/ConfigReader.h"

namespace switchyard::plugins::task
{

std::unique_ptr<plugin::Endpoint> TaskEndpointFactory::create(const Poco::Util::AbstractConfiguration& config,
                                                              plugin::PluginContext& context) const
{
    plugin::ConfigReader reader(config, context);
    const std::string storageId = reader.getString("storage", "");
    return std::make_unique<TaskEndpoint>(
        context.use<plugin::Storage>(storageId, storageId.empty() ? "uses" : "storage"),
        context.nodeDirectory());
}

} // namespace switchyard::plugins::task
