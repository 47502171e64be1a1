// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SqliteSchema.h"

#include "SqliteDatabase.h"

#include <Poco/Data/DataException.h>
#include <Poco/Data/Statement.h>
#include <Poco/Logger.h>

namespace switchyard::plugins::sqlite
{

namespace
{

using namespace Poco::Data::Keywords;

using Migration = void (*)(Poco::Data::Session&);

} // namespace

int SqliteSchema::version(Poco::Data::Session& session, const std::string& path)
{
    int tables = 0;
    session << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
        into(tables), now;
    if (tables == 0)
    {
        int others = 0;
        session << "SELECT COUNT(*) FROM sqlite_master", into(others), now;
        if (others != 0)
            throw Poco::Data::DataException("SQLite database " + path +
                                            " is not a Switchyard storage database (it has no schema_version "
                                            "table); give storage.sqlite a file of its own");
        return 0;
    }
    int version = -1;
    Poco::Data::Statement select(session);
    select << "SELECT version FROM schema_version", into(version);
    if (select.execute() != 1 || version < 1)
        throw Poco::Data::DataException("SQLite database " + path +
                                        ": the schema_version table must hold one positive version");
    return version;
}

int SqliteSchema::migrate(Poco::Data::Session& session, const std::string& path, Poco::Logger& logger,
                          int target)
{
    // Index N is the step from version N to N + 1.
    static constexpr Migration steps[] = {&SqliteSchema::createVersion1, &SqliteSchema::migrate1To2,
                                          &SqliteSchema::migrate2To3};
    static_assert(sizeof(steps) / sizeof(steps[0]) == CurrentVersion);

    const int found = version(session, path);
    if (found > target)
        throw Poco::Data::DataException("SQLite database " + path + " has schema version " +
                                        std::to_string(found) + ", newer than the " + std::to_string(target) +
                                        " this storage.sqlite knows; use a newer Switchyard");
    for (int current = found; current < target; ++current)
    {
        // IMMEDIATE: the step and its version update commit together or not at all.
        SqliteDatabase::execute(session, "BEGIN IMMEDIATE");
        try
        {
            steps[current](session);
            if (current == 0)
                SqliteDatabase::execute(session, "INSERT INTO schema_version (version) VALUES (1)");
            else
                session << "UPDATE schema_version SET version = ?", bind(current + 1), now;
            SqliteDatabase::execute(session, "COMMIT");
        }
        catch (const Poco::Exception& error)
        {
            if (SqliteDatabase::inTransaction(session))
                SqliteDatabase::execute(session, "ROLLBACK");
            SqliteDatabase::rethrow(path,
                                    "migrate the schema from version " + std::to_string(current) + " to " +
                                        std::to_string(current + 1),
                                    error);
        }
        if (found > 0)
            logger.information("SQLite database %s: schema migrated from version %d to %d", path, current,
                               current + 1);
    }
    return found;
}

void SqliteSchema::createVersion1(Poco::Data::Session& session)
{
    SqliteDatabase::execute(session, "CREATE TABLE schema_version (version INTEGER NOT NULL)");
    // Sequences are never reused, even once retention has removed the newest submissions.
    SqliteDatabase::execute(session, "CREATE TABLE counters (name TEXT PRIMARY KEY NOT NULL, "
                                     "value INTEGER NOT NULL) WITHOUT ROWID");
    SqliteDatabase::execute(session, "INSERT INTO counters (name, value) VALUES ('nextSequence', 1)");
    // The sequence is the rowid: new submissions append to the table instead of landing at random
    // places, as they would keyed by their UUID.
    SqliteDatabase::execute(session, "CREATE TABLE submissions ("
                                     "sequence INTEGER PRIMARY KEY, "
                                     "id TEXT NOT NULL UNIQUE, "
                                     "submit_name TEXT NOT NULL, "
                                     "sha256 TEXT NOT NULL, "
                                     "file_size INTEGER NOT NULL, "
                                     "media_type TEXT NOT NULL, "
                                     "priority INTEGER NOT NULL, "
                                     "options TEXT NOT NULL, "
                                     "state TEXT NOT NULL, "
                                     "attempts INTEGER NOT NULL, "
                                     "reason TEXT NOT NULL, "
                                     "app_server_id TEXT NOT NULL, "
                                     "task_id TEXT NOT NULL, "
                                     "status_code INTEGER NOT NULL, "
                                     "result TEXT NOT NULL, "
                                     "created_at INTEGER NOT NULL, "
                                     "updated_at INTEGER NOT NULL)");
    // Claim order; it also covers the start-up scan that rebuilds the queue cache.
    SqliteDatabase::execute(
        session, "CREATE INDEX submissions_by_queue_order ON submissions (state, priority DESC, sequence)");
    SqliteDatabase::execute(session, "CREATE TABLE reports (id TEXT PRIMARY KEY NOT NULL, "
                                     "report TEXT NOT NULL) WITHOUT ROWID");
}

void SqliteSchema::migrate1To2(Poco::Data::Session& session)
{
    // `unreferenced` marks a record that no submission of its own batch referred to: retention
    // checks those besides the files of the submissions it removes, so that it finds every
    // unreferenced record without scanning the whole table.
    SqliteDatabase::execute(session, "CREATE TABLE files ("
                                     "sha256 TEXT PRIMARY KEY NOT NULL, "
                                     "submit_name TEXT NOT NULL, "
                                     "file_size INTEGER NOT NULL, "
                                     "md5 TEXT NOT NULL, "
                                     "sha1 TEXT NOT NULL, "
                                     "sha512 TEXT NOT NULL, "
                                     "media_type TEXT NOT NULL, "
                                     "unreferenced INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID");
    SqliteDatabase::execute(session,
                            "CREATE INDEX files_unreferenced ON files (sha256) WHERE unreferenced = 1");
    SqliteDatabase::execute(session, "CREATE INDEX submissions_by_update ON submissions (state, updated_at)");
    SqliteDatabase::execute(session, "CREATE INDEX submissions_by_sha256 ON submissions (sha256)");
    // Version 1 kept no file facts. A record from the first submission of each binary (its name,
    // size and media type; the digests other than sha256 were never computed, so they stay empty)
    // lets retention report the binary once its last submission is removed.
    SqliteDatabase::execute(session,
                            "INSERT OR IGNORE INTO files (sha256, submit_name, file_size, md5, sha1, "
                            "sha512, media_type) "
                            "SELECT sha256, submit_name, file_size, '', '', '', media_type "
                            "FROM submissions ORDER BY sequence");
}

void SqliteSchema::migrate2To3(Poco::Data::Session& session)
{
    // Version 3 follows tasks on their nodes: whether the node finished (its final report is
    // cached), and lookups by the node's task ID for callbacks and /task.
    SqliteDatabase::execute(session,
                            "ALTER TABLE submissions ADD COLUMN report_final INTEGER NOT NULL DEFAULT 0");
    SqliteDatabase::execute(session,
                            "CREATE INDEX submissions_by_task ON submissions (task_id) WHERE task_id <> ''");
    SqliteDatabase::execute(session, "CREATE INDEX submissions_unfinished ON submissions (updated_at) "
                                     "WHERE state = 'success' AND report_final = 0");
    // A task whose cached report already says the node finished is not followed up again.
    SqliteDatabase::execute(session,
                            "UPDATE submissions SET report_final = 1 WHERE state = 'success' AND id IN "
                            "(SELECT id FROM reports WHERE json_valid(report) AND "
                            "coalesce(json_extract(report, '$.result.overallState'), "
                            "json_extract(report, '$.overallState')) IN ('SUCCESS', 'FAILED'))");
}

} // namespace switchyard::plugins::sqlite
