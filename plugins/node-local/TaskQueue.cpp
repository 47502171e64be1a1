// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "TaskQueue.h"

#include <Poco/Exception.h>

namespace switchyard::plugins::nodelocal
{

TaskQueue::TaskQueue(std::size_t capacity) : _capacity(capacity) {}

bool TaskQueue::reserve()
{
    std::lock_guard<std::mutex> lock(_mutex);
    if (_closed || _waiting.size() + _reserved >= _capacity)
        return false;
    ++_reserved;
    return true;
}

void TaskQueue::cancelReservation()
{
    std::lock_guard<std::mutex> lock(_mutex);
    if (_reserved > 0)
        --_reserved;
}

bool TaskQueue::push(std::shared_ptr<const NodeTask> task)
{
    {
        std::lock_guard<std::mutex> lock(_mutex);
        if (_reserved == 0)
            throw Poco::IllegalStateException("TaskQueue::push without a reservation");
        --_reserved;
        if (_closed)
            return false;
        _waiting.push(std::move(task));
    }
    _ready.notify_one();
    return true;
}

std::shared_ptr<const NodeTask> TaskQueue::pop()
{
    std::unique_lock<std::mutex> lock(_mutex);
    _ready.wait(lock, [this] { return _closed || !_waiting.empty(); });
    if (_closed)
        return nullptr;
    std::shared_ptr<const NodeTask> task = _waiting.top();
    _waiting.pop();
    ++_active;
    return task;
}

void TaskQueue::done()
{
    std::lock_guard<std::mutex> lock(_mutex);
    if (_active > 0)
        --_active;
}

std::vector<std::shared_ptr<const NodeTask>> TaskQueue::close()
{
    std::vector<std::shared_ptr<const NodeTask>> left;
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _closed = true;
        while (!_waiting.empty())
        {
            left.push_back(_waiting.top());
            _waiting.pop();
        }
    }
    _ready.notify_all();
    return left;
}

bool TaskQueue::isClosed() const
{
    std::lock_guard<std::mutex> lock(_mutex);
    return _closed;
}

std::size_t TaskQueue::waitingCount() const
{
    std::lock_guard<std::mutex> lock(_mutex);
    return _waiting.size();
}

std::size_t TaskQueue::activeCount() const
{
    std::lock_guard<std::mutex> lock(_mutex);
    return _active;
}

} // namespace switchyard::plugins::nodelocal
