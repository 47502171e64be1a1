// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SqliteSchema.h"

#include "ConnectorRegistration.h"
#include "SqliteDatabase.h"
#include "storage-sqlite/SqliteTestDatabase.h"

#include <Poco/Data/DataException.h>
#include <Poco/Data/Statement.h>
#include <Poco/Logger.h>
#include <gtest/gtest.h>

#include <limits>
#include <set>

namespace switchyard::plugins::sqlite
{
namespace
{

using namespace Poco::Data::Keywords;
using plugin::SubmissionState;

/// A connection to a test database outside any storage instance, for building old layouts and
/// looking at the result.
class RawDatabase
{
public:
    explicit RawDatabase(const std::string& path)
    {
        SqliteDatabase::prepareFile(path);
        SqliteStorageSettings settings;
        settings.path = path;
        _session = SqliteDatabase::open(settings, SqliteDatabase::Role::Writer);
    }

    Poco::Data::Session& session() { return *_session; }

    void execute(const std::string& sql) { SqliteDatabase::execute(*_session, sql); }

    std::set<std::string> names(const std::string& type)
    {
        std::vector<std::string> names;
        *_session << "SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%'", bind(type),
            into(names), now;
        return {names.begin(), names.end()};
    }

private:
    ConnectorRegistration _connector;
    std::unique_ptr<Poco::Data::Session> _session;
};

Poco::Logger& logger()
{
    return Poco::Logger::get("switchyard.instances.store");
}

/// Rows as the first release of storage.sqlite (schema version 1, SDK v1) wrote them.
void writeVersion1Rows(RawDatabase& database)
{
    const std::string columns =
        "(sequence, id, submit_name, sha256, file_size, media_type, priority, options, "
        "state, attempts, reason, app_server_id, task_id, status_code, result, "
        "created_at, updated_at)";
    const std::string a = std::string(64, 'a');
    const std::string b = std::string(64, 'b');
    database.execute("INSERT INTO submissions " + columns +
                     " VALUES "
                     "(1, 'old-low', 'low.doc', '" +
                     a +
                     "', 100, 'application/msword', 0, "
                     "'{\"password\":\"infected\"}', 'queued', 0, '', '', '', 0, '', 1000, 1000), "
                     "(2, 'old-done', 'done.pdf', '" +
                     b +
                     "', 200, 'application/pdf', 50, '{}', "
                     "'success', 1, '', 'app1', 'task-1', 200, '{\"scanTasks\":[]}', 1001, 2000), "
                     "(3, 'old-high', 'high.doc', '" +
                     a +
                     "', 100, 'application/msword', 80, '{}', "
                     "'queued', 2, 'app2 connection refused', '', '', 0, '', 1002, 3000), "
                     "(4, 'old-dispatching', 'x.zip', '" +
                     a +
                     "', 100, 'application/zip', 10, '{}', "
                     "'dispatching', 1, '', '', '', 0, '', 1003, 4000)");
    database.execute(
        "INSERT INTO reports (id, report) VALUES ('old-done', '{\"overallState\":\"SUCCESS\"}')");
    database.execute("UPDATE counters SET value = 5 WHERE name = 'nextSequence'");
}

TEST(SqliteSchema, CreatesTheCurrentLayoutInAnEmptyDatabase)
{
    const SqliteTestDatabase test;
    RawDatabase database(test.path());
    EXPECT_EQ(SqliteSchema::migrate(database.session(), test.path(), logger()), 0);
    EXPECT_EQ(SqliteSchema::version(database.session(), test.path()), SqliteSchema::CurrentVersion);
    EXPECT_EQ(database.names("table"),
              std::set<std::string>({"schema_version", "counters", "submissions", "reports", "files"}));
    EXPECT_EQ(
        database.names("index"),
        std::set<std::string>({"submissions_by_queue_order", "submissions_by_update", "submissions_by_sha256",
                               "files_unreferenced", "submissions_by_task", "submissions_unfinished"}));
    EXPECT_EQ(SqliteSchema::migrate(database.session(), test.path(), logger()), SqliteSchema::CurrentVersion)
        << "a second run finds nothing to do";
}

TEST(SqliteSchema, MigratesAVersion1DatabaseAndKeepsItsData)
{
    const SqliteTestDatabase test;
    {
        RawDatabase database(test.path());
        ASSERT_EQ(SqliteSchema::migrate(database.session(), test.path(), logger(), 1), 0);
        EXPECT_EQ(database.names("table").count("files"), 0u) << "version 1 has no file facts";
        writeVersion1Rows(database);
    }

    std::unique_ptr<SqliteStorage> storage = test.open();

    const std::optional<plugin::Submission> low = storage->findSubmission("old-low");
    ASSERT_TRUE(low);
    EXPECT_EQ(low->submitName, "low.doc");
    EXPECT_EQ(low->options, (std::map<std::string, std::string>{{"password", "infected"}}));
    EXPECT_EQ(low->sequence, 1u);
    EXPECT_EQ(low->createdAt, 1000);
    const std::optional<plugin::Submission> done = storage->findSubmission("old-done");
    ASSERT_TRUE(done);
    EXPECT_EQ(done->state, SubmissionState::Success);
    EXPECT_EQ(done->taskId, "task-1");
    EXPECT_EQ(done->result, R"({"scanTasks":[]})");
    EXPECT_EQ(storage->findReport("old-done"), std::optional<std::string>(R"({"overallState":"SUCCESS"})"));
    EXPECT_TRUE(storage->findSubmission("old-done")->reportFinal) << "its report says the node finished";
    EXPECT_TRUE(storage->listUnfinishedHandoffs(10).empty());
    EXPECT_EQ(storage->findSubmission("old-high")->reason, "app2 connection refused");

    // The queue is rebuilt from the migrated rows.
    EXPECT_EQ(storage->queueCount(), 2u);
    EXPECT_EQ(storage->positionInQueue("old-high"), 0);
    EXPECT_EQ(storage->positionInQueue("old-low"), 1);
    EXPECT_EQ(storage->requeueDispatching(), 1u);
    EXPECT_EQ(storage->positionInQueue("old-dispatching"), 1);

    // Back-filled file records: the first submission of each binary, digests never computed.
    const std::optional<plugin::FileFacts> file = storage->findFile(std::string(64, 'a'));
    ASSERT_TRUE(file);
    EXPECT_EQ(file->submitName, "low.doc");
    EXPECT_EQ(file->fileSize, 100u);
    EXPECT_EQ(file->mediaType, "application/msword");
    EXPECT_EQ(file->md5, "");
    EXPECT_EQ(file->sha512, "");

    // Sequences continue from the stored counter, and retention works on the old rows.
    plugin::Submission fresh;
    fresh.id = "new";
    fresh.sha256 = std::string(64, 'c');
    EXPECT_EQ(storage->addSubmissions({fresh}, {}), std::vector<std::uint64_t>{5});
    EXPECT_EQ(storage->removeFinishedBefore(std::numeric_limits<std::int64_t>::max()),
              std::vector<std::string>{std::string(64, 'b')});
    EXPECT_FALSE(storage->findSubmission("old-done"));
    EXPECT_FALSE(storage->findReport("old-done"));
    storage->stop();

    RawDatabase database(test.path());
    EXPECT_EQ(SqliteSchema::version(database.session(), test.path()), SqliteSchema::CurrentVersion);
}

TEST(SqliteSchema, AFailedStepChangesNothing)
{
    const SqliteTestDatabase test;
    {
        RawDatabase database(test.path());
        ASSERT_EQ(SqliteSchema::migrate(database.session(), test.path(), logger(), 1), 0);
        writeVersion1Rows(database);
        // Something that step 1 -> 2 cannot get past.
        database.execute("CREATE TABLE files (x INTEGER)");
    }
    try
    {
        test.open();
        FAIL() << "the migration passed a table in its way";
    }
    catch (const Poco::Data::DataException& error)
    {
        EXPECT_EQ(error.message().rfind("SQLite database " + test.path() +
                                            ": cannot migrate the schema from version 1 to 2: ",
                                        0),
                  0u)
            << error.message();
    }
    RawDatabase database(test.path());
    EXPECT_EQ(SqliteSchema::version(database.session(), test.path()), 1);
    EXPECT_EQ(database.names("index").count("submissions_by_sha256"), 0u) << "the step was rolled back whole";
}

TEST(SqliteSchema, RefusesADatabaseNewerThanItKnows)
{
    const SqliteTestDatabase test;
    {
        RawDatabase database(test.path());
        SqliteSchema::migrate(database.session(), test.path(), logger());
        database.execute("UPDATE schema_version SET version = " +
                         std::to_string(SqliteSchema::CurrentVersion + 1));
    }
    try
    {
        test.open();
        FAIL() << "opened a newer database";
    }
    catch (const Poco::Data::DataException& error)
    {
        EXPECT_EQ(error.message(), "SQLite database " + test.path() + " has schema version " +
                                       std::to_string(SqliteSchema::CurrentVersion + 1) +
                                       ", newer than the " + std::to_string(SqliteSchema::CurrentVersion) +
                                       " this storage.sqlite knows; use a newer Switchyard");
    }
}

} // namespace
} // namespace switchyard::plugins::sqlite
