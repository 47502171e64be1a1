// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "storage-contract/StorageContractTest.h"

#include <Poco/Exception.h>

#include <algorithm>
#include <atomic>
#include <limits>
#include <mutex>
#include <set>
#include <thread>

namespace switchyard::tests
{

using plugin::SubmissionState;

void PrintTo(const StorageContractParam& param, std::ostream* out)
{
    *out << param.name;
}

std::string StorageContractTest::paramName(const ::testing::TestParamInfo<StorageContractParam>& info)
{
    return info.param.name;
}

void StorageContractTest::SetUp()
{
    _storage = GetParam().make();
    ASSERT_NE(_storage, nullptr);
}

plugin::Submission StorageContractTest::submission(const std::string& id, int priority)
{
    plugin::Submission submission;
    submission.id = id;
    submission.submitName = id + ".doc";
    submission.sha256 = std::string(64, 'a');
    submission.fileSize = 1234;
    submission.mediaType = "application/msword";
    submission.priority = priority;
    submission.options = {{"password", "infected"}, {"transformOpt.rapidMode", "true"}};
    return submission;
}

std::uint64_t StorageContractTest::add(const std::string& id, int priority)
{
    const std::vector<std::uint64_t> sequences = _storage->addSubmissions({submission(id, priority)}, {});
    EXPECT_EQ(sequences.size(), 1u);
    return sequences.empty() ? 0 : sequences.front();
}

std::vector<std::string> StorageContractTest::claimAll()
{
    std::vector<std::string> ids;
    while (const std::optional<plugin::Submission> claimed = _storage->claimNext({}))
        ids.push_back(claimed->id);
    return ids;
}

plugin::SubmissionState StorageContractTest::stateOf(const std::string& id) const
{
    const std::optional<plugin::Submission> found = _storage->findSubmission(id);
    if (!found)
        throw Poco::NotFoundException("test: no submission " + id);
    return found->state;
}

namespace
{

using Ids = std::vector<std::string>;

plugin::NodeHandoff handoff()
{
    plugin::NodeHandoff handoff;
    handoff.appServerId = "app2";
    handoff.taskId = "task-7";
    handoff.statusCode = 200;
    handoff.result = R"({"scanTasks":[]})";
    return handoff;
}

} // namespace

TEST_P(StorageContractTest, AddsAndFindsASubmission)
{
    const std::uint64_t sequence = add("a", 42);

    const std::optional<plugin::Submission> found = _storage->findSubmission("a");
    ASSERT_TRUE(found);
    const plugin::Submission expected = submission("a", 42);
    EXPECT_EQ(found->id, "a");
    EXPECT_EQ(found->submitName, expected.submitName);
    EXPECT_EQ(found->sha256, expected.sha256);
    EXPECT_EQ(found->fileSize, expected.fileSize);
    EXPECT_EQ(found->mediaType, expected.mediaType);
    EXPECT_EQ(found->priority, 42);
    EXPECT_EQ(found->options, expected.options);
    EXPECT_EQ(found->sequence, sequence);
    EXPECT_EQ(found->state, SubmissionState::Queued);
    EXPECT_EQ(found->attempts, 0u);
    EXPECT_EQ(found->reason, "");
    EXPECT_GT(found->createdAt, 0);
    EXPECT_EQ(found->updatedAt, found->createdAt);
}

TEST_P(StorageContractTest, QueuesNewSubmissionsWhateverStateTheyCarry)
{
    plugin::Submission stale = submission("a");
    stale.state = SubmissionState::Failed;
    stale.sequence = 999999;
    stale.createdAt = 1;
    const std::vector<std::uint64_t> sequences = _storage->addSubmissions({stale}, {});

    const std::optional<plugin::Submission> found = _storage->findSubmission("a");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->state, SubmissionState::Queued);
    EXPECT_EQ(found->sequence, sequences.at(0));
    EXPECT_GT(found->createdAt, 1);
    EXPECT_EQ(_storage->positionInQueue("a"), 0);
}

