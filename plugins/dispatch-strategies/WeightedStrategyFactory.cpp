// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "WeightedStrategyFactory.h"

#include "WeightedStrategy.h"

namespace switchyard::plugins::dispatch
{

std::string WeightedStrategyFactory::type() const
{
    return "dispatch.weighted";
}

std::unique_ptr<plugin::DispatchStrategy>
WeightedStrategyFactory::create(const Poco::Util::AbstractConfiguration&, plugin::PluginContext&) const
{
    return std::make_unique<WeightedStrategy>();
}

} // namespace switchyard::plugins::dispatch
