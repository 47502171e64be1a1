// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "NodeSystemInfoEndpointFactory.h"

#include "NodeLookup.h"
#include "NodeSystemInfoEndpoint.h"

namespace switchyard::plugins::nodeendpoint
{

std::unique_ptr<plugin::Endpoint>
NodeSystemInfoEndpointFactory::create(const Poco::Util::AbstractConfiguration& config,
                                      plugin::PluginContext& context) const
{
    const plugin::ConfigReader reader(config, context);
    return std::make_unique<NodeSystemInfoEndpoint>(useNode(reader, context));
}

} // namespace switchyard::plugins::nodeendpoint
