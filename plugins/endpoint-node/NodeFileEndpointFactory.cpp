// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "NodeFileEndpointFactory.h"

#include "NodeFileEndpoint.h"
#include "switchyard/plugin/ConfigReader.h"

namespace switchyard::plugins::nodeendpoint
{

std::unique_ptr<plugin::Endpoint>
NodeFileEndpointFactory::create(const Poco::Util::AbstractConfiguration& config,
                                plugin::PluginContext& context) const
{
    const plugin::ConfigReader reader(config, context);
    const std::string blobsId = reader.getString("blobs", "");
    return std::make_unique<NodeFileEndpoint>(
        context.use<plugin::BlobStore>(blobsId, blobsId.empty() ? "uses" : "blobs"));
}

} // namespace switchyard::plugins::nodeendpoint
