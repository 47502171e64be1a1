// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "LocalNodeSettings.h"

#include <Poco/Net/Context.h>
#include <Poco/URI.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace Poco
{
class Logger;
}

namespace switchyard::plugins::nodelocal
{

/// Pushes finished reports to a broker: `POST <callbackUrl>` with the JSON body
/// `{"taskID", "result": <full report>}` and the header `X-Api-Key: <callbackSecret>`, from one
/// thread of its own, so a slow broker never holds up the analysis. At most `capacity` callbacks
/// wait; more are dropped. A failed send (no answer, or any status but 2xx, 400, 401 and 403) is
/// tried again after `retryMilliseconds`, doubled each time (at most ten minutes), up to
/// `attempts` sends; others wait
/// their turn meanwhile. A callback that still fails is logged (never the secret): the broker
/// polls /task, so no result is lost.
class CallbackSender
{
public:
    /// Throws Poco::Exception when the TLS context cannot be made (a bad CA file).
    CallbackSender(CallbackSettings settings, std::size_t capacity, Poco::Logger& logger);
    ~CallbackSender();

    CallbackSender(const CallbackSender&) = delete;
    CallbackSender& operator=(const CallbackSender&) = delete;

    void start();

    /// Stops the thread after the callback in flight; callbacks still waiting are dropped (and
    /// counted as failed). Idempotent.
    void stop() noexcept;

    /// Queues the callback of a finished task. Returns false (logged) when the queue is full or
    /// stopped.
    bool post(const std::string& taskId, const std::string& reportText);

    /// Sends one callback body now, from the calling thread. Returns "" on a 2xx answer, else
    /// what went wrong ("connection refused", "HTTP 401 Unauthorized").
    std::string send(const std::string& body) const;

    /// Callbacks answered 2xx, and callbacks that failed or were dropped.
    std::uint64_t sentCount() const { return _sent; }
    std::uint64_t failedCount() const { return _failed; }

private:
    struct Pending
    {
        std::string taskId;
        std::string body;
        /// Sends so far.
        int attempts = 0;
        /// Not to be sent before this.
        std::chrono::steady_clock::time_point due;
    };

    /// True when a send that failed with `failure` may succeed later.
    static bool isWorthRetrying(const std::string& failure);

    void run();

    CallbackSettings _settings;
    Poco::URI _uri;
    Poco::Net::Context::Ptr _tls;
    const std::size_t _capacity;
    Poco::Logger& _logger;

    std::mutex _mutex;
    std::condition_variable _wake;
    std::deque<Pending> _pending;
    bool _stopping = false;
    std::thread _thread;
    std::atomic<std::uint64_t> _sent{0};
    std::atomic<std::uint64_t> _failed{0};
};

} // namespace switchyard::plugins::nodelocal
