// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ConsistentHashStrategyFactory.h"
#include "LeastOutstandingStrategyFactory.h"
#include "MediaTypeStrategyFactory.h"
#include "WeightedStrategyFactory.h"
#include "switchyard/plugin/BuildId.h"
#include "switchyard/plugin/PluginAbi.h"
#include "switchyard/plugin/Registrar.h"

namespace switchyard::plugins::dispatch
{

namespace
{

void registerFactories(plugin::Registrar& registrar)
{
    registrar.add<plugin::DispatchStrategy>(std::make_unique<WeightedStrategyFactory>());
    registrar.add<plugin::DispatchStrategy>(std::make_unique<LeastOutstandingStrategyFactory>());
    registrar.add<plugin::DispatchStrategy>(std::make_unique<MediaTypeStrategyFactory>());
    registrar.add<plugin::DispatchStrategy>(std::make_unique<ConsistentHashStrategyFactory>());
}

} // namespace

const plugin::PluginDescriptor& describe()
{
    static const plugin::PluginDescriptor descriptor{SWITCHYARD_PLUGIN_ABI_VERSION, SWITCHYARD_BUILD_ID,
                                                     "dispatch-strategies", "0.1.0", &registerFactories};
    return descriptor;
}

} // namespace switchyard::plugins::dispatch

SWITCHYARD_PLUGIN_ENTRY(switchyard::plugins::dispatch::describe)
