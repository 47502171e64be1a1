// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MemoryStorageFactory.h"

#include "MemoryStorage.h"

namespace switchyard::plugins::memory
{

std::string MemoryStorageFactory::type() const
{
    return "storage.memory";
}

std::unique_ptr<plugin::Storage> MemoryStorageFactory::create(const Poco::Util::AbstractConfiguration&,
                                                              plugin::PluginContext&) const
{
    return std::make_unique<MemoryStorage>();
}

} // namespace switchyard::plugins::memory
