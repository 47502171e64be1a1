// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "PreparedStatement.h"
#include "switchyard/plugin/Submission.h"

#include <Poco/Data/Statement.h>
#include <Poco/Types.h>

#include <map>
#include <string>

namespace switchyard::plugins::sqlite
{

/// One row of the `submissions` table, in the column types Poco::Data binds, and its conversion
/// from and to plugin::Submission. `options` is a JSON object of strings; `state` the storage
/// spelling ("queued", "dispatching", "success", "failed").
struct SubmissionRow
{
    /// Every column, in the order bindTo() and extractInto() use.
    static const std::string Columns;
    /// One "?" per column.
    static const std::string Placeholders;

    Poco::Int64 sequence = 0;
    std::string id;
    std::string submitName;
    std::string sha256;
    Poco::Int64 fileSize = 0;
    std::string mediaType;
    Poco::Int64 priority = 0;
    std::string options;
    std::string state;
    Poco::Int64 attempts = 0;
    std::string reason;
    std::string appServerId;
    std::string taskId;
    Poco::Int64 statusCode = 0;
    std::string result;
    Poco::Int64 createdAt = 0;
    Poco::Int64 updatedAt = 0;
    Poco::Int64 reportFinal = 0;

    /// The row of `submission`.
    static SubmissionRow from(const plugin::Submission& submission);

    /// The submission of this row. Throws Poco::Data::DataException naming the submission when a
    /// column holds what this code never writes (an unknown state, options that are not a JSON
    /// object of strings).
    plugin::Submission toSubmission() const;

    /// Binds every column, by reference, as the statement's next parameters (Columns order).
    void bindTo(Poco::Data::Statement& statement);

    /// Extracts every column, by reference, from the statement's result (Columns order).
    void extractInto(Poco::Data::Statement& statement);

    /// Binds every column as the statement's parameters 1 to 18 (Columns order).
    void bindTo(PreparedStatement& statement) const;

    /// The current row of `statement`, whose result columns start with Columns, in order.
    static SubmissionRow readFrom(const PreparedStatement& statement);

    static std::string encodeOptions(const std::map<std::string, std::string>& options);
    /// Throws Poco::Data::DataException naming `id` for text that is not a JSON object of strings.
    static std::map<std::string, std::string> decodeOptions(const std::string& text, const std::string& id);
};

} // namespace switchyard::plugins::sqlite
