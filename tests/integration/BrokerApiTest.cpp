// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "BrokerDaemonTest.h"

#include <Poco/Base64Decoder.h>
#include <Poco/InflatingStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/StreamCopier.h>
#include <gmock/gmock.h>

#include <filesystem>
#include <sstream>

namespace switchyard::testsupport
{
namespace
{

using ::testing::HasSubstr;

std::string decodeBase64(const std::string& text)
{
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in);
    std::string decoded;
    Poco::StreamCopier::copyToString(decoder, decoded);
    return decoded;
}

std::string gunzip(const std::string& compressed)
{
    std::istringstream in(compressed);
    Poco::InflatingInputStream inflater(in, Poco::InflatingStreamBuf::STREAM_GZIP);
    std::string plain;
    Poco::StreamCopier::copyToString(inflater, plain);
    return plain;
}

void expectError(const HttpAnswer& answer, int status, const std::string& code)
{
    ASSERT_EQ(answer.status, status) << answer.body;
    EXPECT_EQ(answer.json()->getObject("error")->getValue<std::string>("code"), code) << answer.body;
}

class BrokerApiTest : public BrokerDaemonTest, public ::testing::WithParamInterface<bool>
{
protected:
    void SetUp() override { startBroker(GetParam()); }

    std::int64_t queueCount()
    {
        HttpAnswer info = read("/broker/system-info");
        return info.json()->getObject("queueInfo")->getValue<std::int64_t>("queueCount");
    }
};

TEST_P(BrokerApiTest, SubmitAcceptsAFileAndAnswersItsIdDigestMediaTypeAndPlace)
{
    std::string content = "plain words for the broker\n";
    HttpAnswer answer = submit(MultipartBody().file("note.txt", content));
    ASSERT_EQ(answer.status, 200) << answer.body;
    auto json = answer.json();
    ASSERT_EQ(json->getArray("acceptedFiles")->size(), 1u);
    EXPECT_EQ(json->getArray("rejectedFiles")->size(), 0u);
    EXPECT_EQ(json->getArray("submitWarnings")->size(), 0u);
    auto accepted = json->getArray("acceptedFiles")->getObject(0);
    EXPECT_EQ(accepted->getValue<std::string>("ID").size(), 36u);
    EXPECT_EQ(accepted->getValue<std::string>("submitName"), "note.txt");
    EXPECT_EQ(accepted->getValue<std::string>("sha256"), digest("SHA256", content));
    auto mediaType = accepted->getObject("mediaType");
    EXPECT_EQ(mediaType->getValue<std::string>("string"), "text/plain");
    EXPECT_EQ(mediaType->getValue<int>("slash"), 4);
    EXPECT_EQ(mediaType->getValue<int>("semicolon"), 10);
    EXPECT_EQ(accepted->getValue<int>("priority"), 0);
    EXPECT_EQ(accepted->getValue<int>("positionInQueue"), 0);
    EXPECT_TRUE(json->has("processTime"));
}

TEST_P(BrokerApiTest, SeveralFilePartsGiveSeveralEntriesQueuedByPriorityThenArrival)
{
    HttpAnswer low = submit(MultipartBody().file("a.bin", "first low").file("b.bin", "second low"));
    ASSERT_EQ(low.status, 200) << low.body;
    auto lowFiles = low.json()->getArray("acceptedFiles");
    ASSERT_EQ(lowFiles->size(), 2u);
    EXPECT_EQ(lowFiles->getObject(0)->getValue<int>("positionInQueue"), 0);
    EXPECT_EQ(lowFiles->getObject(1)->getValue<int>("positionInQueue"), 1);

    HttpAnswer high = submit(MultipartBody().field("priority", "100").file("urgent.bin", "urgent"));
    ASSERT_EQ(high.status, 200) << high.body;
    auto urgent = high.json()->getArray("acceptedFiles")->getObject(0);
    EXPECT_EQ(urgent->getValue<int>("priority"), 100);
    EXPECT_EQ(urgent->getValue<int>("positionInQueue"), 0);

    std::string firstId = lowFiles->getObject(0)->getValue<std::string>("ID");
    HttpAnswer status = read("/submit-result?submitID=" + firstId);
    ASSERT_EQ(status.status, 200) << status.body;
    EXPECT_EQ(status.json()->getValue<int>("positionInQueue"), 1) << "the urgent file went ahead of it";
    EXPECT_EQ(queueCount(), 3);
}

TEST_P(BrokerApiTest, EachRejectionReasonIsListedAndNothingIsQueuedForIt)
{
    HttpAnswer answer = submit(MultipartBody().file("empty.bin", "").file("fine.bin", "fine"));
    ASSERT_EQ(answer.status, 200) << answer.body;
    auto rejected = answer.json()->getArray("rejectedFiles");
    ASSERT_EQ(rejected->size(), 1u);
    EXPECT_EQ(rejected->getObject(0)->getValue<std::string>("rejectedReason"), "EMPTY_FILE");
    EXPECT_EQ(rejected->getObject(0)->getValue<std::string>("submitName"), "empty.bin");
    EXPECT_EQ(rejected->getObject(0)->getValue<int>("positionInQueue"), -1);
    EXPECT_FALSE(rejected->getObject(0)->getValue<bool>("isSourceFile"));
    EXPECT_EQ(answer.json()->getArray("acceptedFiles")->size(), 1u);

    HttpAnswer large = submit(MultipartBody().file("large.bin", std::string(2048, 'L')), "/submit-tiny");
    ASSERT_EQ(large.status, 200) << large.body;
    EXPECT_EQ(large.json()->getArray("rejectedFiles")->getObject(0)->getValue<std::string>("rejectedReason"),
              "TOO_LARGE_FILE");
    EXPECT_EQ(large.json()->getArray("acceptedFiles")->size(), 0u);

    // The bounded endpoint takes files while fewer than 2 are queued: 1 is, so one more fits.
    EXPECT_EQ(submit(MultipartBody().file("fits.bin", "fits"), "/submit-bounded")
                  .json()
                  ->getArray("acceptedFiles")
                  ->size(),
              1u);
    HttpAnswer full = submit(MultipartBody().file("full.bin", "no room"), "/submit-bounded");
    ASSERT_EQ(full.status, 200) << full.body;
    EXPECT_EQ(full.json()->getArray("rejectedFiles")->getObject(0)->getValue<std::string>("rejectedReason"),
              "SERVER_FULL");
    EXPECT_EQ(queueCount(), 2);
    EXPECT_EQ(read("/file?sha256=" + digest("SHA256", "no room")).status, 404)
        << "a refused file is not stored";
}

TEST_P(BrokerApiTest, BadRequestsAre400AndStoreNothing)
{
    expectError(submit(MultipartBody().field("priority", "101").file("a.bin", "x")), 400,
                "INVALID_PARAMETER");
    expectError(submit(MultipartBody().field("priority", "high").file("a.bin", "x")), 400,
                "INVALID_PARAMETER");
    expectError(submit(MultipartBody().field("skipWhitelistedFiles", "perhaps").file("a.bin", "x")), 400,
                "INVALID_PARAMETER");
    expectError(submit(MultipartBody().field("priority", "3")), 400, "MISSING_PARAMETER");
    Poco::Net::NameValueCollection headers;
    headers.set("X-Api-Key", SubmitSecret);
    expectError(httpsClient().post("/submit", "application/octet-stream", "raw bytes", headers), 400,
                "MALFORMED_BODY");
    std::string truncated = MultipartBody().file("cut.bin", "abc").text();
    truncated.resize(truncated.size() / 2);
    expectError(httpsClient().post("/submit", MultipartBody().contentType(), truncated, headers), 400,
                "MALFORMED_BODY");
    EXPECT_EQ(queueCount(), 0);
    EXPECT_EQ(read("/file?sha256=" + digest("SHA256", "x")).status, 404);
}

TEST_P(BrokerApiTest, SubmitNeedsASubmitKeyGivenInAnySpelling)
{
    MultipartBody body = MultipartBody().file("a.bin", "auth matters");
    HttpAnswer readOnly =
        httpsClient().post(std::string("/submit?secret=") + ReadSecret, body.contentType(), body.text());
    expectError(readOnly, 403, "INSUFFICIENT_LEVEL");
    expectError(httpsClient().post("/submit", body.contentType(), body.text()), 401, "MISSING_CREDENTIALS");
    MultipartBody wrong =
        MultipartBody().field("serect", "not-a-key-000000000000").file("a.bin", "auth matters");
    expectError(httpsClient().post("/submit", wrong.contentType(), wrong.text()), 401, "INVALID_CREDENTIALS");
    if (GetParam())
    {
        // Refused uploads leave no binary behind, nor a half-written one.
        std::size_t files = 0;
        for (const auto& entry :
             std::filesystem::recursive_directory_iterator(directory.file("data/samples")))
            files += entry.is_regular_file() ? 1 : 0;
        EXPECT_EQ(files, 0u);
    }
    MultipartBody inForm = MultipartBody().file("a.bin", "auth matters").field("serect", SubmitSecret);
    EXPECT_EQ(httpsClient().post("/submit", inForm.contentType(), inForm.text()).status, 200)
        << "the secret may come after the file part";
    MultipartBody modern = MultipartBody().field("secret", SubmitSecret).file("b.bin", "auth matters too");
    EXPECT_EQ(httpsClient().post("/submit", modern.contentType(), modern.text()).status, 200);
    EXPECT_EQ(queueCount(), 2);
}

TEST_P(BrokerApiTest, SubmitResultDescribesAQueuedSubmission)
{
    HttpAnswer submitted =
        submit(MultipartBody().field("priority", "7").field("password", "infected").file("r.bin", "result"));
    std::string id = submitted.json()->getArray("acceptedFiles")->getObject(0)->getValue<std::string>("ID");
    HttpAnswer answer = httpsClient().get("/submit-result?submitID=" + id + "&secret=" + ReadSecret);
    ASSERT_EQ(answer.status, 200) << answer.body;
    auto json = answer.json();
    EXPECT_EQ(json->getValue<std::string>("submitID"), id);
    EXPECT_EQ(json->getValue<std::string>("state"), "QUEUED");
    EXPECT_EQ(json->getValue<int>("positionInQueue"), 0);
    EXPECT_EQ(json->getValue<int>("priority"), 7);
    EXPECT_EQ(json->getValue<std::string>("submitName"), "r.bin");
    EXPECT_EQ(json->getValue<std::string>("sha256"), digest("SHA256", "result"));
    EXPECT_EQ(json->getValue<int>("attempts"), 0);
    for (const char* field : {"appServerID", "taskID", "statusCode", "result", "reason"})
    {
        ASSERT_TRUE(json->has(field)) << field;
        EXPECT_TRUE(json->isNull(field)) << field;
    }
    expectError(read("/submit-result"), 400, "MISSING_PARAMETER");
    expectError(read("/submit-result?submitID=00000000-0000-0000-0000-000000000000"), 404, "NOT_FOUND");
}

TEST_P(BrokerApiTest, FileServesTheBinaryGzippedByDefaultAndRawOnRequest)
{
    std::string content;
    for (int i = 0; i < 5000; ++i)
        content += "line " + std::to_string(i) + " of a compressible file\n";
    HttpAnswer submitted = submit(MultipartBody().file("lines.txt", content));
    ASSERT_EQ(submitted.status, 200) << submitted.body;
    std::string sha256 = digest("SHA256", content);

    HttpAnswer compressed = read("/file?sha256=" + sha256);
    ASSERT_EQ(compressed.status, 200) << compressed.body.substr(0, 300);
    auto json = compressed.json();
    EXPECT_EQ(json->getValue<std::uint64_t>("fileSize"), content.size());
    EXPECT_EQ(json->getObject("mediaType")->getValue<std::string>("string"), "text/plain");
    auto digests = json->getObject("digests");
    EXPECT_EQ(digests->getValue<std::string>("MD5"), digest("MD5", content));
    EXPECT_EQ(digests->getValue<std::string>("SHA-1"), digest("SHA1", content));
    EXPECT_EQ(digests->getValue<std::string>("SHA-256"), sha256);
    EXPECT_EQ(digests->getValue<std::string>("SHA-512"), digest("SHA512", content));
    std::string base64 = json->getValue<std::string>("base64");
    EXPECT_LT(base64.size(), content.size() / 2) << "compressed";
    EXPECT_EQ(gunzip(decodeBase64(base64)), content);
    EXPECT_EQ(json->getValue<std::string>("compressedBase64"), base64);

    HttpAnswer raw = read("/file?uncompressed=true&sha256=" + sha256);
    ASSERT_EQ(raw.status, 200);
    EXPECT_EQ(decodeBase64(raw.json()->getValue<std::string>("base64")), content);
    EXPECT_FALSE(raw.json()->has("compressedBase64"));

    expectError(read("/file?sha256=" + std::string(64, '0')), 404, "NOT_FOUND");
    expectError(read("/file?sha256=xyz"), 400, "INVALID_PARAMETER");
    expectError(read("/file"), 400, "MISSING_PARAMETER");
    expectError(read("/file?sha256=" + sha256 + "&uncompressed=maybe"), 400, "INVALID_PARAMETER");
}

TEST_P(BrokerApiTest, SystemInfoCountsTheQueueAndReportsTheStorageAreas)
{
    submit(MultipartBody().file("1.bin", "one").file("2.bin", "two"));
    HttpAnswer info = read("/broker/system-info");
    ASSERT_EQ(info.status, 200) << info.body;
    EXPECT_EQ(info.json()->getObject("queueInfo")->getValue<int>("queueCount"), 2);
    auto disk = info.json()->getObject("freeDiscSpaceInMb");
    EXPECT_TRUE(disk->has("fsTemp"));
    if (GetParam())
    {
        EXPECT_TRUE(disk->has("Samples")) << info.body;
        EXPECT_TRUE(disk->has("fsBrokerQueue")) << info.body;
    }
}

INSTANTIATE_TEST_SUITE_P(Storage, BrokerApiTest, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "Durable" : "InMemory"; });

} // namespace
} // namespace switchyard::testsupport
