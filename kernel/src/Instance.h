// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "InstanceContext.h"
#include "RegisteredFactory.h"
#include "switchyard/plugin/Component.h"
#include "switchyard/plugin/PluginKind.h"

#include <Poco/AutoPtr.h>
#include <Poco/Util/AbstractConfiguration.h>

#include <memory>
#include <string>
#include <vector>

namespace switchyard::kernel
{

/// One configured instance: its block, what it depends on, and once created, the object.
struct Instance
{
    std::string id;
    std::string type;
    plugin::PluginKind kind = plugin::PluginKind::Auth;
    const RegisteredFactory* factory = nullptr;
    /// Ids listed in `uses`.
    std::vector<std::string> uses;
    /// Everything that must exist first: `uses`, plus an endpoint's `auth`.
    std::vector<std::string> dependencies;
    /// The instance's own block ("switchyard.instances.<id>"), kept for its lifetime.
    Poco::AutoPtr<Poco::Util::AbstractConfiguration> config;
    std::unique_ptr<InstanceContext> context;
    /// Adopted: keeps the plugin library mapped.
    std::shared_ptr<plugin::Component> component;
    bool started = false;
};

} // namespace switchyard::kernel
