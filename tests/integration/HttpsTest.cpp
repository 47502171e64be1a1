// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "DaemonTest.h"

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SSLManager.h>

namespace switchyard::testsupport
{
namespace
{

class HttpsTest : public DaemonTest
{
protected:
    static void SetUpTestSuite() { Poco::Net::initializeSSL(); }
    static void TearDownTestSuite() { Poco::Net::uninitializeSSL(); }
    void SetUp() override { startDaemon(); }
};

TEST_F(HttpsTest, ServesTheApiOverTls)
{
    auto client = httpsClient();
    HttpAnswer answer = client.get(std::string("/system-info?serect=") + ReadSecret);
    ASSERT_EQ(answer.status, 200) << answer.body;
    EXPECT_TRUE(answer.json()->has("versionInfo"));
    HttpAnswer refused = client.get("/system-info?serect=wrong-secret");
    EXPECT_EQ(refused.status, 401);
    EXPECT_EQ(refused.json()->getObject("error")->getValue<std::string>("code"), "INVALID_CREDENTIALS");
}

TEST_F(HttpsTest, RefusesProtocolsBelowTls12)
{
    Poco::Net::Context::Params params;
    params.verificationMode = Poco::Net::Context::VERIFY_NONE;
    params.loadDefaultCAs = false;
    Poco::Net::Context::Ptr oldClient = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
    oldClient->disableProtocols(Poco::Net::Context::PROTO_TLSV1_2 | Poco::Net::Context::PROTO_TLSV1_3);
    Poco::Net::HTTPSClientSession session("127.0.0.1", daemon->httpsPort(), oldClient);
    session.setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest request("GET", "/system-info", "HTTP/1.1");
    EXPECT_THROW(
        {
            session.sendRequest(request);
            Poco::Net::HTTPResponse response;
            session.receiveResponse(response);
        },
        Poco::Exception);
}

} // namespace
} // namespace switchyard::testsupport
