// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SqliteStorage.h"

#include "AddBatchWriter.h"
#include "SqliteDatabase.h"
#include "SqliteSchema.h"
#include "SubmissionRow.h"

#include <Poco/Data/DataException.h>
#include <Poco/Data/Limit.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Stopwatch.h>
#include <Poco/Timestamp.h>

#include <algorithm>
#include <filesystem>
#include <unordered_set>

namespace switchyard::plugins::sqlite
{

using namespace Poco::Data::Keywords;
using plugin::SubmissionState;

namespace
{

/// Rows read per round trip when the queue cache is rebuilt.
constexpr Poco::UInt32 RebuildChunk = 10000;

SqliteStorageSettings withAbsolutePath(SqliteStorageSettings settings)
{
    settings.path = std::filesystem::absolute(settings.path).lexically_normal().string();
    return settings;
}

} // namespace

SqliteStorage::SqliteStorage(SqliteStorageSettings settings, Poco::Logger& logger)
    : _settings(withAbsolutePath(std::move(settings))), _logger(logger)
{
}

template <class Work>
auto SqliteStorage::guarded(const std::string& action, Work&& work) const -> decltype(work())
{
    try
    {
        return work();
    }
    catch (const Poco::Data::DataException& error)
    {
        SqliteDatabase::rethrow(_settings.path, action, error);
    }
}

SqliteStorage::~SqliteStorage()
{
    stop();
}

void SqliteStorage::start()
{
    if (_open)
        return;
    try
    {
        open();
    }
    catch (const Poco::Exception& error)
    {
        close();
        SqliteDatabase::rethrow(_settings.path, "open", error);
    }
    catch (...)
    {
        close();
        throw;
    }
    _open = true;
}

void SqliteStorage::stop() noexcept
{
    if (!_open.exchange(false))
        return;
    close();
    _logger.information("SQLite database " + _settings.path + " closed");
}

void SqliteStorage::open()
{
    Poco::Stopwatch stopwatch;
    stopwatch.start();
    _connector = std::make_unique<ConnectorRegistration>();
    SqliteDatabase::prepareFile(_settings.path);
    _lock = std::make_unique<DatabaseLock>(_settings.path);
    _writer = SqliteDatabase::open(_settings, SqliteDatabase::Role::Writer);
    _writerStatements = std::make_unique<StatementCache>(Poco::Data::SQLite::Utility::dbHandle(*_writer));
    const int foundVersion = SqliteSchema::migrate(*_writer, _settings.path, _logger);
    loadNextSequence();
    rebuildQueue();
    std::vector<std::unique_ptr<Poco::Data::Session>> readers;
    for (std::size_t index = 0; index < _settings.readConnections; ++index)
        readers.push_back(SqliteDatabase::open(_settings, SqliteDatabase::Role::Reader));
    _readers = std::make_unique<ReaderPool>(std::move(readers));
    _committer = std::make_unique<GroupCommitter>(
        [this](const std::vector<AddRequest*>& batch) { writeBatch(batch); }, _settings.maxBatch);
    _committer->start();
    _logger.information(
        "SQLite database " + _settings.path + " open (schema version " +
        std::to_string(SqliteSchema::CurrentVersion) + (foundVersion == 0 ? ", created" : "") +
        ", synchronous " +
        (_settings.synchronous == SqliteStorageSettings::Synchronous::Full ? "FULL" : "NORMAL") +
        "): " + std::to_string(_queue.size()) + " queued, ready in " +
        std::to_string(stopwatch.elapsed() / 1000) + " ms");
}

void SqliteStorage::close() noexcept
{
    // The committer first: it drains what is waiting through the writer.
    if (_committer)
        _committer->stop();
    _committer.reset();
    _readers.reset();
    _writerStatements.reset();
    _writer.reset();
    _queue.clear();
    _lock.reset();
    _connector.reset();
}

void SqliteStorage::requireOpen() const
{
    if (!_open)
        throw Poco::IllegalStateException("storage.sqlite: the database " + _settings.path +
                                          " is not open (start() was not called, or stop() was)");
}

void SqliteStorage::loadNextSequence()
{
    Poco::Int64 counter = 0;
    Poco::Data::Statement select(*_writer);
    select << "SELECT value FROM counters WHERE name = 'nextSequence'", into(counter);
    if (select.execute() != 1)
        throw Poco::Data::DataException("SQLite database " + _settings.path + " has no nextSequence counter");
    Poco::Int64 highest = 0;
    *_writer << "SELECT IFNULL(MAX(sequence), 0) FROM submissions", into(highest), now;
    _nextSequence = static_cast<std::uint64_t>(std::max(counter, highest + 1));
}

void SqliteStorage::rebuildQueue()
{
    _queue.clear();
    std::vector<int> priorities;
    std::vector<Poco::Int64> sequences;
    Poco::Data::Statement select(*_writer);
    // Walks the queue order index alone (it holds all three columns).
    select << "SELECT priority, sequence FROM submissions WHERE state = 'queued' ORDER BY priority DESC, "
              "sequence",
        into(priorities), into(sequences), limit(RebuildChunk);
    while (!select.done())
    {
        select.execute();
        for (std::size_t index = 0; index < sequences.size(); ++index)
            _queue.insert({priorities[index], static_cast<std::uint64_t>(sequences[index])});
        priorities.clear();
        sequences.clear();
    }
}

std::vector<std::uint64_t> SqliteStorage::addSubmissions(const std::vector<plugin::Submission>& submissions,
                                                         const std::vector<plugin::FileFacts>& files)
{
    requireOpen();
    // What this caller alone got wrong fails before it joins a group.
    for (const plugin::FileFacts& file : files)
    {
        if (file.sha256.empty())
            throw Poco::InvalidArgumentException("a file record needs a sha256");
    }
    std::unordered_set<std::string> ids;
    for (const plugin::Submission& submission : submissions)
    {
        if (submission.id.empty())
            throw Poco::InvalidArgumentException("a submission needs an id");
        if (!ids.insert(submission.id).second)
            throw Poco::ExistsException("submission " + submission.id + " is given twice");
    }
    if (submissions.empty() && files.empty())
        return {};

    AddRequest request(submissions, files);
    _committer->submit(request);
    if (request.error)
        request.error->rethrow();
    return std::move(request.sequences);
}

void SqliteStorage::useSynchronous(SqliteStorageSettings::Synchronous level)
{
    // Only when the two differ; the writer connection was opened with `synchronous`. Set before
    // every write that needs it (it costs no I/O), so no write ever runs with another's level.
    if (_settings.synchronous == _settings.dispatchSynchronous)
        return;
    SqliteDatabase::execute(*_writer, level == SqliteStorageSettings::Synchronous::Full
                                          ? "PRAGMA synchronous = FULL"
                                          : "PRAGMA synchronous = NORMAL");
}

void SqliteStorage::writeBatch(const std::vector<AddRequest*>& batch)
{
    const std::lock_guard<std::mutex> lock(_writeMutex);
    useSynchronous(_settings.synchronous);
    AddBatchWriter(*_writer, *_writerStatements, _queue, _settings.path)
        .write(batch, _nextSequence, epochMilliseconds());
}

GroupCommitter::Statistics SqliteStorage::commitStatistics() const
{
    requireOpen();
    return _committer->statistics();
}

std::optional<plugin::FileFacts> SqliteStorage::findFile(const std::string& sha256) const
{
    requireOpen();
    return guarded("read file " + sha256,
                   [&]() -> std::optional<plugin::FileFacts>
                   {
                       ReaderPool::Lease lease = _readers->acquire();
                       PreparedStatement& select = lease.statement(
                           "SELECT sha256, submit_name, file_size, md5, sha1, sha512, media_type "
                           "FROM files WHERE sha256 = ?");
                       select.bind(1, sha256);
                       if (!select.step())
                           return std::nullopt;
                       plugin::FileFacts file;
                       file.sha256 = select.text(0);
                       file.submitName = select.text(1);
                       file.fileSize = static_cast<std::uint64_t>(select.integer(2));
                       file.md5 = select.text(3);
                       file.sha1 = select.text(4);
                       file.sha512 = select.text(5);
                       file.mediaType = select.text(6);
                       return file;
                   });
}

std::optional<plugin::Submission> SqliteStorage::findSubmission(const std::string& id) const
{
    requireOpen();
    return guarded("read submission " + id,
                   [&]() -> std::optional<plugin::Submission>
                   {
                       ReaderPool::Lease lease = _readers->acquire();
                       PreparedStatement& select = lease.statement("SELECT " + SubmissionRow::Columns +
                                                                   " FROM submissions WHERE id = ?");
                       select.bind(1, id);
                       if (!select.step())
                           return std::nullopt;
                       return SubmissionRow::readFrom(select).toSubmission();
                   });
}

std::int64_t SqliteStorage::positionInQueue(const std::string& id) const
{
    requireOpen();
    // Priority and sequence never change, so the row read and the rank need not be one snapshot.
    const std::optional<QueueCache::Key> key =
        guarded("read submission " + id,
                [&]() -> std::optional<QueueCache::Key>
                {
                    ReaderPool::Lease lease = _readers->acquire();
                    PreparedStatement& select =
                        lease.statement("SELECT priority, sequence FROM submissions WHERE id = ?");
                    select.bind(1, id);
                    if (!select.step())
                        return std::nullopt;
                    return QueueCache::Key{static_cast<int>(select.integer(0)),
                                           static_cast<std::uint64_t>(select.integer(1))};
                });
    return key ? _queue.position(*key) : -1;
}

std::int64_t SqliteStorage::positionOf(const plugin::Submission& submission) const
{
    requireOpen();
    if (submission.state != plugin::SubmissionState::Queued)
        return -1;
    return _queue.position(QueueCache::Key{submission.priority, submission.sequence});
}

std::uint64_t SqliteStorage::queueCount() const
{
    requireOpen();
    return _queue.size();
}

std::optional<plugin::Submission> SqliteStorage::claimNext(const std::set<std::string>& skip)
{
    requireOpen();
    const std::lock_guard<std::mutex> lock(_writeMutex);
    useSynchronous(_settings.dispatchSynchronous);
    return guarded(
        "claim the next submission",
        [&]() -> std::optional<plugin::Submission>
        {
            for (std::optional<QueueCache::Key> key = _queue.front(); key;)
            {
                SubmissionRow row;
                Poco::Data::Statement select(*_writer);
                select << "SELECT " + SubmissionRow::Columns + " FROM submissions WHERE sequence = ?",
                    bind(static_cast<Poco::Int64>(key->sequence));
                row.extractInto(select);
                if (select.execute() == 0 || row.state != plugin::storageName(SubmissionState::Queued))
                {
                    // Only another writer on the same file could cause this, which the lock refuses.
                    _logger.error("SQLite database " + _settings.path + ": the queue cache held sequence " +
                                  std::to_string(key->sequence) +
                                  ", which is not queued in the database; dropped from the cache");
                    const QueueCache::Key stale = *key;
                    _queue.erase(stale);
                    key = _queue.after(stale);
                    continue;
                }
                plugin::Submission claimed = row.toSubmission();
                if (skip.count(claimed.id) != 0)
                {
                    key = _queue.after(*key);
                    continue;
                }
                claimed.state = SubmissionState::Dispatching;
                ++claimed.attempts;
                claimed.updatedAt = epochMilliseconds();
                Poco::Data::Statement update(*_writer);
                update << "UPDATE submissions SET state = 'dispatching', attempts = ?, updated_at = ? "
                          "WHERE sequence = ? AND state = 'queued'",
                    bind(static_cast<Poco::Int64>(claimed.attempts)), bind(claimed.updatedAt),
                    bind(static_cast<Poco::Int64>(key->sequence));
                if (update.execute() != 1)
                    throw Poco::Data::DataException("submission " + claimed.id +
                                                    " changed under the writer lock");
                // Committed (autocommit): only now does it leave the queue.
                _queue.erase(*key);
                return claimed;
            }
            return std::nullopt;
        });
}

void SqliteStorage::recordHandoff(const std::string& id, const plugin::NodeHandoff& handoff)
{
    requireOpen();
    const std::lock_guard<std::mutex> lock(_writeMutex);
    useSynchronous(_settings.dispatchSynchronous);
    guarded("record the hand-off of " + id,
            [&]
            {
                currentOf(id, {SubmissionState::Dispatching}, "record a hand-off");
                // `reason` describes the last failed attempt, and the last attempt has just succeeded.
                Poco::Data::Statement update(*_writer);
                update << "UPDATE submissions SET state = 'success', app_server_id = ?, task_id = ?, "
                          "status_code = ?, result = ?, reason = '', updated_at = ? "
                          "WHERE id = ? AND state = 'dispatching'",
                    bind(handoff.appServerId), bind(handoff.taskId), bind(handoff.statusCode),
                    bind(handoff.result), bind(epochMilliseconds()), bind(id);
                update.execute();
            });
}

void SqliteStorage::requeue(const std::string& id, const std::string& reason)
{
    requireOpen();
    const std::lock_guard<std::mutex> lock(_writeMutex);
    useSynchronous(_settings.dispatchSynchronous);
    guarded("requeue " + id,
            [&]
            {
                const Current current = currentOf(id, {SubmissionState::Dispatching}, "requeue");
                // In first so that nothing can fail after the commit; claiming needs our lock, so
                // no one takes it before the row says Queued.
                _queue.insert(current.key);
                try
                {
                    Poco::Data::Statement update(*_writer);
                    update << "UPDATE submissions SET state = 'queued', reason = ?, updated_at = ? "
                              "WHERE id = ? AND state = 'dispatching'",
                        bind(reason), bind(epochMilliseconds()), bind(id);
                    update.execute();
                }
                catch (...)
                {
                    _queue.erase(current.key);
                    throw;
                }
            });
}

void SqliteStorage::release(const std::string& id, const std::string& reason)
{
    requireOpen();
    const std::lock_guard<std::mutex> lock(_writeMutex);
    useSynchronous(_settings.dispatchSynchronous);
    guarded("release " + id,
            [&]
            {
                const Current current = currentOf(id, {SubmissionState::Dispatching}, "release");
                _queue.insert(current.key);
                try
                {
                    Poco::Data::Statement update(*_writer);
                    update << "UPDATE submissions SET state = 'queued', reason = ?, updated_at = ?, "
                              "attempts = max(attempts - 1, 0) WHERE id = ? AND state = 'dispatching'",
                        bind(reason), bind(epochMilliseconds()), bind(id);
                    update.execute();
                }
                catch (...)
                {
                    _queue.erase(current.key);
                    throw;
                }
            });
}

void SqliteStorage::markFailed(const std::string& id, const std::string& reason)
{
    requireOpen();
    const std::lock_guard<std::mutex> lock(_writeMutex);
    useSynchronous(_settings.dispatchSynchronous);
    guarded("mark " + id + " as failed",
            [&]
            {
                const Current current =
                    currentOf(id, {SubmissionState::Queued, SubmissionState::Dispatching}, "mark as failed");
                Poco::Data::Statement update(*_writer);
                update << "UPDATE submissions SET state = 'failed', reason = ?, updated_at = ? "
                          "WHERE id = ? AND state IN ('queued', 'dispatching')",
                    bind(reason), bind(epochMilliseconds()), bind(id);
                update.execute();
                if (current.state == SubmissionState::Queued)
                    _queue.erase(current.key);
            });
}

std::uint64_t SqliteStorage::requeueDispatching()
{
    requireOpen();
    const std::lock_guard<std::mutex> lock(_writeMutex);
    useSynchronous(_settings.dispatchSynchronous);
    return guarded("requeue the dispatching submissions",
                   [&]() -> std::uint64_t
                   {
                       std::vector<int> priorities;
                       std::vector<Poco::Int64> sequences;
                       *_writer << "SELECT priority, sequence FROM submissions WHERE state = 'dispatching'",
                           into(priorities), into(sequences), now;
                       std::vector<QueueCache::Key> keys;
                       keys.reserve(sequences.size());
                       for (std::size_t index = 0; index < sequences.size(); ++index)
                           keys.push_back({priorities[index], static_cast<std::uint64_t>(sequences[index])});
                       std::size_t inserted = 0;
                       try
                       {
                           for (; inserted < keys.size(); ++inserted)
                               _queue.insert(keys[inserted]);
                           Poco::Data::Statement update(*_writer);
                           update << "UPDATE submissions SET state = 'queued', updated_at = ? "
                                     "WHERE state = 'dispatching'",
                               bind(epochMilliseconds());
                           update.execute();
                       }
                       catch (...)
                       {
                           for (std::size_t index = 0; index < inserted; ++index)
                               _queue.erase(keys[index]);
                           throw;
                       }
                       return keys.size();
                   });
}

bool SqliteStorage::storeReport(const std::string& id, const std::string& appServerId,
                                const std::string& taskId, const std::string& report, bool final)
{
    requireOpen();
    const std::lock_guard<std::mutex> lock(_writeMutex);
    useSynchronous(_settings.dispatchSynchronous);
    return guarded(
        "store the report of " + id,
        [&]
        {
            Poco::Int64 finished = 0;
            std::string state;
            std::string node;
            std::string task;
            Poco::Data::Statement select(*_writer);
            select << "SELECT report_final, state, app_server_id, task_id FROM submissions WHERE id = ?",
                bind(id), into(finished), into(state), into(node), into(task);
            if (select.execute() == 0)
                throw Poco::NotFoundException("no submission " + id);
            // A late report of a task that was taken back belongs to no one now.
            if (state != plugin::storageName(SubmissionState::Success) || node != appServerId ||
                task != taskId)
                return false;
            // A final report is the node's last word; a late in-progress one must not replace it.
            if (finished != 0 && !final)
                return true;
            SqliteDatabase::execute(*_writer, "BEGIN IMMEDIATE");
            try
            {
                Poco::Data::Statement insert(*_writer);
                insert << "INSERT OR REPLACE INTO reports (id, report) VALUES (?, ?)", bind(id), bind(report);
                insert.execute();
                if (final)
                {
                    Poco::Data::Statement update(*_writer);
                    update << "UPDATE submissions SET report_final = 1, updated_at = ? WHERE id = ?",
                        bind(epochMilliseconds()), bind(id);
                    update.execute();
                }
                SqliteDatabase::execute(*_writer, "COMMIT");
            }
            catch (...)
            {
                if (SqliteDatabase::inTransaction(*_writer))
                    SqliteDatabase::execute(*_writer, "ROLLBACK");
                throw;
            }
            return true;
        });
}

std::optional<plugin::Submission> SqliteStorage::findByTask(const std::string& appServerId,
                                                            const std::string& taskId) const
{
    requireOpen();
    if (taskId.empty())
        return std::nullopt;
    return guarded(
        "find task " + taskId,
        [&]() -> std::optional<plugin::Submission>
        {
            ReaderPool::Lease lease = _readers->acquire();
            PreparedStatement& select = lease.statement(
                "SELECT " + SubmissionRow::Columns +
                " FROM submissions WHERE task_id = ?1 AND (?2 = '' OR app_server_id = ?2) LIMIT 1");
            select.bind(1, taskId);
            select.bind(2, appServerId);
            if (!select.step())
                return std::nullopt;
            return SubmissionRow::readFrom(select).toSubmission();
        });
}

std::vector<plugin::Submission> SqliteStorage::listUnfinishedHandoffs(std::size_t limit) const
{
    requireOpen();
    return guarded("list unfinished hand-overs",
                   [&]() -> std::vector<plugin::Submission>
                   {
                       std::vector<plugin::Submission> unfinished;
                       if (limit == 0)
                           return unfinished;
                       ReaderPool::Lease lease = _readers->acquire();
                       SubmissionRow row;
                       Poco::Data::Statement select(lease.session());
                       select << "SELECT " + SubmissionRow::Columns +
                                     " FROM submissions WHERE state = 'success' AND report_final = 0 "
                                     "ORDER BY updated_at LIMIT ?",
                           bind(static_cast<Poco::Int64>(limit));
                       row.extractInto(select);
                       select, Poco::Data::Keywords::limit(1);
                       while (!select.done())
                       {
                           if (select.execute() > 0)
                               unfinished.push_back(row.toSubmission());
                       }
                       return unfinished;
                   });
}

void SqliteStorage::returnToQueue(const std::string& id, const std::string& reason)
{
    requireOpen();
    const std::lock_guard<std::mutex> lock(_writeMutex);
    useSynchronous(_settings.dispatchSynchronous);
    guarded("return " + id + " to the queue",
            [&]
            {
                const Current current = currentOf(id, {SubmissionState::Success}, "return to the queue");
                Poco::Int64 finished = 0;
                Poco::Data::Statement select(*_writer);
                select << "SELECT report_final FROM submissions WHERE id = ?", bind(id), into(finished);
                select.execute();
                if (finished != 0)
                    throw Poco::IllegalStateException(
                        "submission " + id + " was finished by its node; it is not dispatched again");
                _queue.insert(current.key);
                try
                {
                    SqliteDatabase::execute(*_writer, "BEGIN IMMEDIATE");
                    Poco::Data::Statement update(*_writer);
                    update << "UPDATE submissions SET state = 'queued', reason = ?, app_server_id = '', "
                              "task_id = '', status_code = 0, result = '', attempts = 0, updated_at = ? "
                              "WHERE id = ? AND state = 'success' AND report_final = 0",
                        bind(reason), bind(epochMilliseconds()), bind(id);
                    update.execute();
                    Poco::Data::Statement remove(*_writer);
                    remove << "DELETE FROM reports WHERE id = ?", bind(id);
                    remove.execute();
                    SqliteDatabase::execute(*_writer, "COMMIT");
                }
                catch (...)
                {
                    if (SqliteDatabase::inTransaction(*_writer))
                        SqliteDatabase::execute(*_writer, "ROLLBACK");
                    _queue.erase(current.key);
                    throw;
                }
            });
}

std::optional<std::string> SqliteStorage::findReport(const std::string& id) const
{
    requireOpen();
    return guarded("read the report of " + id,
                   [&]() -> std::optional<std::string>
                   {
                       ReaderPool::Lease lease = _readers->acquire();
                       PreparedStatement& select = lease.statement("SELECT report FROM reports WHERE id = ?");
                       select.bind(1, id);
                       if (!select.step())
                           return std::nullopt;
                       return select.text(0);
                   });
}

std::vector<std::string> SqliteStorage::removeFinishedBefore(std::int64_t updatedBefore)
{
    requireOpen();
    const std::lock_guard<std::mutex> lock(_writeMutex);
    // Synced in full: the binaries of what it removes are deleted next, so it must not come back.
    useSynchronous(_settings.synchronous);
    return guarded(
        "remove finished submissions",
        [&]
        {
            std::vector<std::string> removed;
            SqliteDatabase::execute(*_writer, "BEGIN IMMEDIATE");
            try
            {
                // The files that may have lost their last submission: those of the submissions
                // removed now, and those recorded without one.
                std::vector<std::string> candidates;
                *_writer << "SELECT DISTINCT sha256 FROM submissions "
                            "WHERE state IN ('success', 'failed') AND updated_at < ?",
                    bind(updatedBefore), into(candidates), now;
                *_writer << "DELETE FROM reports WHERE id IN (SELECT id FROM submissions "
                            "WHERE state IN ('success', 'failed') AND updated_at < ?)",
                    bind(updatedBefore), now;
                *_writer << "DELETE FROM submissions WHERE state IN ('success', 'failed') AND updated_at < ?",
                    bind(updatedBefore), now;
                std::vector<std::string> recordedAlone;
                *_writer << "SELECT sha256 FROM files WHERE unreferenced = 1", into(recordedAlone), now;
                candidates.insert(candidates.end(), recordedAlone.begin(), recordedAlone.end());
                std::sort(candidates.begin(), candidates.end());
                candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

                std::string sha256;
                Poco::Data::Statement remove(*_writer);
                remove
                    << "DELETE FROM files WHERE sha256 = ? "
                       "AND NOT EXISTS (SELECT 1 FROM submissions WHERE submissions.sha256 = files.sha256)",
                    useRef(sha256);
                for (const std::string& candidate : candidates)
                {
                    sha256 = candidate;
                    if (remove.execute() != 0)
                        removed.push_back(candidate);
                }
                // A record made without a submission that has one by now is an ordinary record again.
                SqliteDatabase::execute(
                    *_writer, "UPDATE files SET unreferenced = 0 WHERE unreferenced = 1 AND EXISTS "
                              "(SELECT 1 FROM submissions WHERE submissions.sha256 = files.sha256)");
                SqliteDatabase::execute(*_writer, "COMMIT");
            }
            catch (...)
            {
                if (SqliteDatabase::inTransaction(*_writer))
                    SqliteDatabase::execute(*_writer, "ROLLBACK");
                throw;
            }
            return removed;
        });
}

std::vector<plugin::StorageArea> SqliteStorage::storageAreas() const
{
    const std::string folder = std::filesystem::path(_settings.path).parent_path().string();
    return {{"fsBrokerQueue", folder}, {"fsBrokerResults", folder}};
}

SqliteStorage::Current SqliteStorage::currentOf(const std::string& id,
                                                std::initializer_list<SubmissionState> allowed,
                                                const char* operation)
{
    std::string stateName;
    int priority = 0;
    Poco::Int64 sequence = 0;
    Poco::Data::Statement select(*_writer);
    select << "SELECT state, priority, sequence FROM submissions WHERE id = ?", bind(id), into(stateName),
        into(priority), into(sequence);
    if (select.execute() == 0)
        throw Poco::NotFoundException("no submission " + id);
    const std::optional<SubmissionState> state = plugin::parseStorageName(stateName);
    if (!state)
        throw Poco::Data::DataException("submission " + id + " has the unknown state '" + stateName + "'");
    if (std::find(allowed.begin(), allowed.end(), *state) == allowed.end())
        throw Poco::IllegalStateException("cannot " + std::string(operation) + " submission " + id +
                                          ": it is " + stateName);
    return {*state, {priority, static_cast<std::uint64_t>(sequence)}};
}

std::int64_t SqliteStorage::epochMilliseconds()
{
    return Poco::Timestamp().epochMicroseconds() / 1000;
}

} // namespace switchyard::plugins::sqlite
