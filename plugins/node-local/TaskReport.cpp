// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "TaskReport.h"

#include "Verdict.h"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <array>
#include <sstream>

namespace switchyard::plugins::nodelocal
{

namespace
{

Poco::JSON::Object::Ptr ordered()
{
    return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

Poco::JSON::Array::Ptr emptyArray()
{
    return new Poco::JSON::Array;
}

Poco::JSON::Array::Ptr arrayOr(const Poco::JSON::Object& report, const std::string& key)
{
    Poco::JSON::Array::Ptr array = report.getArray(key);
    return array ? array : emptyArray();
}

/// The keys finished() places itself; anything else an analyzer added follows them.
constexpr std::array<const char*, 9> ReportKeys{"taskReference", "opcount",         "processTime",
                                                "overallState",  "finalVerdict",    "taskWarnings",
                                                "allTags",       "allSignalGroups", "resources"};

} // namespace

Poco::JSON::Object::Ptr TaskReport::taskReference(const NodeTask& task, TaskState state,
                                                  std::uint64_t opcount, std::int64_t processTime)
{
    Poco::JSON::Object::Ptr digests = ordered();
    digests->set("SHA-256", task.facts.sha256);
    Poco::JSON::Object::Ptr additionalInfo = ordered();
    additionalInfo->set("submitName", task.facts.submitName.empty() ? "file" : task.facts.submitName);
    additionalInfo->set("digests", digests);
    additionalInfo->set("callbackDeleteAfter", false);

    Poco::JSON::Object::Ptr reference = ordered();
    reference->set("name", TaskName);
    reference->set("additionalInfo", additionalInfo);
    reference->set("ID", task.id);
    reference->set("state", std::string(toString(state)));
    reference->set("opcount", Poco::UInt64(opcount));
    reference->set("processTime", Poco::Int64(processTime));
    return reference;
}

std::string TaskReport::scanAnswer(const NodeTask& task, std::int64_t processTime)
{
    Poco::JSON::Object::Ptr scanTask = ordered();
    scanTask->set("taskReference", taskReference(task, TaskState::InProgress, 0, 0));
    scanTask->set("opcount", 0);
    scanTask->set("processTime", 0);
    scanTask->set("taskWarnings", emptyArray());
    scanTask->set("allTags", emptyArray());
    scanTask->set("allSignalGroups", emptyArray());
    scanTask->set("resources", ordered());
    Poco::JSON::Array::Ptr scanTasks = emptyArray();
    scanTasks->add(scanTask);

    Poco::JSON::Object answer(Poco::JSON_PRESERVE_KEY_ORDER);
    answer.set("processTime", Poco::Int64(processTime));
    answer.set("scanTasks", scanTasks);
    return toText(answer);
}

Poco::JSON::Object::Ptr TaskReport::emptyReport()
{
    Poco::JSON::Object::Ptr report = ordered();
    report->set("finalVerdict", support::Verdict().toJson());
    report->set("taskWarnings", emptyArray());
    report->set("allTags", emptyArray());
    report->set("allSignalGroups", emptyArray());
    report->set("resources", ordered());
    return report;
}

Poco::JSON::Object::Ptr TaskReport::inProgress(const NodeTask& task, bool all)
{
    Poco::JSON::Object::Ptr report = ordered();
    report->set("taskReference", taskReference(task, TaskState::InProgress, 0, 0));
    report->set("opcount", 0);
    report->set("processTime", 0);
    report->set("overallState", std::string(toString(TaskState::InProgress)));
    report->set("taskWarnings", emptyArray());
    report->set("allTags", emptyArray());
    report->set("allSignalGroups", emptyArray());
    if (all)
        report->set("resources", ordered());
    return report;
}

Poco::JSON::Object::Ptr TaskReport::finished(const NodeTask& task, TaskState state,
                                             const Poco::JSON::Object& analysed, std::uint64_t opcount,
                                             std::int64_t processTime)
{
    std::optional<support::Verdict> verdict;
    if (Poco::JSON::Object::Ptr raised = analysed.getObject("finalVerdict"))
        verdict = support::Verdict::fromJson(*raised);
    if (!verdict || (state == TaskState::Failed && verdict->level() < support::Verdict::Level::Suspicious))
        verdict = support::Verdict();

    Poco::JSON::Object::Ptr report = ordered();
    report->set("taskReference", taskReference(task, state, opcount, processTime));
    report->set("opcount", Poco::UInt64(opcount));
    report->set("processTime", Poco::Int64(processTime));
    report->set("overallState", std::string(toString(state)));
    report->set("finalVerdict", verdict->toJson());
    report->set("taskWarnings", arrayOr(analysed, "taskWarnings"));
    report->set("allTags", arrayOr(analysed, "allTags"));
    report->set("allSignalGroups", arrayOr(analysed, "allSignalGroups"));
    Poco::JSON::Object::Ptr resources = analysed.getObject("resources");
    report->set("resources", resources ? resources : ordered());

    std::vector<std::string> names;
    analysed.getNames(names);
    for (const std::string& name : names)
    {
        if (std::find(ReportKeys.begin(), ReportKeys.end(), name) == ReportKeys.end())
            report->set(name, analysed.get(name));
    }
    return report;
}

Poco::JSON::Object::Ptr TaskReport::highLevel(const Poco::JSON::Object& report)
{
    Poco::JSON::Object::Ptr summary = ordered();
    std::vector<std::string> names;
    report.getNames(names);
    for (const std::string& name : names)
    {
        if (name != "resources")
            summary->set(name, report.get(name));
    }
    return summary;
}

std::string TaskReport::taskAnswer(const std::string& reportText, std::int64_t processTime)
{
    return "{\"processTime\":" + std::to_string(processTime) + ",\"result\":" + reportText + "}";
}

std::string TaskReport::errorBody(const std::string& code, const std::string& message,
                                  std::int64_t processTime)
{
    Poco::JSON::Object::Ptr error = ordered();
    error->set("code", code);
    error->set("message", message);
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("processTime", Poco::Int64(processTime));
    body.set("error", error);
    return toText(body);
}

std::string TaskReport::toText(const Poco::JSON::Object& object)
{
    std::ostringstream text;
    object.stringify(text);
    return text.str();
}

} // namespace switchyard::plugins::nodelocal
