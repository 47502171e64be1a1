// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "DispatcherSettings.h"
#include "NodeRegistry.h"
#include "switchyard/plugin/BlobStore.h"
#include "switchyard/plugin/DispatchStrategy.h"
#include "switchyard/plugin/Storage.h"

#include <Poco/Event.h>
#include <Poco/Thread.h>

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace switchyard::kernel
{

/// Hands queued submissions to processor nodes and follows them until their node finishes.
///
/// Hand-over threads take the next submission (priority, then arrival) while some node has
/// room, ask the strategy for one of the candidate nodes, reserve room on it and send the file.
/// When no node can take a claimed submission now, it is released to its place without
/// counting an attempt; when no configured node ever would (its media type), it is FAILED. A
/// connection error, time-out or 5xx puts the submission back in its place and it waits out a
/// back-off (retryBackoffMilliseconds x attempts) while the files behind it go ahead; it is
/// then tried again, on another node when one qualifies; after `maxAttempts` it is FAILED with
/// every attempt's reason. A 4xx other than 408/429 means the node refuses the file: FAILED at
/// once.
///
/// The tracking thread asks nodes for the reports of unfinished tasks (so a lost callback loses
/// nothing), caches them, and returns a task to the queue when its node lost it (404) or has
/// been ejected for longer than lostTaskGraceMilliseconds. A task that finished is never
/// dispatched again. A node that does not answer is skipped for the rest of a pass.
///
/// Submissions left Dispatching by a broker that died are queued again at start.
class Dispatcher
{
public:
    Dispatcher(std::shared_ptr<plugin::Storage> storage, std::shared_ptr<plugin::BlobStore> blobs,
               std::shared_ptr<plugin::DispatchStrategy> strategy, std::shared_ptr<NodeRegistry> nodes,
               DispatcherSettings settings);
    ~Dispatcher();

    void start();
    /// Stops every thread and joins them; submissions being handed over finish their attempt.
    void stop();

    /// Takes and hands over one submission. Returns false when there was nothing to do.
    bool dispatchOne();

    /// One pass over the unfinished tasks.
    void trackCompletions();

private:
    /// How one hand-over ended, for the node registry and the attempt history.
    enum class Outcome
    {
        Accepted,
        NodeFault,
        Busy,
        Refused,
    };

    void handOver(const plugin::Submission& submission);
    void handoverLoop();
    void trackingLoop();
    /// Follows one unfinished task; adds its node to `unreachable` when the node does not answer.
    void follow(const plugin::Submission& submission, std::set<std::string>& unreachable);
    /// Reports a failed attempt: requeue behind a back-off, or give up.
    void attemptFailed(const plugin::Submission& submission, const std::string& node,
                       const std::string& error, Outcome outcome);
    /// Records the hand-over, retrying a storage that fails for a moment: the node has the file now.
    void recordHandoff(const plugin::Submission& submission, const plugin::NodeHandoff& handoff);
    /// The submissions waiting out a back-off, forgetting those whose wait is over.
    std::set<std::string> backingOff();
    /// Drops what the dispatcher remembers of a submission that is done with (handed over or FAILED).
    void forget(const std::string& id);

    std::shared_ptr<plugin::Storage> _storage;
    std::shared_ptr<plugin::BlobStore> _blobs;
    std::shared_ptr<plugin::DispatchStrategy> _strategy;
    std::shared_ptr<NodeRegistry> _nodes;
    DispatcherSettings _settings;
    std::mutex _mutex;
    /// Nodes that failed a submission, avoided when it is tried again.
    std::map<std::string, std::set<std::string>> _failedNodes;
    /// The attempts' reasons so far ("attempt 1: app2 connection refused"), by submission.
    std::map<std::string, std::string> _history;
    /// When a submission in back-off may be claimed again (steady clock, milliseconds).
    std::map<std::string, std::int64_t> _retryAt;
    std::vector<std::unique_ptr<Poco::Thread>> _threads;
    Poco::Thread _tracker{"dispatch-track"};
    Poco::Event _wakeUp{Poco::Event::EVENT_MANUALRESET};
    std::atomic<bool> _stopping{false};
};

} // namespace switchyard::kernel
