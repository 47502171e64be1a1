// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "RegisteredFactory.h"

#include <map>
#include <string>
#include <vector>

namespace switchyard::kernel
{

/// Type name → factory, for every kind. Filled at start-up on the main thread, read-only after.
class FactoryRegistry
{
public:
    /// Adds all `factories` of one library, or none: throws Poco::ExistsException naming both
    /// libraries when a type name is already registered (or appears twice in `factories`).
    void addAll(std::vector<RegisteredFactory> factories);

    /// The factory registered under `type`, or nullptr.
    const RegisteredFactory* find(const std::string& type) const;

    /// Every registered type name, sorted.
    std::vector<std::string> types() const;

    /// Drops every factory (before the libraries are released).
    void clear() { _factories.clear(); }

private:
    std::map<std::string, RegisteredFactory> _factories;
};

} // namespace switchyard::kernel
