// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Endpoint.h"

namespace switchyard::plugins::nodeendpoint
{

/// Makes `endpoint.node-task` instances (GET /task of a processor node); the keys are in README.md.
class NodeTaskEndpointFactory : public plugin::EndpointFactory
{
public:
    std::string type() const override { return "endpoint.node-task"; }
    std::unique_ptr<plugin::Endpoint> create(const Poco::Util::AbstractConfiguration& config,
                                             plugin::PluginContext& context) const override;
};

} // namespace switchyard::plugins::nodeendpoint
