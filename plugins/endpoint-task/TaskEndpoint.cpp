// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "TaskEndpoint.h"

#include "RequestParameters.h"
#include "switchyard/plugin/RequestContext.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>

namespace switchyard::plugins::task
{

using Poco::Net::HTTPResponse;

TaskEndpoint::TaskEndpoint(std::shared_ptr<plugin::Storage> storage, const plugin::NodeDirectory& nodes)
    : _storage(std::move(storage)), _nodes(nodes)
{
}

Poco::JSON::Object::Ptr TaskEndpoint::reportOf(const std::string& nodeAnswer)
{
    Poco::JSON::Object::Ptr json;
    try
    {
        json = Poco::JSON::Parser().parse(nodeAnswer).extract<Poco::JSON::Object::Ptr>();
    }
    catch (const Poco::Exception&)
    {
        return nullptr;
    }
    Poco::JSON::Object::Ptr report = json->has("result") ? json->getObject("result") : json;
    if (!report)
        return nullptr;
    if (!report->has("overallState"))
    {
        auto reference = report->getObject("taskReference");
        if (reference && reference->has("state"))
            report->set("overallState", reference->getValue<std::string>("state"));
    }
    return report;
}

Poco::JSON::Object::Ptr TaskEndpoint::highLevel(const Poco::JSON::Object::Ptr& report)
{
    Poco::JSON::Object::Ptr summary = new Poco::JSON::Object(*report);
    summary->remove("resources");
    summary->remove("allSignalGroups");
    return summary;
}

void TaskEndpoint::handle(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response,
                          plugin::RequestContext& context)
{
    support::RequestParameters parameters(context.parameters());
    std::optional<bool> all = parameters.boolean("all", false);
    std::optional<bool> nocache = all ? parameters.boolean("nocache", false) : std::nullopt;
    if (!all || !nocache)
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "INVALID_PARAMETER", parameters.error());
        return;
    }
    std::string submitId = parameters.text("submitID").value_or("");
    std::string appServerId = parameters.text("appServerID").value_or("");
    std::string taskId = parameters.text("taskID").value_or("");
    std::optional<plugin::Submission> submission;
    if (!submitId.empty())
        submission = _storage->findSubmission(submitId);
    else if (!appServerId.empty() && !taskId.empty())
        submission = _storage->findByTask(appServerId, taskId);
    else
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "MISSING_PARAMETER",
                          "submitID, or appServerID and taskID, are required");
        return;
    }
    if (!submission)
    {
        context.sendError(response, HTTPResponse::HTTP_NOT_FOUND, "NOT_FOUND", "no such submission or task");
        return;
    }
    if (submission->state == plugin::SubmissionState::Queued ||
        submission->state == plugin::SubmissionState::Dispatching)
    {
        response.setStatusAndReason(HTTPResponse::HTTP_NO_CONTENT);
        response.setContentLength(0);
        response.send();
        return;
    }
    if (submission->state == plugin::SubmissionState::Failed)
    {
        Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
        body.set("state", "FAILED");
        body.set("reason", submission->reason);
        context.sendJson(response, HTTPResponse::HTTP_OK, body);
        return;
    }

    // A final report never changes: serve it from the cache. An unfinished one is asked for
    // again, so a client polling /task sees the node's progress without waiting for the
    // dispatcher's next follow-up; the cached copy answers when the node cannot.
    std::optional<std::string> cached = _storage->findReport(submission->id);
    std::string reportText;
    if (cached && submission->reportFinal && !*nocache)
        reportText = *cached;
    else
    {
        std::shared_ptr<plugin::NodeClient> client = _nodes.client(submission->appServerId);
        plugin::NodeAnswer answer = client ? client->task(submission->taskId, true) : plugin::NodeAnswer{};
        if (answer.answered && answer.statusCode == 200)
        {
            reportText = answer.body;
            Poco::JSON::Object::Ptr fresh = reportOf(reportText);
            std::string state = fresh ? fresh->optValue<std::string>("overallState", "") : "";
            _storage->storeReport(submission->id, submission->appServerId, submission->taskId, reportText,
                                  state == "SUCCESS" || state == "FAILED");
        }
        else if (cached)
            reportText = *cached;
        else if (answer.answered && answer.statusCode == 404)
        {
            context.sendError(response, HTTPResponse::HTTP_NOT_FOUND, "NOT_FOUND",
                              submission->appServerId + " no longer has task " + submission->taskId +
                                  " (tasks expire on the node) and no report was cached");
            return;
        }
        else
        {
            // The node is restarting, overloaded or unreachable: for the client the task is
            // still in progress, and it keeps polling (a 5xx would read as a broker failure).
            response.set("Retry-After", "5");
            Poco::JSON::Object::Ptr unknown = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            unknown->set("overallState", "IN_PROGRESS");
            unknown->set("appServerID", submission->appServerId);
            unknown->set("taskID", submission->taskId);
            Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
            body.set("result", unknown);
            body.set("reason", "node " + submission->appServerId + " cannot be asked now" +
                                   (answer.error.empty() ? "" : ": " + answer.error) +
                                   "; no report has arrived yet");
            context.sendJson(response, HTTPResponse::HTTP_OK, body);
            return;
        }
    }
    Poco::JSON::Object::Ptr report = reportOf(reportText);
    if (!report)
    {
        response.set("Retry-After", "5");
        context.sendError(response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "UNAVAILABLE",
                          "node " + submission->appServerId + " answered something that is not a report");
        return;
    }
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("result", *all ? report : highLevel(report));
    context.sendJson(response, HTTPResponse::HTTP_OK, body);
}

} // namespace switchyard::plugins::task
