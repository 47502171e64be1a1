// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "NodeTask.h"

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <queue>
#include <vector>

namespace switchyard::plugins::nodelocal
{

/// Tasks waiting for a worker, highest priority first, then in arrival order (NodeTask::sequence);
/// at most `capacity` waiting or about to be added. Thread-safe.
///
/// A producer reserves a place before it does the expensive part (storing the file), so a full
/// queue refuses at once; then it pushes the task or cancels the reservation.
class TaskQueue
{
public:
    explicit TaskQueue(std::size_t capacity);

    /// Takes a place for a task about to be pushed. False when the queue is full or closed.
    bool reserve();

    /// Gives back a reserved place that will not be used.
    void cancelReservation();

    /// Adds a task in a reserved place. Returns false, and adds nothing, when the queue was closed
    /// since the reservation. Throws Poco::IllegalStateException without a reservation.
    bool push(std::shared_ptr<const NodeTask> task);

    /// Waits for the next task and counts the caller active until it calls done(). Returns null
    /// once the queue is closed, even if tasks are still waiting.
    std::shared_ptr<const NodeTask> pop();

    /// The caller finished the task pop() gave it.
    void done();

    /// Refuses new reservations, wakes every pop() and returns the tasks still waiting.
    std::vector<std::shared_ptr<const NodeTask>> close();

    bool isClosed() const;
    /// Tasks waiting (reservations not counted).
    std::size_t waitingCount() const;
    /// Tasks popped and not yet done.
    std::size_t activeCount() const;

private:
    struct Later
    {
        bool operator()(const std::shared_ptr<const NodeTask>& a,
                        const std::shared_ptr<const NodeTask>& b) const
        {
            if (a->priority != b->priority)
                return a->priority < b->priority;
            return a->sequence > b->sequence;
        }
    };

    const std::size_t _capacity;
    mutable std::mutex _mutex;
    std::condition_variable _ready;
    std::priority_queue<std::shared_ptr<const NodeTask>, std::vector<std::shared_ptr<const NodeTask>>, Later>
        _waiting;
    std::size_t _reserved = 0;
    std::size_t _active = 0;
    bool _closed = false;
};

} // namespace switchyard::plugins::nodelocal
