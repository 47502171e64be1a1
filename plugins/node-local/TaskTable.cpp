// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "TaskTable.h"

#include <Poco/Exception.h>

namespace switchyard::plugins::nodelocal
{

TaskTable::TaskTable(std::int64_t ttlMilliseconds) : _ttlMilliseconds(ttlMilliseconds) {}

void TaskTable::add(std::shared_ptr<const NodeTask> task)
{
    std::lock_guard<std::mutex> lock(_mutex);
    const std::string id = task->id;
    const std::string sha256 = task->facts.sha256;
    Entry entry;
    entry.task = std::move(task);
    if (!_tasks.emplace(id, std::move(entry)).second)
        throw Poco::ExistsException("task " + id + " exists already");
    ++_fileReferences[sha256];
    ++_inProgress;
}

bool TaskTable::finish(const std::string& id, TaskState state, std::string fullReport,
                       std::string highLevelReport, std::int64_t now)
{
    std::lock_guard<std::mutex> lock(_mutex);
    auto found = _tasks.find(id);
    if (found == _tasks.end() || found->second.state != TaskState::InProgress)
        return false;
    Entry& entry = found->second;
    entry.state = state;
    entry.fullReport = std::move(fullReport);
    entry.highLevelReport = std::move(highLevelReport);
    entry.expiresAt = now + _ttlMilliseconds;
    _expiries.emplace(entry.expiresAt, id);
    --_inProgress;
    ++_completed;
    return true;
}

bool TaskTable::drop(const std::string& id)
{
    std::lock_guard<std::mutex> lock(_mutex);
    auto found = _tasks.find(id);
    if (found == _tasks.end() || found->second.state != TaskState::InProgress)
        return false;
    auto references = _fileReferences.find(found->second.task->facts.sha256);
    if (references != _fileReferences.end() && --references->second == 0)
        _fileReferences.erase(references);
    _tasks.erase(found);
    --_inProgress;
    return true;
}

std::optional<TaskTable::Found> TaskTable::find(const std::string& id, bool all, std::int64_t now) const
{
    std::lock_guard<std::mutex> lock(_mutex);
    auto found = _tasks.find(id);
    if (found == _tasks.end())
        return std::nullopt;
    const Entry& entry = found->second;
    if (entry.state != TaskState::InProgress && now >= entry.expiresAt)
        return std::nullopt;
    return Found{entry.task, entry.state, all ? entry.fullReport : entry.highLevelReport};
}

std::vector<std::string> TaskTable::expire(std::int64_t now)
{
    std::vector<std::string> unreferenced;
    std::lock_guard<std::mutex> lock(_mutex);
    auto due = _expiries.begin();
    for (; due != _expiries.end() && due->first <= now; ++due)
    {
        auto found = _tasks.find(due->second);
        const std::string sha256 = found->second.task->facts.sha256;
        _tasks.erase(found);
        ++_expired;
        auto references = _fileReferences.find(sha256);
        if (--references->second == 0)
        {
            _fileReferences.erase(references);
            unreferenced.push_back(sha256);
        }
    }
    _expiries.erase(_expiries.begin(), due);
    return unreferenced;
}

bool TaskTable::refersTo(const std::string& sha256) const
{
    std::lock_guard<std::mutex> lock(_mutex);
    return _fileReferences.count(sha256) != 0;
}

std::uint64_t TaskTable::inProgressCount() const
{
    std::lock_guard<std::mutex> lock(_mutex);
    return _inProgress;
}

std::uint64_t TaskTable::finishedCount() const
{
    std::lock_guard<std::mutex> lock(_mutex);
    return _expiries.size();
}

std::uint64_t TaskTable::completedCount() const
{
    std::lock_guard<std::mutex> lock(_mutex);
    return _completed;
}

std::uint64_t TaskTable::expiredCount() const
{
    std::lock_guard<std::mutex> lock(_mutex);
    return _expired;
}

} // namespace switchyard::plugins::nodelocal
