// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Endpoint.h"

namespace switchyard::plugins::submitresult
{

/// Makes `endpoint.submit-result` instances; see README.md for the keys.
class SubmitResultEndpointFactory : public plugin::EndpointFactory
{
public:
    std::string type() const override { return "endpoint.submit-result"; }
    std::unique_ptr<plugin::Endpoint> create(const Poco::Util::AbstractConfiguration& config,
                                             plugin::PluginContext& context) const override;
};

} // namespace switchyard::plugins::submitresult
