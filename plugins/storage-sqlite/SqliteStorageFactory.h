// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "SqliteStorageSettings.h"
#include "switchyard/plugin/Storage.h"

namespace switchyard::plugin
{
class ConfigReader;
}

namespace switchyard::plugins::sqlite
{

/// Makes `storage.sqlite` instances from their block (keys in README.md). create() only reads and
/// checks the configuration; the database is opened by the instance's start().
class SqliteStorageFactory : public plugin::StorageFactory
{
public:
    /// The keys of a block besides the kernel's `type` and `uses`.
    static const std::vector<std::string> Keys;

    /// Reads and checks the block. `dataDirectory` is where a relative `path` lives. Throws the
    /// reader's configError() exception naming the file and key.
    static SqliteStorageSettings readSettings(const plugin::ConfigReader& reader,
                                              const std::string& dataDirectory);

    // switchyard::plugin::FactoryBase
    std::string type() const override;

    // switchyard::plugin::Factory<Storage>
    std::unique_ptr<plugin::Storage> create(const Poco::Util::AbstractConfiguration& config,
                                            plugin::PluginContext& context) const override;
};

} // namespace switchyard::plugins::sqlite
