// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ReputationEndpointFactory.h"
#include "switchyard/plugin/BuildId.h"
#include "switchyard/plugin/PluginAbi.h"
#include "switchyard/plugin/Registrar.h"

namespace switchyard::plugins::reputation
{

static void registerFactories(plugin::Registrar& registrar)
{
    registrar.add<plugin::Endpoint>(std::make_unique<ReputationEndpointFactory>());
}

const plugin::PluginDescriptor& describe()
{
    static const plugin::PluginDescriptor descriptor{SWITCHYARD_PLUGIN_ABI_VERSION, SWITCHYARD_BUILD_ID,
                                                     "endpoint-reputation", "0.1.0", &registerFactories};
    return descriptor;
}

} // namespace switchyard::plugins::reputation

SWITCHYARD_PLUGIN_ENTRY(switchyard::plugins::reputation::describe)
