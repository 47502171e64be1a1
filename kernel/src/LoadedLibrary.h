// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/PluginAbi.h"

#include <boost/dll/shared_library.hpp>

#include <memory>
#include <string>

namespace switchyard::kernel
{

/// One loaded plugin library whose descriptor passed the ABI and build id checks.
///
/// Every object made by the library's code reaches the kernel through adopt(): the returned
/// pointer keeps this LoadedLibrary, and so the mapping, alive until the object is destroyed.
/// The library is unmapped when the last LoadedLibrary pointer and adopted object are gone.
class LoadedLibrary : public std::enable_shared_from_this<LoadedLibrary>
{
public:
    /// Loads the library at the absolute `path` with RTLD_NOW and checks its descriptor.
    /// Throws Poco::LibraryLoadException with "<path>: <reason>": file missing, cannot be
    /// loaded (with the loader's reason, e.g. an undefined symbol), no entry point, another ABI
    /// version, another build id.
    static std::shared_ptr<LoadedLibrary> load(const std::string& path);

    LoadedLibrary(const LoadedLibrary&) = delete;
    LoadedLibrary& operator=(const LoadedLibrary&) = delete;
    ~LoadedLibrary();

    const plugin::PluginDescriptor& descriptor() const { return *_descriptor; }
    const std::string& path() const { return _path; }

    /// Takes ownership of `object`, made by this library's code. The returned pointer's deleter
    /// holds this library, so the object's destructor runs while the code is mapped.
    template <class T> std::shared_ptr<T> adopt(std::unique_ptr<T> object)
    {
        return std::shared_ptr<T>(object.release(),
                                  [library = shared_from_this()](T* pointer) { delete pointer; });
    }

private:
    LoadedLibrary() = default;

    // Declared first so it is destroyed last.
    boost::dll::shared_library _library;
    std::string _path;
    const plugin::PluginDescriptor* _descriptor = nullptr;
};

} // namespace switchyard::kernel
