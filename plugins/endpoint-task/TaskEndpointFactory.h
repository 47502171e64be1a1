// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Endpoint.h"

namespace switchyard::plugins::task
{

/// Makes `endpoint.task` instances; see README.md for the keys.
class TaskEndpointFactory : public plugin::EndpointFactory
{
public:
    std::string type() const override { return "endpoint.task"; }
    std::unique_ptr<plugin::Endpoint> create(const Poco::Util::AbstractConfiguration& config,
                                             plugin::PluginContext& context) const override;
};

} // namespace switchyard::plugins::task
