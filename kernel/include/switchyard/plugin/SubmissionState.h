// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <optional>
#include <string_view>

namespace switchyard::plugin
{

/// Where a submission is in its life.
/// - Queued: waiting for a node; has a position in the queue.
/// - Dispatching: claimed by the dispatcher, being handed to a node. Shown to clients as
///   QUEUED with positionInQueue 0 (it is the one going out now), although
///   Storage::positionInQueue answers -1 for it. If the broker dies in this state, recovery
///   puts it back in the queue.
/// - Success: a node accepted it (the API's SUCCESS: handed over, not analysed).
/// - Failed: given up; `reason` says why.
enum class SubmissionState
{
    Queued,
    Dispatching,
    Success,
    Failed,
};

/// The API spelling: QUEUED (also for Dispatching), SUCCESS, FAILED.
inline std::string_view apiName(SubmissionState state)
{
    switch (state)
    {
    case SubmissionState::Success:
        return "SUCCESS";
    case SubmissionState::Failed:
        return "FAILED";
    case SubmissionState::Queued:
    case SubmissionState::Dispatching:
        break;
    }
    return "QUEUED";
}

/// The storage spelling: "queued", "dispatching", "success", "failed".
inline std::string_view storageName(SubmissionState state)
{
    switch (state)
    {
    case SubmissionState::Dispatching:
        return "dispatching";
    case SubmissionState::Success:
        return "success";
    case SubmissionState::Failed:
        return "failed";
    case SubmissionState::Queued:
        break;
    }
    return "queued";
}

/// Parses the storage spelling. Returns nothing for anything else.
inline std::optional<SubmissionState> parseStorageName(std::string_view text)
{
    if (text == "queued")
        return SubmissionState::Queued;
    if (text == "dispatching")
        return SubmissionState::Dispatching;
    if (text == "success")
        return SubmissionState::Success;
    if (text == "failed")
        return SubmissionState::Failed;
    return std::nullopt;
}

} // namespace switchyard::plugin
