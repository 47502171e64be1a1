// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/Data/Session.h>

#include <string>

namespace Poco
{
class Logger;
}

namespace switchyard::plugins::sqlite
{

/// The database layout and its versioned migrations.
///
/// The table `schema_version` holds one row, the version of the layout. start() brings any older
/// database up to CurrentVersion, one step N -> N+1 at a time, each step in its own transaction
/// with the version update, so a database is always at a version it claims. A step never drops
/// data. A database newer than this code is refused rather than guessed at.
///
/// Versions:
///   1. submissions (the queue order index included), reports, counters (the next sequence);
///   2. files (FileFacts by sha256) and the retention and sha256 indexes of submissions (SDK v2);
///      file records are back-filled from the submissions already stored.
class SqliteSchema
{
public:
    static constexpr int CurrentVersion = 3;

    /// The version of the database behind `session`: 0 for an empty database. Throws
    /// Poco::Data::DataException when the database has tables but is not a Switchyard storage
    /// database.
    static int version(Poco::Data::Session& session, const std::string& path);

    /// Migrates the database up to `target` (CurrentVersion unless a test asks for an older
    /// layout) and returns the version it found. Throws Poco::Data::DataException naming the file
    /// when the database is newer than `target`, or the exception of a failed step (whose
    /// transaction is rolled back).
    static int migrate(Poco::Data::Session& session, const std::string& path, Poco::Logger& logger,
                       int target = CurrentVersion);

private:
    static void createVersion1(Poco::Data::Session& session);
    static void migrate1To2(Poco::Data::Session& session);
    static void migrate2To3(Poco::Data::Session& session);
};

} // namespace switchyard::plugins::sqlite
