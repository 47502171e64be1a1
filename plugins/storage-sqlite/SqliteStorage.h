// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "ConnectorRegistration.h"
#include "DatabaseLock.h"
#include "GroupCommitter.h"
#include "QueueCache.h"
#include "ReaderPool.h"
#include "SqliteStorageSettings.h"
#include "StatementCache.h"
#include "switchyard/plugin/Storage.h"

#include <Poco/Data/Session.h>

#include <atomic>
#include <initializer_list>
#include <memory>
#include <mutex>

namespace Poco
{
class Logger;
}

namespace switchyard::plugins::sqlite
{

/// The `storage.sqlite` storage: submissions, queue, reports and file facts in one SQLite
/// database (WAL journal), durable when a call returns.
///
/// Connections: one writer, guarded by a mutex, for every change; a few readers (ReaderPool) for
/// lookups, which WAL lets run during a commit. addSubmissions() goes through a GroupCommitter, so
/// concurrent callers share one transaction and one fsync; the other changes are one short
/// transaction each.
///
/// The queue order lives in memory too (QueueCache: the (priority, sequence) keys of the Queued
/// submissions), rebuilt from the database at start, so positionInQueue() is one primary-key
/// lookup plus an O(log n) rank and queueCount() is O(1). That cache is right only while this
/// instance is the database's only writer: one broker process owns one database, and a
/// DatabaseLock refuses a second instance or process on the same file.
///
/// Opened by start() (the connector registration, the file, the lock, migrations, the cache, the
/// committer thread) and closed by stop(); the methods throw Poco::IllegalStateException outside.
class SqliteStorage : public plugin::Storage
{
public:
    /// `logger` must outlive the instance (the PluginContext's does). A relative `settings.path`
    /// is taken from the current folder (the factory resolves it in the data directory first).
    SqliteStorage(SqliteStorageSettings settings, Poco::Logger& logger);
    /// Stops first when still open; a destroyed instance leaves every returned change on disk.
    ~SqliteStorage() override;

    // switchyard::plugin::Component
    /// Opens the database: creates its folder (0700) and file (0600) when missing, takes the lock,
    /// switches to WAL, migrates the schema, rebuilds the queue cache and starts the committer.
    /// Throws a Poco exception naming the file when the database cannot be used (e.g.
    /// Poco::Data::SQLite::CorruptImageException for a file that is not a database).
    void start() override;
    /// Lets the committer write what is waiting, joins it and closes the database.
    void stop() noexcept override;

    // switchyard::plugin::Storage
    std::vector<std::uint64_t> addSubmissions(const std::vector<plugin::Submission>& submissions,
                                              const std::vector<plugin::FileFacts>& files) override;
    std::optional<plugin::FileFacts> findFile(const std::string& sha256) const override;
    std::optional<plugin::Submission> findSubmission(const std::string& id) const override;
    std::int64_t positionInQueue(const std::string& id) const override;
    std::int64_t positionOf(const plugin::Submission& submission) const override;
    std::uint64_t queueCount() const override;
    std::optional<plugin::Submission> claimNext(const std::set<std::string>& skip) override;
    void recordHandoff(const std::string& id, const plugin::NodeHandoff& handoff) override;
    void requeue(const std::string& id, const std::string& reason) override;
    void release(const std::string& id, const std::string& reason) override;
    void markFailed(const std::string& id, const std::string& reason) override;
    std::uint64_t requeueDispatching() override;
    bool storeReport(const std::string& id, const std::string& appServerId, const std::string& taskId,
                     const std::string& report, bool final) override;
    std::optional<plugin::Submission> findByTask(const std::string& appServerId,
                                                 const std::string& taskId) const override;
    std::vector<plugin::Submission> listUnfinishedHandoffs(std::size_t limit) const override;
    void returnToQueue(const std::string& id, const std::string& reason) override;
    std::optional<std::string> findReport(const std::string& id) const override;
    std::vector<std::string> removeFinishedBefore(std::int64_t updatedBefore) override;
    std::vector<plugin::StorageArea> storageAreas() const override;

    const SqliteStorageSettings& settings() const { return _settings; }

    /// What group commit achieved since start (batches, requests, submissions).
    GroupCommitter::Statistics commitStatistics() const;

private:
    /// A submission's state and queue key, as the writer sees it.
    struct Current
    {
        plugin::SubmissionState state;
        QueueCache::Key key;
    };

    void open();
    void close() noexcept;
    void requireOpen() const;
    void loadNextSequence();
    void rebuildQueue();

    /// GroupCommitter's writer.
    /// Sets the writer's `synchronous` for the write about to run (the caller holds _writeMutex).
    void useSynchronous(SqliteStorageSettings::Synchronous level);
    void writeBatch(const std::vector<AddRequest*>& batch);

    /// The state of `id`, which must be one of `allowed`: throws Poco::NotFoundException or
    /// Poco::IllegalStateException otherwise. Call with the writer lock held.
    Current currentOf(const std::string& id, std::initializer_list<plugin::SubmissionState> allowed,
                      const char* operation);

    /// Runs `work`; a database error becomes one that names the file and `action`.
    template <class Work> auto guarded(const std::string& action, Work&& work) const -> decltype(work());

    static std::int64_t epochMilliseconds();

    const SqliteStorageSettings _settings;
    Poco::Logger& _logger;

    std::unique_ptr<ConnectorRegistration> _connector;
    std::unique_ptr<DatabaseLock> _lock;
    /// Guards _writer and _nextSequence, and orders every change of the database and the cache.
    mutable std::mutex _writeMutex;
    std::unique_ptr<Poco::Data::Session> _writer;
    /// The writer's compiled statements; destroyed before the writer closes.
    std::unique_ptr<StatementCache> _writerStatements;
    std::uint64_t _nextSequence = 1;
    std::unique_ptr<ReaderPool> _readers;
    QueueCache _queue;
    std::unique_ptr<GroupCommitter> _committer;
    std::atomic<bool> _open{false};
};

} // namespace switchyard::plugins::sqlite
