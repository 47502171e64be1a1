// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "LoadedLibrary.h"
#include "switchyard/plugin/Factory.h"
#include "switchyard/plugin/PluginKind.h"

#include <Poco/Bugcheck.h>

#include <memory>
#include <string>

namespace switchyard::kernel
{

/// A factory in the registry: its kind, type name and the library it came from.
/// `factory` is adopted, so it keeps `library` mapped.
struct RegisteredFactory
{
    plugin::PluginKind kind = plugin::PluginKind::Auth;
    std::string type;
    std::shared_ptr<plugin::FactoryBase> factory;
    std::shared_ptr<LoadedLibrary> library;

    /// The factory as the Factory<Interface> its kind guarantees.
    template <class Interface> const plugin::Factory<Interface>& as() const
    {
        poco_assert_msg(kind == plugin::KindOf<Interface>::value, "factory kind mismatch");
        return static_cast<const plugin::Factory<Interface>&>(*factory);
    }
};

} // namespace switchyard::kernel
