// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "BrokerDaemonTest.h"
#include "FakeNodeServer.h"

#include <Poco/JSON/Object.h>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace switchyard::testsupport
{

/// A durable broker with a dispatcher, handing files to fake nodes in the test process
/// (app1, app2, ...). The strategy is one configuration line, as an operator would change it.
class DispatchDaemonTest : public BrokerDaemonTest
{
public:
    /// Starts `count` fake nodes and the broker with `strategyType` (e.g. "dispatch.weighted");
    /// `extra` adds configuration lines (node keys, strategy keys).
    void startDispatching(std::size_t count, const std::string& strategyType, const std::string& extra = "");

    /// Starts the broker with a dispatcher to the nodes `nodeKeys` describes (applicationServers,
    /// appN.*, app.default.*), with `strategyType`; `extra` adds configuration lines (a later
    /// line wins, so it may change a dispatcher setting).
    void startBrokerWithNodes(const std::string& nodeKeys, const std::string& strategyType,
                              const std::string& extra = "");

    /// Submits `files` (name → content) in one request; returns their IDs in order.
    std::vector<std::string> submitFiles(const std::vector<std::pair<std::string, std::string>>& files,
                                         int priority = 0);

    /// Polls /submit-result until the state is `state` (or `timeoutMs` passes); returns the last answer.
    Poco::JSON::Object::Ptr waitForState(const std::string& id, const std::string& state,
                                         int timeoutMs = 20000);

    /// Polls until every id has left QUEUED; returns how many ended in each state.
    std::map<std::string, int> waitUntilDispatched(const std::vector<std::string>& ids,
                                                   int timeoutMs = 60000);

    std::vector<std::unique_ptr<FakeNodeServer>> nodes;

protected:
    void TearDown() override
    {
        if (HasFailure() && daemon)
            std::cerr << "daemon log:\n" << daemon->output().substr(0, 20000) << "\n";
        BrokerDaemonTest::TearDown();
    }
};

} // namespace switchyard::testsupport
