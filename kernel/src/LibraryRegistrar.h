// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "RegisteredFactory.h"
#include "switchyard/plugin/Registrar.h"

#include <memory>
#include <vector>

namespace switchyard::kernel
{

/// The Registrar one library registers into. It adopts each factory and holds them until the
/// library's registration is complete, so a library that fails half-way registers nothing.
class LibraryRegistrar : public plugin::Registrar
{
public:
    explicit LibraryRegistrar(std::shared_ptr<LoadedLibrary> library);

    /// The factories registered so far.
    std::vector<RegisteredFactory> take() { return std::move(_factories); }

protected:
    void addFactory(plugin::PluginKind kind, std::unique_ptr<plugin::FactoryBase> factory) override;

private:
    std::shared_ptr<LoadedLibrary> _library;
    std::vector<RegisteredFactory> _factories;
};

} // namespace switchyard::kernel
