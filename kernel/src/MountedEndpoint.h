// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/AccessLevel.h"
#include "switchyard/plugin/Authenticator.h"
#include "switchyard/plugin/Endpoint.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace Poco
{
class Logger;
}

namespace switchyard::kernel
{

/// An endpoint instance as the router serves it, with the kernel-owned keys of its block.
struct MountedEndpoint
{
    std::string instanceId;
    std::string path;
    std::shared_ptr<plugin::Endpoint> endpoint;
    /// Null only for a public endpoint.
    std::shared_ptr<plugin::Authenticator> authenticator;
    plugin::AccessLevel requiredLevel = plugin::AccessLevel::Read;
    std::vector<std::string> methods;
    std::uint64_t maxBodyBytes = 0;
    Poco::Logger* logger = nullptr;
};

} // namespace switchyard::kernel
