// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Storage.h"

namespace switchyard::plugins::memory
{

/// Makes `storage.memory` instances. The type has no configuration keys.
class MemoryStorageFactory : public plugin::StorageFactory
{
public:
    // switchyard::plugin::FactoryBase
    std::string type() const override;

    // switchyard::plugin::Factory<Storage>
    std::unique_ptr<plugin::Storage> create(const Poco::Util::AbstractConfiguration& config,
                                            plugin::PluginContext& context) const override;
};

} // namespace switchyard::plugins::memory
