// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "NodeRegistry.h"

#include <Poco/Logger.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>

namespace switchyard::kernel
{

namespace
{

std::int64_t nowMilliseconds()
{
    return Poco::Timestamp().epochMicroseconds() / 1000;
}

// Drops hand-overs older than a minute; what is left is the last minute's count.
void forgetOldHandoffs(std::deque<std::int64_t>& handoffs, std::int64_t now)
{
    while (!handoffs.empty() && handoffs.front() <= now - 60000)
        handoffs.pop_front();
}

} // namespace

void NodeRegistry::install(std::vector<Node> nodes, Settings settings)
{
    std::lock_guard<std::mutex> lock(_mutex);
    _nodes = std::move(nodes);
    _settings = settings;
    for (const auto& node : _nodes)
        _states[node.settings.id] = State{};
}

NodeRegistry::~NodeRegistry()
{
    stop();
}

void NodeRegistry::start()
{
    for (const auto& node : _nodes)
        if (node.managed)
            node.client->start();
    _started = true;
    if (!_nodes.empty())
        _probeThread.start([](void* self) { static_cast<NodeRegistry*>(self)->probeLoop(); }, this);
}

void NodeRegistry::stop()
{
    _stopping = true;
    _wakeUp.set();
    if (_probeThread.isRunning())
        _probeThread.join();
    if (!_started)
        return;
    _started = false;
    for (auto it = _nodes.rbegin(); it != _nodes.rend(); ++it)
        if (it->managed)
            it->client->stop();
}

bool NodeRegistry::takesMediaType(const NodeSettings& node, const std::string& mediaType)
{
    if (node.mediaTypes.empty())
        return true;
    std::string type = Poco::toLower(Poco::trim(mediaType.substr(0, mediaType.find(';'))));
    for (const auto& pattern : node.mediaTypes)
    {
        std::string lower = Poco::toLower(pattern);
        if (lower == "*" || lower == type)
            return true;
        if (lower.size() > 2 && lower.compare(lower.size() - 2, 2, "/*") == 0 &&
            type.compare(0, lower.size() - 1, lower, 0, lower.size() - 1) == 0)
            return true;
    }
    return false;
}

bool NodeRegistry::hasRoom(const NodeSettings& node, State& state, std::int64_t now)
{
    if (!node.enabled || !state.healthy)
        return false;
    if (node.maxInFlight > 0 && state.inFlight + state.handingOver >= node.maxInFlight)
        return false;
    forgetOldHandoffs(state.recentHandoffs, now);
    return node.submissionsPerMinute == 0 || state.recentHandoffs.size() < node.submissionsPerMinute;
}

std::vector<plugin::NodeStatus> NodeRegistry::candidates(const plugin::Submission& submission,
                                                         const std::set<std::string>& avoid) const
{
    std::lock_guard<std::mutex> lock(_mutex);
    std::int64_t now = nowMilliseconds();
    std::vector<plugin::NodeStatus> preferred;
    std::vector<plugin::NodeStatus> avoided;
    for (const auto& node : _nodes)
    {
        const NodeSettings& settings = node.settings;
        State& state = _states[settings.id];
        if (!takesMediaType(settings, submission.mediaType) || !hasRoom(settings, state, now))
            continue;
        plugin::NodeStatus status;
        status.id = settings.id;
        status.index = settings.index;
        status.weight = settings.weight;
        status.inFlight = state.inFlight + state.handingOver;
        status.maxInFlight = settings.maxInFlight;
        status.mediaTypes = settings.mediaTypes;
        (avoid.count(settings.id) ? avoided : preferred).push_back(std::move(status));
    }
    return preferred.empty() ? avoided : preferred;
}

bool NodeRegistry::hasFreeCapacity() const
{
    std::lock_guard<std::mutex> lock(_mutex);
    std::int64_t now = nowMilliseconds();
    for (const auto& node : _nodes)
        if (hasRoom(node.settings, _states[node.settings.id], now))
            return true;
    return false;
}

std::size_t NodeRegistry::countTaking(const std::string& mediaType) const
{
    std::size_t count = 0;
    for (const auto& node : _nodes)
        if (node.settings.enabled && takesMediaType(node.settings, mediaType))
            ++count;
    return count;
}

bool NodeRegistry::reserve(const std::string& id)
{
    std::lock_guard<std::mutex> lock(_mutex);
    for (const auto& node : _nodes)
    {
        if (node.settings.id != id)
            continue;
        State& state = _states[id];
        std::int64_t now = nowMilliseconds();
        if (!hasRoom(node.settings, state, now))
            return false;
        ++state.handingOver;
        state.recentHandoffs.push_back(now);
        return true;
    }
    return false;
}

void NodeRegistry::handoffFailed(const std::string& id, const std::string& error, bool nodeFault)
{
    {
        std::lock_guard<std::mutex> lock(_mutex);
        State& state = _states[id];
        if (state.handingOver > 0)
            --state.handingOver;
        if (!nodeFault)
            state.lastError = error;
    }
    if (nodeFault)
        recordFailure(id, error);
}

void NodeRegistry::handoffSucceeded(const std::string& id)
{
    std::lock_guard<std::mutex> lock(_mutex);
    State& state = _states[id];
    if (state.handingOver > 0)
        --state.handingOver;
    ++state.inFlight;
    state.consecutiveFailures = 0;
}

void NodeRegistry::settleInFlight(const std::map<std::string, std::uint32_t>& unfinished)
{
    std::lock_guard<std::mutex> lock(_mutex);
    for (auto& [id, state] : _states)
    {
        auto found = unfinished.find(id);
        state.inFlight = found == unfinished.end() ? 0 : found->second;
    }
}

std::optional<std::int64_t> NodeRegistry::ejectedFor(const std::string& id) const
{
    std::lock_guard<std::mutex> lock(_mutex);
    auto found = _states.find(id);
    if (found == _states.end() || found->second.healthy)
        return std::nullopt;
    return nowMilliseconds() - found->second.ejectedAt;
}

void NodeRegistry::recordFailure(const std::string& id, const std::string& error)
{
    std::lock_guard<std::mutex> lock(_mutex);
    State& state = _states[id];
    state.lastError = error;
    ++state.consecutiveFailures;
    if (state.healthy && state.consecutiveFailures >= _settings.ejectAfterFailures)
    {
        state.healthy = false;
        state.ejectedAt = nowMilliseconds();
        Poco::Logger::get("switchyard.kernel.nodes")
            .warning("node " + id + " ejected after " + std::to_string(state.consecutiveFailures) +
                     " failures in a row; last: " + error);
    }
}

void NodeRegistry::probeAll()
{
    for (const auto& node : _nodes)
    {
        if (!node.settings.enabled)
            continue;
        plugin::NodeAnswer answer = node.client->systemInfo();
        if (answer.answered && answer.statusCode == 200)
        {
            std::lock_guard<std::mutex> lock(_mutex);
            State& state = _states[node.settings.id];
            state.systemInfo = answer.body;
            state.consecutiveFailures = 0;
            if (!state.healthy)
            {
                state.healthy = true;
                Poco::Logger::get("switchyard.kernel.nodes")
                    .notice("node " + node.settings.id + " answers again; re-admitted");
            }
        }
        else
            recordFailure(node.settings.id,
                          answer.answered ? "system-info answered HTTP " + std::to_string(answer.statusCode)
                                          : answer.error);
    }
}

void NodeRegistry::probeLoop()
{
    while (!_stopping)
    {
        // A probe that throws must not end the probing: ejected nodes would never come back.
        try
        {
            probeAll();
        }
        catch (const Poco::Exception& error)
        {
            Poco::Logger::get("switchyard.kernel.nodes").error("health probe failed: " + error.displayText());
        }
        catch (const std::exception& error)
        {
            Poco::Logger::get("switchyard.kernel.nodes")
                .error(std::string("health probe failed: ") + error.what());
        }
        _wakeUp.tryWait(_settings.probeIntervalMilliseconds);
    }
}

bool NodeRegistry::isHealthy(const std::string& id) const
{
    std::lock_guard<std::mutex> lock(_mutex);
    auto found = _states.find(id);
    return found != _states.end() && found->second.healthy;
}

bool NodeRegistry::contains(const std::string& id) const
{
    return client(id) != nullptr;
}

std::vector<plugin::NodeView> NodeRegistry::nodes() const
{
    std::lock_guard<std::mutex> lock(_mutex);
    std::vector<plugin::NodeView> views;
    for (const auto& node : _nodes)
    {
        const State& state = _states[node.settings.id];
        plugin::NodeView view;
        view.id = node.settings.id;
        view.index = node.settings.index;
        view.address = node.address;
        view.enabled = node.settings.enabled;
        view.healthy = state.healthy;
        view.state = !node.settings.enabled ? "disabled" : state.healthy ? "healthy" : "ejected";
        view.inFlight = state.inFlight + state.handingOver;
        view.maxInFlight = node.settings.maxInFlight;
        view.weight = node.settings.weight;
        view.submissionsPerMinute = node.settings.submissionsPerMinute;
        view.mediaTypes = node.settings.mediaTypes;
        view.consecutiveFailures = state.consecutiveFailures;
        view.lastError = state.lastError;
        view.systemInfo = state.systemInfo;
        views.push_back(std::move(view));
    }
    return views;
}

std::shared_ptr<plugin::NodeClient> NodeRegistry::client(const std::string& appServerId) const
{
    for (const auto& node : _nodes)
        if (node.settings.id == appServerId)
            return node.client;
    return nullptr;
}

} // namespace switchyard::kernel
