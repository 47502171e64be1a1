// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/ReputationSource.h"

namespace switchyard::plugins::hashlist
{

/// Makes `reputation.hashlist` instances; see README.md for the keys.
class HashListSourceFactory : public plugin::ReputationSourceFactory
{
public:
    std::string type() const override { return "reputation.hashlist"; }
    std::unique_ptr<plugin::ReputationSource> create(const Poco::Util::AbstractConfiguration& config,
                                                     plugin::PluginContext& context) const override;
};

} // namespace switchyard::plugins::hashlist
