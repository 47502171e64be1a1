// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "Dispatcher.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>

namespace switchyard::kernel
{

namespace
{

Poco::Logger& logger()
{
    return Poco::Logger::get("switchyard.kernel.dispatcher");
}

/// The node's task ID in its /scan answer: scanTasks[0].taskReference.ID.
std::string taskIdOf(const std::string& scanAnswer)
{
    try
    {
        auto json = Poco::JSON::Parser().parse(scanAnswer).extract<Poco::JSON::Object::Ptr>();
        auto tasks = json->getArray("scanTasks");
        if (!tasks || tasks->size() == 0)
            return "";
        auto reference = tasks->getObject(0)->getObject("taskReference");
        return reference ? reference->optValue<std::string>("ID", "") : "";
    }
    catch (const Poco::Exception&)
    {
        return "";
    }
}

/// IN_PROGRESS, SUCCESS or FAILED from a node's /task answer ({"result": {...}}); "" if absent.
std::string taskStateOf(const std::string& taskAnswer)
{
    try
    {
        auto json = Poco::JSON::Parser().parse(taskAnswer).extract<Poco::JSON::Object::Ptr>();
        auto result = json->has("result") ? json->getObject("result") : json;
        if (!result)
            return "";
        if (result->has("overallState"))
            return result->getValue<std::string>("overallState");
        auto reference = result->getObject("taskReference");
        return reference ? reference->optValue<std::string>("state", "") : "";
    }
    catch (const Poco::Exception&)
    {
        return "";
    }
}

std::string describe(const std::string& node, const plugin::NodeAnswer& answer)
{
    if (!answer.answered)
        return node + " " + (answer.error.empty() ? "did not answer" : answer.error);
    std::string text = node + " answered HTTP " + std::to_string(answer.statusCode);
    if (!answer.error.empty())
        text += " (" + answer.error + ")";
    return text;
}

} // namespace

Dispatcher::Dispatcher(std::shared_ptr<plugin::Storage> storage, std::shared_ptr<plugin::BlobStore> blobs,
                       std::shared_ptr<plugin::DispatchStrategy> strategy,
                       std::shared_ptr<NodeRegistry> nodes, DispatcherSettings settings)
    : _storage(std::move(storage)), _blobs(std::move(blobs)), _strategy(std::move(strategy)),
      _nodes(std::move(nodes)), _settings(std::move(settings))
{
}

Dispatcher::~Dispatcher()
{
    stop();
}

void Dispatcher::start()
{
    std::uint64_t recovered = _storage->requeueDispatching();
    if (recovered > 0)
        logger().notice("queued %Lu submissions again that were being handed over when the broker stopped",
                        static_cast<Poco::UInt64>(recovered));
    _nodes->start();
    for (int i = 0; i < _settings.threads; ++i)
    {
        auto thread = std::make_unique<Poco::Thread>("dispatch-" + std::to_string(i));
        thread->start([](void* self) { static_cast<Dispatcher*>(self)->handoverLoop(); }, this);
        _threads.push_back(std::move(thread));
    }
    _tracker.start([](void* self) { static_cast<Dispatcher*>(self)->trackingLoop(); }, this);
}

void Dispatcher::stop()
{
    _stopping = true;
    _wakeUp.set();
    for (auto& thread : _threads)
        thread->join();
    _threads.clear();
    if (_tracker.isRunning())
        _tracker.join();
    _nodes->stop();
}

void Dispatcher::handoverLoop()
{
    while (!_stopping)
    {
        bool worked = false;
        try
        {
            worked = dispatchOne();
        }
        catch (const Poco::Exception& error)
        {
            logger().error("hand-over failed (storage?): " + error.displayText());
        }
        catch (const std::exception& error)
        {
            logger().error(std::string("hand-over failed: ") + error.what());
        }
        if (!worked)
            _wakeUp.tryWait(_settings.idleMilliseconds);
    }
}

bool Dispatcher::dispatchOne()
{
    if (!_nodes->hasUsableNode())
        return false;
    std::optional<plugin::Submission> claimed = _storage->claimNext();
    if (!claimed)
        return false;
    handOver(*claimed);
    return true;
}

void Dispatcher::handOver(const plugin::Submission& submission)
{
    std::set<std::string> avoid;
    {
        std::lock_guard<std::mutex> lock(_mutex);
        avoid = _failedNodes[submission.id];
    }
    std::vector<plugin::NodeStatus> candidates = _nodes->candidates(submission, avoid);
    std::optional<std::string> chosen;
    if (!candidates.empty())
        chosen = _strategy->choose(submission, candidates);
    if (!chosen)
    {
        // No node can take it now (busy, rate-limited, or none for its media type): it keeps its place.
        _storage->requeue(submission.id, candidates.empty()
                                             ? "waiting for a node with free capacity"
                                             : "no node takes media type " + submission.mediaType);
        _wakeUp.tryWait(_settings.idleMilliseconds);
        return;
    }
    std::shared_ptr<plugin::NodeClient> client = _nodes->client(*chosen);
    if (!client)
    {
        _storage->requeue(submission.id, "the strategy chose an unknown node " + *chosen);
        return;
    }
    std::unique_ptr<std::istream> content = _blobs->open(submission.sha256);
    if (!content)
    {
        logger().error("submission " + submission.id + ": its binary " + submission.sha256 + " is missing");
        _storage->markFailed(submission.id, "the stored file is missing from the broker's binary storage");
        return;
    }

    plugin::NodeRequest request;
    request.submitId = submission.id;
    request.submitName = submission.submitName;
    request.sha256 = submission.sha256;
    request.fileSize = submission.fileSize;
    request.priority = submission.priority;
    request.options = submission.options;
    request.content = content.get();
    _nodes->beginHandoff(*chosen);
    plugin::NodeAnswer answer = client->scan(request);
    std::string taskId = answer.answered && answer.statusCode == 200 ? taskIdOf(answer.body) : "";
    if (!taskId.empty())
    {
        _storage->recordHandoff(submission.id,
                                plugin::NodeHandoff{*chosen, taskId, answer.statusCode, answer.body});
        _nodes->handoffSucceeded(*chosen);
        std::lock_guard<std::mutex> lock(_mutex);
        _failedNodes.erase(submission.id);
        return;
    }
    std::string error = answer.answered && answer.statusCode == 200 ? *chosen + " answered without a task ID"
                                                                    : describe(*chosen, answer);
    _nodes->handoffFailed(*chosen, error);
    bool permanent = answer.answered && answer.statusCode >= 400 && answer.statusCode < 500 &&
                     answer.statusCode != 408 && answer.statusCode != 429;
    attemptFailed(submission, *chosen, error, permanent);
}

void Dispatcher::attemptFailed(const plugin::Submission& submission, const std::string& node,
                               const std::string& error, bool permanent)
{
    std::string history = submission.reason;
    // A reason from waiting for capacity is not a failed attempt.
    if (history.rfind("attempt ", 0) != 0)
        history.clear();
    history += (history.empty() ? "" : "; ") + std::string("attempt ") + std::to_string(submission.attempts) +
               ": " + error;
    if (permanent)
    {
        _storage->markFailed(submission.id, node + " refused the file: " + error);
    }
    else if (submission.attempts >= _settings.maxAttempts)
    {
        _storage->markFailed(submission.id,
                             "all " + std::to_string(submission.attempts) + " attempts failed: " + history);
    }
    else
    {
        _storage->requeue(submission.id, history);
        {
            std::lock_guard<std::mutex> lock(_mutex);
            _failedNodes[submission.id].insert(node);
        }
        _wakeUp.tryWait(_settings.retryBackoffMilliseconds * static_cast<long>(submission.attempts));
        return;
    }
    logger().warning("submission " + submission.id + " FAILED: " + error);
    std::lock_guard<std::mutex> lock(_mutex);
    _failedNodes.erase(submission.id);
}

void Dispatcher::trackingLoop()
{
    while (!_stopping)
    {
        try
        {
            trackCompletions();
        }
        catch (const Poco::Exception& error)
        {
            logger().error("tracking pass failed: " + error.displayText());
        }
        _wakeUp.tryWait(_settings.pollIntervalMilliseconds);
    }
}

void Dispatcher::trackCompletions()
{
    std::vector<plugin::Submission> unfinished = _storage->listUnfinishedHandoffs(100000);
    std::map<std::string, std::uint32_t> perNode;
    for (const auto& submission : unfinished)
        ++perNode[submission.appServerId];
    _nodes->settleInFlight(perNode);

    for (const auto& submission : unfinished)
    {
        if (_stopping)
            return;
        const std::string& node = submission.appServerId;
        std::shared_ptr<plugin::NodeClient> client = _nodes->client(node);
        if (!client)
        {
            _storage->returnToQueue(submission.id, "node " + node + " is no longer configured; queued again");
            continue;
        }
        if (!_nodes->isHealthy(node))
        {
            _storage->returnToQueue(submission.id,
                                    node + " stopped answering before it finished; queued again");
            continue;
        }
        plugin::NodeAnswer answer = client->task(submission.taskId, true);
        if (answer.answered && answer.statusCode == 200)
        {
            std::string state = taskStateOf(answer.body);
            _storage->storeReport(submission.id, answer.body, state == "SUCCESS" || state == "FAILED");
        }
        else if (answer.answered && answer.statusCode == 404)
            _storage->returnToQueue(submission.id, node + " lost task " + submission.taskId +
                                                       " before it finished; queued again");
    }
}

} // namespace switchyard::kernel
