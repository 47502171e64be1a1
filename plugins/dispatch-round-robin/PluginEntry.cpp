// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "RoundRobinStrategyFactory.h"
#include "switchyard/plugin/BuildId.h"
#include "switchyard/plugin/PluginAbi.h"
#include "switchyard/plugin/Registrar.h"

namespace switchyard::plugins::roundrobin
{

namespace
{

void registerFactories(plugin::Registrar& registrar)
{
    registrar.add<plugin::DispatchStrategy>(std::make_unique<RoundRobinStrategyFactory>());
}

} // namespace

const plugin::PluginDescriptor& describe()
{
    static const plugin::PluginDescriptor descriptor{SWITCHYARD_PLUGIN_ABI_VERSION, SWITCHYARD_BUILD_ID,
                                                     "dispatch-round-robin", "0.1.0", &registerFactories};
    return descriptor;
}

} // namespace switchyard::plugins::roundrobin

SWITCHYARD_PLUGIN_ENTRY(switchyard::plugins::roundrobin::describe)
