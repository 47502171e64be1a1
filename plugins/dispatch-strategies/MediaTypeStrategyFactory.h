// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/DispatchStrategy.h"

namespace switchyard::plugins::dispatch
{

/// Makes `dispatch.media-type` instances from `rules`, `rules.<name>.mediaTypes`,
/// `rules.<name>.nodes`, `fallback`, `within` and `spill` (see README.md).
class MediaTypeStrategyFactory : public plugin::DispatchStrategyFactory
{
public:
    // switchyard::plugin::FactoryBase
    std::string type() const override;

    // switchyard::plugin::Factory<DispatchStrategy>
    std::unique_ptr<plugin::DispatchStrategy> create(const Poco::Util::AbstractConfiguration& config,
                                                     plugin::PluginContext& context) const override;
};

} // namespace switchyard::plugins::dispatch
