// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/DispatchStrategy.h"

namespace switchyard::plugins::dispatch
{

/// Makes `dispatch.least-outstanding` instances. The type has no configuration keys.
class LeastOutstandingStrategyFactory : public plugin::DispatchStrategyFactory
{
public:
    // switchyard::plugin::FactoryBase
    std::string type() const override;

    // switchyard::plugin::Factory<DispatchStrategy>
    std::unique_ptr<plugin::DispatchStrategy> create(const Poco::Util::AbstractConfiguration& config,
                                                     plugin::PluginContext& context) const override;
};

} // namespace switchyard::plugins::dispatch
