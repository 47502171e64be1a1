// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "DispatchDaemonTest.h"

#include <Poco/JSON/Array.h>

#include <thread>

namespace switchyard::testsupport
{

void DispatchDaemonTest::startDispatching(std::size_t count, const std::string& strategyType,
                                          const std::string& extra)
{
    std::string servers;
    std::string nodeKeys;
    for (std::size_t i = 0; i < count; ++i)
    {
        nodes.push_back(std::make_unique<FakeNodeServer>());
        std::string id = "app" + std::to_string(i + 1);
        servers += (servers.empty() ? "" : ", ") + id;
        nodeKeys += id + ".port = " + std::to_string(nodes.back()->port()) + "\n";
    }
    startBrokerWithNodes("applicationServers = " + servers + "\n" + nodeKeys +
                             "app.default.protocol = http\n"
                             "app.default.host = 127.0.0.1\n"
                             "app.default.secret = node-secret-0123456789\n"
                             "app.default.connectTimeout = 2\n"
                             "app.default.readTimeout = 2\n",
                         strategyType, extra);
}

void DispatchDaemonTest::startBrokerWithNodes(const std::string& nodeKeys, const std::string& strategyType,
                                              const std::string& extra)
{
    additionalPlugins =
        "switchyard-node-http, switchyard-dispatch-round-robin, switchyard-dispatch-strategies, "
        "switchyard-endpoint-task";
    startBroker(true, nodeKeys +
                          "switchyard.dispatcher.storage = db\n"
                          "switchyard.dispatcher.blobs = samples\n"
                          "switchyard.dispatcher.strategy = dispatch\n"
                          "switchyard.dispatcher.threads = 2\n"
                          "switchyard.dispatcher.maxAttempts = 3\n"
                          "switchyard.dispatcher.retryBackoffMilliseconds = 50\n"
                          "switchyard.dispatcher.pollIntervalMilliseconds = 100\n"
                          "switchyard.dispatcher.probeIntervalMilliseconds = 200\n"
                          "switchyard.dispatcher.ejectAfterFailures = 2\n"
                          "switchyard.dispatcher.lostTaskGraceMilliseconds = 500\n"
                          "switchyard.dispatcher.idleMilliseconds = 20\n"
                          "switchyard.instances.dispatch.type = " +
                          strategyType +
                          "\n"
                          "switchyard.instances.task.type = endpoint.task\n"
                          "switchyard.instances.task.path = /task\n"
                          "switchyard.instances.task.auth = auth\n"
                          "switchyard.instances.task.uses = db\n"
                          "switchyard.instances.store.type = endpoint.store\n"
                          "switchyard.instances.store.path = /store\n"
                          "switchyard.instances.store.auth = auth\n"
                          "switchyard.instances.store.uses = db\n" +
                          extra);
}

std::vector<std::string>
DispatchDaemonTest::submitFiles(const std::vector<std::pair<std::string, std::string>>& files, int priority)
{
    MultipartBody body;
    body.field("priority", std::to_string(priority));
    for (const auto& [name, content] : files)
        body.file(name, content);
    HttpAnswer answer = submit(body);
    std::vector<std::string> ids;
    if (answer.status != 200)
        ADD_FAILURE() << answer.body;
    else
    {
        auto accepted = answer.json()->getArray("acceptedFiles");
        for (std::size_t i = 0; i < accepted->size(); ++i)
            ids.push_back(accepted->getObject(static_cast<unsigned>(i))->getValue<std::string>("ID"));
    }
    return ids;
}

Poco::JSON::Object::Ptr DispatchDaemonTest::waitForState(const std::string& id, const std::string& state,
                                                         int timeoutMs)
{
    Poco::JSON::Object::Ptr last;
    for (int waited = 0; waited <= timeoutMs; waited += 50)
    {
        HttpAnswer answer = read("/submit-result?submitID=" + id);
        if (answer.status == 200)
        {
            last = answer.json();
            if (last->getValue<std::string>("state") == state)
                return last;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return last;
}

std::map<std::string, int> DispatchDaemonTest::waitUntilDispatched(const std::vector<std::string>& ids,
                                                                   int timeoutMs)
{
    std::map<std::string, int> states;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    for (const auto& id : ids)
    {
        std::string state = "QUEUED";
        while (state == "QUEUED" && std::chrono::steady_clock::now() < deadline)
        {
            HttpAnswer answer = read("/submit-result?submitID=" + id);
            state = answer.status == 200 ? answer.json()->getValue<std::string>("state") : "MISSING";
            if (state == "QUEUED")
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        ++states[state];
    }
    return states;
}

} // namespace switchyard::testsupport
