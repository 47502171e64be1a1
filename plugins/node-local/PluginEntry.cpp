// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "LocalNodeClientFactory.h"
#include "switchyard/plugin/BuildId.h"
#include "switchyard/plugin/PluginAbi.h"
#include "switchyard/plugin/Registrar.h"

namespace switchyard::plugins::nodelocal
{

static void registerFactories(plugin::Registrar& registrar)
{
    registrar.add<plugin::NodeClient>(std::make_unique<LocalNodeClientFactory>());
}

const plugin::PluginDescriptor& describe()
{
    static const plugin::PluginDescriptor descriptor{SWITCHYARD_PLUGIN_ABI_VERSION, SWITCHYARD_BUILD_ID,
                                                     "node-local", "0.1.0", &registerFactories};
    return descriptor;
}

} // namespace switchyard::plugins::nodelocal

SWITCHYARD_PLUGIN_ENTRY(switchyard::plugins::nodelocal::describe)
