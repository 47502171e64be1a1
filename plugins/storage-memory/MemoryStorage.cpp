// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MemoryStorage.h"

#include <Poco/Exception.h>
#include <Poco/Timestamp.h>

#include <algorithm>
#include <unordered_set>

namespace switchyard::plugins::memory
{

MemoryStorage::MemoryStorage() = default;

std::vector<std::uint64_t> MemoryStorage::addSubmissions(const std::vector<plugin::Submission>& submissions,
                                                         const std::vector<plugin::FileFacts>& files)
{
    const std::lock_guard<std::mutex> lock(_mutex);
    // Validate the whole batch before changing anything: all or none.
    for (const plugin::FileFacts& file : files)
    {
        if (file.sha256.empty())
            throw Poco::InvalidArgumentException("a file record needs a sha256");
    }
    std::unordered_set<std::string> batch;
    for (const plugin::Submission& submission : submissions)
    {
        if (submission.id.empty())
            throw Poco::InvalidArgumentException("a submission needs an id");
        if (_submissions.count(submission.id) != 0)
            throw Poco::ExistsException("submission " + submission.id + " already exists");
        if (!batch.insert(submission.id).second)
            throw Poco::ExistsException("submission " + submission.id + " is given twice");
    }

    std::vector<std::uint64_t> sequences;
    sequences.reserve(submissions.size());
    const std::uint64_t firstSequence = _nextSequence;
    const std::int64_t timestamp = now();
    try
    {
        for (const plugin::Submission& submission : submissions)
        {
            plugin::Submission stored = submission;
            stored.state = plugin::SubmissionState::Queued;
            stored.attempts = 0;
            stored.reason.clear();
            stored.appServerId.clear();
            stored.taskId.clear();
            stored.statusCode = 0;
            stored.result.clear();
            stored.sequence = firstSequence + sequences.size();
            stored.createdAt = timestamp;
            stored.updatedAt = timestamp;
            const QueueKey key = queueKeyOf(stored);
            _submissions.emplace(submission.id, std::move(stored));
            sequences.push_back(key.sequence);
            _queue.insert({key, submission.id});
        }
    }
    catch (...)
    {
        // Only an allocation can fail here; undo the part of the batch already added.
        for (const plugin::Submission& submission : submissions)
        {
            const auto added = _submissions.find(submission.id);
            if (added != _submissions.end())
            {
                _queue.erase(queueKeyOf(added->second));
                _submissions.erase(added);
            }
        }
        throw;
    }
    _nextSequence = firstSequence + sequences.size();
    // emplace keeps the first record of a file already known.
    for (const plugin::FileFacts& file : files)
        _files.emplace(file.sha256, file);
    return sequences;
}

std::optional<plugin::FileFacts> MemoryStorage::findFile(const std::string& sha256) const
{
    const std::lock_guard<std::mutex> lock(_mutex);
    const auto found = _files.find(sha256);
    if (found == _files.end())
        return std::nullopt;
    return found->second;
}

std::vector<std::string> MemoryStorage::removeFinishedBefore(std::int64_t updatedBefore)
{
    const std::lock_guard<std::mutex> lock(_mutex);
    std::unordered_set<std::string> stillReferenced;
    for (auto it = _submissions.begin(); it != _submissions.end();)
    {
        const plugin::Submission& submission = it->second;
        const bool finished = submission.state == plugin::SubmissionState::Success ||
                              submission.state == plugin::SubmissionState::Failed;
        if (finished && submission.updatedAt < updatedBefore)
        {
            _reports.erase(it->first);
            it = _submissions.erase(it);
            continue;
        }
        stillReferenced.insert(submission.sha256);
        ++it;
    }
    std::vector<std::string> removed;
    for (auto it = _files.begin(); it != _files.end();)
    {
        if (stillReferenced.count(it->first) == 0)
        {
            removed.push_back(it->first);
            it = _files.erase(it);
        }
        else
            ++it;
    }
    return removed;
}

std::optional<plugin::Submission> MemoryStorage::findSubmission(const std::string& id) const
{
    const std::lock_guard<std::mutex> lock(_mutex);
    const auto found = _submissions.find(id);
    if (found == _submissions.end())
        return std::nullopt;
    return found->second;
}

std::int64_t MemoryStorage::positionInQueue(const std::string& id) const
{
    const std::lock_guard<std::mutex> lock(_mutex);
    const auto found = _submissions.find(id);
    if (found == _submissions.end() || found->second.state != plugin::SubmissionState::Queued)
        return -1;
    return static_cast<std::int64_t>(_queue.order_of_key(queueKeyOf(found->second)));
}

std::int64_t MemoryStorage::positionOf(const plugin::Submission& submission) const
{
    if (submission.state != plugin::SubmissionState::Queued)
        return -1;
    const std::lock_guard<std::mutex> lock(_mutex);
    const QueueKey key = queueKeyOf(submission);
    if (_queue.find(key) == _queue.end())
        return -1;
    return static_cast<std::int64_t>(_queue.order_of_key(key));
}

std::uint64_t MemoryStorage::queueCount() const
{
    const std::lock_guard<std::mutex> lock(_mutex);
    return _queue.size();
}

std::optional<plugin::Submission> MemoryStorage::claimNext(const std::set<std::string>& skip)
{
    const std::lock_guard<std::mutex> lock(_mutex);
    auto next = _queue.begin();
    while (next != _queue.end() && skip.count(next->second) != 0)
        ++next;
    if (next == _queue.end())
        return std::nullopt;
    plugin::Submission& stored = _submissions.at(next->second);
    // Copies first, which may throw; then only non-throwing changes.
    plugin::Submission claimed = stored;
    claimed.state = plugin::SubmissionState::Dispatching;
    ++claimed.attempts;
    claimed.updatedAt = now();
    std::optional<plugin::Submission> result = claimed;
    _queue.erase(next);
    stored = std::move(claimed);
    return result;
}

void MemoryStorage::recordHandoff(const std::string& id, const plugin::NodeHandoff& handoff)
{
    const std::lock_guard<std::mutex> lock(_mutex);
    plugin::Submission& stored =
        submissionIn(id, {plugin::SubmissionState::Dispatching}, "record a hand-off");
    plugin::Submission updated = stored;
    updated.state = plugin::SubmissionState::Success;
    updated.appServerId = handoff.appServerId;
    updated.taskId = handoff.taskId;
    updated.statusCode = handoff.statusCode;
    updated.result = handoff.result;
    // `reason` describes the last failed attempt, and the last attempt has just succeeded.
    updated.reason.clear();
    updated.updatedAt = now();
    stored = std::move(updated);
}

void MemoryStorage::requeue(const std::string& id, const std::string& reason)
{
    const std::lock_guard<std::mutex> lock(_mutex);
    plugin::Submission& stored = submissionIn(id, {plugin::SubmissionState::Dispatching}, "requeue");
    std::string newReason = reason;
    // Priority and sequence are unchanged, so the key is its original place in the queue.
    _queue.insert({queueKeyOf(stored), stored.id});
    stored.state = plugin::SubmissionState::Queued;
    stored.reason = std::move(newReason);
    stored.updatedAt = now();
}

void MemoryStorage::release(const std::string& id, const std::string& reason)
{
    const std::lock_guard<std::mutex> lock(_mutex);
    plugin::Submission& stored = submissionIn(id, {plugin::SubmissionState::Dispatching}, "release");
    std::string newReason = reason;
    _queue.insert({queueKeyOf(stored), stored.id});
    stored.state = plugin::SubmissionState::Queued;
    stored.reason = std::move(newReason);
    if (stored.attempts > 0)
        --stored.attempts;
    stored.updatedAt = now();
}

void MemoryStorage::markFailed(const std::string& id, const std::string& reason)
{
    const std::lock_guard<std::mutex> lock(_mutex);
    plugin::Submission& stored = submissionIn(
        id, {plugin::SubmissionState::Queued, plugin::SubmissionState::Dispatching}, "mark as failed");
    std::string newReason = reason;
    if (stored.state == plugin::SubmissionState::Queued)
        _queue.erase(queueKeyOf(stored));
    stored.state = plugin::SubmissionState::Failed;
    stored.reason = std::move(newReason);
    stored.updatedAt = now();
}

std::uint64_t MemoryStorage::requeueDispatching()
{
    const std::lock_guard<std::mutex> lock(_mutex);
    // A full scan is acceptable: this runs once, at start, before any claim.
    std::vector<plugin::Submission*> dispatching;
    for (auto& [id, submission] : _submissions)
    {
        if (submission.state == plugin::SubmissionState::Dispatching)
            dispatching.push_back(&submission);
    }
    std::size_t inserted = 0;
    try
    {
        for (; inserted < dispatching.size(); ++inserted)
            _queue.insert({queueKeyOf(*dispatching[inserted]), dispatching[inserted]->id});
    }
    catch (...)
    {
        for (std::size_t index = 0; index < inserted; ++index)
            _queue.erase(queueKeyOf(*dispatching[index]));
        throw;
    }
    const std::int64_t timestamp = now();
    for (plugin::Submission* submission : dispatching)
    {
        submission->state = plugin::SubmissionState::Queued;
        submission->updatedAt = timestamp;
    }
    return dispatching.size();
}

bool MemoryStorage::storeReport(const std::string& id, const std::string& appServerId,
                                const std::string& taskId, const std::string& report, bool final)
{
    const std::lock_guard<std::mutex> lock(_mutex);
    const auto found = _submissions.find(id);
    if (found == _submissions.end())
        throw Poco::NotFoundException("no submission " + id);
    // A late report of a task that was taken back belongs to no one now.
    if (found->second.state != plugin::SubmissionState::Success || found->second.appServerId != appServerId ||
        found->second.taskId != taskId)
        return false;
    // A final report is the node's last word; a late in-progress one must not replace it.
    if (found->second.reportFinal && !final)
        return true;
    std::string copy = report;
    _reports[id].swap(copy);
    if (final)
    {
        found->second.reportFinal = true;
        found->second.updatedAt = now();
    }
    return true;
}

std::optional<plugin::Submission> MemoryStorage::findByTask(const std::string& appServerId,
                                                            const std::string& taskId) const
{
    const std::lock_guard<std::mutex> lock(_mutex);
    if (taskId.empty())
        return std::nullopt;
    // Looked up rarely (callbacks, /task by task id): a scan is fine for an in-memory store.
    for (const auto& [id, submission] : _submissions)
        if (submission.taskId == taskId && (appServerId.empty() || submission.appServerId == appServerId))
            return submission;
    return std::nullopt;
}

std::vector<plugin::Submission> MemoryStorage::listUnfinishedHandoffs(std::size_t limit) const
{
    const std::lock_guard<std::mutex> lock(_mutex);
    std::vector<plugin::Submission> unfinished;
    for (const auto& [id, submission] : _submissions)
        if (submission.state == plugin::SubmissionState::Success && !submission.reportFinal)
            unfinished.push_back(submission);
    std::sort(unfinished.begin(), unfinished.end(),
              [](const auto& a, const auto& b) { return a.updatedAt < b.updatedAt; });
    if (unfinished.size() > limit)
        unfinished.resize(limit);
    return unfinished;
}

void MemoryStorage::returnToQueue(const std::string& id, const std::string& reason)
{
    const std::lock_guard<std::mutex> lock(_mutex);
    plugin::Submission& stored = submissionIn(id, {plugin::SubmissionState::Success}, "return to the queue");
    if (stored.reportFinal)
        throw Poco::IllegalStateException("submission " + id + " was finished by " + stored.appServerId +
                                          "; it is not dispatched again");
    std::string newReason = reason;
    _queue.insert({queueKeyOf(stored), id});
    stored.state = plugin::SubmissionState::Queued;
    stored.reason = std::move(newReason);
    stored.appServerId.clear();
    stored.taskId.clear();
    stored.statusCode = 0;
    stored.result.clear();
    stored.attempts = 0;
    stored.updatedAt = now();
    _reports.erase(id);
}

std::optional<std::string> MemoryStorage::findReport(const std::string& id) const
{
    const std::lock_guard<std::mutex> lock(_mutex);
    const auto found = _reports.find(id);
    if (found == _reports.end())
        return std::nullopt;
    return found->second;
}

std::vector<plugin::StorageArea> MemoryStorage::storageAreas() const
{
    return {};
}

MemoryStorage::QueueKey MemoryStorage::queueKeyOf(const plugin::Submission& submission)
{
    return {submission.priority, submission.sequence};
}

std::int64_t MemoryStorage::now()
{
    return Poco::Timestamp().epochMicroseconds() / 1000;
}

plugin::Submission& MemoryStorage::submissionIn(const std::string& id,
                                                std::initializer_list<plugin::SubmissionState> allowed,
                                                const char* operation)
{
    const auto found = _submissions.find(id);
    if (found == _submissions.end())
        throw Poco::NotFoundException("no submission " + id);
    if (std::find(allowed.begin(), allowed.end(), found->second.state) == allowed.end())
        throw Poco::IllegalStateException("cannot " + std::string(operation) + " submission " + id +
                                          ": it is " + std::string(plugin::storageName(found->second.state)));
    return found->second;
}

} // namespace switchyard::plugins::memory
