// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "TaskRunner.h"

#include "TaskReport.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>

namespace switchyard::plugins::nodelocal
{

TaskRunner::TaskRunner(std::shared_ptr<plugin::BlobStore> blobs,
                       std::vector<std::shared_ptr<plugin::Analyzer>> analyzers)
    : _blobs(std::move(blobs)), _analyzers(std::move(analyzers))
{
}

TaskRunner::Outcome TaskRunner::run(const NodeTask& task, const std::atomic<bool>& stopping) const
{
    Outcome outcome;
    outcome.analysed = TaskReport::emptyReport();
    for (std::size_t index = 0; index < _analyzers.size() && outcome.failure.empty(); ++index)
    {
        if (stopping)
        {
            outcome.failure = "the node stopped before the analysis ended";
            outcome.interrupted = true;
            break;
        }
        const std::string which =
            "analyzer " + std::to_string(index + 1) + " of " + std::to_string(_analyzers.size());
        // Messages are copied while the analyzer's library is certainly loaded.
        try
        {
            std::unique_ptr<std::istream> content = _blobs->open(task.facts.sha256);
            if (!content)
            {
                outcome.failure = "the file " + task.facts.sha256 + " is no longer in the blob store";
                break;
            }
            _analyzers[index]->analyze(*content, task.facts, *outcome.analysed);
            ++outcome.opcount;
        }
        catch (const Poco::Exception& error)
        {
            outcome.failure = which + " failed: " + error.displayText();
        }
        catch (const std::exception& error)
        {
            outcome.failure = which + " failed: " + error.what();
        }
        catch (...)
        {
            outcome.failure = which + " failed with an unknown exception";
        }
    }
    if (!outcome.failure.empty())
    {
        outcome.state = TaskState::Failed;
        Poco::JSON::Array::Ptr warnings = outcome.analysed->getArray("taskWarnings");
        if (!warnings)
        {
            warnings = new Poco::JSON::Array;
            outcome.analysed->set("taskWarnings", warnings);
        }
        warnings->add(outcome.failure);
    }
    return outcome;
}

} // namespace switchyard::plugins::nodelocal
