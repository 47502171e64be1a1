// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "FileEndpointFactory.h"

#include "FileEndpoint.h"
#include "switchyard/plugin/ConfigReader.h"

namespace switchyard::plugins::file
{

std::unique_ptr<plugin::Endpoint> FileEndpointFactory::create(const Poco::Util::AbstractConfiguration& config,
                                                              plugin::PluginContext& context) const
{
    plugin::ConfigReader reader(config, context);
    const std::string storageId = reader.getString("storage", "");
    const std::string blobsId = reader.getString("blobs", "");
    return std::make_unique<FileEndpoint>(
        context.use<plugin::Storage>(storageId, storageId.empty() ? "uses" : "storage"),
        context.use<plugin::BlobStore>(blobsId, blobsId.empty() ? "uses" : "blobs"));
}

} // namespace switchyard::plugins::file
