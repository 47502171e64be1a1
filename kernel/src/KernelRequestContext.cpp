// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "KernelRequestContext.h"

#include "JsonAnswer.h"

#include <Poco/Net/HTTPServerResponse.h>

namespace switchyard::kernel
{

using Poco::Net::HTTPResponse;

KernelRequestContext::KernelRequestContext(std::string requestId, const MountedEndpoint& mount,
                                           Poco::Net::HTTPServerRequest& request)
    : _requestId(std::move(requestId)), _mount(mount), _request(request)
{
}

std::istream& KernelRequestContext::body()
{
    if (!_body)
        _body = std::make_unique<LimitedInputStream>(_request.stream(), _mount.maxBodyBytes);
    return *_body;
}

bool KernelRequestContext::authenticateWith(const Poco::Net::NameValueCollection& formFields,
                                            Poco::Net::HTTPServerResponse& response)
{
    if (_authenticated)
        return true;
    return applyAuthentication(_mount.authenticator->authenticate(_request, formFields), response, false);
}

bool KernelRequestContext::applyAuthentication(const plugin::AuthResult& result,
                                               Poco::Net::HTTPServerResponse& response, bool deferMissing)
{
    using Outcome = plugin::AuthResult::Outcome;
    switch (result.outcome)
    {
    case Outcome::Granted:
        if (result.level < _mount.requiredLevel)
        {
            _keyName = result.keyName;
            sendError(response, HTTPResponse::HTTP_FORBIDDEN, "INSUFFICIENT_LEVEL",
                      "this key has level '" + std::string(plugin::toString(result.level)) + "'; " +
                          _mount.path + " needs '" + std::string(plugin::toString(_mount.requiredLevel)) +
                          "'");
            return false;
        }
        _authenticated = true;
        _keyName = result.keyName;
        _level = result.level;
        return true;
    case Outcome::Invalid:
        sendError(response, HTTPResponse::HTTP_UNAUTHORIZED, "INVALID_CREDENTIALS",
                  "the secret is not valid");
        return false;
    case Outcome::Missing:
        if (deferMissing)
            return true;
        break;
    }
    sendError(response, HTTPResponse::HTTP_UNAUTHORIZED, "MISSING_CREDENTIALS", "credentials are required");
    return false;
}

std::int64_t KernelRequestContext::elapsedMilliseconds() const
{
    return _started.elapsed() / 1000;
}

void KernelRequestContext::sendJson(Poco::Net::HTTPServerResponse& response,
                                    Poco::Net::HTTPResponse::HTTPStatus status, Poco::JSON::Object& body)
{
    _bytesSent = JsonAnswer::send(response, status, body, elapsedMilliseconds());
}

void KernelRequestContext::sendError(Poco::Net::HTTPServerResponse& response,
                                     Poco::Net::HTTPResponse::HTTPStatus status, const std::string& code,
                                     const std::string& message)
{
    if (status == HTTPResponse::HTTP_UNAUTHORIZED)
        response.set("WWW-Authenticate", "Bearer");
    // An error may leave part of the body unread; the connection cannot carry another request.
    bool hasBody = _request.hasContentLength() ? _request.getContentLength64() > 0
                                               : _request.getChunkedTransferEncoding();
    if (hasBody)
        response.setKeepAlive(false);
    _bytesSent = JsonAnswer::sendError(response, status, code, message, elapsedMilliseconds());
}

} // namespace switchyard::kernel
