// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "AddRequest.h"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace switchyard::plugins::sqlite
{

/// Group commit: one committer thread writes the requests of all callers waiting at that moment
/// in one transaction, so that one fsync serves many callers.
///
/// A caller hands its request to submit(), which blocks until the committer has written the batch
/// that holds it and returns. The committer takes the waiting requests in arrival order, up to
/// `maxBatch` submissions (at least one request, however large), and calls the writer with them;
/// the writer must give each request its own outcome (sequences or error). While the writer works
/// (and fsyncs), new callers queue up for the next batch: under load, batches grow by themselves,
/// with no timer and no added latency when idle.
class GroupCommitter
{
public:
    /// Writes one batch in one transaction and sets every request's outcome. Throws only when
    /// nothing of the batch was committed: every request without an error of its own then fails
    /// with that exception.
    using Writer = std::function<void(const std::vector<AddRequest*>& batch)>;

    struct Statistics
    {
        /// Batches written (one transaction each).
        std::uint64_t batches = 0;
        /// Requests and submissions in them.
        std::uint64_t requests = 0;
        std::uint64_t submissions = 0;
        /// The largest batch, in requests.
        std::uint64_t largestBatch = 0;
    };

    GroupCommitter(Writer writer, std::size_t maxBatch);
    /// Stops (see stop()).
    ~GroupCommitter();
    GroupCommitter(const GroupCommitter&) = delete;
    GroupCommitter& operator=(const GroupCommitter&) = delete;

    /// Starts the committer thread.
    void start();

    /// Writes what is still waiting, then joins the thread. Requests submitted afterwards fail
    /// with Poco::IllegalStateException. Idempotent.
    void stop() noexcept;

    /// Queues `request` and blocks until its batch is written; the outcome is in the request.
    /// Thread-safe.
    void submit(AddRequest& request);

    Statistics statistics() const;

    /// How many requests wait for the next batch now.
    std::size_t waiting() const;

private:
    void run();
    /// The next batch from _waiting. Call with the mutex held.
    std::vector<AddRequest*> takeBatch();
    /// Calls the writer; if it throws, fails every request of the batch that has no error yet.
    void write(const std::vector<AddRequest*>& batch) noexcept;

    const Writer _writer;
    const std::size_t _maxBatch;

    mutable std::mutex _mutex;
    std::condition_variable _work;
    std::condition_variable _written;
    std::deque<AddRequest*> _waiting;
    bool _running = false;
    bool _stopping = false;
    Statistics _statistics;
    std::thread _thread;
};

} // namespace switchyard::plugins::sqlite
