// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SubmitResultEndpoint.h"

#include "JsonTextAnswer.h"
#include "switchyard/plugin/RequestContext.h"

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>

#include <sstream>

namespace switchyard::plugins::submitresult
{

using Poco::Net::HTTPResponse;

SubmitResultEndpoint::SubmitResultEndpoint(std::shared_ptr<plugin::Storage> storage)
    : _storage(std::move(storage))
{
}

namespace
{

// The node's /scan answer as JSON; shown as text if a node answered something that is not JSON.
void writeResult(support::JsonWriter& body, const std::string& result)
{
    try
    {
        Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse(result);
        std::ostringstream text;
        Poco::JSON::Stringifier::stringify(parsed, text);
        body.rawValue(text.str());
    }
    catch (const Poco::Exception&)
    {
        body.value(result);
    }
}

} // namespace

void SubmitResultEndpoint::describe(support::JsonWriter& body, const plugin::Submission& submission,
                                    std::int64_t positionInQueue)
{
    body.key("submitID").value(submission.id);
    body.key("state").value(plugin::apiName(submission.state));
    // A submission being handed over right now is the one leaving the queue: place 0.
    body.key("positionInQueue")
        .value(submission.state == plugin::SubmissionState::Dispatching ? std::int64_t{0} : positionInQueue);
    body.key("priority").value(std::int64_t{submission.priority});
    body.key("submitName").value(submission.submitName);
    body.key("sha256").value(submission.sha256);
    const bool handedOver = submission.state == plugin::SubmissionState::Success;
    if (handedOver)
        body.key("appServerID").value(submission.appServerId);
    else
        body.key("appServerID").null();
    if (handedOver && !submission.taskId.empty())
        body.key("taskID").value(submission.taskId);
    else
        body.key("taskID").null();
    if (handedOver)
        body.key("statusCode").value(std::int64_t{submission.statusCode});
    else
        body.key("statusCode").null();
    body.key("result");
    if (handedOver && !submission.result.empty())
        writeResult(body, submission.result);
    else
        body.null();
    body.key("attempts").value(std::int64_t{submission.attempts});
    if (submission.reason.empty())
        body.key("reason").null();
    else
        body.key("reason").value(submission.reason);
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
    support::JsonWriter body;
    body.beginObject();
    describe(body, *submission, _storage->positionOf(*submission));
    support::JsonTextAnswer::send(response, HTTPResponse::HTTP_OK, context, body);
}

} // namespace switchyard::plugins::submitresult
