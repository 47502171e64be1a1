// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SubmitResultEndpointFactory.h"

#include "SubmitResultEndpoint.h"
#include "switchyard/plugin/ConfigReader.h"

namespace switchyard::plugins::submitresult
{

std::unique_ptr<plugin::Endpoint>
SubmitResultEndpointFactory::create(const Poco::Util::AbstractConfiguration& config,
                                    plugin::PluginContext& context) const
{
    plugin::ConfigReader reader(config, context);
    const std::string storageId = reader.getString("storage", "");
    return std::make_unique<SubmitResultEndpoint>(
        context.use<plugin::Storage>(storageId, storageId.empty() ? "uses" : "storage"));
}

} // namespace switchyard::plugins::submitresult
