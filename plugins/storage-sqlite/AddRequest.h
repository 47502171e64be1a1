// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/FileFacts.h"
#include "switchyard/plugin/Submission.h"

#include <Poco/Exception.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace switchyard::plugins::sqlite
{

/// One addSubmissions() call waiting for the group commit that holds its data. It lives on the
/// caller's stack; the committer reads the input and writes the outcome, and the caller reads the
/// outcome once GroupCommitter says the request is done.
struct AddRequest
{
    AddRequest(const std::vector<plugin::Submission>& submissionsIn,
               const std::vector<plugin::FileFacts>& filesIn)
        : submissions(submissionsIn), files(filesIn)
    {
    }

    const std::vector<plugin::Submission>& submissions;
    const std::vector<plugin::FileFacts>& files;

    /// On success: the sequences assigned, in order.
    std::vector<std::uint64_t> sequences;
    /// On failure: this caller's own exception (a clone, so no other thread shares it).
    std::unique_ptr<Poco::Exception> error;
    /// Set, under GroupCommitter's mutex, once the batch holding this request is written.
    bool done = false;
};

} // namespace switchyard::plugins::sqlite