TEST_P(StorageContractTest, AssignsIncreasingSequencesInTheOrderGiven)
{
    const std::vector<std::uint64_t> first =
        _storage->addSubmissions({submission("a"), submission("b"), submission("c")}, {});
    const std::vector<std::uint64_t> second =
        _storage->addSubmissions({submission("d"), submission("e")}, {});

    ASSERT_EQ(first.size(), 3u);
    ASSERT_EQ(second.size(), 2u);
    std::vector<std::uint64_t> all = first;
    all.insert(all.end(), second.begin(), second.end());
    EXPECT_TRUE(std::is_sorted(all.begin(), all.end()));
    EXPECT_EQ(std::set<std::uint64_t>(all.begin(), all.end()).size(), all.size())
        << "sequences must be distinct";
    const Ids ids = {"a", "b", "c", "d", "e"};
    for (std::size_t index = 0; index < ids.size(); ++index)
        EXPECT_EQ(_storage->findSubmission(ids[index])->sequence, all[index]) << ids[index];
}

TEST_P(StorageContractTest, AcceptsAnEmptyBatch)
{
    EXPECT_TRUE(_storage->addSubmissions({}, {}).empty());
    EXPECT_EQ(_storage->queueCount(), 0u);
}

TEST_P(StorageContractTest, KnowsNothingOfAnUnknownId)
{
    add("a");
    EXPECT_FALSE(_storage->findSubmission("b"));
    EXPECT_FALSE(_storage->findReport("b"));
    EXPECT_EQ(_storage->positionInQueue("b"), -1);
}

TEST_P(StorageContractTest, RefusesAKnownIdAndAddsNothingOfThatBatch)
{
    add("a");
    EXPECT_THROW(_storage->addSubmissions({submission("b"), submission("a"), submission("c")}, {}),
                 Poco::ExistsException);

    EXPECT_FALSE(_storage->findSubmission("b"));
    EXPECT_FALSE(_storage->findSubmission("c"));
    EXPECT_EQ(_storage->queueCount(), 1u);
    EXPECT_EQ(claimAll(), Ids({"a"}));
}

TEST_P(StorageContractTest, RefusesAnIdTwiceInOneBatch)
{
    EXPECT_THROW(_storage->addSubmissions({submission("a"), submission("b"), submission("a")}, {}),
                 Poco::ExistsException);
    EXPECT_FALSE(_storage->findSubmission("a"));
    EXPECT_FALSE(_storage->findSubmission("b"));
    EXPECT_EQ(_storage->queueCount(), 0u);
}

TEST_P(StorageContractTest, KeepsSequencesIncreasingAfterARefusedBatch)
{
    const std::uint64_t before = add("a");
    EXPECT_THROW(_storage->addSubmissions({submission("b"), submission("a")}, {}), Poco::ExistsException);
    EXPECT_GT(add("c"), before);
}

TEST_P(StorageContractTest, ClaimsByPriorityThenArrival)
{
    add("low1", 0);
    add("high1", 100);
    add("mid1", 50);
    add("low2", 0);
    add("high2", 100);
    _storage->addSubmissions({submission("mid2", 50), submission("low3", 0), submission("high3", 100)}, {});

    EXPECT_EQ(claimAll(), Ids({"high1", "high2", "high3", "mid1", "mid2", "low1", "low2", "low3"}));
}

TEST_P(StorageContractTest, ClaimMovesToDispatchingAndCountsTheAttempt)
{
    const std::uint64_t sequence = add("a", 7);

    const std::optional<plugin::Submission> claimed = _storage->claimNext({});
    ASSERT_TRUE(claimed);
    EXPECT_EQ(claimed->id, "a");
    EXPECT_EQ(claimed->state, SubmissionState::Dispatching);
    EXPECT_EQ(claimed->attempts, 1u);
    EXPECT_EQ(claimed->priority, 7);
    EXPECT_EQ(claimed->sequence, sequence);
    EXPECT_GE(claimed->updatedAt, claimed->createdAt);

    const std::optional<plugin::Submission> found = _storage->findSubmission("a");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->state, SubmissionState::Dispatching);
    EXPECT_EQ(found->attempts, 1u);
    EXPECT_EQ(found->updatedAt, claimed->updatedAt);
}

TEST_P(StorageContractTest, ClaimsNothingFromAnEmptyQueue)
{
    EXPECT_FALSE(_storage->claimNext({}));
    add("a");
    EXPECT_TRUE(_storage->claimNext({}));
    EXPECT_FALSE(_storage->claimNext({}));
}

