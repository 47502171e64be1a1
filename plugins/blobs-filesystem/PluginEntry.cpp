// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "FilesystemBlobStoreFactory.h"
#include "switchyard/plugin/BuildId.h"
#include "switchyard/plugin/PluginAbi.h"
#include "switchyard/plugin/Registrar.h"

namespace switchyard::plugins::filesystem
{

namespace
{

void registerFactories(plugin::Registrar& registrar)
{
    registrar.add<plugin::BlobStore>(std::make_unique<FilesystemBlobStoreFactory>());
}

} // namespace

const plugin::PluginDescriptor& describe()
{
    static const plugin::PluginDescriptor descriptor{SWITCHYARD_PLUGIN_ABI_VERSION, SWITCHYARD_BUILD_ID,
                                                     "blobs-filesystem", "0.1.0", &registerFactories};
    return descriptor;
}

} // namespace switchyard::plugins::filesystem

SWITCHYARD_PLUGIN_ENTRY(switchyard::plugins::filesystem::describe)
