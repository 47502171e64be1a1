// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
//
// The appliance as operators run it apart: one broker and three reference processor nodes, each
// node the real daemon with the shipped node.properties, over HTTPS on 127.0.0.1.
#include "DispatchDaemonTest.h"
#include "ReferenceNode.h"

#include <Poco/JSON/Array.h>
#include <gmock/gmock.h>

#include <chrono>
#include <random>
#include <thread>

namespace switchyard::testsupport
{
namespace
{

class EndToEndTest : public DispatchDaemonTest
{
protected:
    /// Starts `count` reference nodes (app1, app2, ...).
    void startNodes(std::size_t count)
    {
        for (std::size_t i = 0; i < count; ++i)
        {
            referenceNodes.push_back(
                std::make_unique<ReferenceNode>(directory.file("node" + std::to_string(i + 1))));
            std::string error;
            ASSERT_TRUE(referenceNodes.back()->start(error)) << error;
        }
    }

    /// The broker's node list for the reference nodes, as an operator writes it.
    std::string nodeKeys() const
    {
        std::string servers;
        std::string keys;
        for (std::size_t i = 0; i < referenceNodes.size(); ++i)
        {
            std::string id = "app" + std::to_string(i + 1);
            servers += (servers.empty() ? "" : ", ") + id;
            keys += id + ".port = " + std::to_string(referenceNodes[i]->port()) + "\n";
        }
        return "applicationServers = " + servers + "\n" + keys +
               "app.default.protocol = https\n"
               "app.default.host = 127.0.0.1\n"
               "app.default.caFile = " +
               certificateFile() + "\napp.default.secret = " + ReferenceNode::Secret +
               "\n"
               "app.default.connectTimeout = 2\n"
               "app.default.readTimeout = 5\n";
    }

    /// /system-info?appServers=true with the admin key: the nodes as the broker sees them.
    Poco::JSON::Array::Ptr appServers()
    {
        HttpAnswer answer =
            httpsClient().get(std::string("/broker/system-info?appServers=true&serect=") + AdminSecret);
        EXPECT_EQ(answer.status, 200) << answer.body;
        return answer.status == 200 ? answer.json()->getArray("appServers")
                                    : Poco::JSON::Array::Ptr(new Poco::JSON::Array);
    }

    /// The state the broker shows for node `id`.
    std::string nodeState(const std::string& id)
    {
        Poco::JSON::Array::Ptr servers = appServers();
        for (std::size_t i = 0; i < servers->size(); ++i)
        {
            Poco::JSON::Object::Ptr server = servers->getObject(static_cast<unsigned>(i));
            if (server->getValue<std::string>("appServerID") == id)
                return server->getValue<std::string>("state");
        }
        return "missing";
    }

