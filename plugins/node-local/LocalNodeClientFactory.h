// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/NodeClient.h"

namespace switchyard::plugins::nodelocal
{

/// Makes `node.local` instances; the keys are in README.md.
class LocalNodeClientFactory : public plugin::NodeClientFactory
{
public:
    static constexpr const char* DefaultCopyright = "Copyright 2026 Switchyard contributors";

    std::string type() const override { return "node.local"; }
    std::unique_ptr<plugin::NodeClient> create(const Poco::Util::AbstractConfiguration& config,
                                               plugin::PluginContext& context) const override;
};

} // namespace switchyard::plugins::nodelocal
