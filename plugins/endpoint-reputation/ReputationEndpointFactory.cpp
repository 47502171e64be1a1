// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ReputationEndpointFactory.h"

#include "ReputationEndpoint.h"
#include "switchyard/plugin/ConfigReader.h"
#include "switchyard/plugin/PluginContext.h"

#include <set>

namespace switchyard::plugins::reputation
{

std::unique_ptr<plugin::Endpoint>
ReputationEndpointFactory::create(const Poco::Util::AbstractConfiguration& config,
                                  plugin::PluginContext& context) const
{
    plugin::ConfigReader reader(config, context);
    auto sources = context.useAll<plugin::ReputationSource>();
    if (sources.empty())
        reader.fail("uses", "must list at least one reputation source (e.g. a reputation.hashlist instance)");
    std::set<std::string> names;
    for (const auto& source : sources)
        if (!names.insert(source->sourceName()).second)
            reader.fail("uses", "two reputation sources are named " + source->sourceName() +
                                    "; give one another sourceName");
    const auto maxHashes = static_cast<std::size_t>(reader.getInteger("maxHashes", 10000, 1, 1000000));
    return std::make_unique<ReputationEndpoint>(std::move(sources), maxHashes);
}

} // namespace switchyard::plugins::reputation
