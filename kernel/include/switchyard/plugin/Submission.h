// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/SubmissionState.h"

#include <cstdint>
#include <map>
#include <string>

namespace switchyard::plugin
{

/// One file to analyse: what /submit accepted, and what became of it. Plain data.
struct Submission
{
    /// The submit ID: a fresh UUID per accepted file.
    std::string id;

    /// The file name the client gave (data only: never used as a path).
    std::string submitName;

    /// Lower-case hex SHA-256 of the content; the key of the binary in the BlobStore.
    std::string sha256;

    /// Size of the content in bytes.
    std::uint64_t fileSize = 0;

    /// Media type string as detected at submit time, e.g. "application/zip".
    std::string mediaType;

    /// 0..100, 100 highest. The queue is ordered by priority, then by `sequence`.
    int priority = 0;

    /// Arrival order, assigned by Storage::addSubmissions; strictly increasing.
    std::uint64_t sequence = 0;

    /// Parameters forwarded to the node: "password", "skipWhitelistedFiles",
    /// "transformOpt.<name>", ...
    std::map<std::string, std::string> options;

    SubmissionState state = SubmissionState::Queued;

    /// How many hand-overs to a node were attempted.
    std::uint32_t attempts = 0;

    /// Why the last attempt failed, or why the submission is Failed; "" otherwise.
    std::string reason;

    /// Once Success: the app server ID of the node ("app1"), the node's task ID, the HTTP status
    /// of its /scan answer and that answer as JSON text.
    std::string appServerId;
    std::string taskId;
    int statusCode = 0;
    std::string result;

    /// Once Success: true when the node finished the task (SUCCESS or FAILED) and its final
    /// report is cached. A finished task is never dispatched again.
    bool reportFinal = false;

    /// Milliseconds since the Unix epoch: when accepted, and when the state last changed.
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
};

} // namespace switchyard::plugin
