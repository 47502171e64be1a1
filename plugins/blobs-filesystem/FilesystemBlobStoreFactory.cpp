// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "FilesystemBlobStoreFactory.h"

#include "FilesystemBlobStore.h"
#include "switchyard/plugin/ConfigReader.h"

#include <Poco/Path.h>

namespace switchyard::plugins::filesystem
{

std::string FilesystemBlobStoreFactory::type() const
{
    return "blobs.filesystem";
}

std::unique_ptr<plugin::BlobStore>
FilesystemBlobStoreFactory::create(const Poco::Util::AbstractConfiguration& config,
                                   plugin::PluginContext& context) const
{
    const plugin::ConfigReader reader(config, context);
    FilesystemBlobStore::Settings settings;

    const std::string root = reader.getString("root", "samples");
    if (root.empty())
        reader.fail("root", "must not be empty");
    Poco::Path path(context.dataDirectory());
    path.makeDirectory();
    path.resolve(Poco::Path(root));
    settings.root = path.toString();
    while (settings.root.size() > 1 && settings.root.back() == '/')
        settings.root.pop_back();

    settings.fsync = reader.getBool("fsync", true);
    const std::int64_t minFreeMiB = reader.getInteger("minFreeMiB", 256, 0, MaxMinFreeMiB);
    settings.minFreeBytes = static_cast<std::uint64_t>(minFreeMiB) * 1024 * 1024;
    return std::make_unique<FilesystemBlobStore>(std::move(settings), context.logger());
}

} // namespace switchyard::plugins::filesystem
