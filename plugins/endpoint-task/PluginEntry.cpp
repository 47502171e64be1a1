// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "StoreEndpointFactory.h"
#include "TaskEndpointFactory.h"
#include "switchyard/plugin/BuildId.h"
#include "switchyard/plugin/PluginAbi.h"
#include "switchyard/plugin/Registrar.h"

namespace switchyard::plugins::task
{

static void registerFactories(plugin::Registrar& registrar)
{
    registrar.add<plugin::Endpoint>(std::make_unique<TaskEndpointFactory>());
    registrar.add<plugin::Endpoint>(std::make_unique<StoreEndpointFactory>());
}

const plugin::PluginDescriptor& describe()
{
    static const plugin::PluginDescriptor descriptor{SWITCHYARD_PLUGIN_ABI_VERSION, SWITCHYARD_BUILD_ID,
                                                     "endpoint-task", "0.1.0", &registerFactories};
    return descriptor;
}

} // namespace switchyard::plugins::task

SWITCHYARD_PLUGIN_ENTRY(switchyard::plugins::task::describe)
