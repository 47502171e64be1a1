// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SubmitResultEndpoint.h"

#include "switchyard/plugin/RequestContext.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>

namespace switchyard::plugins::submitresult
{

using Poco::Net::HTTPResponse;

SubmitResultEndpoint::SubmitResultEndpoint(std::shared_ptr<plugin::Storage> storage)
    : _storage(std::move(storage))
{
}

Poco::JSON::Object::Ptr SubmitResultEndpoint::describe(const plugin::Submission& submission,
                                                       std::int64_t positionInQueue)
{
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    const Poco::Dynamic::Var null;
    body->set("submitID", submission.id);
    body->set("state", std::string(plugin::apiName(submission.state)));
    // A submission being handed over right now is the one leaving the queue: place 0.
    body->set("positionInQueue",
              submission.state == plugin::SubmissionState::Dispatching ? 0 : positionInQueue);
    body->set("priority", submission.priority);
    body->set("submitName", submission.submitName);
    body->set("sha256", submission.sha256);
    bool handedOver = submission.state == plugin::SubmissionState::Success;
    body->set("appServerID", handedOver ? Poco::Dynamic::Var(submission.appServerId) : null);
    body->set("taskID",
              handedOver && !submission.taskId.empty() ? Poco::Dynamic::Var(submission.taskId) : null);
    body->set("statusCode", handedOver ? Poco::Dynamic::Var(submission.statusCode) : null);
    Poco::Dynamic::Var result = null;
    if (handedOver && !submission.result.empty())
    {
        try
        {
            result = Poco::JSON::Parser().parse(submission.result);
        }
        catch (const Poco::Exception&)
        {
            // A node answered something that is not JSON: show it as text rather than hide it.
            result = submission.result;
        }
    }
    body->set("result", result);
    body->set("attempts", static_cast<Poco::UInt64>(submission.attempts));
    body->set("reason", submission.reason.empty() ? null : Poco::Dynamic::Var(submission.reason));
    return body;
}

void SubmitResultEndpoint::handle(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response,
                                  plugin::RequestContext& context)
{
    const std::string id = context.parameters().get("submitID", "");
    if (id.empty())
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "MISSING_PARAMETER",
                          "submitID is required");
        return;
    }
    std::optional<plugin::Submission> submission = _storage->findSubmission(id);
    if (!submission)
    {
        context.sendError(response, HTTPResponse::HTTP_NOT_FOUND, "NOT_FOUND",
                          "no submission with this submitID");
        return;
    }
    context.sendJson(response, HTTPResponse::HTTP_OK,
                     *describe(*submission, _storage->positionOf(*submission)));
}

} // namespace switchyard::plugins::submitresult
