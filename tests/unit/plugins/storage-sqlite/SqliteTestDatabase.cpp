// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "storage-sqlite/SqliteTestDatabase.h"

#include "SqliteStorageFactory.h"
#include "support/PropertiesText.h"

namespace switchyard::plugins::sqlite
{

SqliteTestDatabase::SqliteTestDatabase()
    : _folder(std::make_shared<testsupport::TemporaryDirectory>()),
      _context(std::make_shared<tests::FakePluginContext>("store"))
{
    _context->setDataDirectory(_folder->path());
}

std::unique_ptr<SqliteStorage> SqliteTestDatabase::open(const std::string& config) const
{
    std::unique_ptr<plugin::Storage> created = SqliteStorageFactory().create(
        *tests::instanceBlock("path = broker.db\n" + config, "store"), *_context);
    std::unique_ptr<SqliteStorage> storage(static_cast<SqliteStorage*>(created.release()));
    storage->start();
    return storage;
}

std::shared_ptr<SqliteStorage> SqliteTestDatabase::openShared(const std::string& config) const
{
    std::unique_ptr<SqliteStorage> storage = open(config);
    // The instance goes first, then the context it logs to, then its folder.
    return {storage.release(), [folder = _folder, context = _context](SqliteStorage* instance)
            {
                instance->stop();
                delete instance;
            }};
}

std::shared_ptr<plugin::Storage> makeSqliteStorage()
{
    return SqliteTestDatabase().openShared();
}

} // namespace switchyard::plugins::sqlite