TEST_P(StorageContractTest, PositionsFollowDispatchOrder)
{
    add("low1", 0);
    add("high1", 90);
    add("low2", 0);
    add("mid1", 40);

    EXPECT_EQ(_storage->positionInQueue("high1"), 0);
    EXPECT_EQ(_storage->positionInQueue("mid1"), 1);
    EXPECT_EQ(_storage->positionInQueue("low1"), 2);
    EXPECT_EQ(_storage->positionInQueue("low2"), 3);

    // A later, more urgent submission goes ahead of the less urgent ones only.
    add("high2", 90);
    EXPECT_EQ(_storage->positionInQueue("high1"), 0);
    EXPECT_EQ(_storage->positionInQueue("high2"), 1);
    EXPECT_EQ(_storage->positionInQueue("mid1"), 2);
    EXPECT_EQ(_storage->positionInQueue("low2"), 4);
}

TEST_P(StorageContractTest, PositionsMoveUpAsSubmissionsAreClaimed)
{
    _storage->addSubmissions({submission("a"), submission("b"), submission("c"), submission("d")}, {});
    EXPECT_EQ(_storage->positionInQueue("d"), 3);

    _storage->claimNext({});
    EXPECT_EQ(_storage->positionInQueue("a"), -1) << "a Dispatching submission has no position";
    EXPECT_EQ(_storage->positionInQueue("b"), 0);
    EXPECT_EQ(_storage->positionInQueue("d"), 2);

    _storage->claimNext({});
    EXPECT_EQ(_storage->positionInQueue("d"), 1);
}

TEST_P(StorageContractTest, PositionOfASubmissionReadAMomentAgoNeedsNoSecondRead)
{
    add("low", 0);
    add("high", 90);
    add("mid", 40);
    const std::optional<plugin::Submission> low = _storage->findSubmission("low");
    const std::optional<plugin::Submission> high = _storage->findSubmission("high");
    ASSERT_TRUE(low && high);
    EXPECT_EQ(_storage->positionOf(*low), 2);
    EXPECT_EQ(_storage->positionOf(*high), 0);

    // Claimed since it was read: the copy still says Queued, but it has left the queue.
    ASSERT_EQ(_storage->claimNext({})->id, "high");
    EXPECT_EQ(_storage->positionOf(*high), -1);
    EXPECT_EQ(_storage->positionOf(*low), 1);
    EXPECT_EQ(_storage->positionOf(*_storage->findSubmission("high")), -1) << "Dispatching has no place";

    plugin::Submission stranger = *low;
    stranger.sequence += 1000;
    EXPECT_EQ(_storage->positionOf(stranger), -1) << "a submission the storage does not hold";
}

TEST_P(StorageContractTest, RequeueRestoresTheOriginalPlace)
{
    _storage->addSubmissions({submission("a"), submission("b"), submission("c")}, {});
    ASSERT_EQ(_storage->claimNext({})->id, "a");
    add("d");

    _storage->requeue("a", "app1 connection refused");

    EXPECT_EQ(_storage->positionInQueue("a"), 0);
    EXPECT_EQ(_storage->positionInQueue("b"), 1);
    EXPECT_EQ(_storage->positionInQueue("d"), 3);
    const std::optional<plugin::Submission> found = _storage->findSubmission("a");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->state, SubmissionState::Queued);
    EXPECT_EQ(found->reason, "app1 connection refused");
    EXPECT_EQ(found->attempts, 1u);

    const std::optional<plugin::Submission> again = _storage->claimNext({});
    ASSERT_TRUE(again);
    EXPECT_EQ(again->id, "a");
    EXPECT_EQ(again->attempts, 2u);
    EXPECT_EQ(claimAll(), Ids({"b", "c", "d"}));
}

TEST_P(StorageContractTest, RequeueRestoresThePlaceAmongPriorities)
{
    add("low", 0);
    add("high1", 50);
    ASSERT_EQ(_storage->claimNext({})->id, "high1");
    add("high2", 50);
    add("urgent", 100);

    _storage->requeue("high1", "app1 read timed out after 30 s");

    EXPECT_EQ(_storage->positionInQueue("urgent"), 0);
    EXPECT_EQ(_storage->positionInQueue("high1"), 1);
    EXPECT_EQ(_storage->positionInQueue("high2"), 2);
    EXPECT_EQ(_storage->positionInQueue("low"), 3);
    EXPECT_EQ(_storage->queueCount(), 4u);
}

