// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Endpoint.h"
#include "switchyard/plugin/Storage.h"

#include <memory>

namespace switchyard::plugins::task
{

/// POST /store: a node's callback when a task ends. The body is JSON
/// {"taskID": "...", "result": report} (or the node's whole /task answer with a taskID); the
/// report is cached for the submission handed over as that task. The broker also polls, so a
/// callback that never comes loses nothing; one that comes is simply faster.
class StoreEndpoint : public plugin::Endpoint
{
public:
    explicit StoreEndpoint(std::shared_ptr<plugin::Storage> storage);

    // switchyard::plugin::Endpoint
    std::vector<std::string> methods() const override { return {"POST"}; }
    plugin::AccessLevel requiredLevel() const override { return plugin::AccessLevel::Submit; }
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                plugin::RequestContext& context) override;

private:
    std::shared_ptr<plugin::Storage> _storage;
};

} // namespace switchyard::plugins::task
