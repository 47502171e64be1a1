// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Endpoint.h"
#include "switchyard/plugin/NodeClient.h"

#include <memory>

namespace switchyard::plugins::nodeendpoint
{

/// GET /task?taskID=...&all=... of a processor node (broker-api.md §4.2): the node's report of a
/// task (`NodeClient::task`), complete with `all=true`, high-level otherwise.
class NodeTaskEndpoint : public plugin::Endpoint
{
public:
    explicit NodeTaskEndpoint(std::shared_ptr<plugin::NodeClient> node);

    std::vector<std::string> methods() const override { return {"GET"}; }
    plugin::AccessLevel requiredLevel() const override { return plugin::AccessLevel::Read; }
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                plugin::RequestContext& context) override;

private:
    std::shared_ptr<plugin::NodeClient> _node;
};

} // namespace switchyard::plugins::nodeendpoint