TEST_P(StorageContractTest, RecordsTheHandoff)
{
    add("a");
    _storage->claimNext({});
    _storage->requeue("a", "app1 connection refused");
    _storage->claimNext({});

    _storage->recordHandoff("a", handoff());

    const std::optional<plugin::Submission> found = _storage->findSubmission("a");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->state, SubmissionState::Success);
    EXPECT_EQ(found->appServerId, "app2");
    EXPECT_EQ(found->taskId, "task-7");
    EXPECT_EQ(found->statusCode, 200);
    EXPECT_EQ(found->result, R"({"scanTasks":[]})");
    EXPECT_EQ(found->attempts, 2u);
    EXPECT_EQ(found->reason, "") << "the last attempt succeeded";
    EXPECT_GE(found->updatedAt, found->createdAt);
    EXPECT_EQ(_storage->positionInQueue("a"), -1);
    EXPECT_EQ(_storage->queueCount(), 0u);
}

TEST_P(StorageContractTest, FailsAQueuedSubmission)
{
    _storage->addSubmissions({submission("a"), submission("b"), submission("c")}, {});

    _storage->markFailed("b", "file type not supported by any node");

    const std::optional<plugin::Submission> found = _storage->findSubmission("b");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->state, SubmissionState::Failed);
    EXPECT_EQ(found->reason, "file type not supported by any node");
    EXPECT_EQ(_storage->positionInQueue("b"), -1);
    EXPECT_EQ(_storage->positionInQueue("c"), 1);
    EXPECT_EQ(_storage->queueCount(), 2u);
    EXPECT_EQ(claimAll(), Ids({"a", "c"}));
}

TEST_P(StorageContractTest, FailsADispatchingSubmission)
{
    add("a");
    _storage->claimNext({});

    _storage->markFailed("a", "all 3 attempts failed: app2 connection refused");

    const std::optional<plugin::Submission> found = _storage->findSubmission("a");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->state, SubmissionState::Failed);
    EXPECT_EQ(found->reason, "all 3 attempts failed: app2 connection refused");
    EXPECT_EQ(found->attempts, 1u);
    EXPECT_EQ(_storage->queueCount(), 0u);
    EXPECT_FALSE(_storage->claimNext({}));
}

TEST_P(StorageContractTest, RefusesIllegalTransitionsAndChangesNothing)
{
    _storage->addSubmissions({submission("queued"), submission("success"), submission("failed")}, {});
    _storage->claimNext({});
    _storage->claimNext({});
    _storage->claimNext({});
    _storage->requeue("queued", "retry");
    _storage->recordHandoff("success", handoff());
    _storage->markFailed("failed", "gave up");
    ASSERT_EQ(stateOf("queued"), SubmissionState::Queued);
    ASSERT_EQ(stateOf("success"), SubmissionState::Success);
    ASSERT_EQ(stateOf("failed"), SubmissionState::Failed);

    for (const std::string id : {"queued", "success", "failed"})
    {
        const plugin::Submission before = *_storage->findSubmission(id);
        EXPECT_THROW(_storage->recordHandoff(id, handoff()), Poco::IllegalStateException) << id;
        EXPECT_THROW(_storage->requeue(id, "again"), Poco::IllegalStateException) << id;
        if (id != "queued")
        {
            EXPECT_THROW(_storage->markFailed(id, "again"), Poco::IllegalStateException) << id;
        }
        const plugin::Submission after = *_storage->findSubmission(id);
        EXPECT_EQ(after.state, before.state) << id;
        EXPECT_EQ(after.reason, before.reason) << id;
        EXPECT_EQ(after.appServerId, before.appServerId) << id;
        EXPECT_EQ(after.updatedAt, before.updatedAt) << id;
    }
    EXPECT_EQ(_storage->positionInQueue("queued"), 0);
    EXPECT_EQ(_storage->queueCount(), 1u);
}

