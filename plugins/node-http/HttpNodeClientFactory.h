// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/NodeClient.h"

namespace switchyard::plugins::nodehttp
{

/// Makes `node.http` clients; see README.md for the keys.
class HttpNodeClientFactory : public plugin::NodeClientFactory
{
public:
    std::string type() const override { return "node.http"; }
    std::unique_ptr<plugin::NodeClient> create(const Poco::Util::AbstractConfiguration& config,
                                               plugin::PluginContext& context) const override;
};

} // namespace switchyard::plugins::nodehttp
