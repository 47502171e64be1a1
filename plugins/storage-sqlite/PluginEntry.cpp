// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SqliteStorageFactory.h"
#include "switchyard/plugin/BuildId.h"
#include "switchyard/plugin/PluginAbi.h"
#include "switchyard/plugin/Registrar.h"

namespace switchyard::plugins::sqlite
{

namespace
{

void registerFactories(plugin::Registrar& registrar)
{
    registrar.add<plugin::Storage>(std::make_unique<SqliteStorageFactory>());
}

} // namespace

const plugin::PluginDescriptor& describe()
{
    static const plugin::PluginDescriptor descriptor{SWITCHYARD_PLUGIN_ABI_VERSION, SWITCHYARD_BUILD_ID,
                                                     "storage-sqlite", "0.1.0", &registerFactories};
    return descriptor;
}

} // namespace switchyard::plugins::sqlite

SWITCHYARD_PLUGIN_ENTRY(switchyard::plugins::sqlite::describe)
