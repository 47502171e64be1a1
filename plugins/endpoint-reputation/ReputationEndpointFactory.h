// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Endpoint.h"

namespace switchyard::plugins::reputation
{

/// Makes `endpoint.reputation` instances; see README.md for the keys.
class ReputationEndpointFactory : public plugin::EndpointFactory
{
public:
    std::string type() const override { return "endpoint.reputation"; }
    std::unique_ptr<plugin::Endpoint> create(const Poco::Util::AbstractConfiguration& config,
                                             plugin::PluginContext& context) const override;
};

} // namespace switchyard::plugins::reputation
