// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "NodeAnswerReply.h"

#include "switchyard/plugin/RequestContext.h"

#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace switchyard::plugins::nodeendpoint
{

using Poco::Net::HTTPResponse;

void NodeAnswerReply::send(const plugin::NodeAnswer& answer, Poco::Net::HTTPServerResponse& response,
                           plugin::RequestContext& context)
{
    if (!answer.answered)
    {
        context.logger().warning("request " + context.requestId() +
                                 ": the node did not answer: " + answer.error);
        response.set("Retry-After", RetryAfterSeconds);
        context.sendError(response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "UNAVAILABLE",
                          "the node is unavailable");
        return;
    }
    Poco::JSON::Object::Ptr body;
    try
    {
        // Keep the node's key order: clients compare answers with the documented examples.
        Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
        body = parser.parse(answer.body).extract<Poco::JSON::Object::Ptr>();
    }
    catch (const Poco::Exception&)
    {
        body = nullptr;
    }
    if (!body)
    {
        context.logger().error("request " + context.requestId() + ": the node answered " +
                               std::to_string(answer.statusCode) + " with a body that is not a JSON object");
        context.sendError(response, HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                          "internal error; request id " + context.requestId());
        return;
    }
    const auto status = static_cast<HTTPResponse::HTTPStatus>(answer.statusCode);
    if (status == HTTPResponse::HTTP_SERVICE_UNAVAILABLE)
        response.set("Retry-After", RetryAfterSeconds);
    Poco::JSON::Object::Ptr error = body->getObject("error");
    if (answer.statusCode >= 400 && error && error->has("code") && error->has("message"))
    {
        context.sendError(response, status, error->getValue<std::string>("code"),
                          error->getValue<std::string>("message"));
        return;
    }
    context.sendJson(response, status, *body);
}

} // namespace switchyard::plugins::nodeendpoint
