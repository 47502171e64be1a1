// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "BasicAnalyzerFactory.h"
#include "switchyard/plugin/BuildId.h"
#include "switchyard/plugin/PluginAbi.h"
#include "switchyard/plugin/Registrar.h"

namespace switchyard::plugins::basic
{

static void registerFactories(plugin::Registrar& registrar)
{
    registrar.add<plugin::Analyzer>(std::make_unique<BasicAnalyzerFactory>());
}

const plugin::PluginDescriptor& describe()
{
    static const plugin::PluginDescriptor descriptor{SWITCHYARD_PLUGIN_ABI_VERSION, SWITCHYARD_BUILD_ID,
                                                     "analyzer-basic", "0.1.0", &registerFactories};
    return descriptor;
}

} // namespace switchyard::plugins::basic

SWITCHYARD_PLUGIN_ENTRY(switchyard::plugins::basic::describe)
