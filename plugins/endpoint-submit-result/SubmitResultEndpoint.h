// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "JsonWriter.h"
#include "switchyard/plugin/Endpoint.h"
#include "switchyard/plugin/Storage.h"

#include <memory>

namespace switchyard::plugins::submitresult
{

/// GET /submit-result?submitID=...: where a submission is (QUEUED with its place in the queue,
/// SUCCESS with the node that took it, FAILED with the reason). Cheap: one storage lookup and
/// one O(log n) position query; no node is asked, no binary is read.
class SubmitResultEndpoint : public plugin::Endpoint
{
public:
    explicit SubmitResultEndpoint(std::shared_ptr<plugin::Storage> storage);

    // switchyard::plugin::Endpoint
    std::vector<std::string> methods() const override { return {"GET"}; }
    plugin::AccessLevel requiredLevel() const override { return plugin::AccessLevel::Read; }
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                plugin::RequestContext& context) override;

    /// Writes the members of the answer for `submission` at `positionInQueue` (DECISIONS.md
    /// "/submit-result") into the object `body` has begun.
    static void describe(support::JsonWriter& body, const plugin::Submission& submission,
                         std::int64_t positionInQueue);

private:
    std::shared_ptr<plugin::Storage> _storage;
};

} // namespace switchyard::plugins::submitresult
