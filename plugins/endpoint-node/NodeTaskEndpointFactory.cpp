// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "NodeTaskEndpointFactory.h"

#include "NodeLookup.h"
#include "NodeTaskEndpoint.h"

namespace switchyard::plugins::nodeendpoint
{

std::unique_ptr<plugin::Endpoint>
NodeTaskEndpointFactory::create(const Poco::Util::AbstractConfiguration& config,
                                plugin::PluginContext& context) const
{
    const plugin::ConfigReader reader(config, context);
    return std::make_unique<NodeTaskEndpoint>(useNode(reader, context));
}

} // namespace switchyard::plugins::nodeendpoint
