// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "HttpNodeClientFactory.h"
#include "switchyard/plugin/BuildId.h"
#include "switchyard/plugin/PluginAbi.h"
#include "switchyard/plugin/Registrar.h"

namespace switchyard::plugins::nodehttp
{

static void registerFactories(plugin::Registrar& registrar)
{
    registrar.add<plugin::NodeClient>(std::make_unique<HttpNodeClientFactory>());
}

const plugin::PluginDescriptor& describe()
{
    static const plugin::PluginDescriptor descriptor{SWITCHYARD_PLUGIN_ABI_VERSION, SWITCHYARD_BUILD_ID,
                                                     "node-http", "0.1.0", &registerFactories};
    return descriptor;
}

} // namespace switchyard::plugins::nodehttp

SWITCHYARD_PLUGIN_ENTRY(switchyard::plugins::nodehttp::describe)
