// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "PluginCatalog.h"

#include "FactoryRegistry.h"
#include "PluginLoader.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <algorithm>

namespace switchyard::kernel
{

std::vector<PluginCatalog::Entry> PluginCatalog::scan(const std::string& directory)
{
    Poco::File folder(directory);
    if (!folder.exists() || !folder.isDirectory())
        throw Poco::FileNotFoundException("no plugin folder " + directory);

    std::vector<std::string> files;
    for (Poco::DirectoryIterator it(folder), end; it != end; ++it)
    {
        const std::string& name = it.name();
        if (name.size() > 3 && name.compare(name.size() - 3, 3, ".so") == 0 && it->isFile())
            files.push_back(it.path().absolute().toString());
    }
    std::sort(files.begin(), files.end());

    std::vector<Entry> entries;
    for (const auto& file : files)
    {
        Entry entry;
        entry.file = file;
        // Each library on its own: two libraries registering the same type are each listed,
        // which a start-up loading both would refuse.
        FactoryRegistry registry;
        PluginLoader loader(registry);
        try
        {
            loader.load(file);
            const auto& descriptor = loader.libraries().front()->descriptor();
            entry.name = descriptor.name;
            entry.version = descriptor.version;
            entry.types = registry.types();
        }
        catch (const Poco::LibraryLoadException& error)
        {
            entry.refusal = error.message();
        }
        registry.clear();
        loader.releaseAll();
        entries.push_back(std::move(entry));
    }
    return entries;
}

void PluginCatalog::print(const std::string& directory, const std::vector<Entry>& entries, std::ostream& out)
{
    out << "plugins in " << directory << ":\n";
    if (entries.empty())
        out << "  (no *.so file)\n";
    for (const auto& entry : entries)
    {
        out << "  " << Poco::Path(entry.file).getFileName() << ": ";
        if (!entry.refusal.empty())
        {
            out << "REFUSED: " << entry.refusal << "\n";
            continue;
        }
        out << entry.name << " " << entry.version << ":";
        for (std::size_t i = 0; i < entry.types.size(); ++i)
            out << (i ? ", " : " ") << entry.types[i];
        out << "\n";
    }
}

} // namespace switchyard::kernel
