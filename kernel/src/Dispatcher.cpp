// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "Dispatcher.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>

#include <algorithm>
#include <chrono>

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

namespace
{

std::int64_t steadyMilliseconds()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

std::set<std::string> Dispatcher::backingOff()
{
    std::lock_guard<std::mutex> lock(_mutex);
    std::set<std::string> waiting;
    const std::int64_t now = steadyMilliseconds();
    for (auto it = _retryAt.begin(); it != _retryAt.end();)
    {
        if (it->second <= now)
            it = _retryAt.erase(it);
        else
            waiting.insert((it++)->first);
    }
    return waiting;
}

void Dispatcher::forget(const std::string& id)
{
    std::lock_guard<std::mutex> lock(_mutex);
    _failedNodes.erase(id);
    _history.erase(id);
    _retryAt.erase(id);
}

bool Dispatcher::dispatchOne()
{
    // Claiming with no room anywhere would only put the submission back.
    if (!_nodes->hasFreeCapacity())
        return false;
    std::optional<plugin::Submission> claimed = _storage->claimNext(backingOff());
    if (!claimed)
        return false;
    try
    {
        handOver(*claimed);
    }
    catch (...)
    {
        // Not handed over (handOver records a hand-over the node accepted itself): back to its
        // place, so it is not left Dispatching until the next start.
        try
        {
            _storage->release(claimed->id, "the broker could not hand it over; it will be tried again");
        }
        catch (const Poco::Exception& error)
        {
            logger().error("submission " + claimed->id +
                           " stays claimed until the broker restarts: " + error.displayText());
        }
        throw;
    }
    return true;
}

void Dispatcher::handOver(const plugin::Submission& submission)
{
    std::set<std::string> avoid;
    {
        std::lock_guard<std::mutex> lock(_mutex);
        auto found = _failedNodes.find(submission.id);
        if (found != _failedNodes.end())
            avoid = found->second;
    }
    const std::size_t takers = _nodes->countTaking(submission.mediaType);
    if (takers == 0)
    {
        forget(submission.id);
        _storage->markFailed(submission.id, "no configured node takes media type " + submission.mediaType +
                                                " (appN.mediaTypes)");
        return;
    }
    std::vector<plugin::NodeStatus> candidates = _nodes->candidates(submission, avoid);
    if (candidates.empty())
    {
        _storage->release(submission.id, "waiting for a node with free capacity");
        return;
    }
    std::optional<std::string> chosen = _strategy->choose(submission, candidates);
    if (!chosen)
    {
        if (candidates.size() == takers)
        {
            // Every node that could take it was offered, and the strategy wants none of them.
            forget(submission.id);
            _storage->markFailed(submission.id, "the dispatch strategy sends media type " +
                                                    submission.mediaType + " to no node");
            return;
        }
        _storage->release(submission.id,
                          "waiting for a node the dispatch strategy takes for " + submission.mediaType);
        return;
    }
    const bool offered = std::any_of(candidates.begin(), candidates.end(),
                                     [&](const plugin::NodeStatus& node) { return node.id == *chosen; });
    std::shared_ptr<plugin::NodeClient> client = offered ? _nodes->client(*chosen) : nullptr;
    if (!client)
    {
        logger().error("the dispatch strategy chose '" + *chosen + "', which was not offered");
        _storage->release(submission.id, "waiting: the dispatch strategy chose a node that was not offered");
        return;
    }
    if (!_nodes->reserve(*chosen))
    {
        // Another hand-over took the node's last room since the candidates were listed.
        _storage->release(submission.id, "waiting for a node with free capacity");
        return;
    }
    plugin::NodeAnswer answer;
    std::string taskId;
    try
    {
        std::unique_ptr<std::istream> content = _blobs->open(submission.sha256);
        if (!content)
        {
            _nodes->handoffFailed(*chosen, "", false);
            logger().error("submission " + submission.id + ": its binary " + submission.sha256 +
                           " is missing");
            forget(submission.id);
            _storage->markFailed(submission.id,
                                 "the stored file is missing from the broker's binary storage");
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
        answer = client->scan(request);
        taskId = answer.answered && answer.statusCode == 200 ? taskIdOf(answer.body) : "";
    }
    catch (...)
    {
        _nodes->handoffFailed(*chosen, "the broker failed while handing over", false);
        throw;
    }
    if (!taskId.empty())
    {
        _nodes->handoffSucceeded(*chosen);
        forget(submission.id);
        recordHandoff(submission, plugin::NodeHandoff{*chosen, taskId, answer.statusCode, answer.body});
        return;
    }
    std::string error = answer.answered && answer.statusCode == 200 ? *chosen + " answered without a task ID"
                                                                    : describe(*chosen, answer);
    Outcome outcome = Outcome::NodeFault;
    if (answer.answered && (answer.statusCode == 503 || answer.statusCode == 429))
        outcome = Outcome::Busy;
    else if (answer.answered && answer.statusCode >= 400 && answer.statusCode < 500 &&
             answer.statusCode != 408)
        outcome = Outcome::Refused;
    _nodes->handoffFailed(*chosen, error, outcome == Outcome::NodeFault);
    attemptFailed(submission, *chosen, error, outcome);
}

void Dispatcher::recordHandoff(const plugin::Submission& submission, const plugin::NodeHandoff& handoff)
{
    // The node has the file now: putting it back would analyse it twice, so insist.
    for (int attempt = 1;; ++attempt)
    {
        try
        {
            _storage->recordHandoff(submission.id, handoff);
            return;
        }
        catch (const Poco::Exception& error)
        {
            if (attempt >= 5 || _stopping)
            {
                logger().critical(
                    "submission " + submission.id + " was taken by " + handoff.appServerId + " as task " +
                    handoff.taskId +
                    " but the storage cannot record it; it is dispatched again after a restart: " +
                    error.displayText());
                return;
            }
            _wakeUp.tryWait(100L * attempt);
        }
    }
}

void Dispatcher::attemptFailed(const plugin::Submission& submission, const std::string& node,
                               const std::string& error, Outcome outcome)
{
    std::string history;
    {
        std::lock_guard<std::mutex> lock(_mutex);
        history = _history[submission.id];
    }
    // After a restart the history is what the storage kept of the last failed attempt.
    if (history.empty() && submission.reason.rfind("attempt ", 0) == 0)
        history = submission.reason;
    history += (history.empty() ? "" : "; ") + std::string("attempt ") + std::to_string(submission.attempts) +
               ": " + error;
    if (outcome == Outcome::Refused)
    {
        forget(submission.id);
        _storage->markFailed(submission.id, node + " refused the file: " + error);
    }
    else if (submission.attempts >= _settings.maxAttempts)
    {
        forget(submission.id);
        _storage->markFailed(submission.id,
                             "all " + std::to_string(submission.attempts) + " attempts failed: " + history);
    }
    else
    {
        {
            // Before it is queued again, so that no thread claims it early or picks the same node.
            std::lock_guard<std::mutex> lock(_mutex);
            _history[submission.id] = history;
            _failedNodes[submission.id].insert(node);
            _retryAt[submission.id] = steadyMilliseconds() + _settings.retryBackoffMilliseconds *
                                                                 static_cast<long>(submission.attempts);
        }
        _storage->requeue(submission.id, history);
        return;
    }
    logger().warning("submission " + submission.id + " FAILED: " + error);
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
        catch (const std::exception& error)
        {
            logger().error(std::string("tracking pass failed: ") + error.what());
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

    std::set<std::string> unreachable;
    for (const auto& submission : unfinished)
    {
        if (_stopping)
            return;
        try
        {
            follow(submission, unreachable);
        }
        catch (const Poco::IllegalStateException&)
        {
            // Finished meanwhile (a callback came first): nothing to take back.
        }
        catch (const Poco::Exception& error)
        {
            logger().error("following task " + submission.taskId + " of submission " + submission.id +
                           " failed: " + error.displayText());
        }
        catch (const std::exception& error)
        {
            logger().error("following task " + submission.taskId + " of submission " + submission.id +
                           " failed: " + error.what());
        }
    }
}

void Dispatcher::follow(const plugin::Submission& submission, std::set<std::string>& unreachable)
{
    const std::string& node = submission.appServerId;
    std::shared_ptr<plugin::NodeClient> client = _nodes->client(node);
    if (!client)
    {
        _storage->returnToQueue(submission.id, "node " + node + " is no longer configured; queued again");
        return;
    }
    if (unreachable.count(node))
        return;
    if (std::optional<std::int64_t> ejected = _nodes->ejectedFor(node))
    {
        if (*ejected >= _settings.lostTaskGraceMilliseconds)
            _storage->returnToQueue(submission.id, node + " stopped answering before it finished task " +
                                                       submission.taskId + "; queued again");
        return;
    }
    plugin::NodeAnswer answer = client->task(submission.taskId, true);
    if (answer.answered && answer.statusCode == 200)
    {
        std::string state = taskStateOf(answer.body);
        _storage->storeReport(submission.id, node, submission.taskId, answer.body,
                              state == "SUCCESS" || state == "FAILED");
    }
    else if (answer.answered && answer.statusCode == 404)
        _storage->returnToQueue(submission.id, node + " lost task " + submission.taskId +
                                                   " before it finished; queued again");
    else if (!answer.answered)
        unreachable.insert(node);
}

} // namespace switchyard::kernel