TEST_P(StorageContractTest, ThrowsNotFoundForUnknownIds)
{
    add("a");
    EXPECT_THROW(_storage->recordHandoff("unknown", handoff()), Poco::NotFoundException);
    EXPECT_THROW(_storage->requeue("unknown", "reason"), Poco::NotFoundException);
    EXPECT_THROW(_storage->markFailed("unknown", "reason"), Poco::NotFoundException);
    EXPECT_THROW(_storage->storeReport("unknown", "app2", "task-7", "{}", false), Poco::NotFoundException);
    EXPECT_FALSE(_storage->findSubmission("unknown"));
    EXPECT_EQ(_storage->queueCount(), 1u);
}

TEST_P(StorageContractTest, RequeueDispatchingPutsEveryClaimBack)
{
    _storage->addSubmissions({submission("a"), submission("b"), submission("c"), submission("d")}, {});
    _storage->claimNext({});
    _storage->claimNext({});
    _storage->claimNext({});
    _storage->recordHandoff("c", handoff());

    EXPECT_EQ(_storage->requeueDispatching(), 2u);

    EXPECT_EQ(_storage->queueCount(), 3u);
    EXPECT_EQ(stateOf("a"), SubmissionState::Queued);
    EXPECT_EQ(stateOf("c"), SubmissionState::Success);
    EXPECT_EQ(_storage->positionInQueue("a"), 0);
    EXPECT_EQ(_storage->positionInQueue("b"), 1);
    EXPECT_EQ(_storage->positionInQueue("d"), 2);
    EXPECT_EQ(_storage->requeueDispatching(), 0u);
    EXPECT_EQ(claimAll(), Ids({"a", "b", "d"}));
    EXPECT_EQ(_storage->findSubmission("a")->attempts, 2u);
}

TEST_P(StorageContractTest, CountsTheQueue)
{
    EXPECT_EQ(_storage->queueCount(), 0u);
    _storage->addSubmissions({submission("a"), submission("b"), submission("c")}, {});
    EXPECT_EQ(_storage->queueCount(), 3u);
    _storage->claimNext({});
    EXPECT_EQ(_storage->queueCount(), 2u);
    _storage->requeue("a", "retry");
    EXPECT_EQ(_storage->queueCount(), 3u);
    _storage->markFailed("b", "gave up");
    EXPECT_EQ(_storage->queueCount(), 2u);
    _storage->claimNext({});
    _storage->recordHandoff("a", handoff());
    EXPECT_EQ(_storage->queueCount(), 1u);
}

TEST_P(StorageContractTest, StoresAndReplacesReports)
{
    add("a");
    add("b");
    EXPECT_FALSE(_storage->findReport("a"));
    EXPECT_FALSE(_storage->storeReport("a", "app2", "task-7", "{}", false)) << "not handed over yet";
    EXPECT_FALSE(_storage->findReport("a"));
    ASSERT_EQ(_storage->claimNext({})->id, "a");
    _storage->recordHandoff("a", handoff());

    EXPECT_TRUE(_storage->storeReport("a", "app2", "task-7", R"({"overallState":"IN_PROGRESS"})", false));
    EXPECT_EQ(_storage->findReport("a"), std::optional<std::string>(R"({"overallState":"IN_PROGRESS"})"));
    EXPECT_FALSE(_storage->findSubmission("a")->reportFinal);
    EXPECT_FALSE(_storage->storeReport("a", "app2", "task-6", R"({"overallState":"SUCCESS"})", true))
        << "another task's report";
    EXPECT_FALSE(_storage->storeReport("a", "app1", "task-7", R"({"overallState":"SUCCESS"})", true))
        << "another node's report";
    EXPECT_FALSE(_storage->findSubmission("a")->reportFinal);
    EXPECT_TRUE(_storage->storeReport("a", "app2", "task-7", R"({"overallState":"SUCCESS"})", true));
    EXPECT_EQ(_storage->findReport("a"), std::optional<std::string>(R"({"overallState":"SUCCESS"})"));
    EXPECT_TRUE(_storage->findSubmission("a")->reportFinal);
    // A late in-progress answer never replaces the final report.
    _storage->storeReport("a", "app2", "task-7", R"({"overallState":"IN_PROGRESS"})", false);
    EXPECT_EQ(_storage->findReport("a"), std::optional<std::string>(R"({"overallState":"SUCCESS"})"));
    EXPECT_FALSE(_storage->findReport("b"));
}

