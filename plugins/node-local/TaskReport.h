// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "NodeTask.h"

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <string>

namespace switchyard::plugins::nodelocal
{

/// The JSON of the node's answers and reports (fsTransform API, broker-api.md §4, §6.4).
///
/// A report, in this key order: `taskReference`, `opcount`, `processTime`, `overallState`,
/// `finalVerdict` (once finished), `taskWarnings`, `allTags`, `allSignalGroups`, `resources`, then
/// any other key an analyzer added. The high-level report (`all=false`) is the same without
/// `resources`.
class TaskReport
{
public:
    /// `taskReference.name`, as the reference node names its tasks.
    static constexpr const char* TaskName = "transform-file";

    /// `{"name", "additionalInfo": {"submitName", "digests": {"SHA-256"}, "callbackDeleteAfter": false},
    /// "ID", "state", "opcount", "processTime"}`. A task without a name is shown as "file", as
    /// the reference node does.
    static Poco::JSON::Object::Ptr taskReference(const NodeTask& task, TaskState state, std::uint64_t opcount,
                                                 std::int64_t processTime);

    /// The body of the /scan answer: `{"processTime", "scanTasks": [{"taskReference", "opcount",
    /// "processTime", "taskWarnings", "allTags", "allSignalGroups", "resources"}]}`, task in progress.
    static std::string scanAnswer(const NodeTask& task, std::int64_t processTime);

    /// What the analyzers start from: `allTags`, `allSignalGroups` and `taskWarnings` empty,
    /// `resources` empty, `finalVerdict` UNKNOWN with confidence 0.
    static Poco::JSON::Object::Ptr emptyReport();

    /// The report of a task still in progress (full, or high-level unless `all`).
    static Poco::JSON::Object::Ptr inProgress(const NodeTask& task, bool all);

    /// The report of a finished task, in the documented key order, from what the analyzers made
    /// of emptyReport(). A FAILED task never claims a file harmless: its `finalVerdict` is
    /// UNKNOWN with confidence 0 unless the analyzers that ran found SUSPICIOUS or worse.
    static Poco::JSON::Object::Ptr finished(const NodeTask& task, TaskState state,
                                            const Poco::JSON::Object& analysed, std::uint64_t opcount,
                                            std::int64_t processTime);

    /// `report` without `resources`.
    static Poco::JSON::Object::Ptr highLevel(const Poco::JSON::Object& report);

    /// The body of a /task answer: `{"processTime", "result": <report>}`.
    static std::string taskAnswer(const std::string& reportText, std::int64_t processTime);

    /// The error body every endpoint answers: `{"processTime", "error": {"code", "message"}}`.
    static std::string errorBody(const std::string& code, const std::string& message,
                                 std::int64_t processTime);

    /// Compact JSON text.
    static std::string toText(const Poco::JSON::Object& object);
};

} // namespace switchyard::plugins::nodelocal
