// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Factory.h"
#include "switchyard/plugin/PluginKind.h"

#include <boost/config.hpp>

#include <memory>

namespace switchyard::plugin
{

/// Where a plugin library registers its factories, from PluginDescriptor::registerFactories.
/// The kernel owns every registry; a plugin never keeps a reference to the Registrar.
class BOOST_SYMBOL_VISIBLE Registrar
{
public:
    virtual ~Registrar() = default;

    /// Registers a factory for instances of `Interface`, e.g.
    /// `registrar.add<Storage>(std::make_unique<SqliteStorageFactory>())`.
    /// OWNERSHIP: the kernel takes the factory and destroys it before unloading the library.
    /// Throws Poco::ExistsException if another loaded library registered the same type name,
    /// Poco::InvalidArgumentException if the type name does not start with the kind's name.
    template <class Interface> void add(std::unique_ptr<Factory<Interface>> factory)
    {
        addFactory(KindOf<Interface>::value, std::move(factory));
    }

protected:
    /// Registers `factory`, which is a Factory<I> for the interface I of `kind`.
    /// Plugins call add<Interface>() instead, which keeps the two in step.
    virtual void addFactory(PluginKind kind, std::unique_ptr<FactoryBase> factory) = 0;
};

} // namespace switchyard::plugin