TEST_P(StorageContractTest, ClaimsSkipTheGivenIdsAndKeepTheirPlaces)
{
    add("a", 5);
    add("b", 5);
    add("c", 1);
    EXPECT_EQ(_storage->claimNext({"a"})->id, "b");
    EXPECT_EQ(_storage->positionInQueue("a"), 0);
    EXPECT_EQ(_storage->claimNext({"a", "c"}), std::nullopt);
    EXPECT_EQ(_storage->claimNext({"zzz"})->id, "a");
    EXPECT_EQ(_storage->claimNext({})->id, "c");
}

TEST_P(StorageContractTest, ReleaseReturnsAClaimWithoutCountingAnAttempt)
{
    add("a", 5);
    add("b", 5);
    ASSERT_EQ(_storage->claimNext({})->id, "a");
    _storage->requeue("a", "app1 connection refused");
    ASSERT_EQ(_storage->claimNext({})->attempts, 2u);
    _storage->release("a", "waiting for a node with free capacity");
    const std::optional<plugin::Submission> released = _storage->findSubmission("a");
    EXPECT_EQ(released->state, SubmissionState::Queued);
    EXPECT_EQ(released->attempts, 1u) << "the claim that found no node is not an attempt";
    EXPECT_EQ(released->reason, "waiting for a node with free capacity");
    EXPECT_EQ(_storage->positionInQueue("a"), 0);
    EXPECT_THROW(_storage->release("a", "x"), Poco::IllegalStateException) << "only a claim is released";
    EXPECT_THROW(_storage->release("unknown", "x"), Poco::NotFoundException);
}

TEST_P(StorageContractTest, ConcurrentClaimsNeverShareASubmission)
{
    constexpr int Count = 1000;
    std::vector<plugin::Submission> batch;
    for (int index = 0; index < Count; ++index)
        batch.push_back(submission("s" + std::to_string(index), index % 7));
    _storage->addSubmissions(batch, {});

    std::mutex mutex;
    std::vector<std::string> claimed;
    std::vector<std::thread> threads;
    for (int thread = 0; thread < 4; ++thread)
    {
        threads.emplace_back(
            [this, &mutex, &claimed]
            {
                std::vector<std::string> mine;
                while (const std::optional<plugin::Submission> next = _storage->claimNext({}))
                    mine.push_back(next->id);
                const std::lock_guard<std::mutex> lock(mutex);
                claimed.insert(claimed.end(), mine.begin(), mine.end());
            });
    }
    for (std::thread& thread : threads)
        thread.join();

    EXPECT_EQ(claimed.size(), static_cast<std::size_t>(Count));
    EXPECT_EQ(std::set<std::string>(claimed.begin(), claimed.end()).size(), static_cast<std::size_t>(Count));
    EXPECT_EQ(_storage->queueCount(), 0u);
}

TEST_P(StorageContractTest, ConcurrentAddsAndClaimsLoseNothing)
{
    constexpr int PerAdder = 250;
    std::atomic<int> addersDone{0};
    std::mutex mutex;
    std::vector<std::string> claimed;
    std::vector<std::thread> threads;
    for (int adder = 0; adder < 2; ++adder)
    {
        threads.emplace_back(
            [this, adder, &addersDone]
            {
                for (int index = 0; index < PerAdder; ++index)
                    _storage->addSubmissions(
                        {submission(std::to_string(adder) + "-" + std::to_string(index), index % 3)}, {});
                ++addersDone;
            });
    }
    for (int claimer = 0; claimer < 2; ++claimer)
    {
        threads.emplace_back(
            [this, &addersDone, &mutex, &claimed]
            {
                std::vector<std::string> mine;
                while (addersDone.load() < 2 || _storage->queueCount() > 0)
                {
                    if (const std::optional<plugin::Submission> next = _storage->claimNext({}))
                        mine.push_back(next->id);
                    else
                        std::this_thread::yield();
                }
                const std::lock_guard<std::mutex> lock(mutex);
                claimed.insert(claimed.end(), mine.begin(), mine.end());
            });
    }
    for (std::thread& thread : threads)
        thread.join();

    EXPECT_EQ(claimed.size(), static_cast<std::size_t>(2 * PerAdder));
    EXPECT_EQ(std::set<std::string>(claimed.begin(), claimed.end()).size(),
              static_cast<std::size_t>(2 * PerAdder));
}

