// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "LibraryRegistrar.h"

#include <Poco/Exception.h>

namespace switchyard::kernel
{

LibraryRegistrar::LibraryRegistrar(std::shared_ptr<LoadedLibrary> library) : _library(std::move(library)) {}

void LibraryRegistrar::addFactory(plugin::PluginKind kind, std::unique_ptr<plugin::FactoryBase> factory)
{
    if (!factory)
        throw Poco::InvalidArgumentException("a null factory was registered");
    auto adopted = _library->adopt(std::move(factory));
    std::string type = adopted->type();
    std::string prefix = std::string(plugin::kindName(kind)) + ".";
    if (type.size() <= prefix.size() || type.compare(0, prefix.size(), prefix) != 0)
        throw Poco::InvalidArgumentException("type '" + type + "' must start with '" + prefix + "'");
    _factories.push_back(RegisteredFactory{kind, std::move(type), std::move(adopted), _library});
}

} // namespace switchyard::kernel
