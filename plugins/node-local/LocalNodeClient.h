// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "CallbackSender.h"
#include "LocalNodeSettings.h"
#include "MediaTypeDetector.h"
#include "TaskQueue.h"
#include "TaskRunner.h"
#include "TaskTable.h"
#include "switchyard/plugin/NodeClient.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <vector>

namespace Poco
{
class Logger;
}

namespace switchyard::plugins::nodelocal
{

/// The `node.local` node: a processor node inside the daemon, answering the fsTransform API
/// (scan, task, system-info) without a network hop. It is both the broker's in-process node and
/// what the node endpoints (endpoint.node-*) serve on a stand-alone processor node.
///
/// scan() stores the file in the node's blob store (digested in the same pass), makes a task in
/// state IN_PROGRESS and queues it for a pool of worker threads, which run the analyzers over the
/// file and keep the report; task() answers it until `taskTtlSeconds` after the task finished.
/// A full queue answers 503, so a broker tries another node. Every method is thread-safe.
class LocalNodeClient : public plugin::NodeClient
{
public:
    /// Throws Poco::IOException when libmagic or the callback's TLS context cannot be set up.
    LocalNodeClient(LocalNodeSettings settings, std::shared_ptr<plugin::BlobStore> blobs,
                    std::vector<std::shared_ptr<plugin::Analyzer>> analyzers, Poco::Logger& logger);
    ~LocalNodeClient() override;

    LocalNodeClient(const LocalNodeClient&) = delete;
    LocalNodeClient& operator=(const LocalNodeClient&) = delete;

    // switchyard::plugin::Component
    /// Starts the workers, the sweeper of expired tasks and the callback thread.
    void start() override;
    /// Refuses new tasks (503), forgets the tasks still waiting, lets every worker finish the
    /// analyzer it is running (a task cut short is forgotten too: its broker, told the task is
    /// unknown, hands the file out again) and joins every thread.
    void stop() noexcept override;

    // switchyard::plugin::NodeClient
    /// 200 with the task (IN_PROGRESS); 503 UNAVAILABLE when the queue is full, the node is
    /// stopping or the blob store refuses the file; 400 INVALID_PARAMETER when the content does not
    /// match the request's sha256 or fileSize; 500 INTERNAL_ERROR when the content cannot be read.
    /// Throws Poco::InvalidArgumentException when request.content is null.
    plugin::NodeAnswer scan(const plugin::NodeRequest& request) override;
    /// 200 `{"processTime", "result": <report>}`; 404 NOT_FOUND for an unknown or expired task.
    plugin::NodeAnswer task(const std::string& taskId, bool all) override;
    /// 200 with the fsTransform /system-info document (NodeSystemInfo).
    plugin::NodeAnswer systemInfo() override;

    /// Forgets the tasks that expired (the sweeper does so every sweepInterval()), and deletes
    /// their files when `removeExpiredFiles` is set and no other task refers to them.
    void sweep();

    /// taskTtlSeconds, but at least 1 s and at most 60 s.
    std::chrono::milliseconds sweepInterval() const;

private:
    /// Milliseconds on the monotonic clock.
    static std::int64_t now();
    static std::int64_t millisecondsSince(std::chrono::steady_clock::time_point start);
    static plugin::NodeAnswer answer(int status, std::string body);
    static plugin::NodeAnswer refusal(int status, const std::string& code, const std::string& message,
                                      std::chrono::steady_clock::time_point started);

    void work();
    void sweepUntilStopped();
    /// Deletes a stored file no task refers to (one whose upload was refused), when this node
    /// owns its files (`removeExpiredFiles`).
    /// Reads `content` to its end into `facts` (size and the four digests) without storing it;
    /// returns its first DigestingBlobWriter::HeadBytes. Throws Poco::ReadFileException.
    static std::string digestWithoutStoring(std::istream& content, plugin::FileFacts& facts);
    void removeUnreferencedFile(const std::string& sha256);
    /// Records the end of a task: its reports in the table, the counters, the log, the callback.
    void complete(const NodeTask& task, const TaskRunner::Outcome& outcome, std::int64_t processTime);
    /// Fails a task whose report could not be built, with a minimal report.
    void recordBroken(const NodeTask& task, const std::string& reason);

    const LocalNodeSettings _settings;
    const std::shared_ptr<plugin::BlobStore> _blobs;
    const TaskRunner _runner;
    Poco::Logger& _logger;
    support::MediaTypeDetector _mediaTypes;
    TaskTable _table;
    TaskQueue _queue;
    std::unique_ptr<CallbackSender> _callbacks;

    /// Held shared from a file's commit until its task is in the table, and exclusively while
    /// expired files are deleted, so a file that a new task is about to use is never deleted.
    std::shared_mutex _files;

    std::atomic<bool> _stopping{false};
    std::atomic<bool> _started{false};
    std::atomic<std::uint64_t> _sequence{0};
    std::atomic<std::uint64_t> _accepted{0};
    std::atomic<std::uint64_t> _succeeded{0};
    std::atomic<std::uint64_t> _failed{0};
    std::atomic<std::uint64_t> _refused{0};

    std::vector<std::thread> _workers;
    std::thread _sweeper;
    std::mutex _sweepMutex;
    std::condition_variable _sweepWake;
};

} // namespace switchyard::plugins::nodelocal
