// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "LocalNodeClient.h"

#include "MemoryBlobStore.h"
#include "TestAnalyzers.h"

#include <Poco/Crypto/DigestEngine.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <sstream>
#include <thread>

namespace switchyard::plugins::nodelocal
{
namespace
{

// The memory store, counting the writers asked for.
class CountingBlobStore : public memory::MemoryBlobStore
{
public:
    std::unique_ptr<plugin::BlobWriter> createWriter() override
    {
        ++writers;
        return MemoryBlobStore::createWriter();
    }

    std::atomic<int> writers{0};
};

std::string hexDigest(const std::string& algorithm, const std::string& bytes)
{
    Poco::Crypto::DigestEngine engine(algorithm);
    engine.update(bytes);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

class LocalNodeClientTest : public ::testing::Test
{
protected:
    LocalNodeClientTest()
        : blobs(std::make_shared<CountingBlobStore>()),
          analyzer(std::make_shared<tests::RecordingAnalyzer>()),
          node(LocalNodeSettings{}, blobs, {analyzer}, Poco::Logger::get("test.node-local"))
    {
        node.start();
    }
    ~LocalNodeClientTest() override { node.stop(); }

    std::string store(const std::string& bytes)
    {
        std::unique_ptr<plugin::BlobWriter> writer = blobs->createWriter();
        writer->write(bytes.data(), bytes.size());
        const std::string sha256 = writer->commit();
        blobs->writers = 0;
        return sha256;
    }

    plugin::NodeAnswer scan(const std::string& bytes, const std::string& sha256, std::uint64_t size)
    {
        std::istringstream content(bytes);
        plugin::NodeRequest request;
        request.submitId = "submission-1";
        request.submitName = "sample.bin";
        request.sha256 = sha256;
        request.fileSize = size;
        request.content = &content;
        return node.scan(request);
    }

    std::shared_ptr<CountingBlobStore> blobs;
    std::shared_ptr<tests::RecordingAnalyzer> analyzer;
    LocalNodeClient node;
};

TEST_F(LocalNodeClientTest, AFileTheStoreHoldsIsDigestedButNotStoredAgain)
{
    const std::string bytes = "the same bytes the broker stored";
    const std::string sha256 = store(bytes);

    const plugin::NodeAnswer answer = scan(bytes, sha256, bytes.size());

    ASSERT_EQ(answer.statusCode, 200) << answer.body;
    EXPECT_EQ(blobs->writers, 0) << "no second copy is written";
    const std::string taskId = Poco::JSON::Parser()
                                   .parse(answer.body)
                                   .extract<Poco::JSON::Object::Ptr>()
                                   ->getArray("scanTasks")
                                   ->getObject(0)
                                   ->getObject("taskReference")
                                   ->getValue<std::string>("ID");
    plugin::NodeAnswer report = node.task(taskId, true);
    for (int waited = 0;
         waited < 10000 && report.body.find("\"overallState\":\"IN_PROGRESS\"") != std::string::npos;
         waited += 10)
    {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        report = node.task(taskId, true);
    }
    ASSERT_EQ(report.statusCode, 200);
    EXPECT_NE(report.body.find("\"overallState\":\"SUCCESS\""), std::string::npos) << report.body;
    EXPECT_EQ(analyzer->contents(), std::vector<std::string>{bytes}) << "the analyzers read the stored file";
}

TEST_F(LocalNodeClientTest, ContentThatIsNotTheStoredFileIsRefusedAndTheStoredFileStays)
{
    const std::string stored = "what the store holds";
    const std::string sha256 = store(stored);
    const std::string other = "something else, same length";

    const plugin::NodeAnswer answer = scan(other.substr(0, stored.size()), sha256, stored.size());

    EXPECT_EQ(answer.statusCode, 400) << answer.body;
    EXPECT_TRUE(blobs->size(sha256)) << "the stored file is not the refused upload's to remove";
}

TEST_F(LocalNodeClientTest, AFileTheStoreLacksIsStored)
{
    const std::string bytes = "new to this node";

    const plugin::NodeAnswer answer = scan(bytes, hexDigest("SHA256", bytes), bytes.size());

    ASSERT_EQ(answer.statusCode, 200) << answer.body;
    EXPECT_EQ(blobs->writers, 1);
    EXPECT_EQ(blobs->size(hexDigest("SHA256", bytes)), bytes.size());
}

} // namespace
} // namespace switchyard::plugins::nodelocal