TEST_P(StorageContractTest, NewSubmissionsStartFreshWhateverTheirInputSays)
{
    plugin::Submission stale = submission("stale", 3);
    stale.state = SubmissionState::Success;
    stale.attempts = 4;
    stale.reason = "old";
    stale.appServerId = "app9";
    stale.taskId = "task-9";
    stale.statusCode = 500;
    stale.result = "{}";
    _storage->addSubmissions({stale}, {});
    const std::optional<plugin::Submission> found = _storage->findSubmission("stale");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->state, SubmissionState::Queued);
    EXPECT_EQ(found->attempts, 0u);
    EXPECT_EQ(found->reason, "");
    EXPECT_EQ(found->appServerId, "");
    EXPECT_EQ(found->taskId, "");
    EXPECT_EQ(found->statusCode, 0);
    EXPECT_EQ(found->result, "");
    EXPECT_EQ(found->options, stale.options);
    EXPECT_EQ(_storage->positionInQueue("stale"), 0);
}

TEST_P(StorageContractTest, RefusesAnEmptyIdAndStoresNothingOfTheBatch)
{
    EXPECT_THROW(_storage->addSubmissions({submission("fine", 0), submission("", 0)}, {}),
                 Poco::InvalidArgumentException);
    EXPECT_FALSE(_storage->findSubmission("fine"));
    EXPECT_EQ(_storage->queueCount(), 0u);
}

namespace
{

plugin::FileFacts fileFacts(const std::string& sha256, const std::string& name)
{
    plugin::FileFacts facts;
    facts.sha256 = sha256;
    facts.submitName = name;
    facts.fileSize = 4096;
    facts.md5 = std::string(32, '1');
    facts.sha1 = std::string(40, '2');
    facts.sha512 = std::string(128, '3');
    facts.mediaType = "application/pdf";
    return facts;
}

} // namespace

TEST_P(StorageContractTest, RecordsFileFactsWithTheSubmissionsAndKeepsTheFirstRecord)
{
    const std::string sha = std::string(64, 'a');
    _storage->addSubmissions({submission("a")}, {fileFacts(sha, "first.pdf")});
    _storage->addSubmissions({submission("b")}, {fileFacts(sha, "second.pdf")});
    const std::optional<plugin::FileFacts> found = _storage->findFile(sha);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->submitName, "first.pdf");
    EXPECT_EQ(found->fileSize, 4096u);
    EXPECT_EQ(found->md5, std::string(32, '1'));
    EXPECT_EQ(found->sha1, std::string(40, '2'));
    EXPECT_EQ(found->sha512, std::string(128, '3'));
    EXPECT_EQ(found->mediaType, "application/pdf");
    EXPECT_FALSE(_storage->findFile(std::string(64, 'f')));
}

TEST_P(StorageContractTest, AFileWithoutDigestFailsTheWholeBatch)
{
    EXPECT_THROW(_storage->addSubmissions({submission("a")}, {fileFacts("", "x")}),
                 Poco::InvalidArgumentException);
    EXPECT_FALSE(_storage->findSubmission("a"));
}

TEST_P(StorageContractTest, RetentionRemovesOnlyFinishedSubmissionsAndUnreferencedFiles)
{
    const std::string kept = std::string(64, 'a');
    const std::string shared = std::string(64, 'b');
    const std::string gone = std::string(64, 'c');
    plugin::Submission queued = submission("queued");
    queued.sha256 = kept;
    plugin::Submission done = submission("done");
    done.sha256 = gone;
    plugin::Submission failed = submission("failed");
    failed.sha256 = shared;
    plugin::Submission sharing = submission("sharing");
    sharing.sha256 = shared;
    _storage->addSubmissions({done, failed, sharing, queued},
                             {fileFacts(kept, "k"), fileFacts(shared, "s"), fileFacts(gone, "g")});
    ASSERT_EQ(_storage->claimNext({})->id, "done");
    _storage->recordHandoff("done", handoff());
    _storage->storeReport("done", "app2", "task-7", "{}", true);
    ASSERT_EQ(_storage->claimNext({})->id, "failed");
    _storage->markFailed("failed", "gave up");
    ASSERT_EQ(_storage->claimNext({})->id, "sharing"); // stays Dispatching: in flight

    // Nothing has finished before the epoch.
    EXPECT_TRUE(_storage->removeFinishedBefore(0).empty());
    EXPECT_TRUE(_storage->findSubmission("done"));

    const std::int64_t future = std::numeric_limits<std::int64_t>::max();
    EXPECT_EQ(_storage->removeFinishedBefore(future), std::vector<std::string>{gone});
    EXPECT_FALSE(_storage->findSubmission("done"));
    EXPECT_FALSE(_storage->findSubmission("failed"));
    EXPECT_FALSE(_storage->findReport("done"));
    EXPECT_TRUE(_storage->findSubmission("sharing"));
    EXPECT_TRUE(_storage->findSubmission("queued"));
    EXPECT_TRUE(_storage->findFile(kept));
    EXPECT_TRUE(_storage->findFile(shared));
    EXPECT_FALSE(_storage->findFile(gone));
    EXPECT_EQ(_storage->positionInQueue("queued"), 0);
}

