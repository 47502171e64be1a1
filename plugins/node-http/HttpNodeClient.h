// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "HttpNodeSettings.h"
#include "switchyard/plugin/NodeClient.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>

#include <memory>
#include <mutex>
#include <vector>

namespace Poco::Net
{
class HTTPRequest;
class HTMLForm;
} // namespace Poco::Net

namespace switchyard::plugins::nodehttp
{

/// The fsTransform API of one remote processor node over HTTP or HTTPS. Keeps a small pool
/// of keep-alive connections; every call is bounded by the connect and read timeouts and
/// turns every failure into a NodeAnswer with a reason an operator understands.
class HttpNodeClient : public plugin::NodeClient
{
public:
    explicit HttpNodeClient(HttpNodeSettings settings);

    // switchyard::plugin::NodeClient
    plugin::NodeAnswer scan(const plugin::NodeRequest& request) override;
    plugin::NodeAnswer task(const std::string& taskId, bool all) override;
    plugin::NodeAnswer systemInfo() override;

    /// "https://host:port", for logs (never the secret).
    std::string address() const;

private:
    /// Sends a request (with `form` as its multipart body if given) and reads the answer.
    plugin::NodeAnswer exchange(Poco::Net::HTTPRequest& request, Poco::Net::HTMLForm* form);
    std::unique_ptr<Poco::Net::HTTPClientSession> takeSession();
    void giveBack(std::unique_ptr<Poco::Net::HTTPClientSession> session);
    std::string query(const std::string& path) const;

    HttpNodeSettings _settings;
    Poco::Net::Context::Ptr _tls;
    std::mutex _mutex;
    std::vector<std::unique_ptr<Poco::Net::HTTPClientSession>> _idle;
};

} // namespace switchyard::plugins::nodehttp
