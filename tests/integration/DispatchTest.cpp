// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "DispatchDaemonTest.h"

#include <Poco/JSON/Array.h>
#include <gmock/gmock.h>

#include <algorithm>
#include <signal.h>
#include <sstream>
#include <thread>

namespace switchyard::testsupport
{
namespace
{

using ::testing::HasSubstr;

std::vector<std::pair<std::string, std::string>> distinctFiles(std::size_t count, const std::string& prefix)
{
    std::vector<std::pair<std::string, std::string>> files;
    for (std::size_t i = 0; i < count; ++i)
        files.emplace_back(prefix + std::to_string(i) + ".bin",
                           prefix + " content number " + std::to_string(i));
    return files;
}

class DispatchTest : public DispatchDaemonTest
{
};

TEST_F(DispatchTest, RoundRobinSpreadsEvenlyAndTheReportArrives)
{
    startDispatching(3, "dispatch.round-robin");
    std::vector<std::string> ids = submitFiles(distinctFiles(30, "rr"));
    ASSERT_EQ(ids.size(), 30u);
    EXPECT_EQ(waitUntilDispatched(ids)["SUCCESS"], 30);
    for (const auto& node : nodes)
    {
        EXPECT_GE(node->acceptedCount(), 9u);
        EXPECT_LE(node->acceptedCount(), 11u);
    }

    auto status = waitForState(ids[0], "SUCCESS");
    EXPECT_THAT(status->getValue<std::string>("appServerID"), ::testing::StartsWith("app"));
    EXPECT_FALSE(status->getValue<std::string>("taskID").empty());
    EXPECT_EQ(status->getValue<int>("statusCode"), 200);
    EXPECT_TRUE(status->getObject("result")->has("scanTasks"));

    // The task finishes on its node after 200 ms; the broker's polling caches the report.
    HttpAnswer report;
    for (int i = 0; i < 100; ++i)
    {
        report = read("/task?submitID=" + ids[0]);
        if (report.status == 200 && report.json()->getObject("result")->has("finalVerdict"))
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_EQ(report.status, 200) << report.body;
    auto result = report.json()->getObject("result");
    EXPECT_EQ(result->getValue<std::string>("overallState"), "SUCCESS");
    EXPECT_EQ(result->getObject("finalVerdict")->getValue<std::string>("verdict"), "NO_THREAT");

    // The same report by node and task ID.
    HttpAnswer byTask = read("/task?appServerID=" + status->getValue<std::string>("appServerID") +
                             "&taskID=" + status->getValue<std::string>("taskID"));
    EXPECT_EQ(byTask.status, 200);
}

TEST_F(DispatchTest, TaskIs204WhileQueuedAnd404ForUnknownIds)
{
    startDispatching(1, "dispatch.round-robin");
    nodes[0]->setBehaviour(FakeNodeServer::Behaviour::Fail500);
    nodes[0]->stop(); // nothing can be dispatched
    std::vector<std::string> ids = submitFiles({{"waiting.bin", "waits"}});
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    HttpAnswer queued = read("/task?submitID=" + ids[0]);
    EXPECT_EQ(queued.status, 204);
    EXPECT_EQ(read("/task?submitID=00000000-0000-0000-0000-000000000000").status, 404);
    EXPECT_EQ(read("/task").status, 400);
}

TEST_F(DispatchTest, WeightsThreeToOneGiveSeventyFiveTwentyFive)
{
    startDispatching(2, "dispatch.weighted", "app1.weight = 3\napp2.weight = 1\n");
    std::vector<std::string> ids;
    for (int batch = 0; batch < 10; ++batch)
    {
        auto some = submitFiles(distinctFiles(40, "w" + std::to_string(batch) + "-"));
        ids.insert(ids.end(), some.begin(), some.end());
    }
    ASSERT_EQ(ids.size(), 400u);
    EXPECT_EQ(waitUntilDispatched(ids)["SUCCESS"], 400);
    EXPECT_NEAR(static_cast<double>(nodes[0]->acceptedCount()), 300.0, 20.0);
    EXPECT_NEAR(static_cast<double>(nodes[1]->acceptedCount()), 100.0, 20.0);
}

TEST_F(DispatchTest, LeastOutstandingSendsMostWorkToTheFastNode)
{
    startDispatching(2, "dispatch.least-outstanding");
    nodes[0]->setTaskDuration(20000); // app1 is slow: its tasks stay in flight
    nodes[1]->setTaskDuration(10);
    std::vector<std::string> ids;
    for (int batch = 0; batch < 6; ++batch)
    {
        auto some = submitFiles(distinctFiles(10, "lo" + std::to_string(batch) + "-"));
        ids.insert(ids.end(), some.begin(), some.end());
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
    }
    EXPECT_EQ(waitUntilDispatched(ids)["SUCCESS"], 60);
    EXPECT_GE(nodes[1]->acceptedCount(), 2 * nodes[0]->acceptedCount())
        << "slow " << nodes[0]->acceptedCount() << ", fast " << nodes[1]->acceptedCount();
}

TEST_F(DispatchTest, MediaTypeRulesRouteEachTypeToItsGroup)
{
    startDispatching(3, "dispatch.media-type",
                     "switchyard.instances.dispatch.rules = pdf, text\n"
                     "switchyard.instances.dispatch.rules.pdf.mediaTypes = application/pdf\n"
                     "switchyard.instances.dispatch.rules.pdf.nodes = app1\n"
                     "switchyard.instances.dispatch.rules.text.mediaTypes = text/*\n"
                     "switchyard.instances.dispatch.rules.text.nodes = app2\n"
                     "switchyard.instances.dispatch.fallback = app3\n");
    std::string pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
    std::string binary("\x00\x01\x02\x03\xff\xfe\xfd\x10\x11\x12\x13", 11);
    std::vector<std::string> ids = submitFiles({{"a.pdf", pdf},
                                                {"b.pdf", pdf + " "},
                                                {"a.txt", "just some words\n"},
                                                {"b.txt", "more words here\n"},
                                                {"a.bin", binary},
                                                {"b.bin", binary + "x"}});
    EXPECT_EQ(waitUntilDispatched(ids)["SUCCESS"], 6);
    auto names = [](const FakeNodeServer& node)
    {
        auto accepted = node.acceptedNames();
        std::sort(accepted.begin(), accepted.end());
        return accepted;
    };
    EXPECT_EQ(names(*nodes[0]), (std::vector<std::string>{"a.pdf", "b.pdf"}));
    EXPECT_EQ(names(*nodes[1]), (std::vector<std::string>{"a.txt", "b.txt"}));
    EXPECT_EQ(names(*nodes[2]), (std::vector<std::string>{"a.bin", "b.bin"}));
}

TEST_F(DispatchTest, ConsistentHashSendsRepeatsOfAFileToTheSameNode)
{
    startDispatching(3, "dispatch.consistent-hash");
    std::vector<std::pair<std::string, std::string>> repeats;
    for (int i = 0; i < 6; ++i)
        repeats.emplace_back("same-" + std::to_string(i) + ".bin", "identical bytes every time");
    std::vector<std::string> ids = submitFiles(repeats);
    EXPECT_EQ(waitUntilDispatched(ids)["SUCCESS"], 6);
    std::size_t holders = 0;
    for (const auto& node : nodes)
        if (node->acceptedCount() > 0)
        {
            ++holders;
            EXPECT_EQ(node->acceptedCount(), 6u);
        }
    EXPECT_EQ(holders, 1u);
}

TEST_F(DispatchTest, ANodeAnswering500IsSkippedAndTheFileGoesElsewhere)
{
    startDispatching(2, "dispatch.round-robin");
    nodes[0]->setBehaviour(FakeNodeServer::Behaviour::Fail500);
    std::vector<std::string> ids = submitFiles(distinctFiles(10, "f500-"));
    EXPECT_EQ(waitUntilDispatched(ids)["SUCCESS"], 10);
    EXPECT_EQ(nodes[1]->acceptedCount(), 10u);
    EXPECT_GE(nodes[0]->scanRequests(), 1u);
    for (const auto& id : ids)
        EXPECT_EQ(waitForState(id, "SUCCESS")->getValue<std::string>("appServerID"), "app2");
}

TEST_F(DispatchTest, WhenEveryAttemptFailsTheSubmissionIsFailedWithTheReasons)
{
    startDispatching(2, "dispatch.round-robin");
    nodes[0]->setBehaviour(FakeNodeServer::Behaviour::Fail500);
    nodes[1]->setBehaviour(FakeNodeServer::Behaviour::Fail500);
    std::vector<std::string> ids = submitFiles({{"doomed.bin", "no node will take this"}});
    auto status = waitForState(ids[0], "FAILED");
    ASSERT_EQ(status->getValue<std::string>("state"), "FAILED");
    std::string reason = status->getValue<std::string>("reason");
    EXPECT_THAT(reason, HasSubstr("all 3 attempts failed"));
    EXPECT_THAT(reason, HasSubstr("answered HTTP 500"));
    EXPECT_EQ(status->getValue<int>("attempts"), 3);
    HttpAnswer task = read("/task?submitID=" + ids[0]);
    EXPECT_EQ(task.status, 200);
    EXPECT_EQ(task.json()->getValue<std::string>("state"), "FAILED");
}

TEST_F(DispatchTest, TaskOfANodeThatCannotBeAskedIsInProgressNotAServerError)
{
    startDispatching(1, "dispatch.round-robin");
    nodes[0]->setTaskDuration(60000);
    std::vector<std::string> ids = submitFiles({{"unreachable.bin", "its node goes quiet"}});
    ASSERT_EQ(waitUntilDispatched(ids)["SUCCESS"], 1);
    nodes[0]->setBehaviour(FakeNodeServer::Behaviour::Dead);
    HttpAnswer task = read("/task?submitID=" + ids[0]);
    ASSERT_EQ(task.status, 200) << task.body;
    auto result = task.json()->getObject("result");
    ASSERT_TRUE(result) << task.body;
    EXPECT_EQ(result->getValue<std::string>("overallState"), "IN_PROGRESS");
    EXPECT_FALSE(result->has("finalVerdict"));
}

TEST_F(DispatchTest, ANodeThatHangsPastTheReadTimeoutIsLeftForAnother)
{
    startDispatching(2, "dispatch.round-robin", "app1.readTimeout = 1\n");
    nodes[0]->setBehaviour(FakeNodeServer::Behaviour::Hang);
    std::vector<std::string> ids = submitFiles(distinctFiles(4, "hang-"));
    EXPECT_EQ(waitUntilDispatched(ids, 60000)["SUCCESS"], 4);
    EXPECT_EQ(nodes[1]->acceptedCount(), 4u);
}

TEST_F(DispatchTest, TasksOnANodeThatDiesAreDispatchedAgainAndItIsReadmittedLater)
{
    startDispatching(2, "dispatch.round-robin");
    nodes[0]->setTaskDuration(60000); // app1 never finishes before it dies
    nodes[1]->setTaskDuration(50);
    std::vector<std::string> ids = submitFiles(distinctFiles(10, "die-"));
    EXPECT_EQ(waitUntilDispatched(ids)["SUCCESS"], 10);
    std::size_t onFirst = nodes[0]->acceptedCount();
    ASSERT_GT(onFirst, 0u);

    nodes[0]->kill(); // its unfinished tasks must come back and go to app2
    for (const auto& id : ids)
    {
        HttpAnswer report;
        for (int i = 0; i < 400; ++i)
        {
            report = read("/task?submitID=" + id);
            if (report.status == 200 && report.json()->getObject("result")->has("finalVerdict"))
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        ASSERT_EQ(report.status, 200) << id << " " << report.body;
        EXPECT_EQ(waitForState(id, "SUCCESS")->getValue<std::string>("appServerID"), "app2");
    }
    EXPECT_EQ(nodes[1]->acceptedCount(), 10u);

    nodes[0]->setTaskDuration(10);
    nodes[0]->revive(); // back: re-admitted once its probe answers
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    std::vector<std::string> more = submitFiles(distinctFiles(6, "back-"));
    EXPECT_EQ(waitUntilDispatched(more)["SUCCESS"], 6);
    EXPECT_GT(nodes[0]->acceptedCount(), onFirst) << "app1 was re-admitted";
}

TEST_F(DispatchTest, FilesInFlightWhenTheBrokerIsKilledAreDispatchedAfterRestart)
{
    startDispatching(2, "dispatch.round-robin");
    for (auto& node : nodes)
        node->setScanDelay(1500); // hand-overs take long: the kill lands during them
    std::vector<std::string> ids = submitFiles(distinctFiles(6, "kill-"));
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    daemon->signal(SIGKILL);
    ASSERT_EQ(daemon->waitForExit(10000), 128 + SIGKILL);
    for (auto& node : nodes)
        node->setScanDelay(0);
    restartDaemon();
    std::map<std::string, int> states = waitUntilDispatched(ids);
    EXPECT_EQ(states["SUCCESS"], 6) << "none lost";
    for (const auto& id : ids)
        EXPECT_EQ(waitForState(id, "SUCCESS")->getValue<std::string>("state"), "SUCCESS");
}

TEST_F(DispatchTest, WaitingForAFullNodeCountsNoAttempt)
{
    startDispatching(1, "dispatch.round-robin", "app1.maxInFlight = 1\n");
    nodes[0]->setTaskDuration(700);
    std::vector<std::string> ids = submitFiles(distinctFiles(3, "full-"));
    ASSERT_EQ(ids.size(), 3u);
    // While the first is on the node, the last waits in the queue without spending attempts.
    ASSERT_EQ(waitForState(ids[0], "SUCCESS")->getValue<std::string>("state"), "SUCCESS");
    Poco::JSON::Object::Ptr waiting = read("/submit-result?submitID=" + ids[2]).json();
    EXPECT_EQ(waiting->getValue<std::string>("state"), "QUEUED");
    EXPECT_EQ(waiting->getValue<int>("attempts"), 0);
    EXPECT_EQ(waitUntilDispatched(ids)["SUCCESS"], 3);
    for (const auto& id : ids)
        EXPECT_EQ(waitForState(id, "SUCCESS")->getValue<int>("attempts"), 1) << "waiting is not an attempt";
    EXPECT_EQ(nodes[0]->scanRequests(), 3u);
}

TEST_F(DispatchTest, AFileNoNodeTakesIsFailedAtOnceAndTheRestGoOn)
{
    startDispatching(2, "dispatch.round-robin", "app.default.mediaTypes = application/pdf\n");
    std::string pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
    std::vector<std::string> ids = submitFiles({{"words.txt", "just some words\n"}, {"a.pdf", pdf}});
    ASSERT_EQ(ids.size(), 2u);
    auto text = waitForState(ids[0], "FAILED");
    ASSERT_EQ(text->getValue<std::string>("state"), "FAILED");
    EXPECT_THAT(text->getValue<std::string>("reason"),
                HasSubstr("no configured node takes media type text/plain"));
    EXPECT_EQ(waitForState(ids[1], "SUCCESS")->getValue<std::string>("state"), "SUCCESS");
}

TEST_F(DispatchTest, ABusyNodeIsNotEjectedAndItsFilesGoElsewhere)
{
    startDispatching(2, "dispatch.round-robin");
    nodes[0]->setBehaviour(FakeNodeServer::Behaviour::Busy503);
    std::vector<std::string> ids = submitFiles(distinctFiles(8, "busy-"));
    EXPECT_EQ(waitUntilDispatched(ids)["SUCCESS"], 8);
    EXPECT_EQ(nodes[1]->acceptedCount(), 8u);
    HttpAnswer info =
        httpsClient().get(std::string("/broker/system-info?appServers=true&serect=") + AdminSecret);
    ASSERT_EQ(info.status, 200) << info.body;
    auto busy = info.json()->getArray("appServers")->getObject(0);
    EXPECT_EQ(busy->getValue<std::string>("state"), "healthy") << "busy is not broken";
    EXPECT_THAT(busy->getValue<std::string>("lastError"), HasSubstr("503"));
}

TEST_F(DispatchTest, AFileInRetryBackOffDoesNotHoldUpTheQueue)
{
    // A long back-off: the first file fails on app1 and waits; the ones behind it go ahead.
    startDispatching(2, "dispatch.round-robin", "switchyard.dispatcher.retryBackoffMilliseconds = 4000\n");
    nodes[0]->setBehaviour(FakeNodeServer::Behaviour::Fail500);
    std::vector<std::string> first = submitFiles(distinctFiles(1, "backoff-first-"), 100);
    ASSERT_EQ(first.size(), 1u);
    // Once it has failed its first attempt, it waits out the back-off.
    Poco::JSON::Object::Ptr status;
    bool waiting = false;
    for (int waited = 0; waited < 15000 && !waiting; waited += 20)
    {
        status = read("/submit-result?submitID=" + first[0]).json();
        waiting = status->getValue<int>("attempts") == 1 &&
                  status->getValue<std::string>("state") == "QUEUED" && !status->isNull("reason");
        if (!waiting)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::ostringstream last;
    status->stringify(last);
    ASSERT_TRUE(waiting) << "the first file never waited out a back-off; last answer: " << last.str();
    EXPECT_THAT(status->getValue<std::string>("reason"), HasSubstr("attempt 1: app1 answered HTTP 500"));
    nodes[0]->setBehaviour(FakeNodeServer::Behaviour::Normal);
    auto start = std::chrono::steady_clock::now();
    std::vector<std::string> later = submitFiles(distinctFiles(4, "backoff-later-"));
    EXPECT_EQ(waitUntilDispatched(later, 3000)["SUCCESS"], 4) << "the queue went on behind the waiting file";
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(3500));
    EXPECT_EQ(read("/submit-result?submitID=" + first[0]).json()->getValue<std::string>("state"), "QUEUED");
    EXPECT_EQ(waitForState(first[0], "SUCCESS")->getValue<std::string>("appServerID"), "app2");
}

} // namespace
} // namespace switchyard::testsupport
