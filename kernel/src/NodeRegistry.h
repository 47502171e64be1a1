// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "NodeSettings.h"
#include "switchyard/plugin/NodeClient.h"
#include "switchyard/plugin/NodeDirectory.h"
#include "switchyard/plugin/NodeStatus.h"
#include "switchyard/plugin/Submission.h"

#include <Poco/Event.h>
#include <Poco/Thread.h>

#include <atomic>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace switchyard::kernel
{

/// The processor nodes and what the broker knows of them: health (probed with /system-info,
/// ejected after consecutive failures, re-admitted when they answer), work in flight, and the
/// hand-over rate. Chooses the candidates a DispatchStrategy picks from.
class NodeRegistry : public plugin::NodeDirectory
{
public:
    struct Settings
    {
        /// Probes and hand-overs that fail in a row before a node is ejected.
        std::uint32_t ejectAfterFailures = 3;
        long probeIntervalMilliseconds = 5000;
    };

    struct Node
    {
        NodeSettings settings;
        std::shared_ptr<plugin::NodeClient> client;
        std::string address;
        /// Made from the node keys by the kernel, so started and stopped here; a node instance
        /// of the instance graph (`instance` key) is started and stopped by the graph.
        bool managed = false;
    };

    /// An empty directory: instances may be given it before the nodes exist.
    NodeRegistry() = default;
    ~NodeRegistry() override;

    /// Sets the nodes and settings, once, before start() and before any request is served.
    void install(std::vector<Node> nodes, Settings settings);

    /// Starts the health probe thread.
    void start();
    /// Stops and joins it. Idempotent.
    void stop();

    /// The nodes that may take `submission` now: enabled, healthy, below maxInFlight, within
    /// submissionsPerMinute, taking its media type; those in `avoid` only if no other qualifies.
    std::vector<plugin::NodeStatus> candidates(const plugin::Submission& submission,
                                               const std::set<std::string>& avoid) const;

    /// True when some node could take work now (enabled, healthy, below its bounds).
    bool hasFreeCapacity() const;

    /// How many enabled nodes take `mediaType` (appN.mediaTypes), healthy or not.
    std::size_t countTaking(const std::string& mediaType) const;

    /// A hand-over to `id` begins: checks again, under the registry's lock, that the node is
    /// healthy and below maxInFlight and submissionsPerMinute, and if so counts the hand-over in
    /// flight and against the rate. False (nothing counted) when another thread took the last
    /// room first.
    bool reserve(const std::string& id);
    /// The reserved hand-over failed: no longer in flight. `nodeFault` (no answer, time-out, a
    /// 5xx other than 503) counts toward ejection; a refusal or "busy" does not.
    void handoffFailed(const std::string& id, const std::string& error, bool nodeFault);
    /// The node took the file: in flight as a task until it finishes.
    void handoffSucceeded(const std::string& id);
    /// Sets the number of unfinished tasks of every node, as the storage knows them (hand-overs
    /// under way are counted besides).
    void settleInFlight(const std::map<std::string, std::uint32_t>& unfinished);

    /// Milliseconds since node `id` was ejected, or nothing while it is healthy.
    std::optional<std::int64_t> ejectedFor(const std::string& id) const;

    /// One round of health probes (also run by the probe thread).
    void probeAll();

    bool isHealthy(const std::string& id) const;
    bool contains(const std::string& id) const;

    // switchyard::plugin::NodeDirectory
    std::vector<plugin::NodeView> nodes() const override;
    std::shared_ptr<plugin::NodeClient> client(const std::string& appServerId) const override;

private:
    struct State
    {
        bool healthy = true;
        std::uint32_t consecutiveFailures = 0;
        /// Unfinished tasks on the node, and hand-overs to it under way.
        std::uint32_t inFlight = 0;
        std::uint32_t handingOver = 0;
        /// When it was ejected (milliseconds since the epoch), while unhealthy.
        std::int64_t ejectedAt = 0;
        std::string lastError;
        std::string systemInfo;
        std::deque<std::int64_t> recentHandoffs;
    };

    void recordFailure(const std::string& id, const std::string& error);
    void probeLoop();
    static bool takesMediaType(const NodeSettings& node, const std::string& mediaType);
    /// Whether `node` may take one more hand-over now; the caller holds `_mutex`.
    static bool hasRoom(const NodeSettings& node, State& state, std::int64_t now);

    std::vector<Node> _nodes;
    Settings _settings;
    mutable std::mutex _mutex;
    mutable std::map<std::string, State> _states;
    Poco::Thread _probeThread{"node-probe"};
    Poco::Event _wakeUp;
    std::atomic<bool> _stopping{false};
    bool _started = false;
};

} // namespace switchyard::kernel
