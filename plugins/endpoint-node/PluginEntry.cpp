// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "NodeFileEndpointFactory.h"
#include "NodeScanEndpointFactory.h"
#include "NodeSystemInfoEndpointFactory.h"
#include "NodeTaskEndpointFactory.h"
#include "switchyard/plugin/BuildId.h"
#include "switchyard/plugin/PluginAbi.h"
#include "switchyard/plugin/Registrar.h"

namespace switchyard::plugins::nodeendpoint
{

static void registerFactories(plugin::Registrar& registrar)
{
    registrar.add<plugin::Endpoint>(std::make_unique<NodeScanEndpointFactory>());
    registrar.add<plugin::Endpoint>(std::make_unique<NodeTaskEndpointFactory>());
    registrar.add<plugin::Endpoint>(std::make_unique<NodeSystemInfoEndpointFactory>());
    registrar.add<plugin::Endpoint>(std::make_unique<NodeFileEndpointFactory>());
}

const plugin::PluginDescriptor& describe()
{
    static const plugin::PluginDescriptor descriptor{SWITCHYARD_PLUGIN_ABI_VERSION, SWITCHYARD_BUILD_ID,
                                                     "endpoint-node", "0.1.0", &registerFactories};
    return descriptor;
}

} // namespace switchyard::plugins::nodeendpoint

SWITCHYARD_PLUGIN_ENTRY(switchyard::plugins::nodeendpoint::describe)
