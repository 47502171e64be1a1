// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "SqliteStorageSettings.h"

#include <Poco/Data/Session.h>

#include <memory>
#include <string>

namespace Poco
{
class Exception;
}

namespace switchyard::plugins::sqlite
{

/// The file-level chores of a SQLite database: its folder and file with restrictive permissions,
/// connections opened with the right pragmas, and errors that name the file.
class SqliteDatabase
{
public:
    enum class Role
    {
        /// The one connection that writes: WAL journal, the configured `synchronous`.
        Writer,
        /// A lookup connection: `query_only`, so a bug cannot make it write.
        Reader,
    };

    /// Creates the database's folder (mode 0700, with any missing parents) and an empty database
    /// file (mode 0600) when they do not exist; SQLite gives its -wal and -shm files the mode of
    /// the database file. Existing folders and files keep their modes. Throws Poco::FileException
    /// (or a subclass) naming the path.
    static void prepareFile(const std::string& path);

    /// Opens a connection to `settings.path` for `role` and applies the pragmas (busy timeout,
    /// page cache size, and for the writer WAL and `synchronous`). Throws the exception of the
    /// failure (see rethrow()), e.g. Poco::Data::SQLite::CorruptImageException for a file that is
    /// not a database.
    static std::unique_ptr<Poco::Data::Session> open(const SqliteStorageSettings& settings, Role role);

    /// Throws `cause` again with a message that names the database and what failed, keeping the
    /// exception's class for the SQLite and file errors a caller may want to tell apart, and
    /// Poco::Data::DataException (an IOException) for the rest. `cause` becomes the nested
    /// exception. A `cause` whose message already names the database is thrown as it is.
    [[noreturn]] static void rethrow(const std::string& path, const std::string& action,
                                     const Poco::Exception& cause);

    /// True while `session` is inside a transaction, as SQLite itself sees it (SQLite rolls a
    /// transaction back by itself after some errors, e.g. a full disk).
    static bool inTransaction(Poco::Data::Session& session);

    /// Runs one statement that returns nothing.
    static void execute(Poco::Data::Session& session, const std::string& sql);
};

} // namespace switchyard::plugins::sqlite
