// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "NodeTask.h"
#include "switchyard/plugin/Analyzer.h"
#include "switchyard/plugin/BlobStore.h"

#include <Poco/JSON/Object.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace switchyard::plugins::nodelocal
{

/// Runs the analyzers, in order, over one stored file and collects what they add to the report.
/// Each analyzer reads the file from its start (a stream of its own from the blob store). The
/// first analyzer that throws fails the task: the analyzers after it do not run, and its message
/// goes to `taskWarnings`. Thread-safe: workers run tasks concurrently.
class TaskRunner
{
public:
    struct Outcome
    {
        TaskState state = TaskState::Success;
        /// What the analyzers made of TaskReport::emptyReport().
        Poco::JSON::Object::Ptr analysed;
        /// Analyzers that completed.
        std::uint64_t opcount = 0;
        /// Why the task failed ("" on success).
        std::string failure;
        /// True when it stopped early because the node stops (analyzers were left to run).
        bool interrupted = false;
    };

    TaskRunner(std::shared_ptr<plugin::BlobStore> blobs,
               std::vector<std::shared_ptr<plugin::Analyzer>> analyzers);

    /// Runs the task. `stopping` is read between analyzers: once true, the task ends early as
    /// Outcome::interrupted ("the node stopped before the analysis ended"). Never throws for a failure of an
    /// analyzer or of the blob store.
    Outcome run(const NodeTask& task, const std::atomic<bool>& stopping) const;

    std::size_t analyzerCount() const { return _analyzers.size(); }

private:
    std::shared_ptr<plugin::BlobStore> _blobs;
    std::vector<std::shared_ptr<plugin::Analyzer>> _analyzers;
};

} // namespace switchyard::plugins::nodelocal
