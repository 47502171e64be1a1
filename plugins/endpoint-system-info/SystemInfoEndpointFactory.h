// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Endpoint.h"

namespace switchyard::plugins::systeminfo
{

/// Makes `endpoint.system-info` instances; reads `productName` and `copyright` (see README.md).
class SystemInfoEndpointFactory : public plugin::EndpointFactory
{
public:
    static constexpr const char* DefaultProductName = "switchyard";
    static constexpr const char* DefaultCopyright = "Copyright 2026 Switchyard contributors";

    // switchyard::plugin::FactoryBase
    std::string type() const override;

    // switchyard::plugin::Factory<Endpoint>
    std::unique_ptr<plugin::Endpoint> create(const Poco::Util::AbstractConfiguration& config,
                                             plugin::PluginContext& context) const override;
};

} // namespace switchyard::plugins::systeminfo
