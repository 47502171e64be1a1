// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "HashListSourceFactory.h"
#include "switchyard/plugin/BuildId.h"
#include "switchyard/plugin/PluginAbi.h"
#include "switchyard/plugin/Registrar.h"

namespace switchyard::plugins::hashlist
{

static void registerFactories(plugin::Registrar& registrar)
{
    registrar.add<plugin::ReputationSource>(std::make_unique<HashListSourceFactory>());
}

const plugin::PluginDescriptor& describe()
{
    static const plugin::PluginDescriptor descriptor{SWITCHYARD_PLUGIN_ABI_VERSION, SWITCHYARD_BUILD_ID,
                                                     "reputation-hashlist", "0.1.0", &registerFactories};
    return descriptor;
}

} // namespace switchyard::plugins::hashlist

SWITCHYARD_PLUGIN_ENTRY(switchyard::plugins::hashlist::describe)
