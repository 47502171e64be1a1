// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "RoundRobinStrategyFactory.h"

#include "RoundRobinStrategy.h"

namespace switchyard::plugins::roundrobin
{

std::string RoundRobinStrategyFactory::type() const
{
    return "dispatch.round-robin";
}

std::unique_ptr<plugin::DispatchStrategy>
RoundRobinStrategyFactory::create(const Poco::Util::AbstractConfiguration&, plugin::PluginContext&) const
{
    return std::make_unique<RoundRobinStrategy>();
}

} // namespace switchyard::plugins::roundrobin
