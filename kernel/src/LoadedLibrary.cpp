// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "LoadedLibrary.h"

#include "switchyard/plugin/BuildId.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Logger.h>

#include <cstring>
#include <dlfcn.h>

namespace switchyard::kernel
{

namespace
{

[[noreturn]] void refuse(const std::string& path, const std::string& reason)
{
    throw Poco::LibraryLoadException(path + ": " + reason);
}

} // namespace

std::shared_ptr<LoadedLibrary> LoadedLibrary::load(const std::string& path)
{
    if (!Poco::File(path).exists())
        refuse(path, "no such file");

    std::shared_ptr<LoadedLibrary> library(new LoadedLibrary);
    library->_path = path;
    boost::dll::fs::error_code error;
    library->_library.load(path, boost::dll::load_mode::rtld_now, error);
    if (error)
    {
        // Boost.DLL reports a generic code; dlerror() still holds the loader's own reason
        // (an unresolved symbol, a wrong ELF class, ...).
        const char* reason = ::dlerror();
        refuse(path, std::string("cannot load: ") + (reason ? reason : error.message()));
    }
    if (!library->_library.has(SWITCHYARD_PLUGIN_ENTRY_NAME))
        refuse(path, "no " SWITCHYARD_PLUGIN_ENTRY_NAME " entry point (not a Switchyard plugin, or built for "
                     "another plugin ABI generation)");

    using DescribeFunction = const plugin::PluginDescriptor&();
    auto& describe = library->_library.get_alias<DescribeFunction>(SWITCHYARD_PLUGIN_ENTRY_NAME);
    const plugin::PluginDescriptor& descriptor = describe();
    if (descriptor.abiVersion != SWITCHYARD_PLUGIN_ABI_VERSION)
        refuse(path, "plugin ABI version " + std::to_string(descriptor.abiVersion) + ", kernel supports " +
                         std::to_string(SWITCHYARD_PLUGIN_ABI_VERSION));
    if (descriptor.buildId == nullptr || std::strcmp(descriptor.buildId, SWITCHYARD_BUILD_ID) != 0)
        refuse(path, std::string("not binary compatible: plugin built as '") +
                         (descriptor.buildId ? descriptor.buildId : "(none)") + "', kernel is '" +
                         SWITCHYARD_BUILD_ID + "'");
    if (descriptor.registerFactories == nullptr)
        refuse(path, "descriptor has no registerFactories function");
    if (descriptor.name == nullptr || descriptor.version == nullptr)
        refuse(path, "descriptor has no name or version");
    library->_descriptor = &descriptor;
    return library;
}

LoadedLibrary::~LoadedLibrary()
{
    Poco::Logger::get("switchyard.kernel.loader").debug("unloading " + _path);
}

} // namespace switchyard::kernel
