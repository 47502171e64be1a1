// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "RetentionJob.h"

#include "MemoryBlobStore.h"
#include "MemoryStorage.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace switchyard::kernel
{
namespace
{

class RetentionJobTest : public ::testing::Test
{
protected:
    std::string storeBlob(const std::string& content)
    {
        auto writer = blobs->createWriter();
        writer->write(content.data(), content.size());
        return writer->commit();
    }

    void submit(const std::string& id, const std::string& sha256)
    {
        plugin::Submission submission;
        submission.id = id;
        submission.sha256 = sha256;
        plugin::FileFacts facts;
        facts.sha256 = sha256;
        storage->addSubmissions({submission}, {facts});
    }

    void finish(const std::string& id)
    {
        ASSERT_EQ(storage->claimNext({})->id, id);
        storage->recordHandoff(id, plugin::NodeHandoff{"app1", "task", 200, "{}"});
        // Expiry is "changed strictly before now"; let the clock move past the change.
        std::this_thread::sleep_for(std::chrono::milliseconds(3));
    }

    std::shared_ptr<plugin::Storage> storage = std::make_shared<plugins::memory::MemoryStorage>();
    std::shared_ptr<plugins::memory::MemoryBlobStore> blobs =
        std::make_shared<plugins::memory::MemoryBlobStore>(1 << 20);
    // Age 0: everything finished before now has expired.
    RetentionJob job{storage, blobs, 0, 1000};
};

TEST_F(RetentionJobTest, DeletesABinaryOnePassAfterItsLastRecordWent)
{
    std::string kept = storeBlob("still queued");
    std::string expired = storeBlob("finished long ago");
    submit("done", expired);
    submit("waiting", kept);
    finish("done");

    EXPECT_EQ(job.runOnce(), 0u);
    EXPECT_FALSE(storage->findSubmission("done"));
    EXPECT_FALSE(storage->findFile(expired));
    EXPECT_TRUE(blobs->size(expired)) << "kept for one pass";

    EXPECT_EQ(job.runOnce(), 1u);
    EXPECT_FALSE(blobs->size(expired));
    EXPECT_TRUE(blobs->size(kept));
    EXPECT_TRUE(storage->findSubmission("waiting"));
}

TEST_F(RetentionJobTest, KeepsABinaryThatWasSubmittedAgainInBetween)
{
    std::string content = storeBlob("popular");
    submit("first", content);
    finish("first");
    EXPECT_EQ(job.runOnce(), 0u);

    // The same bytes arrive again before the next pass.
    EXPECT_EQ(storeBlob("popular"), content);
    submit("second", content);

    EXPECT_EQ(job.runOnce(), 0u);
    EXPECT_TRUE(blobs->size(content));
    EXPECT_TRUE(storage->findFile(content));
}

TEST_F(RetentionJobTest, StartsAndStopsItsThread)
{
    std::string content = storeBlob("x");
    submit("a", content);
    finish("a");
    job.start();
    for (int i = 0; i < 200 && storage->findSubmission("a"); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    job.stop();
    EXPECT_FALSE(storage->findSubmission("a"));
}

} // namespace
} // namespace switchyard::kernel
