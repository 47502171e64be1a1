// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "StoreEndpoint.h"

#include "TaskEndpoint.h"
#include "switchyard/plugin/RequestContext.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

#include <sstream>

namespace switchyard::plugins::task
{

using Poco::Net::HTTPResponse;

StoreEndpoint::StoreEndpoint(std::shared_ptr<plugin::Storage> storage) : _storage(std::move(storage)) {}

void StoreEndpoint::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                           plugin::RequestContext& context)
{
    if (Poco::toLower(request.getContentType()).rfind("application/json", 0) != 0)
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "MALFORMED_BODY",
                          "the body must be application/json: {\"taskID\", \"result\"}");
        return;
    }
    std::string text;
    Poco::StreamCopier::copyToString(context.body(), text);
    if (context.bodyLimitExceeded())
        return;
    Poco::JSON::Object::Ptr json;
    try
    {
        json = Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
    }
    catch (const Poco::Exception&)
    {
        json = nullptr;
    }
    if (!json || !json->has("result") || !json->getObject("result"))
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "MALFORMED_BODY",
                          "the body must be a JSON object with a result object");
        return;
    }
    std::string taskId = json->optValue<std::string>("taskID", "");
    if (taskId.empty())
    {
        auto reference = json->getObject("result")->getObject("taskReference");
        taskId = reference ? reference->optValue<std::string>("ID", "") : "";
    }
    if (taskId.empty())
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "MISSING_PARAMETER",
                          "taskID is required");
        return;
    }
    std::optional<plugin::Submission> submission =
        _storage->findByTask(context.parameters().get("appServerID", ""), taskId);
    if (!submission)
    {
        context.sendError(response, HTTPResponse::HTTP_NOT_FOUND, "NOT_FOUND",
                          "no submission was handed over as this task");
        return;
    }
    Poco::JSON::Object::Ptr report = TaskEndpoint::reportOf(text);
    std::string state = report ? report->optValue<std::string>("overallState", "") : "";
    if (!_storage->storeReport(submission->id, submission->appServerId, submission->taskId, text,
                               state == "SUCCESS" || state == "FAILED"))
    {
        context.sendError(response, HTTPResponse::HTTP_NOT_FOUND, "NOT_FOUND",
                          "task " + taskId + " was taken back from its node; its report is not needed");
        return;
    }
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("submitID", submission->id);
    body.set("stored", true);
    context.sendJson(response, HTTPResponse::HTTP_OK, body);
}

} // namespace switchyard::plugins::task
