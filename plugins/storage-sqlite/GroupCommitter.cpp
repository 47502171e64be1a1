// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "GroupCommitter.h"

#include <Poco/Exception.h>

#include <algorithm>
#include <exception>
#include <new>
#include <system_error>

namespace switchyard::plugins::sqlite
{

GroupCommitter::GroupCommitter(Writer writer, std::size_t maxBatch)
    : _writer(std::move(writer)), _maxBatch(std::max<std::size_t>(maxBatch, 1))
{
}

GroupCommitter::~GroupCommitter()
{
    stop();
}

void GroupCommitter::start()
{
    const std::lock_guard<std::mutex> lock(_mutex);
    if (_running)
        return;
    try
    {
        _thread = std::thread(&GroupCommitter::run, this);
    }
    catch (const std::system_error& error)
    {
        throw Poco::SystemException(std::string("cannot start the SQLite group committer: ") + error.what());
    }
    _running = true;
    _stopping = false;
}

void GroupCommitter::stop() noexcept
{
    {
        const std::lock_guard<std::mutex> lock(_mutex);
        if (!_running)
            return;
        _stopping = true;
    }
    _work.notify_all();
    _thread.join();
    const std::lock_guard<std::mutex> lock(_mutex);
    _running = false;
}

void GroupCommitter::submit(AddRequest& request)
{
    std::unique_lock<std::mutex> lock(_mutex);
    if (!_running || _stopping)
        throw Poco::IllegalStateException("the SQLite storage is not running (not started, or stopped)");
    _waiting.push_back(&request);
    _work.notify_one();
    _written.wait(lock, [&request] { return request.done; });
}

GroupCommitter::Statistics GroupCommitter::statistics() const
{
    const std::lock_guard<std::mutex> lock(_mutex);
    return _statistics;
}

std::size_t GroupCommitter::waiting() const
{
    const std::lock_guard<std::mutex> lock(_mutex);
    return _waiting.size();
}

void GroupCommitter::run()
{
    for (;;)
    {
        std::vector<AddRequest*> batch;
        {
            std::unique_lock<std::mutex> lock(_mutex);
            _work.wait(lock, [this] { return !_waiting.empty() || _stopping; });
            // Stopping drains what is waiting first: those callers are owed an answer.
            if (_waiting.empty())
                return;
            batch = takeBatch();
        }
        write(batch);
        {
            const std::lock_guard<std::mutex> lock(_mutex);
            ++_statistics.batches;
            _statistics.requests += batch.size();
            _statistics.largestBatch = std::max<std::uint64_t>(_statistics.largestBatch, batch.size());
            for (AddRequest* request : batch)
            {
                _statistics.submissions += request->submissions.size();
                request->done = true;
            }
        }
        _written.notify_all();
    }
}

std::vector<AddRequest*> GroupCommitter::takeBatch()
{
    std::vector<AddRequest*> batch;
    std::size_t submissions = 0;
    while (!_waiting.empty())
    {
        AddRequest* next = _waiting.front();
        if (!batch.empty() && submissions + next->submissions.size() > _maxBatch)
            break;
        batch.push_back(next);
        submissions += next->submissions.size();
        _waiting.pop_front();
    }
    return batch;
}

void GroupCommitter::write(const std::vector<AddRequest*>& batch) noexcept
{
    std::unique_ptr<Poco::Exception> failure;
    try
    {
        _writer(batch);
        return;
    }
    catch (const Poco::Exception& error)
    {
        failure.reset(error.clone());
    }
    catch (const std::bad_alloc&)
    {
        failure = std::make_unique<Poco::OutOfMemoryException>("out of memory while writing submissions");
    }
    catch (const std::exception& error)
    {
        failure =
            std::make_unique<Poco::IOException>(std::string("cannot write submissions: ") + error.what());
    }
    // Nothing of the batch is committed when the writer throws.
    for (AddRequest* request : batch)
    {
        if (!request->error)
        {
            request->sequences.clear();
            request->error.reset(failure->clone());
        }
    }
}

} // namespace switchyard::plugins::sqlite
