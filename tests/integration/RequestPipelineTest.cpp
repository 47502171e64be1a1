// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "DaemonTest.h"

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <gmock/gmock.h>

namespace switchyard::testsupport
{
namespace
{

using ::testing::HasSubstr;

void expectError(const HttpAnswer& answer, int status, const std::string& code)
{
    EXPECT_EQ(answer.status, status) << answer.body;
    EXPECT_EQ(answer.headers.get("Content-Type", ""), "application/json; charset=utf-8");
    auto json = answer.json();
    ASSERT_TRUE(json->has("error")) << answer.body;
    EXPECT_EQ(json->getObject("error")->getValue<std::string>("code"), code) << answer.body;
    EXPECT_FALSE(json->getObject("error")->getValue<std::string>("message").empty());
    EXPECT_TRUE(json->has("processTime"));
}

class RequestPipelineTest : public DaemonTest
{
protected:
    void SetUp() override { startDaemon(); }
};

TEST_F(RequestPipelineTest, SystemInfoAnswersTheDocumentedFields)
{
    HttpAnswer answer = httpClient().get(std::string("/system-info?serect=") + ReadSecret);
    ASSERT_EQ(answer.status, 200) << answer.body;
    auto json = answer.json();
    for (const char* field : {"versionInfo", "queueInfo", "memoryStats", "freeDiscSpaceInMb", "processTime"})
        EXPECT_TRUE(json->has(field)) << field << " missing in " << answer.body;
    EXPECT_EQ(json->getObject("versionInfo")->getValue<std::string>("version"), "0.1.0");
    EXPECT_EQ(json->getObject("queueInfo")->getValue<int>("queueCount"), 0);
    EXPECT_GT(json->getObject("memoryStats")->getValue<double>("usedMemory"), 0);
}

TEST_F(RequestPipelineTest, EverySecretSpellingIsAccepted)
{
    auto client = httpClient();
    EXPECT_EQ(client.get(std::string("/system-info?secret=") + ReadSecret).status, 200);
    EXPECT_EQ(client.get(std::string("/system-info?serect=") + ReadSecret).status, 200);
    Poco::Net::NameValueCollection apiKey;
    apiKey.set("X-Api-Key", ReadSecret);
    EXPECT_EQ(client.get("/system-info", apiKey).status, 200);
    Poco::Net::NameValueCollection bearer;
    bearer.set("Authorization", std::string("Bearer ") + ReadSecret);
    EXPECT_EQ(client.get("/system-info", bearer).status, 200);
    HttpAnswer form = client.post("/echo", "application/x-www-form-urlencoded",
                                  std::string("serect=") + ReadSecret + "&color=blue");
    ASSERT_EQ(form.status, 200) << form.body;
    EXPECT_EQ(form.json()->getValue<std::string>("keyName"), "reader");
    EXPECT_EQ(form.json()->getObject("parameters")->getValue<std::string>("color"), "blue");
}

TEST_F(RequestPipelineTest, MultipartSecretIsCheckedByTheEndpointBeforeItActs)
{
    std::string boundary = "sy-boundary";
    std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"secret\"\r\n\r\n" +
                       SubmitSecret + "\r\n--" + boundary +
                       "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
                       "Content-Type: application/octet-stream\r\n\r\n0123456789\r\n--" +
                       boundary + "--\r\n";
    auto client = httpClient();
    HttpAnswer granted = client.post("/echo", "multipart/form-data; boundary=" + boundary, body);
    ASSERT_EQ(granted.status, 200) << granted.body;
    EXPECT_EQ(granted.json()->getValue<std::string>("keyName"), "submitter");
    EXPECT_EQ(granted.json()->getValue<int>("bodyBytes"), 10);

    std::string wrong = body;
    wrong.replace(wrong.find(SubmitSecret), std::string(SubmitSecret).size(), "not-the-secret-at-all-xxxx");
    expectError(httpClient().post("/echo", "multipart/form-data; boundary=" + boundary, wrong), 401,
                "INVALID_CREDENTIALS");
}

TEST_F(RequestPipelineTest, MissingOrWrongSecretIsRefusedWithJson)
{
    expectError(httpClient().get("/system-info"), 401, "MISSING_CREDENTIALS");
    expectError(httpClient().get("/system-info?serect=wrong"), 401, "INVALID_CREDENTIALS");
    Poco::Net::NameValueCollection bearer;
    bearer.set("Authorization", "Bearer wrong-secret");
    expectError(httpClient().get("/system-info", bearer), 401, "INVALID_CREDENTIALS");
}

TEST_F(RequestPipelineTest, LevelsAreEnforcedAndHigherLevelsIncludeLowerOnes)
{
    auto client = httpClient();
    expectError(client.get(std::string("/admin/system-info?secret=") + ReadSecret), 403,
                "INSUFFICIENT_LEVEL");
    expectError(client.get(std::string("/admin/system-info?secret=") + SubmitSecret), 403,
                "INSUFFICIENT_LEVEL");
    EXPECT_EQ(client.get(std::string("/admin/system-info?secret=") + AdminSecret).status, 200);
    EXPECT_EQ(client.get(std::string("/system-info?secret=") + SubmitSecret).status, 200);
    EXPECT_EQ(client.get(std::string("/system-info?secret=") + AdminSecret).status, 200);
}

TEST_F(RequestPipelineTest, UnknownPathIs404Json)
{
    expectError(httpClient().get(std::string("/nowhere?secret=") + ReadSecret), 404, "NOT_FOUND");
}

TEST_F(RequestPipelineTest, WrongMethodIs405WithAllow)
{
    HttpAnswer answer =
        httpClient().send("DELETE", std::string("/system-info?secret=") + ReadSecret, "", "", {});
    expectError(answer, 405, "METHOD_NOT_ALLOWED");
    EXPECT_EQ(answer.headers.get("Allow", ""), "GET");
}

TEST_F(RequestPipelineTest, BodyOverTheLimitIs413BothDeclaredAndStreamed)
{
    std::string large(5000, 'x');
    expectError(
        httpClient().post(std::string("/echo?secret=") + ReadSecret, "application/octet-stream", large), 413,
        "BODY_TOO_LARGE");
    EXPECT_EQ(httpClient()
                  .post(std::string("/echo?secret=") + ReadSecret, "application/octet-stream",
                        std::string(4096, 'y'))
                  .status,
              200);

    // Chunked: no Content-Length to check up front, so the kernel's limited body stream catches it.
    Poco::Net::HTTPClientSession session("127.0.0.1", daemon->httpPort());
    Poco::Net::HTTPRequest request("POST", std::string("/echo?secret=") + ReadSecret, "HTTP/1.1");
    request.setChunkedTransferEncoding(true);
    request.setContentType("application/octet-stream");
    session.sendRequest(request) << large;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    std::string body(std::istreambuf_iterator<char>(in), {});
    EXPECT_EQ(response.getStatus(), 413) << body;
    EXPECT_THAT(body, HasSubstr("BODY_TOO_LARGE"));
}

TEST_F(RequestPipelineTest, AnEndpointThatThrowsGives500WithARequestIdAndTheServerStaysUp)
{
    HttpAnswer answer = httpClient().get("/throw");
    expectError(answer, 500, "INTERNAL_ERROR");
    EXPECT_THAT(answer.json()->getObject("error")->getValue<std::string>("message"), HasSubstr("request id"));
    EXPECT_THAT(answer.body, ::testing::Not(HasSubstr("fixture failure")));
    expectError(httpClient().get("/silent"), 500, "INTERNAL_ERROR");
    EXPECT_EQ(httpClient().get(std::string("/system-info?secret=") + ReadSecret).status, 200);
    EXPECT_THAT(daemon->output(), HasSubstr("fixture failure"));
}

TEST_F(RequestPipelineTest, MalformedQueryIs400)
{
    expectError(httpClient().get("/echo?secret=%zz"), 400, "INVALID_PARAMETER");
}

TEST_F(RequestPipelineTest, AccessLogHasOneLinePerRequestWithKeyNameAndNoQuery)
{
    httpClient().get(std::string("/system-info?secret=") + ReadSecret);
    std::string output = daemon->output();
    EXPECT_THAT(output, HasSubstr("GET /system-info 200"));
    EXPECT_THAT(output, HasSubstr("key=reader"));
    EXPECT_THAT(output, ::testing::Not(HasSubstr("secret=")));
}

} // namespace
} // namespace switchyard::testsupport
