// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Endpoint.h"

namespace switchyard::plugins::nodeendpoint
{

/// Makes `endpoint.node-scan` instances (POST /scan of a processor node); the keys are in README.md.
class NodeScanEndpointFactory : public plugin::EndpointFactory
{
public:
    std::string type() const override { return "endpoint.node-scan"; }
    std::unique_ptr<plugin::Endpoint> create(const Poco::Util::AbstractConfiguration& config,
                                             plugin::PluginContext& context) const override;
};

} // namespace switchyard::plugins::nodeendpoint
