// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MemoryBlobStoreFactory.h"
#include "switchyard/plugin/BuildId.h"
#include "switchyard/plugin/PluginAbi.h"
#include "switchyard/plugin/Registrar.h"

namespace switchyard::plugins::memory
{

namespace
{

void registerFactories(plugin::Registrar& registrar)
{
    registrar.add<plugin::BlobStore>(std::make_unique<MemoryBlobStoreFactory>());
}

} // namespace

const plugin::PluginDescriptor& describe()
{
    static const plugin::PluginDescriptor descriptor{SWITCHYARD_PLUGIN_ABI_VERSION, SWITCHYARD_BUILD_ID,
                                                     "blobs-memory", "0.1.0", &registerFactories};
    return descriptor;
}

} // namespace switchyard::plugins::memory

SWITCHYARD_PLUGIN_ENTRY(switchyard::plugins::memory::describe)
