// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "BrokerDaemonTest.h"

#include <Poco/Crypto/DigestEngine.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/NumberParser.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstring>
#include <iostream>
#include <random>
#include <thread>

namespace switchyard::testsupport
{
namespace
{

class LargeUploadTest : public BrokerDaemonTest
{
};

TEST_F(LargeUploadTest, AFileOverTwoGibibytesIsStreamedWithoutGrowingTheBroker)
{
    constexpr std::uint64_t FileBytes = (2ull << 30) + (64ull << 20) + 12345; // 2 GiB + 64 MiB + a bit
    startBroker(true, "switchyard.instances.large.type = endpoint.submit\n"
                      "switchyard.instances.large.path = /submit-large\n"
                      "switchyard.instances.large.auth = auth\n"
                      "switchyard.instances.large.uses = db, samples\n"
                      "switchyard.instances.large.minFreeDiskMiB = 0\n"
                      "switchyard.instances.large.maxFileSizeInKilobytes = 4194304\n"
                      "switchyard.instances.large.maxBodyBytes = 4294967296\n");
    // Warm the broker up (TLS, first request paths) before taking the baseline.
    ASSERT_EQ(submit(MultipartBody().file("warm.bin", "warm up")).status, 200);
    const std::uint64_t baseline = daemon->residentBytes();

    std::atomic<bool> uploading{true};
    std::atomic<std::uint64_t> peak{baseline};
    std::thread sampler(
        [&]
        {
            while (uploading)
            {
                peak = std::max<std::uint64_t>(peak, daemon->residentBytes());
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        });

    const std::string boundary = MultipartBody::Boundary;
    const std::string preamble =
        "--" + boundary +
        "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"large.bin\"\r\n"
        "Content-Type: application/octet-stream\r\n\r\n";
    const std::string epilogue = "\r\n--" + boundary + "--\r\n";
    Poco::Net::HTTPSClientSession session("127.0.0.1", daemon->httpsPort(), trustingContext());
    session.setTimeout(Poco::Timespan(300, 0));
    Poco::Net::HTTPRequest request("POST", "/submit-large", "HTTP/1.1");
    request.setContentType(MultipartBody().contentType());
    request.setContentLength64(static_cast<Poco::Int64>(preamble.size() + FileBytes + epilogue.size()));
    request.set("X-Api-Key", SubmitSecret);

    // One random mebibyte, varied per chunk so the file is not a repetition.
    std::vector<char> chunk(1 << 20);
    std::mt19937_64 random(7);
    for (auto& c : chunk)
        c = static_cast<char>(random());
    Poco::Crypto::DigestEngine sha256("SHA256");
    std::ostream& out = session.sendRequest(request);
    out << preamble;
    for (std::uint64_t sent = 0, index = 0; sent < FileBytes; ++index)
    {
        std::memcpy(chunk.data(), &index, sizeof index);
        std::size_t size = static_cast<std::size_t>(std::min<std::uint64_t>(chunk.size(), FileBytes - sent));
        sha256.update(chunk.data(), size);
        out.write(chunk.data(), static_cast<std::streamsize>(size));
        sent += size;
    }
    out << epilogue;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    HttpAnswer answer;
    answer.status = response.getStatus();
    Poco::StreamCopier::copyToString(in, answer.body);
    uploading = false;
    sampler.join();

    ASSERT_EQ(answer.status, 200) << answer.body;
    auto accepted = answer.json()->getArray("acceptedFiles");
    ASSERT_EQ(accepted->size(), 1u) << answer.body;
    EXPECT_EQ(accepted->getObject(0)->getValue<std::string>("sha256"),
              Poco::Crypto::DigestEngine::digestToHex(sha256.digest()));
    const std::uint64_t growth = peak > baseline ? peak - baseline : 0;
    RecordProperty("rssGrowthBytes", std::to_string(growth));
    std::cout << "[ figures  ] " << FileBytes << " bytes uploaded; broker RSS " << baseline / 1024
              << " KiB before, peak " << peak / 1024 << " KiB (growth " << growth / 1024 << " KiB)\n";
    EXPECT_LT(growth, 64ull << 20) << "RSS grew from " << baseline << " to " << peak;

    HttpAnswer status =
        read("/submit-result?submitID=" + accepted->getObject(0)->getValue<std::string>("ID"));
    EXPECT_EQ(status.json()->getValue<std::string>("state"), "QUEUED");
}

} // namespace
} // namespace switchyard::testsupport
