// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Endpoint.h"
#include "switchyard/plugin/NodeClient.h"

#include <memory>

namespace switchyard::plugins::nodeendpoint
{

/// GET /system-info of a processor node (broker-api.md §4.4): version, task queue, memory, free
/// disk space and threads, as the node reports them (`NodeClient::systemInfo`).
class NodeSystemInfoEndpoint : public plugin::Endpoint
{
public:
    explicit NodeSystemInfoEndpoint(std::shared_ptr<plugin::NodeClient> node);

    std::vector<std::string> methods() const override { return {"GET"}; }
    plugin::AccessLevel requiredLevel() const override { return plugin::AccessLevel::Read; }
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                plugin::RequestContext& context) override;

private:
    std::shared_ptr<plugin::NodeClient> _node;
};

} // namespace switchyard::plugins::nodeendpoint
