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
/// Hand-over threads take the next submission (priority, then arrival), ask the strategy for
/// one of the candidate nodes, and send the file. A connection error, time-out or 5xx puts the
/// submission back in its place and it is tried again (on another node when one qualifies)
/// after a back-off; after `maxAttempts` it is FAILED with every attempt's reason. A 4xx other
/// than 408/429 means the node refuses the file: FAILED at once.
///
/// The tracking thread asks nodes for the reports of unfinished tasks (so a lost callback loses
/// nothing), caches them, and returns a task to the queue when its node lost it (404) or was
/// ejected before finishing. A task that finished is never dispatched again.
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
    void handOver(const plugin::Submission& submission);
    void handoverLoop();
    void trackingLoop();
    /// Reports a failed attempt: requeue or give up.
    void attemptFailed(const plugin::Submission& submission, const std::string& node,
                       const std::string& error, bool permanent);

    std::shared_ptr<plugin::Storage> _storage;
    std::shared_ptr<plugin::BlobStore> _blobs;
    std::shared_ptr<plugin::DispatchStrategy> _strategy;
    std::shared_ptr<NodeRegistry> _nodes;
    DispatcherSettings _settings;
    std::mutex _mutex;
    /// Nodes that failed a submission, avoided when it is tried again.
    std::map<std::string, std::set<std::string>> _failedNodes;
    std::vector<std::unique_ptr<Poco::Thread>> _threads;
    Poco::Thread _tracker{"dispatch-track"};
    Poco::Event _wakeUp{Poco::Event::EVENT_MANUALRESET};
    std::atomic<bool> _stopping{false};
};

} // namespace switchyard::kernel
