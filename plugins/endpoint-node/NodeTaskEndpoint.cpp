// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "NodeTaskEndpoint.h"

#include "NodeAnswerReply.h"
#include "RequestParameters.h"
#include "switchyard/plugin/RequestContext.h"

#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>

namespace switchyard::plugins::nodeendpoint
{

using Poco::Net::HTTPResponse;

NodeTaskEndpoint::NodeTaskEndpoint(std::shared_ptr<plugin::NodeClient> node) : _node(std::move(node)) {}

void NodeTaskEndpoint::handle(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response,
                              plugin::RequestContext& context)
{
    support::RequestParameters parameters(context.parameters());
    const std::string taskId = Poco::trim(parameters.text("taskID").value_or(""));
    if (taskId.empty())
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "MISSING_PARAMETER",
                          "taskID is required");
        return;
    }
    const std::optional<bool> all = parameters.boolean("all", false);
    if (!all)
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "INVALID_PARAMETER", parameters.error());
        return;
    }
    NodeAnswerReply::send(_node->task(taskId, *all), response, context);
}

} // namespace switchyard::plugins::nodeendpoint
