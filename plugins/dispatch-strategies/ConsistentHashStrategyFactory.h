// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/DispatchStrategy.h"

#include <cstdint>

namespace switchyard::plugins::dispatch
{

/// Makes `dispatch.consistent-hash` instances. Key: `virtualNodes` (default 160, 1..10000).
class ConsistentHashStrategyFactory : public plugin::DispatchStrategyFactory
{
public:
    static constexpr std::int64_t DefaultVirtualNodes = 160;
    static constexpr std::int64_t MaxVirtualNodes = 10000;

    // switchyard::plugin::FactoryBase
    std::string type() const override;

    // switchyard::plugin::Factory<DispatchStrategy>
    std::unique_ptr<plugin::DispatchStrategy> create(const Poco::Util::AbstractConfiguration& config,
                                                     plugin::PluginContext& context) const override;
};

} // namespace switchyard::plugins::dispatch
