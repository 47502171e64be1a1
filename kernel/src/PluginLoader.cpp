// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "PluginLoader.h"

#include "LibraryRegistrar.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>

#include <exception>

namespace switchyard::kernel
{

PluginLoader::PluginLoader(FactoryRegistry& registry) : _registry(registry) {}

void PluginLoader::load(const std::string& path)
{
    std::shared_ptr<LoadedLibrary> library = LoadedLibrary::load(path);
    std::vector<RegisteredFactory> factories;
    std::string failure;
    {
        LibraryRegistrar registrar(library);
        // The message is copied out while the library is certainly mapped: the exception
        // object may have been made by plugin code.
        try
        {
            library->descriptor().registerFactories(registrar);
            factories = registrar.take();
        }
        catch (const Poco::Exception& error)
        {
            failure = error.displayText();
        }
        catch (const std::exception& error)
        {
            failure = error.what();
        }
        catch (...)
        {
            failure = "unknown exception";
        }
    }
    if (!failure.empty())
        throw Poco::LibraryLoadException(path + ": registration failed: " + failure);
    if (factories.empty())
        throw Poco::LibraryLoadException(path + ": registered no factories");
    std::vector<std::string> types;
    for (const auto& entry : factories)
        types.push_back(entry.type);
    try
    {
        _registry.addAll(std::move(factories));
    }
    catch (const Poco::ExistsException& error)
    {
        throw Poco::LibraryLoadException(error.message());
    }
    std::string typeList;
    for (const auto& type : types)
        typeList += (typeList.empty() ? "" : ", ") + type;
    Poco::Logger::get("switchyard.kernel.loader")
        .information("loaded %s %s from %s: %s", std::string(library->descriptor().name),
                     std::string(library->descriptor().version), path, typeList);
    _libraries.push_back(std::move(library));
}

void PluginLoader::releaseAll()
{
    while (!_libraries.empty())
        _libraries.pop_back();
}

} // namespace switchyard::kernel
