// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "BrokerDaemonTest.h"

#include <Poco/Base64Decoder.h>
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <mutex>
#include <random>
#include <signal.h>
#include <sstream>
#include <thread>

namespace switchyard::testsupport
{
namespace
{

struct Acknowledged
{
    std::string id;
    std::string content;
    int priority = 0;
    std::size_t order = 0;
};

class CrashRecoveryTest : public BrokerDaemonTest
{
protected:
    /// Submits small random files until the connection breaks, recording every 200.
    void submitUntilKilled(std::uint16_t port, std::mt19937& random)
    {
        std::uniform_int_distribution<int> size(1, 8192);
        std::uniform_int_distribution<int> priority(0, 2);
        while (true)
        {
            std::string content(static_cast<std::size_t>(size(random)), '\0');
            for (auto& c : content)
                c = static_cast<char>(random());
            int chosen = priority(random);
            MultipartBody body =
                MultipartBody().field("priority", std::to_string(chosen)).file("f.bin", content);
            Poco::Net::NameValueCollection headers;
            headers.set("X-Api-Key", SubmitSecret);
            HttpAnswer answer;
            try
            {
                answer = HttpTestClient("127.0.0.1", port)
                             .post("/submit", body.contentType(), body.text(), headers);
            }
            catch (const Poco::Exception&)
            {
                return; // the broker was killed mid-request: that file was never acknowledged
            }
            if (answer.status != 200)
                return;
            std::lock_guard<std::mutex> lock(mutex);
            Acknowledged entry;
            entry.id = answer.json()->getArray("acceptedFiles")->getObject(0)->getValue<std::string>("ID");
            entry.content = content;
            entry.priority = chosen;
            entry.order = acknowledged.size();
            acknowledged.push_back(entry);
        }
    }

    std::mutex mutex;
    std::vector<Acknowledged> acknowledged;
};

TEST_F(CrashRecoveryTest, EveryAcknowledgedSubmissionSurvivesKillNine)
{
    startBroker(true);
    std::mt19937 random(20261203);
    for (int round = 0; round < 4; ++round)
    {
        std::uint16_t port = daemon->httpPort();
        std::thread client([&] { submitUntilKilled(port, random); });
        std::this_thread::sleep_for(std::chrono::milliseconds(400 + 150 * round));
        daemon->signal(SIGKILL);
        client.join();
        ASSERT_EQ(daemon->waitForExit(10000), 128 + SIGKILL);
        restartDaemon();
        ASSERT_TRUE(daemon->isRunning());
    }
    ASSERT_GT(acknowledged.size(), 20u) << "the client hardly submitted anything";
    std::cout << "[ figures  ] " << acknowledged.size() << " submissions acknowledged across 4 SIGKILLs\n";

    // Dispatch order is priority, then arrival: positions must rise along that order.
    std::vector<Acknowledged> expected = acknowledged;
    std::stable_sort(expected.begin(), expected.end(),
                     [](const auto& a, const auto& b) { return a.priority > b.priority; });
    std::int64_t previousPosition = -1;
    for (const auto& entry : expected)
    {
        HttpAnswer status = read("/submit-result?submitID=" + entry.id);
        ASSERT_EQ(status.status, 200) << "lost: " << entry.id << " " << status.body;
        auto json = status.json();
        EXPECT_EQ(json->getValue<std::string>("state"), "QUEUED");
        EXPECT_EQ(json->getValue<int>("priority"), entry.priority);
        std::int64_t position = json->getValue<std::int64_t>("positionInQueue");
        EXPECT_GT(position, previousPosition) << "queue order broken at " << entry.id;
        previousPosition = position;

        HttpAnswer file = read("/file?uncompressed=true&sha256=" + digest("SHA256", entry.content));
        ASSERT_EQ(file.status, 200) << entry.id;
        std::istringstream encoded(file.json()->getValue<std::string>("base64"));
        Poco::Base64Decoder decoder(encoded);
        std::string stored;
        Poco::StreamCopier::copyToString(decoder, stored);
        EXPECT_EQ(stored == entry.content, true) << "blob of " << entry.id << " differs";
        EXPECT_EQ(file.json()->getObject("digests")->getValue<std::string>("SHA-512"),
                  digest("SHA512", entry.content));
    }

    // The blob store removed what the kills left half-written.
    std::size_t leftovers = 0;
    std::string incoming = directory.file("data/samples/.incoming");
    if (Poco::File(incoming).exists())
        for (Poco::DirectoryIterator it(incoming), end; it != end; ++it)
            ++leftovers;
    EXPECT_EQ(leftovers, 0u);
}

} // namespace
} // namespace switchyard::testsupport
