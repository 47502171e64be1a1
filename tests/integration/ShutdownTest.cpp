// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "DaemonTest.h"

#include <Poco/Net/NetException.h>
#include <gmock/gmock.h>

#include <future>
#include <signal.h>

namespace switchyard::testsupport
{
namespace
{

class ShutdownTest : public DaemonTest
{
};

TEST_F(ShutdownTest, SigtermFinishesTheRequestInFlightThenExitsZero)
{
    startDaemon();
    std::uint16_t port = daemon->httpPort();
    auto inFlight = std::async(std::launch::async,
                               [port] { return HttpTestClient("127.0.0.1", port).get("/sleep?ms=1500"); });
    // Give the request time to reach the endpoint.
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    daemon->signal(SIGTERM);

    HttpAnswer answer = inFlight.get();
    EXPECT_EQ(answer.status, 200) << answer.body;
    EXPECT_EQ(answer.json()->getValue<int>("slept"), 1500);
    EXPECT_EQ(daemon->waitForExit(20000), 0) << daemon->output();
    EXPECT_THROW(HttpTestClient("127.0.0.1", port).get("/sleep?ms=1"), Poco::Net::NetException);
    EXPECT_THAT(daemon->output(), ::testing::HasSubstr("stopped"));
}

TEST_F(ShutdownTest, SigintStopsAnIdleDaemonWithKeepAliveConnectionsOpen)
{
    startDaemon();
    auto client = httpClient();
    EXPECT_EQ(client.get("/sleep?ms=1").status, 200);
    daemon->signal(SIGINT);
    EXPECT_EQ(daemon->waitForExit(20000), 0) << daemon->output();
}

} // namespace
} // namespace switchyard::testsupport
