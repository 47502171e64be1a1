// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "GroupCommitter.h"

#include <Poco/Exception.h>
#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace switchyard::plugins::sqlite
{
namespace
{

/// A writer that records the batches it gets, and can hold the first one until told to go on,
/// so that the next callers pile up behind it.
class RecordingWriter
{
public:
    void write(const std::vector<AddRequest*>& batch)
    {
        std::unique_lock<std::mutex> lock(_mutex);
        _batches.push_back(batch.size());
        _entered.notify_all();
        _release.wait(lock, [this] { return _released; });
        for (AddRequest* request : batch)
        {
            if (request->submissions.front().id == "refused")
                request->error = std::make_unique<Poco::ExistsException>("submission refused already exists");
            else
            {
                for (std::size_t index = 0; index < request->submissions.size(); ++index)
                    request->sequences.push_back(++_sequence);
            }
        }
        if (_failNext)
        {
            _failNext = false;
            throw Poco::IOException("disk gone");
        }
    }

    void waitForBatches(std::size_t count)
    {
        std::unique_lock<std::mutex> lock(_mutex);
        _entered.wait(lock, [this, count] { return _batches.size() >= count; });
    }

    void release()
    {
        const std::lock_guard<std::mutex> lock(_mutex);
        _released = true;
        _release.notify_all();
    }

    void failNext()
    {
        const std::lock_guard<std::mutex> lock(_mutex);
        _failNext = true;
    }

    std::vector<std::size_t> batches()
    {
        const std::lock_guard<std::mutex> lock(_mutex);
        return _batches;
    }

private:
    std::mutex _mutex;
    std::condition_variable _entered;
    std::condition_variable _release;
    bool _released = false;
    bool _failNext = false;
    std::uint64_t _sequence = 0;
    std::vector<std::size_t> _batches;
};

std::vector<plugin::Submission> one(const std::string& id)
{
    plugin::Submission submission;
    submission.id = id;
    return {submission};
}

/// Waits until `count` requests wait behind the batch being written.
void waitForWaiting(const GroupCommitter& committer, std::size_t count)
{
    while (committer.waiting() < count)
        std::this_thread::yield();
}

TEST(GroupCommitter, WritesTheCallersThatWaitedTogetherInOneBatch)
{
    RecordingWriter writer;
    GroupCommitter committer([&writer](const std::vector<AddRequest*>& batch) { writer.write(batch); }, 100);
    committer.start();
    const std::vector<plugin::FileFacts> noFiles;
    constexpr int Callers = 10;
    std::vector<std::thread> threads;
    std::vector<std::unique_ptr<AddRequest>> requests;
    std::vector<std::vector<plugin::Submission>> inputs;
    inputs.reserve(Callers + 1);
    for (int caller = 0; caller <= Callers; ++caller)
    {
        inputs.push_back(one(caller == 3 ? "refused" : "c" + std::to_string(caller)));
        requests.push_back(std::make_unique<AddRequest>(inputs.back(), noFiles));
    }
    threads.emplace_back([&] { committer.submit(*requests[0]); });
    writer.waitForBatches(1);
    for (int caller = 1; caller <= Callers; ++caller)
    {
        threads.emplace_back([&, caller] { committer.submit(*requests[caller]); });
    }
    waitForWaiting(committer, Callers);
    writer.release();
    for (std::thread& thread : threads)
        thread.join();

    EXPECT_EQ(writer.batches(), std::vector<std::size_t>({1, Callers}));
    for (int caller = 0; caller <= Callers; ++caller)
    {
        if (caller == 3)
        {
            EXPECT_TRUE(requests[caller]->error);
            EXPECT_TRUE(requests[caller]->sequences.empty());
        }
        else
        {
            EXPECT_FALSE(requests[caller]->error) << caller;
            EXPECT_EQ(requests[caller]->sequences.size(), 1u) << caller;
        }
    }
    const GroupCommitter::Statistics statistics = committer.statistics();
    EXPECT_EQ(statistics.batches, 2u);
    EXPECT_EQ(statistics.requests, static_cast<std::uint64_t>(Callers + 1));
    EXPECT_EQ(statistics.largestBatch, static_cast<std::uint64_t>(Callers));
}

TEST(GroupCommitter, KeepsBatchesWithinMaxBatchButNeverSplitsACaller)
{
    RecordingWriter writer;
    GroupCommitter committer([&writer](const std::vector<AddRequest*>& batch) { writer.write(batch); }, 3);
    committer.start();
    const std::vector<plugin::FileFacts> noFiles;
    std::vector<plugin::Submission> big(5);
    for (std::size_t index = 0; index < big.size(); ++index)
        big[index].id = "big" + std::to_string(index);
    std::vector<std::vector<plugin::Submission>> small = {one("a"), one("b"), one("c"), one("d")};
    AddRequest first(small[0], noFiles);
    std::thread firstThread([&] { committer.submit(first); });
    writer.waitForBatches(1);
    std::vector<std::unique_ptr<AddRequest>> requests;
    requests.push_back(std::make_unique<AddRequest>(big, noFiles));
    for (std::size_t index = 1; index < small.size(); ++index)
        requests.push_back(std::make_unique<AddRequest>(small[index], noFiles));
    // One at a time, so that they queue in this order: big, b, c, d.
    std::vector<std::thread> threads;
    for (std::size_t index = 0; index < requests.size(); ++index)
    {
        threads.emplace_back([&, index] { committer.submit(*requests[index]); });
        waitForWaiting(committer, index + 1);
    }
    writer.release();
    firstThread.join();
    for (std::thread& thread : threads)
        thread.join();

    // [a], then big alone (5 > 3, but a caller is never split), then b, c, d (3).
    EXPECT_EQ(writer.batches(), std::vector<std::size_t>({1, 1, 3}));
    EXPECT_EQ(requests[0]->sequences.size(), 5u);
}

TEST(GroupCommitter, AFailedWriteFailsEveryCallerOfTheBatch)
{
    RecordingWriter writer;
    writer.release();
    writer.failNext();
    GroupCommitter committer([&writer](const std::vector<AddRequest*>& batch) { writer.write(batch); }, 100);
    committer.start();
    const std::vector<plugin::FileFacts> noFiles;
    const std::vector<plugin::Submission> input = one("a");
    AddRequest failed(input, noFiles);
    committer.submit(failed);
    ASSERT_TRUE(failed.error);
    EXPECT_TRUE(failed.sequences.empty()) << "nothing of a failed batch counts";
    EXPECT_THROW(failed.error->rethrow(), Poco::IOException);

    AddRequest next(input, noFiles);
    committer.submit(next);
    EXPECT_FALSE(next.error) << "the committer goes on after a failed batch";
}

TEST(GroupCommitter, RefusesRequestsWhenNotRunning)
{
    GroupCommitter committer([](const std::vector<AddRequest*>&) {}, 10);
    const std::vector<plugin::FileFacts> noFiles;
    const std::vector<plugin::Submission> input = one("a");
    AddRequest request(input, noFiles);
    EXPECT_THROW(committer.submit(request), Poco::IllegalStateException);
    committer.start();
    committer.stop();
    EXPECT_THROW(committer.submit(request), Poco::IllegalStateException);
    committer.stop();
}

} // namespace
} // namespace switchyard::plugins::sqlite
