// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ConsistentHashStrategyFactory.h"

#include "ConsistentHashStrategy.h"
#include "switchyard/plugin/ConfigReader.h"

namespace switchyard::plugins::dispatch
{

std::string ConsistentHashStrategyFactory::type() const
{
    return "dispatch.consistent-hash";
}

std::unique_ptr<plugin::DispatchStrategy>
ConsistentHashStrategyFactory::create(const Poco::Util::AbstractConfiguration& config,
                                      plugin::PluginContext& context) const
{
    const plugin::ConfigReader reader(config, context);
    const std::int64_t virtualNodes =
        reader.getInteger("virtualNodes", DefaultVirtualNodes, 1, MaxVirtualNodes);
    return std::make_unique<ConsistentHashStrategy>(static_cast<std::uint32_t>(virtualNodes));
}

} // namespace switchyard::plugins::dispatch
