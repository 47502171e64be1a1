// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "SqliteStorage.h"
#include "TemporaryDirectory.h"
#include "support/FakePluginContext.h"

#include <memory>
#include <string>

namespace switchyard::plugins::sqlite
{

/// A database file in a fresh temporary folder, and storage.sqlite instances on it made as the
/// kernel makes them (factory, then start()). Instances may outlive this object only through
/// makeShared(), whose deleter keeps the folder and the context.
class SqliteTestDatabase
{
public:
    SqliteTestDatabase();

    /// The folder (the instances' data directory) and the database file in it.
    const std::string& folder() const { return _folder->path(); }
    std::string path() const { return _folder->file("broker.db"); }

    /// A started instance on the database; `config` is extra block lines ("maxBatch = 8\n").
    std::unique_ptr<SqliteStorage> open(const std::string& config = "") const;

    /// Like open(), but stopped and deleted by the returned pointer's deleter, which also keeps the
    /// folder and the context alive until then.
    std::shared_ptr<SqliteStorage> openShared(const std::string& config = "") const;

    tests::FakePluginContext& context() const { return *_context; }

private:
    std::shared_ptr<testsupport::TemporaryDirectory> _folder;
    std::shared_ptr<tests::FakePluginContext> _context;
};

/// A fresh, started storage.sqlite instance on its own database, for the contract suite.
std::shared_ptr<plugin::Storage> makeSqliteStorage();

} // namespace switchyard::plugins::sqlite
