// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/BlobStore.h"

namespace switchyard::plugins::memory
{

/// Makes `blobs.memory` instances; reads `maxBytes` (see README.md).
class MemoryBlobStoreFactory : public plugin::BlobStoreFactory
{
public:
    // switchyard::plugin::FactoryBase
    std::string type() const override;

    // switchyard::plugin::Factory<BlobStore>
    std::unique_ptr<plugin::BlobStore> create(const Poco::Util::AbstractConfiguration& config,
                                              plugin::PluginContext& context) const override;
};

} // namespace switchyard::plugins::memory
