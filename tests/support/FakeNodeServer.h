// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/Net/HTTPServer.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace switchyard::testsupport
{

/// An fsTransform-speaking node inside the test process, on 127.0.0.1 (HTTP), whose behaviour
/// the test sets: answer normally, answer 500, hang, or be slow. /scan takes a multipart file
/// and answers a task; /task answers the task's report (SUCCESS once `taskSeconds` passed);
/// /system-info answers 200. Stopping it closes its port; starting it again reopens the same.
class FakeNodeServer
{
public:
    enum class Behaviour
    {
        Normal,
        Fail500,
        /// /scan answers 503 (its queue is full); /system-info still answers.
        Busy503,
        Hang,
        /// Every connection is dropped without an answer, as if the process were gone.
        Dead,
    };

    FakeNodeServer();
    ~FakeNodeServer();

    void start();
    /// Closes the port and forgets every task.
    void stop();

    /// Behaves as a killed node (connections dropped, tasks forgotten) while keeping its port,
    /// so revive() can bring it back on the same address at once.
    void kill();
    void revive() { _behaviour = Behaviour::Normal; }

    std::uint16_t port() const { return _port; }
    void setBehaviour(Behaviour behaviour) { _behaviour = behaviour; }
    Behaviour behaviour() const { return _behaviour; }
    /// Milliseconds each /scan takes before answering.
    void setScanDelay(int milliseconds) { _scanDelay = milliseconds; }
    /// Milliseconds a task stays IN_PROGRESS.
    void setTaskDuration(int milliseconds) { _taskDuration = milliseconds; }

    /// Files this node accepted (answered 200 to), by submitName.
    std::vector<std::string> acceptedNames() const;
    std::size_t acceptedCount() const;
    /// /scan requests that arrived, whatever the answer.
    std::size_t scanRequests() const { return _scanRequests; }

private:
    class Handler;
    class Factory;
    friend class Handler;

    struct Task
    {
        std::string submitName;
        std::string sha256;
        std::int64_t finishesAt = 0;
    };

    void handlerStarted();
    void handlerFinished();
    /// Waits `milliseconds`, or less when the server stops; false when it stops.
    bool pause(int milliseconds);

    // Handlers run on POCO's pooled threads, which stopping the server does not wait for:
    // stop() wakes the paused ones and waits until none is left.
    std::mutex _lifeMutex;
    std::condition_variable _lifeChanged;
    int _activeHandlers = 0;
    bool _stopping = false;

    std::unique_ptr<Poco::Net::HTTPServer> _server;
    std::uint16_t _port = 0;
    std::atomic<Behaviour> _behaviour{Behaviour::Normal};
    std::atomic<int> _scanDelay{0};
    std::atomic<int> _taskDuration{200};
    std::atomic<std::size_t> _scanRequests{0};
    mutable std::mutex _mutex;
    std::map<std::string, Task> _tasks;
    std::vector<std::string> _accepted;
};

} // namespace switchyard::testsupport
