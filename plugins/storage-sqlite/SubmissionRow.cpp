// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SubmissionRow.h"

#include <Poco/Data/DataException.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

namespace switchyard::plugins::sqlite
{

using namespace Poco::Data::Keywords;

const std::string SubmissionRow::Columns =
    "sequence, id, submit_name, sha256, file_size, media_type, priority, "
    "options, state, attempts, reason, app_server_id, task_id, "
    "status_code, result, created_at, updated_at, report_final";
const std::string SubmissionRow::Placeholders = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

SubmissionRow SubmissionRow::from(const plugin::Submission& submission)
{
    SubmissionRow row;
    row.sequence = static_cast<Poco::Int64>(submission.sequence);
    row.id = submission.id;
    row.submitName = submission.submitName;
    row.sha256 = submission.sha256;
    row.fileSize = static_cast<Poco::Int64>(submission.fileSize);
    row.mediaType = submission.mediaType;
    row.priority = submission.priority;
    row.options = encodeOptions(submission.options);
    row.state = std::string(plugin::storageName(submission.state));
    row.attempts = submission.attempts;
    row.reason = submission.reason;
    row.appServerId = submission.appServerId;
    row.taskId = submission.taskId;
    row.statusCode = submission.statusCode;
    row.result = submission.result;
    row.createdAt = submission.createdAt;
    row.updatedAt = submission.updatedAt;
    row.reportFinal = submission.reportFinal ? 1 : 0;
    return row;
}

plugin::Submission SubmissionRow::toSubmission() const
{
    const std::optional<plugin::SubmissionState> parsedState = plugin::parseStorageName(state);
    if (!parsedState)
        throw Poco::Data::DataException("submission " + id + " has the unknown state '" + state + "'");
    plugin::Submission submission;
    submission.id = id;
    submission.submitName = submitName;
    submission.sha256 = sha256;
    submission.fileSize = static_cast<std::uint64_t>(fileSize);
    submission.mediaType = mediaType;
    submission.priority = static_cast<int>(priority);
    submission.sequence = static_cast<std::uint64_t>(sequence);
    submission.options = decodeOptions(options, id);
    submission.state = *parsedState;
    submission.attempts = static_cast<std::uint32_t>(attempts);
    submission.reason = reason;
    submission.appServerId = appServerId;
    submission.taskId = taskId;
    submission.statusCode = static_cast<int>(statusCode);
    submission.result = result;
    submission.createdAt = createdAt;
    submission.updatedAt = updatedAt;
    submission.reportFinal = reportFinal != 0;
    return submission;
}

void SubmissionRow::bindTo(Poco::Data::Statement& statement)
{
    statement, useRef(sequence), useRef(id), useRef(submitName), useRef(sha256), useRef(fileSize),
        useRef(mediaType), useRef(priority), useRef(options), useRef(state), useRef(attempts), useRef(reason),
        useRef(appServerId), useRef(taskId), useRef(statusCode), useRef(result), useRef(createdAt),
        useRef(updatedAt), useRef(reportFinal);
}

void SubmissionRow::extractInto(Poco::Data::Statement& statement)
{
    statement, into(sequence), into(id), into(submitName), into(sha256), into(fileSize), into(mediaType),
        into(priority), into(options), into(state), into(attempts), into(reason), into(appServerId),
        into(taskId), into(statusCode), into(result), into(createdAt), into(updatedAt), into(reportFinal);
}

void SubmissionRow::bindTo(PreparedStatement& statement) const
{
    statement.bind(1, sequence);
    statement.bind(2, id);
    statement.bind(3, submitName);
    statement.bind(4, sha256);
    statement.bind(5, fileSize);
    statement.bind(6, mediaType);
    statement.bind(7, priority);
    statement.bind(8, options);
    statement.bind(9, state);
    statement.bind(10, attempts);
    statement.bind(11, reason);
    statement.bind(12, appServerId);
    statement.bind(13, taskId);
    statement.bind(14, statusCode);
    statement.bind(15, result);
    statement.bind(16, createdAt);
    statement.bind(17, updatedAt);
    statement.bind(18, reportFinal);
}

SubmissionRow SubmissionRow::readFrom(const PreparedStatement& statement)
{
    SubmissionRow row;
    row.sequence = statement.integer(0);
    row.id = statement.text(1);
    row.submitName = statement.text(2);
    row.sha256 = statement.text(3);
    row.fileSize = statement.integer(4);
    row.mediaType = statement.text(5);
    row.priority = statement.integer(6);
    row.options = statement.text(7);
    row.state = statement.text(8);
    row.attempts = statement.integer(9);
    row.reason = statement.text(10);
    row.appServerId = statement.text(11);
    row.taskId = statement.text(12);
    row.statusCode = statement.integer(13);
    row.result = statement.text(14);
    row.createdAt = statement.integer(15);
    row.updatedAt = statement.integer(16);
    row.reportFinal = statement.integer(17);
    return row;
}

std::string SubmissionRow::encodeOptions(const std::map<std::string, std::string>& options)
{
    Poco::JSON::Object object;
    for (const auto& [name, value] : options)
        object.set(name, value);
    std::ostringstream text;
    object.stringify(text);
    return text.str();
}

std::map<std::string, std::string> SubmissionRow::decodeOptions(const std::string& text,
                                                                const std::string& id)
{
    std::map<std::string, std::string> options;
    // Most submissions carry no options: spare them the parser.
    if (text == "{}")
        return options;
    try
    {
        const Poco::JSON::Object::Ptr object =
            Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
        for (const auto& [name, value] : *object)
        {
            if (!value.isString())
                throw Poco::Data::DataException("option " + name + " is not a string");
            options.emplace(name, value.extract<std::string>());
        }
    }
    catch (const Poco::Exception& error)
    {
        throw Poco::Data::DataException("submission " + id +
                                        " has unreadable options: " + error.displayText());
    }
    return options;
}

} // namespace switchyard::plugins::sqlite
