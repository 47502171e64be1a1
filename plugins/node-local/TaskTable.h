// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "NodeTask.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace switchyard::plugins::nodelocal
{

/// The node's tasks by ID: in progress, then finished with their reports until they expire,
/// `ttlMilliseconds` after they finished. Also counts, per file (SHA-256), the tasks that refer
/// to it, so a file can be deleted when its last task expires. Times are milliseconds on a
/// monotonic clock, given by the caller. Thread-safe.
class TaskTable
{
public:
    /// A task as found: what it was given, its state and, when finished, its report (JSON text).
    struct Found
    {
        std::shared_ptr<const NodeTask> task;
        TaskState state = TaskState::InProgress;
        /// The full or the high-level report, as asked; empty while in progress.
        std::string report;
    };

    explicit TaskTable(std::int64_t ttlMilliseconds);

    /// Adds a task in progress. Throws Poco::ExistsException for a known ID.
    void add(std::shared_ptr<const NodeTask> task);

    /// Records that a task in progress finished, with its reports (JSON text); it expires
    /// `ttlMilliseconds` after `now`. Returns false, and changes nothing, for an unknown ID or a
    /// task that finished already.
    bool finish(const std::string& id, TaskState state, std::string fullReport, std::string highLevelReport,
                std::int64_t now);

    /// Forgets a task still in progress (it will never run: the node stops), so that its broker
    /// is told the task is unknown and dispatches the file again. Returns false, changing
    /// nothing, for an unknown ID or a finished task.
    bool drop(const std::string& id);

    /// The task `id`, unless it is unknown or expired at `now`.
    std::optional<Found> find(const std::string& id, bool all, std::int64_t now) const;

    /// Forgets the tasks expired at `now`. Returns the SHA-256 of the files that no remaining task
    /// refers to any more.
    std::vector<std::string> expire(std::int64_t now);

    /// True when a remaining task refers to the file `sha256`.
    bool refersTo(const std::string& sha256) const;

    /// Tasks in progress; finished tasks not yet expired; tasks finished since the table was
    /// made; tasks expired since then.
    std::uint64_t inProgressCount() const;
    std::uint64_t finishedCount() const;
    std::uint64_t completedCount() const;
    std::uint64_t expiredCount() const;

private:
    struct Entry
    {
        std::shared_ptr<const NodeTask> task;
        TaskState state = TaskState::InProgress;
        std::string fullReport;
        std::string highLevelReport;
        std::int64_t expiresAt = 0;
    };

    const std::int64_t _ttlMilliseconds;
    mutable std::mutex _mutex;
    std::unordered_map<std::string, Entry> _tasks;
    /// Finished tasks by the time they expire.
    std::multimap<std::int64_t, std::string> _expiries;
    std::unordered_map<std::string, std::uint64_t> _fileReferences;
    std::uint64_t _inProgress = 0;
    std::uint64_t _completed = 0;
    std::uint64_t _expired = 0;
};

} // namespace switchyard::plugins::nodelocal
