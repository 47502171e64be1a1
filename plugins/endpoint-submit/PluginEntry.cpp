// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SubmitEndpointFactory.h"
#include "switchyard/plugin/BuildId.h"
#include "switchyard/plugin/PluginAbi.h"
#include "switchyard/plugin/Registrar.h"

namespace switchyard::plugins::submit
{

static void registerFactories(plugin::Registrar& registrar)
{
    registrar.add<plugin::Endpoint>(std::make_unique<SubmitEndpointFactory>());
}

const plugin::PluginDescriptor& describe()
{
    static const plugin::PluginDescriptor descriptor{SWITCHYARD_PLUGIN_ABI_VERSION, SWITCHYARD_BUILD_ID,
                                                     "endpoint-submit", "0.1.0", &registerFactories};
    return descriptor;
}

} // namespace switchyard::plugins::submit

SWITCHYARD_PLUGIN_ENTRY(switchyard::plugins::submit::describe)
