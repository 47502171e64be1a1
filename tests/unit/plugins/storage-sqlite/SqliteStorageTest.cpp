// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SqliteStorage.h"

#include "storage-contract/StorageContractTest.h"
#include "storage-sqlite/SqliteTestDatabase.h"

#include <Poco/Data/DataException.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <Poco/FileStream.h>
#include <gtest/gtest.h>

#include <atomic>
#include <csignal>
#include <limits>
#include <map>
#include <mutex>
#include <set>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace switchyard::plugins::sqlite
{
namespace
{

using plugin::SubmissionState;
using tests::StorageContractTest;

INSTANTIATE_TEST_SUITE_P(Sqlite, StorageContractTest,
                         ::testing::Values(tests::StorageContractParam{"sqlite", &makeSqliteStorage}),
                         StorageContractTest::paramName);

plugin::Submission submission(const std::string& id, int priority = 0, const std::string& sha256 = "")
{
    plugin::Submission submission;
    submission.id = id;
    submission.submitName = id + ".exe";
    submission.sha256 = sha256.empty() ? std::string(64, 'e') : sha256;
    submission.fileSize = 77;
    submission.mediaType = "application/x-dosexec";
    submission.priority = priority;
    submission.options = {{"password", "infected"}};
    return submission;
}

plugin::FileFacts fileFacts(const std::string& sha256, const std::string& name)
{
    plugin::FileFacts facts;
    facts.sha256 = sha256;
    facts.submitName = name;
    facts.fileSize = 77;
    facts.md5 = std::string(32, '1');
    facts.sha1 = std::string(40, '2');
    facts.sha512 = std::string(128, '3');
    facts.mediaType = "application/x-dosexec";
    return facts;
}

plugin::NodeHandoff handoff()
{
    plugin::NodeHandoff handoff;
    handoff.appServerId = "app1";
    handoff.taskId = "task-1";
    handoff.statusCode = 200;
    handoff.result = R"({"scanTasks":[{"taskReference":{"ID":"task-1"}}]})";
    return handoff;
}

void expectSameSubmission(const plugin::Submission& actual, const plugin::Submission& expected)
{
    EXPECT_EQ(actual.id, expected.id);
    EXPECT_EQ(actual.submitName, expected.submitName);
    EXPECT_EQ(actual.sha256, expected.sha256);
    EXPECT_EQ(actual.fileSize, expected.fileSize);
    EXPECT_EQ(actual.mediaType, expected.mediaType);
    EXPECT_EQ(actual.priority, expected.priority);
    EXPECT_EQ(actual.sequence, expected.sequence);
    EXPECT_EQ(actual.options, expected.options);
    EXPECT_EQ(actual.state, expected.state);
    EXPECT_EQ(actual.attempts, expected.attempts);
    EXPECT_EQ(actual.reason, expected.reason);
    EXPECT_EQ(actual.appServerId, expected.appServerId);
    EXPECT_EQ(actual.taskId, expected.taskId);
    EXPECT_EQ(actual.statusCode, expected.statusCode);
    EXPECT_EQ(actual.result, expected.result);
    EXPECT_EQ(actual.createdAt, expected.createdAt);
    EXPECT_EQ(actual.updatedAt, expected.updatedAt);
}

std::vector<std::string> claimAll(plugin::Storage& storage)
{
    std::vector<std::string> ids;
    while (const std::optional<plugin::Submission> claimed = storage.claimNext({}))
        ids.push_back(claimed->id);
    return ids;
}

mode_t modeOf(const std::string& path)
{
    struct stat status
    {
    };
    if (::stat(path.c_str(), &status) != 0)
        return 0;
    return status.st_mode & 07777;
}

TEST(SqliteStorage, KeepsEverythingAcrossCloseAndReopen)
{
    const SqliteTestDatabase database;
    const std::string kept = std::string(64, 'a');
    std::map<std::string, plugin::Submission> before;
    std::map<std::string, std::int64_t> positions;
    {
        std::unique_ptr<SqliteStorage> storage = database.open();
        storage->addSubmissions({submission("low", 0, kept), submission("high", 90), submission("done", 50)},
                                {fileFacts(kept, "first.exe")});
        storage->addSubmissions({submission("mid", 40), submission("failed", 10), submission("retried", 60)},
                                {});
        ASSERT_EQ(storage->claimNext({})->id, "high");
        ASSERT_EQ(storage->claimNext({})->id, "retried");
        storage->requeue("retried", "app1 connection refused");
        ASSERT_EQ(storage->claimNext({})->id, "retried");
        ASSERT_EQ(storage->claimNext({})->id, "done");
        storage->recordHandoff("done", handoff());
        storage->storeReport("done", "app1", "task-1", R"({"overallState":"SUCCESS"})", true);
        storage->markFailed("failed", "not supported");
        for (const std::string id : {"low", "high", "done", "mid", "failed", "retried"})
        {
            before[id] = *storage->findSubmission(id);
            positions[id] = storage->positionInQueue(id);
        }
        ASSERT_EQ(storage->queueCount(), 2u);
        storage->stop();
    }

    std::unique_ptr<SqliteStorage> reopened = database.open();
    for (const auto& [id, expected] : before)
    {
        const std::optional<plugin::Submission> found = reopened->findSubmission(id);
        ASSERT_TRUE(found) << id;
        expectSameSubmission(*found, expected);
        EXPECT_EQ(reopened->positionInQueue(id), positions[id]) << id;
    }
    EXPECT_EQ(reopened->queueCount(), 2u);
    EXPECT_EQ(reopened->findReport("done"), std::optional<std::string>(R"({"overallState":"SUCCESS"})"));
    ASSERT_TRUE(reopened->findFile(kept));
    EXPECT_EQ(reopened->findFile(kept)->submitName, "first.exe");

    // Sequences go on after the highest one stored; the order is the one before the restart.
    const std::uint64_t next = reopened->addSubmissions({submission("after", 40)}, {}).at(0);
    for (const auto& [id, expected] : before)
        EXPECT_GT(next, expected.sequence) << id;
    EXPECT_EQ(claimAll(*reopened), std::vector<std::string>({"mid", "after", "low"}));
}

TEST(SqliteStorage, RequeuesDispatchingSubmissionsAfterARestart)
{
    const SqliteTestDatabase database;
    {
        std::unique_ptr<SqliteStorage> storage = database.open();
        storage->addSubmissions({submission("a"), submission("b"), submission("c"), submission("d")}, {});
        ASSERT_EQ(storage->claimNext({})->id, "a");
        ASSERT_EQ(storage->claimNext({})->id, "b");
        // The broker dies here, with a and b handed to nodes that never answered.
    }

    std::unique_ptr<SqliteStorage> reopened = database.open();
    EXPECT_EQ(reopened->findSubmission("a")->state, SubmissionState::Dispatching);
    EXPECT_EQ(reopened->positionInQueue("a"), -1);
    EXPECT_EQ(reopened->queueCount(), 2u);

    EXPECT_EQ(reopened->requeueDispatching(), 2u);

    EXPECT_EQ(reopened->queueCount(), 4u);
    EXPECT_EQ(reopened->positionInQueue("a"), 0);
    EXPECT_EQ(reopened->positionInQueue("b"), 1);
    EXPECT_EQ(reopened->positionInQueue("d"), 3);
    EXPECT_EQ(reopened->findSubmission("b")->attempts, 1u);
    const std::optional<plugin::Submission> again = reopened->claimNext({});
    ASSERT_TRUE(again);
    EXPECT_EQ(again->id, "a");
    EXPECT_EQ(again->attempts, 2u);
}

TEST(SqliteStorage, ADestroyedInstanceThatWasNeverStoppedLeavesItsDataOnDisk)
{
    const SqliteTestDatabase database;
    std::unique_ptr<SqliteStorage> storage = database.open();
    storage->addSubmissions({submission("a", 5), submission("b", 9)},
                            {fileFacts(std::string(64, 'e'), "a.exe")});
    storage->claimNext({});
    storage->recordHandoff("b", handoff());
    storage->storeReport("b", "app1", "task-1", "{}", false);
    storage.reset();

    std::unique_ptr<SqliteStorage> reopened = database.open();
    EXPECT_EQ(reopened->findSubmission("a")->state, SubmissionState::Queued);
    EXPECT_EQ(reopened->findSubmission("b")->state, SubmissionState::Success);
    EXPECT_EQ(reopened->findReport("b"), std::optional<std::string>("{}"));
    EXPECT_TRUE(reopened->findFile(std::string(64, 'e')));
    EXPECT_EQ(reopened->positionInQueue("a"), 0);
}

TEST(SqliteStorage, AReturnedAddSurvivesAKilledProcess)
{
    const SqliteTestDatabase database;
    int ready[2];
    ASSERT_EQ(::pipe(ready), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0)
    {
        // The child adds, says so, and is killed with the database open: no stop, no destructor.
        ::close(ready[0]);
        try
        {
            std::unique_ptr<SqliteStorage> storage = database.open();
            storage->addSubmissions({submission("before-kill", 3)},
                                    {fileFacts(std::string(64, 'e'), "k.exe")});
            storage->claimNext({});
            storage->addSubmissions({submission("queued-at-kill", 7)}, {});
            const char done = 'y';
            if (::write(ready[1], &done, 1) != 1)
                ::_exit(2);
            for (;;)
                ::pause();
        }
        catch (...)
        {
            ::_exit(1);
        }
    }
    ::close(ready[1]);
    char done = 'n';
    const ssize_t got = ::read(ready[0], &done, 1);
    ::close(ready[0]);
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_EQ(got, 1) << "the child failed before adding (exit status " << WEXITSTATUS(status) << ")";
    ASSERT_TRUE(WIFSIGNALED(status));

    // The kernel dropped the child's lock; its WAL is recovered on open.
    std::unique_ptr<SqliteStorage> reopened = database.open();
    EXPECT_EQ(reopened->findSubmission("before-kill")->state, SubmissionState::Dispatching);
    EXPECT_EQ(reopened->positionInQueue("queued-at-kill"), 0);
    EXPECT_TRUE(reopened->findFile(std::string(64, 'e')));
    EXPECT_EQ(reopened->requeueDispatching(), 1u);
    EXPECT_EQ(claimAll(*reopened), std::vector<std::string>({"queued-at-kill", "before-kill"}));
}

TEST(SqliteStorage, ThirtyTwoThreadsAddingAtOnceGetDistinctSequencesAndShareCommits)
{
    const SqliteTestDatabase database;
    std::unique_ptr<SqliteStorage> storage = database.open();
    constexpr int Threads = 32;
    constexpr int AddsPerThread = 20;
    std::mutex mutex;
    std::map<std::string, std::uint64_t> sequences;
    std::vector<std::thread> threads;
    for (int thread = 0; thread < Threads; ++thread)
    {
        threads.emplace_back(
            [&storage, &mutex, &sequences, thread]
            {
                for (int add = 0; add < AddsPerThread; ++add)
                {
                    // Every other call adds two: a caller's batch stays together, in its order.
                    std::vector<plugin::Submission> batch = {
                        submission("t" + std::to_string(thread) + "-" + std::to_string(add), add % 5)};
                    if (add % 2 == 1)
                        batch.push_back(submission(batch[0].id + "-second", add % 5));
                    const std::vector<std::uint64_t> assigned = storage->addSubmissions(batch, {});
                    const std::lock_guard<std::mutex> lock(mutex);
                    EXPECT_EQ(assigned.size(), batch.size());
                    if (assigned.size() == 2)
                    {
                        EXPECT_LT(assigned[0], assigned[1]);
                    }
                    for (std::size_t index = 0; index < assigned.size() && index < batch.size(); ++index)
                        sequences[batch[index].id] = assigned[index];
                }
            });
    }
    for (std::thread& thread : threads)
        thread.join();

    const std::size_t expected = Threads * (AddsPerThread + AddsPerThread / 2);
    ASSERT_EQ(sequences.size(), expected);
    std::set<std::uint64_t> distinct;
    for (const auto& [id, sequence] : sequences)
    {
        distinct.insert(sequence);
        const std::optional<plugin::Submission> found = storage->findSubmission(id);
        ASSERT_TRUE(found) << id;
        EXPECT_EQ(found->sequence, sequence) << id;
        EXPECT_GE(storage->positionInQueue(id), 0) << id;
    }
    EXPECT_EQ(distinct.size(), expected);
    EXPECT_EQ(storage->queueCount(), expected);
    const GroupCommitter::Statistics statistics = storage->commitStatistics();
    EXPECT_EQ(statistics.requests, static_cast<std::uint64_t>(Threads * AddsPerThread));
    EXPECT_EQ(statistics.submissions, expected);
    EXPECT_LT(statistics.batches, statistics.requests) << "concurrent callers should share transactions";
}

TEST(SqliteStorage, AKnownIdFailsOnlyTheCallerThatGaveIt)
{
    const SqliteTestDatabase database;
    std::unique_ptr<SqliteStorage> storage = database.open();
    storage->addSubmissions({submission("taken")}, {});
    constexpr int Pairs = 16;
    std::atomic<int> refusedTaken{0};
    std::atomic<int> refusedRace{0};
    std::atomic<int> otherErrors{0};
    std::vector<std::thread> threads;
    for (int thread = 0; thread < 2 * Pairs; ++thread)
    {
        threads.emplace_back(
            [&, thread]
            {
                const std::string own = "own-" + std::to_string(thread);
                const std::string raced = "race-" + std::to_string(thread / 2);
                for (int round = 0; round < 3; ++round)
                {
                    try
                    {
                        if (round == 0)
                            storage->addSubmissions({submission(own)}, {});
                        else if (round == 1)
                            storage->addSubmissions({submission(own + "-x"), submission("taken")}, {});
                        else
                            // Both threads of a pair add the same new id at once: one of them wins.
                            storage->addSubmissions({submission(raced)}, {});
                    }
                    catch (const Poco::ExistsException&)
                    {
                        ++(round == 1 ? refusedTaken : refusedRace);
                    }
                    catch (...)
                    {
                        ++otherErrors;
                    }
                }
            });
    }
    for (std::thread& thread : threads)
        thread.join();

    EXPECT_EQ(otherErrors.load(), 0);
    EXPECT_EQ(refusedTaken.load(), 2 * Pairs);
    EXPECT_EQ(refusedRace.load(), Pairs);
    for (int thread = 0; thread < 2 * Pairs; ++thread)
    {
        EXPECT_TRUE(storage->findSubmission("own-" + std::to_string(thread)));
        EXPECT_FALSE(storage->findSubmission("own-" + std::to_string(thread) + "-x"))
            << "all or none per caller";
    }
    for (int pair = 0; pair < Pairs; ++pair)
        EXPECT_TRUE(storage->findSubmission("race-" + std::to_string(pair)));
    EXPECT_EQ(storage->queueCount(), static_cast<std::uint64_t>(1 + 2 * Pairs + Pairs));
}

TEST(SqliteStorage, RefusesASecondInstanceOnTheSameDatabase)
{
    const SqliteTestDatabase database;
    std::unique_ptr<SqliteStorage> first = database.open();
    try
    {
        database.open();
        FAIL() << "a second instance opened the database";
    }
    catch (const Poco::Data::SQLite::DBLockedException& error)
    {
        EXPECT_NE(error.message().find(database.path()), std::string::npos) << error.message();
        EXPECT_NE(error.message().find("one broker process owns one database"), std::string::npos);
    }
    first->stop();
    EXPECT_NO_THROW(database.open()) << "stop() releases the database";
}

TEST(SqliteStorage, NamesTheFileThatIsNotADatabase)
{
    const SqliteTestDatabase database;
    {
        Poco::FileOutputStream out(database.path());
        out << std::string(4096, 'G');
    }
    try
    {
        database.open();
        FAIL() << "opened a file that is not a database";
    }
    catch (const Poco::Data::SQLite::CorruptImageException& error)
    {
        // Poco's own part of the message repeats SQLite's text.
        EXPECT_EQ(error.message().rfind(
                      "SQLite database " + database.path() + ": cannot open: file is not a database", 0),
                  0u)
            << error.message();
    }
}

TEST(SqliteStorage, RefusesADatabaseOfSomethingElse)
{
    const SqliteTestDatabase database;
    {
        std::unique_ptr<SqliteStorage> storage = database.open();
        storage->stop();
    }
    // Rename the version table, as another application's database would lack it.
    {
        Poco::Data::SQLite::Connector::registerConnector();
        {
            Poco::Data::Session session(Poco::Data::SQLite::Connector::KEY, database.path());
            session << "ALTER TABLE schema_version RENAME TO something_else", Poco::Data::Keywords::now;
        }
        Poco::Data::SQLite::Connector::unregisterConnector();
    }
    try
    {
        database.open();
        FAIL() << "opened a foreign database";
    }
    catch (const Poco::Data::DataException& error)
    {
        EXPECT_EQ(error.message(),
                  "SQLite database " + database.path() +
                      " is not a Switchyard storage database (it has no schema_version table); "
                      "give storage.sqlite a file of its own");
    }
}

TEST(SqliteStorage, CreatesItsFolderAndFilesForItsOwnerOnly)
{
    const SqliteTestDatabase database;
    std::unique_ptr<SqliteStorage> storage = database.open("path = queue/sub/broker.db\n");
    storage->addSubmissions({submission("a")}, {});
    const std::string folder = database.folder() + "/queue/sub";
    EXPECT_EQ(modeOf(database.folder() + "/queue"), 0700u);
    EXPECT_EQ(modeOf(folder), 0700u);
    EXPECT_EQ(modeOf(folder + "/broker.db"), 0600u);
    EXPECT_EQ(modeOf(folder + "/broker.db-wal"), 0600u);
    EXPECT_EQ(modeOf(folder + "/broker.db-shm"), 0600u);
    EXPECT_EQ(modeOf(folder + "/broker.db.lock"), 0600u);

    const std::vector<plugin::StorageArea> areas = storage->storageAreas();
    ASSERT_EQ(areas.size(), 2u);
    EXPECT_EQ(areas[0].name, "fsBrokerQueue");
    EXPECT_EQ(areas[0].path, folder);
    EXPECT_EQ(areas[1].name, "fsBrokerResults");
    EXPECT_EQ(areas[1].path, folder);
}

TEST(SqliteStorage, LeavesTheModeOfAnExistingFolderAlone)
{
    const SqliteTestDatabase database;
    ASSERT_EQ(::chmod(database.folder().c_str(), 0750), 0);
    std::unique_ptr<SqliteStorage> storage = database.open();
    EXPECT_EQ(modeOf(database.folder()), 0750u);
    EXPECT_EQ(modeOf(database.path()), 0600u);
}

TEST(SqliteStorage, KeepsOptionsWithAnyCharacters)
{
    const SqliteTestDatabase database;
    std::unique_ptr<SqliteStorage> storage = database.open();
    plugin::Submission odd = submission("odd");
    odd.options = {{"password", "qu\"ote\\back\nline\ttab"},
                   {"transformOpt.name", "ünïcödé ✓"},
                   {"empty", ""},
                   {"{json}", "[1,2]"}};
    odd.submitName = "name with 'quotes'; DROP TABLE submissions; --";
    storage->addSubmissions({odd}, {});
    storage.reset();
    const std::optional<plugin::Submission> found = database.open()->findSubmission("odd");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->options, odd.options);
    EXPECT_EQ(found->submitName, odd.submitName);
}

TEST(SqliteStorage, KeepsQueueOrderForExtremePrioritiesAcrossARestart)
{
    const SqliteTestDatabase database;
    {
        std::unique_ptr<SqliteStorage> storage = database.open();
        storage->addSubmissions({submission("lowest", std::numeric_limits<int>::min()),
                                 submission("highest", std::numeric_limits<int>::max()),
                                 submission("zero", 0)},
                                {});
        EXPECT_EQ(storage->positionInQueue("highest"), 0);
        EXPECT_EQ(storage->positionInQueue("lowest"), 2);
    }
    std::unique_ptr<SqliteStorage> reopened = database.open();
    EXPECT_EQ(reopened->positionInQueue("highest"), 0);
    EXPECT_EQ(reopened->positionInQueue("zero"), 1);
    EXPECT_EQ(reopened->positionInQueue("lowest"), 2);
    EXPECT_EQ(reopened->findSubmission("lowest")->priority, std::numeric_limits<int>::min());
}

TEST(SqliteStorage, RetentionFindsAFileRecordedWithoutASubmission)
{
    const SqliteTestDatabase database;
    std::unique_ptr<SqliteStorage> storage = database.open();
    const std::string alone = std::string(64, '1');
    const std::string laterUsed = std::string(64, '2');
    storage->addSubmissions({}, {fileFacts(alone, "alone"), fileFacts(laterUsed, "later")});
    storage->addSubmissions({submission("user", 0, laterUsed)}, {});

    EXPECT_EQ(storage->removeFinishedBefore(std::numeric_limits<std::int64_t>::max()),
              std::vector<std::string>{alone});
    EXPECT_FALSE(storage->findFile(alone));
    EXPECT_TRUE(storage->findFile(laterUsed));

    storage->claimNext({});
    storage->markFailed("user", "gave up");
    EXPECT_EQ(storage->removeFinishedBefore(std::numeric_limits<std::int64_t>::max()),
              std::vector<std::string>{laterUsed});
    EXPECT_FALSE(storage->findSubmission("user"));
}

TEST(SqliteStorage, RefusesCallsWhenNotOpen)
{
    const SqliteTestDatabase database;
    std::unique_ptr<SqliteStorage> storage = database.open();
    storage->stop();
    EXPECT_THROW(storage->addSubmissions({submission("a")}, {}), Poco::IllegalStateException);
    EXPECT_THROW(storage->findSubmission("a"), Poco::IllegalStateException);
    EXPECT_THROW(storage->claimNext({}), Poco::IllegalStateException);
    EXPECT_THROW(storage->queueCount(), Poco::IllegalStateException);
    EXPECT_NO_THROW(storage->stop()) << "stop() twice is harmless";
    storage->start();
    EXPECT_EQ(storage->queueCount(), 0u) << "start() after stop() opens it again";
}

} // namespace
} // namespace switchyard::plugins::sqlite
