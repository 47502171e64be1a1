// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Endpoint.h"
#include "switchyard/plugin/ReputationSource.h"

#include <Poco/Net/NameValueCollection.h>

#include <memory>
#include <string>
#include <vector>

namespace switchyard::plugins::reputation
{

/// POST /reputation: looks up `hashes[]` (MD5, SHA-1, SHA-256, SHA-512) in every configured
/// reputation source and answers, per source name, the whitelisted and the invalid hashes.
class ReputationEndpoint : public plugin::Endpoint
{
public:
    ReputationEndpoint(std::vector<std::shared_ptr<plugin::ReputationSource>> sources, std::size_t maxHashes);

    // switchyard::plugin::Endpoint
    std::vector<std::string> methods() const override { return {"POST"}; }
    plugin::AccessLevel requiredLevel() const override { return plugin::AccessLevel::Read; }
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                plugin::RequestContext& context) override;

    /// Every value of `hashes[]`, `hashes` and `sha256` in `parameters`, in order, duplicates
    /// dropped.
    static std::vector<std::string> hashesOf(const Poco::Net::NameValueCollection& parameters);

private:
    std::vector<std::shared_ptr<plugin::ReputationSource>> _sources;
    std::size_t _maxHashes;
};

} // namespace switchyard::plugins::reputation