    bool waitForNodeState(const std::string& id, const std::string& state, int timeoutMs = 20000)
    {
        for (int waited = 0; waited <= timeoutMs; waited += 100)
        {
            if (nodeState(id) == state)
                return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return false;
    }

    /// Polls /task until the node's report says SUCCESS or FAILED; returns the last result.
    Poco::JSON::Object::Ptr waitForFinalReport(const std::string& submitId, int timeoutMs = 20000)
    {
        Poco::JSON::Object::Ptr result;
        for (int waited = 0; waited <= timeoutMs; waited += 50)
        {
            HttpAnswer answer = read("/task?all=true&submitID=" + submitId);
            if (answer.status == 200 && answer.json()->has("result"))
            {
                result = answer.json()->getObject("result");
                std::string state = result->optValue<std::string>("overallState", "");
                if (state == "SUCCESS" || state == "FAILED")
                    return result;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return result;
    }

    /// Files of several kinds: text, random (high entropy), an ELF header, a PDF header.
    static std::vector<std::pair<std::string, std::string>> sampleFiles(std::size_t count, unsigned seed)
    {
        std::mt19937 random(seed);
        std::vector<std::pair<std::string, std::string>> files;
        for (std::size_t i = 0; i < count; ++i)
        {
            std::string content;
            switch (i % 4)
            {
            case 0:
                content = "plain text file " + std::to_string(seed) + "-" + std::to_string(i) + "\n";
                break;
            case 1:
                for (int b = 0; b < 8192; ++b)
                    content.push_back(static_cast<char>(random() & 0xff));
                break;
            case 2:
                content = std::string("\x7f"
                                      "ELF\x02\x01\x01",
                                      7) +
                          std::string(57, '\0') + std::to_string(i);
                break;
            default:
                content = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " +
                          std::to_string(seed * 100 + i) + "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
            }
            files.emplace_back("sample-" + std::to_string(seed) + "-" + std::to_string(i), content);
        }
        return files;
    }

    void TearDown() override
    {
        if (HasFailure())
        {
            for (const auto& node : referenceNodes)
                std::cerr << "node log:\n" << node->output().substr(0, 8000) << "\n";
        }
        DispatchDaemonTest::TearDown();
        referenceNodes.clear();
    }

    std::vector<std::unique_ptr<ReferenceNode>> referenceNodes;
};

TEST_F(EndToEndTest, ThreeReferenceNodesTurnEveryFileIntoAReportWithAVerdict)
{
    startNodes(3);
    startBrokerWithNodes(nodeKeys(), "dispatch.round-robin");
    ASSERT_TRUE(waitForNodeState("app3", "healthy"));

    const auto files = sampleFiles(9, 1);
    const std::vector<std::string> ids = submitFiles(files);
    ASSERT_EQ(ids.size(), files.size());

    std::map<std::string, int> perNode;
    for (std::size_t i = 0; i < ids.size(); ++i)
    {
        Poco::JSON::Object::Ptr status = waitForState(ids[i], "SUCCESS");
        ASSERT_TRUE(status);
        ASSERT_EQ(status->getValue<std::string>("state"), "SUCCESS")
            << status->getValue<std::string>("reason");
        const std::string node = status->getValue<std::string>("appServerID");
        ++perNode[node];
        const std::string taskId = status->getValue<std::string>("taskID");
        EXPECT_FALSE(taskId.empty());
        EXPECT_EQ(status->getValue<int>("statusCode"), 200);

        Poco::JSON::Object::Ptr report = waitForFinalReport(ids[i]);
        ASSERT_TRUE(report) << "no report for " << ids[i];
        EXPECT_EQ(report->getValue<std::string>("overallState"), "SUCCESS");
        Poco::JSON::Object::Ptr verdict = report->getObject("finalVerdict");
        ASSERT_TRUE(verdict);
        EXPECT_THAT(verdict->getValue<std::string>("verdict"),
                    ::testing::AnyOf("NO_THREAT", "UNKNOWN", "SUSPICIOUS", "LIKELY_MALICIOUS", "MALICIOUS"));
        EXPECT_TRUE(verdict->has("threatLevel"));
        EXPECT_TRUE(verdict->has("confidence"));
        EXPECT_TRUE(report->getArray("allTags"));
        EXPECT_TRUE(report->getArray("allSignalGroups"));
        EXPECT_EQ(report->getObject("taskReference")->getValue<std::string>("ID"), taskId);

        // The node analysed exactly the bytes submitted.
        const std::string& content = files[i].second;
        const std::string sha256 = digest("SHA256", content);
        Poco::JSON::Object::Ptr resource = report->getObject("resources")->getObject(sha256);
        ASSERT_TRUE(resource) << "no resource for " << sha256;
        Poco::JSON::Object::Ptr digests = resource->getObject("digests");
        EXPECT_EQ(digests->getValue<std::string>("MD5"), digest("MD5", content));
        EXPECT_EQ(digests->getValue<std::string>("SHA-1"), digest("SHA1", content));
        EXPECT_EQ(resource->getValue<std::size_t>("fileSize"), content.size());

        // The same report by the node's own task ID, and the high-level one without resources.
        HttpAnswer byTask = read("/task?appServerID=" + node + "&taskID=" + taskId);
        ASSERT_EQ(byTask.status, 200) << byTask.body;
        EXPECT_EQ(byTask.json()->getObject("result")->getObject("taskReference")->getValue<std::string>("ID"),
                  taskId);
        EXPECT_FALSE(byTask.json()->getObject("result")->has("resources"));
    }
    EXPECT_EQ(perNode, (std::map<std::string, int>{{"app1", 3}, {"app2", 3}, {"app3", 3}}));

    // The high-entropy file is tagged so by analyzer.basic.
    Poco::JSON::Object::Ptr random = waitForFinalReport(ids[1]);
    ASSERT_TRUE(random);
    std::string tags;
    Poco::JSON::Array::Ptr allTags = random->getArray("allTags");
    for (std::size_t i = 0; i < allTags->size(); ++i)
        tags +=
            allTags->getObject(static_cast<unsigned>(i))->getObject("tag")->getValue<std::string>("name") +
            " ";
    EXPECT_THAT(tags, ::testing::HasSubstr("high-entropy"));

    Poco::JSON::Array::Ptr servers = appServers();
    ASSERT_EQ(servers->size(), 3u);
    for (std::size_t i = 0; i < servers->size(); ++i)
    {
        Poco::JSON::Object::Ptr server = servers->getObject(static_cast<unsigned>(i));
        EXPECT_EQ(server->getValue<std::string>("state"), "healthy");
        ASSERT_TRUE(server->getObject("systemInfo")) << "the node's own /system-info subset";
        EXPECT_TRUE(server->getObject("systemInfo")->getObject("queueInfo"));
    }
}

TEST_F(EndToEndTest, ANodeKilledMidRunIsEjectedItsWorkGoesElsewhereAndItIsReadmittedWhenBack)
{
    startNodes(3);
    startBrokerWithNodes(nodeKeys(), "dispatch.round-robin");
    ASSERT_TRUE(waitForNodeState("app3", "healthy"));

    const std::vector<std::string> before = submitFiles(sampleFiles(6, 2));
    EXPECT_EQ(waitUntilDispatched(before), (std::map<std::string, int>{{"SUCCESS", 6}}));

    referenceNodes[1]->kill();
    const std::vector<std::string> during = submitFiles(sampleFiles(12, 3));
    ASSERT_EQ(during.size(), 12u);
    for (const std::string& id : during)
    {
        Poco::JSON::Object::Ptr status = waitForState(id, "SUCCESS");
        ASSERT_EQ(status->getValue<std::string>("state"), "SUCCESS")
            << status->getValue<std::string>("reason");
        EXPECT_NE(status->getValue<std::string>("appServerID"), "app2") << "a dead node took a file";
        ASSERT_TRUE(waitForFinalReport(id)) << id;
    }
    EXPECT_TRUE(waitForNodeState("app2", "ejected"));
    Poco::JSON::Object::Ptr dead = appServers()->getObject(1);
    EXPECT_FALSE(dead->getValue<std::string>("lastError").empty()) << "the operator sees why";

    // Files the dead node had finished keep their reports; none was handed over twice.
    for (const std::string& id : before)
    {
        Poco::JSON::Object::Ptr status = waitForState(id, "SUCCESS");
        EXPECT_EQ(status->getValue<int>("attempts"), 1);
        EXPECT_TRUE(waitForFinalReport(id, 2000)) << id;
    }

    std::string error;
    ASSERT_TRUE(referenceNodes[1]->start(error)) << error;
    ASSERT_TRUE(waitForNodeState("app2", "healthy")) << "re-admitted once it answers again";
    const std::vector<std::string> after = submitFiles(sampleFiles(6, 4));
    std::map<std::string, int> perNode;
    for (const std::string& id : after)
    {
        Poco::JSON::Object::Ptr status = waitForState(id, "SUCCESS");
        ASSERT_EQ(status->getValue<std::string>("state"), "SUCCESS");
        ++perNode[status->getValue<std::string>("appServerID")];
    }
    EXPECT_GE(perNode["app2"], 1) << "the returning node gets work again";
}

TEST_F(EndToEndTest, ANodeCallbackDeliversTheReportWithoutPolling)
{
    // The node's port first, then the broker (which must know it), then the node again on that
    // port with its callback pointing at the broker.
    startNodes(1);
    referenceNodes[0]->kill();
    startBrokerWithNodes(nodeKeys(), "dispatch.round-robin",
                         "switchyard.dispatcher.pollIntervalMilliseconds = 600000\n");
    referenceNodes[0]->callBack("https://127.0.0.1:" + std::to_string(daemon->httpsPort()) + "/store",
                                SubmitSecret, certificateFile());
    std::string error;
    ASSERT_TRUE(referenceNodes[0]->start(error)) << error;
    ASSERT_TRUE(waitForNodeState("app1", "healthy"));

    const auto files = sampleFiles(3, 5);
    const std::vector<std::string> ids = submitFiles(files);
    for (const std::string& id : ids)
        ASSERT_EQ(waitForState(id, "SUCCESS")->getValue<std::string>("state"), "SUCCESS");

    // Every report arrived by POST /store.
    auto stored = [&]
    {
        std::string log = daemon->output();
        std::size_t count = 0;
        for (std::size_t at = log.find("POST /store 200"); at != std::string::npos;
             at = log.find("POST /store 200", at + 1))
            ++count;
        return count;
    };
    for (int waited = 0; stored() < ids.size() && waited < 20000; waited += 50)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ASSERT_EQ(stored(), ids.size()) << daemon->output();

    // With the node gone and no polling, only the callbacks can have brought the reports.
    referenceNodes[0]->kill();
    for (std::size_t i = 0; i < ids.size(); ++i)
    {
        HttpAnswer answer = read("/task?all=true&submitID=" + ids[i]);
        ASSERT_EQ(answer.status, 200) << answer.body;
        Poco::JSON::Object::Ptr report = answer.json()->getObject("result");
        EXPECT_EQ(report->getValue<std::string>("overallState"), "SUCCESS");
        EXPECT_TRUE(report->getObject("finalVerdict"));
        EXPECT_TRUE(report->getObject("resources")->getObject(digest("SHA256", files[i].second)));
    }
}

} // namespace
} // namespace switchyard::testsupport
