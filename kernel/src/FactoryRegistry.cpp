// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "FactoryRegistry.h"

#include <Poco/Exception.h>

#include <set>

namespace switchyard::kernel
{

void FactoryRegistry::addAll(std::vector<RegisteredFactory> factories)
{
    std::set<std::string> seen;
    for (const auto& entry : factories)
    {
        if (auto existing = _factories.find(entry.type); existing != _factories.end())
            throw Poco::ExistsException(entry.library->path() + ": type '" + entry.type +
                                        "' is already registered by " + existing->second.library->path());
        if (!seen.insert(entry.type).second)
            throw Poco::ExistsException(entry.library->path() + ": type '" + entry.type +
                                        "' is registered twice by this library");
    }
    for (auto& entry : factories)
    {
        std::string type = entry.type;
        _factories.emplace(std::move(type), std::move(entry));
    }
}

const RegisteredFactory* FactoryRegistry::find(const std::string& type) const
{
    auto found = _factories.find(type);
    return found == _factories.end() ? nullptr : &found->second;
}

std::vector<std::string> FactoryRegistry::types() const
{
    std::vector<std::string> names;
    for (const auto& [type, entry] : _factories)
        names.push_back(type);
    return names;
}

} // namespace switchyard::kernel