TEST_P(StorageContractTest, FindsASubmissionByItsNodeTask)
{
    add("a");
    add("b");
    ASSERT_EQ(_storage->claimNext({})->id, "a");
    _storage->recordHandoff("a", handoff());
    const plugin::NodeHandoff given = handoff();
    EXPECT_EQ(_storage->findByTask(given.appServerId, given.taskId)->id, "a");
    EXPECT_EQ(_storage->findByTask("", given.taskId)->id, "a");
    EXPECT_FALSE(_storage->findByTask("other-node", given.taskId));
    EXPECT_FALSE(_storage->findByTask(given.appServerId, "no-such-task"));
    EXPECT_FALSE(_storage->findByTask("", ""));
}

TEST_P(StorageContractTest, ListsUnfinishedHandoffsAndReturnsThemToTheirPlace)
{
    add("first", 5);
    add("second", 5);
    add("third", 5);
    ASSERT_EQ(_storage->claimNext({})->id, "first");
    _storage->recordHandoff("first", handoff());
    ASSERT_EQ(_storage->claimNext({})->id, "second");
    plugin::NodeHandoff other = handoff();
    other.taskId = "task-8";
    _storage->recordHandoff("second", other);
    _storage->storeReport("second", "app2", "task-8", R"({"overallState":"SUCCESS"})", true);

    std::vector<plugin::Submission> unfinished = _storage->listUnfinishedHandoffs(10);
    ASSERT_EQ(unfinished.size(), 1u);
    EXPECT_EQ(unfinished[0].id, "first");
    EXPECT_EQ(unfinished[0].taskId, handoff().taskId);
    EXPECT_TRUE(_storage->listUnfinishedHandoffs(0).empty());

    _storage->storeReport("first", "app2", "task-7", R"({"overallState":"IN_PROGRESS"})", false);
    _storage->returnToQueue("first", "app2 stopped answering");
    const std::optional<plugin::Submission> back = _storage->findSubmission("first");
    EXPECT_EQ(back->state, SubmissionState::Queued);
    EXPECT_EQ(back->attempts, 0u) << "a new round of attempts begins";
    EXPECT_FALSE(_storage->storeReport("first", "app2", "task-7", R"({"overallState":"SUCCESS"})", true))
        << "a late report of the task taken back is not kept";
    EXPECT_FALSE(_storage->findReport("first"));
    EXPECT_EQ(back->reason, "app2 stopped answering");
    EXPECT_EQ(back->appServerId, "");
    EXPECT_EQ(back->taskId, "");
    EXPECT_FALSE(_storage->findReport("first"));
    EXPECT_EQ(_storage->positionInQueue("first"), 0) << "it keeps its original place, ahead of third";
    EXPECT_EQ(_storage->positionInQueue("third"), 1);
    EXPECT_TRUE(_storage->listUnfinishedHandoffs(10).empty());

    EXPECT_THROW(_storage->returnToQueue("second", "x"), Poco::IllegalStateException)
        << "finished tasks stay done";
    EXPECT_THROW(_storage->returnToQueue("third", "x"), Poco::IllegalStateException);
    EXPECT_THROW(_storage->returnToQueue("unknown", "x"), Poco::NotFoundException);
}

} // namespace switchyard::tests
