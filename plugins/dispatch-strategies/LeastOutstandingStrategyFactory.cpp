// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "LeastOutstandingStrategyFactory.h"

#include "LeastOutstandingStrategy.h"

namespace switchyard::plugins::dispatch
{

std::string LeastOutstandingStrategyFactory::type() const
{
    return "dispatch.least-outstanding";
}

std::unique_ptr<plugin::DispatchStrategy>
LeastOutstandingStrategyFactory::create(const Poco::Util::AbstractConfiguration&,
                                        plugin::PluginContext&) const
{
    return std::make_unique<LeastOutstandingStrategy>();
}

} // namespace switchyard::plugins::dispatch
