// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "LimitedInputStream.h"
#include "MountedEndpoint.h"
#include "switchyard/plugin/RequestContext.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Timestamp.h>

#include <memory>

namespace switchyard::kernel
{

/// The RequestContext of one request: built by EndpointRequestHandler, which reads back what
/// was sent (status, bytes) for the access log.
class KernelRequestContext : public plugin::RequestContext
{
public:
    KernelRequestContext(std::string requestId, const MountedEndpoint& mount,
                         Poco::Net::HTTPServerRequest& request);

    const std::string& requestId() const override { return _requestId; }
    const Poco::Net::NameValueCollection& parameters() const override { return _parameters; }
    std::istream& body() override;
    bool bodyLimitExceeded() const override { return _body && _body->limitExceeded(); }
    bool isAuthenticated() const override { return _authenticated; }
    bool authenticateWith(const Poco::Net::NameValueCollection& formFields,
                          Poco::Net::HTTPServerResponse& response) override;
    const std::string& keyName() const override { return _keyName; }
    plugin::AccessLevel accessLevel() const override { return _level; }
    std::int64_t elapsedMilliseconds() const override;
    Poco::Logger& logger() override { return *_mount.logger; }
    void sendJson(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
                  Poco::JSON::Object& body) override;
    void sendError(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
                   const std::string& code, const std::string& message) override;

    /// Parameters: the query, plus the fields of a urlencoded body (read through body()).
    Poco::Net::NameValueCollection& mutableParameters() { return _parameters; }

    /// Applies an authenticator's verdict. Returns true when granted with enough level;
    /// otherwise sends the 401/403 answer (unless `deferMissing` and the credential is missing,
    /// in which case the request stays unauthenticated and true is returned).
    bool applyAuthentication(const plugin::AuthResult& result, Poco::Net::HTTPServerResponse& response,
                             bool deferMissing);

    /// Marks a public endpoint's request as allowed.
    void grantPublic() { _authenticated = true; }

    /// Body bytes sent through sendJson/sendError (0 when the endpoint streamed its answer).
    std::uint64_t bytesSent() const { return _bytesSent; }

private:
    std::string _requestId;
    const MountedEndpoint& _mount;
    Poco::Net::HTTPServerRequest& _request;
    Poco::Net::NameValueCollection _parameters;
    std::unique_ptr<LimitedInputStream> _body;
    Poco::Timestamp _started;
    bool _authenticated = false;
    std::string _keyName;
    plugin::AccessLevel _level = plugin::AccessLevel::None;
    std::uint64_t _bytesSent = 0;
};

} // namespace switchyard::kernel
