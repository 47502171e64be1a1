// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Endpoint.h"
#include "switchyard/plugin/NodeClient.h"

#include <Poco/Net/NameValueCollection.h>

#include <map>
#include <memory>
#include <string>

namespace switchyard::plugins::nodeendpoint
{

/// POST /scan of a processor node (broker-api.md §4.1): one file in a multipart/form-data body,
/// spooled to a temporary file (SpoolPartHandler), authenticated with the form fields, then
/// handed to the node (`NodeClient::scan`) with `priority`, `password`, `skipWhitelistedFiles`
/// and `transformOpt.*`; the answer is the node's (the task, IN_PROGRESS).
class NodeScanEndpoint : public plugin::Endpoint
{
public:
    /// `spoolFolder` is absolute; start() creates it.
    NodeScanEndpoint(std::shared_ptr<plugin::NodeClient> node, std::string spoolFolder);

    /// Creates the spool folder (mode 0700) if missing and deletes what a crash left in it.
    /// Throws Poco::FileException if it cannot be created.
    void start() override;

    std::vector<std::string> methods() const override { return {"POST"}; }
    plugin::AccessLevel requiredLevel() const override { return plugin::AccessLevel::Submit; }
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                plugin::RequestContext& context) override;

    /// The parameters a task carries to the analysis: password, skipWhitelistedFiles,
    /// transformOpt.*.
    static std::map<std::string, std::string>
    forwardedOptions(const Poco::Net::NameValueCollection& parameters);

    const std::string& spoolFolder() const { return _spoolFolder; }

private:
    std::shared_ptr<plugin::NodeClient> _node;
    std::string _spoolFolder;
};

} // namespace switchyard::plugins::nodeendpoint
