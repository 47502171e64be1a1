// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Endpoint.h"
#include "switchyard/plugin/NodeDirectory.h"
#include "switchyard/plugin/Storage.h"

#include <Poco/JSON/Object.h>

#include <memory>

namespace switchyard::plugins::task
{

/// GET /task: the report of a submission, by `submitID` or by `appServerID` + `taskID`.
/// 204 while queued, 200 with {"state": "FAILED", "reason"} when it failed, otherwise 200 with
/// {"result": report}, the report carrying `overallState` and `finalVerdict`. A final cached
/// report (the node finished) is served unless `nocache=true`; an unfinished one is asked for
/// again, the cached copy answering while the node cannot; a node that lost the task
/// gives 404 with the reason, unless a cached report exists.
class TaskEndpoint : public plugin::Endpoint
{
public:
    TaskEndpoint(std::shared_ptr<plugin::Storage> storage, const plugin::NodeDirectory& nodes);

    // switchyard::plugin::Endpoint
    std::vector<std::string> methods() const override { return {"GET"}; }
    plugin::AccessLevel requiredLevel() const override { return plugin::AccessLevel::Read; }
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                plugin::RequestContext& context) override;

    /// The report inside a node's /task answer ({"result": report}, or the report itself), with
    /// `overallState` added from the task state when the node did not give one. Null when the
    /// text is not a JSON object.
    static Poco::JSON::Object::Ptr reportOf(const std::string& nodeAnswer);

    /// The high-level part of a report (all=false): without `resources` and `allSignalGroups`.
    static Poco::JSON::Object::Ptr highLevel(const Poco::JSON::Object::Ptr& report);

private:
    std::shared_ptr<plugin::Storage> _storage;
    const plugin::NodeDirectory& _nodes;
};

} // namespace switchyard::plugins::task
