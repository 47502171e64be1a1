// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/BlobStore.h"

namespace switchyard::plugins::filesystem
{

/// Makes `blobs.filesystem` instances; reads `root`, `fsync` and `minFreeMiB` (see README.md).
class FilesystemBlobStoreFactory : public plugin::BlobStoreFactory
{
public:
    /// Largest minFreeMiB: its byte count still fits a signed 64-bit integer.
    static constexpr std::int64_t MaxMinFreeMiB = (std::int64_t{1} << 43) - 1;

    // switchyard::plugin::FactoryBase
    std::string type() const override;

    // switchyard::plugin::Factory<BlobStore>
    std::unique_ptr<plugin::BlobStore> create(const Poco::Util::AbstractConfiguration& config,
                                              plugin::PluginContext& context) const override;
};

} // namespace switchyard::plugins::filesystem
