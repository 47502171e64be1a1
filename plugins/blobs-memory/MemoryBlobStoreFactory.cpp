// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MemoryBlobStoreFactory.h"

#include "MemoryBlobStore.h"
#include "switchyard/plugin/ConfigReader.h"

#include <limits>

namespace switchyard::plugins::memory
{

std::string MemoryBlobStoreFactory::type() const
{
    return "blobs.memory";
}

std::unique_ptr<plugin::BlobStore>
MemoryBlobStoreFactory::create(const Poco::Util::AbstractConfiguration& config,
                               plugin::PluginContext& context) const
{
    const plugin::ConfigReader reader(config, context);
    const std::int64_t maxBytes =
        reader.getInteger("maxBytes", static_cast<std::int64_t>(MemoryBlobStore::DefaultMaxBytes), 1);
    return std::make_unique<MemoryBlobStore>(static_cast<std::uint64_t>(maxBytes));
}

} // namespace switchyard::plugins::memory
