// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SqliteStorageFactory.h"

#include "SqliteStorage.h"
#include "switchyard/plugin/ConfigReader.h"

#include <Poco/String.h>

#include <algorithm>
#include <filesystem>

namespace switchyard::plugins::sqlite
{

const std::vector<std::string> SqliteStorageFactory::Keys = {
    "path",         "synchronous", "dispatchSynchronous", "busyTimeoutMs",
    "cacheSizeKiB", "maxBatch",    "readConnections"};

SqliteStorageSettings SqliteStorageFactory::readSettings(const plugin::ConfigReader& reader,
                                                         const std::string& dataDirectory)
{
    for (const std::string& key : reader.subKeys(""))
    {
        if (key == "type" || key == "uses" || std::find(Keys.begin(), Keys.end(), key) != Keys.end())
            continue;
        std::string known;
        for (const std::string& name : Keys)
            known += (known.empty() ? "" : ", ") + name;
        reader.fail(key, "is not a storage.sqlite setting (known: " + known + ")");
    }

    SqliteStorageSettings settings;
    if (reader.has("path"))
        settings.path = reader.requiredString("path");
    else
        settings.path = "broker.db";
    std::filesystem::path path(settings.path);
    if (path.is_relative())
        path = std::filesystem::path(dataDirectory) / path;
    path = path.lexically_normal();
    if (!path.has_filename())
        reader.fail("path", "must name a file, got '" + settings.path + "'");
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
        reader.fail("path", "'" + path.string() + "' is a folder; name the database file in it");
    settings.path = path.string();

    auto readSynchronous = [&reader](const std::string& key, const std::string& fallback)
    {
        const std::string value = Poco::toLower(reader.getString(key, fallback));
        if (value == "full")
            return SqliteStorageSettings::Synchronous::Full;
        if (value != "normal")
            reader.fail(key, "expected full or normal, got '" + value + "'");
        return SqliteStorageSettings::Synchronous::Normal;
    };
    settings.synchronous = readSynchronous("synchronous", "full");
    settings.dispatchSynchronous = readSynchronous("dispatchSynchronous", "normal");

    settings.busyTimeoutMs =
        static_cast<int>(reader.getInteger("busyTimeoutMs", settings.busyTimeoutMs, 0, 600000));
    settings.cacheSizeKiB =
        static_cast<int>(reader.getInteger("cacheSizeKiB", settings.cacheSizeKiB, 64, 1048576));
    settings.maxBatch = static_cast<std::size_t>(
        reader.getInteger("maxBatch", static_cast<std::int64_t>(settings.maxBatch), 1, 100000));
    settings.readConnections = static_cast<std::size_t>(
        reader.getInteger("readConnections", static_cast<std::int64_t>(settings.readConnections), 1, 64));
    return settings;
}

std::string SqliteStorageFactory::type() const
{
    return "storage.sqlite";
}

std::unique_ptr<plugin::Storage> SqliteStorageFactory::create(const Poco::Util::AbstractConfiguration& config,
                                                              plugin::PluginContext& context) const
{
    const plugin::ConfigReader reader(config, context);
    return std::make_unique<SqliteStorage>(readSettings(reader, context.dataDirectory()), context.logger());
}

} // namespace switchyard::plugins::sqlite
