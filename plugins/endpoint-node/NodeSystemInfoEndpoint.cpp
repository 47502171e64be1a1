// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "NodeSystemInfoEndpoint.h"

#include "NodeAnswerReply.h"

namespace switchyard::plugins::nodeendpoint
{

NodeSystemInfoEndpoint::NodeSystemInfoEndpoint(std::shared_ptr<plugin::NodeClient> node)
    : _node(std::move(node))
{
}

void NodeSystemInfoEndpoint::handle(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response,
                                    plugin::RequestContext& context)
{
    NodeAnswerReply::send(_node->systemInfo(), response, context);
}

} // namespace switchyard::plugins::nodeendpoint
