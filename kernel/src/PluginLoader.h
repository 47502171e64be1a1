// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "FactoryRegistry.h"
#include "LoadedLibrary.h"

#include <memory>
#include <string>
#include <vector>

namespace switchyard::kernel
{

/// Loads plugin libraries and registers their factories into a FactoryRegistry.
class PluginLoader
{
public:
    explicit PluginLoader(FactoryRegistry& registry);

    /// Loads the library at the absolute `path`, runs its registration and adds its factories.
    /// Throws Poco::LibraryLoadException naming the file and the reason (see LoadedLibrary::load,
    /// plus: registration threw, registered nothing, or registered a type already known).
    void load(const std::string& path);

    /// The libraries loaded, in load order.
    const std::vector<std::shared_ptr<LoadedLibrary>>& libraries() const { return _libraries; }

    /// Releases the loader's hold on every library, last loaded first. A library stays mapped
    /// while an object it made is alive.
    void releaseAll();

private:
    FactoryRegistry& _registry;
    std::vector<std::shared_ptr<LoadedLibrary>> _libraries;
};

} // namespace switchyard::kernel
