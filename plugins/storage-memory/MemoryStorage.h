// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Storage.h"

#include <ext/pb_ds/assoc_container.hpp>
#include <ext/pb_ds/tree_policy.hpp>
#include <functional>
#include <mutex>
#include <unordered_map>

namespace switchyard::plugins::memory
{

/// The `storage.memory` storage: everything in process memory, lost at exit. For tests,
/// demonstrations and single-process set-ups that accept losing the queue on a restart.
///
/// One mutex guards all state, which makes every method atomic. The queue is an order-statistics
/// tree in dispatch order, so positionInQueue() is O(log n) and queueCount() O(1).
class MemoryStorage : public plugin::Storage
{
public:
    MemoryStorage();

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
    std::optional<std::string> findReport(const std::string& id) const override;
    std::optional<plugin::Submission> findByTask(const std::string& appServerId,
                                                 const std::string& taskId) const override;
    std::vector<plugin::Submission> listUnfinishedHandoffs(std::size_t limit) const override;
    void returnToQueue(const std::string& id, const std::string& reason) override;
    std::vector<std::string> removeFinishedBefore(std::int64_t updatedBefore) override;
    std::vector<plugin::StorageArea> storageAreas() const override;

private:
    /// A submission's place in the queue.
    struct QueueKey
    {
        int priority = 0;
        std::uint64_t sequence = 0;

        /// Dispatch order: higher priority first, then lower sequence (FIFO).
        bool operator<(const QueueKey& other) const
        {
            return priority != other.priority ? priority > other.priority : sequence < other.sequence;
        }
    };

    /// Queue key -> submission id, with subtree sizes for order_of_key().
    using Queue = __gnu_pbds::tree<QueueKey, std::string, std::less<QueueKey>, __gnu_pbds::rb_tree_tag,
                                   __gnu_pbds::tree_order_statistics_node_update>;

    static QueueKey queueKeyOf(const plugin::Submission& submission);
    static std::int64_t now();

    /// The submission `id`, whose state must be one of `allowed`. Throws NotFoundException or
    /// IllegalStateException otherwise. Call with the mutex held.
    plugin::Submission& submissionIn(const std::string& id,
                                     std::initializer_list<plugin::SubmissionState> allowed,
                                     const char* operation);

    mutable std::mutex _mutex;
    std::unordered_map<std::string, plugin::Submission> _submissions;
    std::unordered_map<std::string, std::string> _reports;
    std::unordered_map<std::string, plugin::FileFacts> _files;
    Queue _queue;
    std::uint64_t _nextSequence = 1;
};

} // namespace switchyard::plugins::memory
