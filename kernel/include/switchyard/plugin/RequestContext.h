// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/AccessLevel.h"

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPResponse.h>
#include <boost/config.hpp>

#include <cstdint>
#include <istream>
#include <string>

namespace Poco
{
class Logger;
}

namespace Poco::Net
{
class HTTPServerResponse;
class NameValueCollection;
} // namespace Poco::Net

namespace switchyard::plugin
{

/// What the kernel knows about the request an Endpoint is handling, and the kernel services
/// an endpoint answers through. Made by the kernel for one request, valid until
/// Endpoint::handle returns; used only from that request's thread.
///
/// Error bodies follow one shape on every endpoint:
/// `{"processTime": N, "error": {"code": "MISSING_PARAMETER", "message": "submitID is required"}}`.
/// Codes in use: MISSING_PARAMETER, INVALID_PARAMETER, MALFORMED_BODY (400);
/// MISSING_CREDENTIALS, INVALID_CREDENTIALS (401); INSUFFICIENT_LEVEL (403); NOT_FOUND (404);
/// METHOD_NOT_ALLOWED (405); BODY_TOO_LARGE (413); RATE_LIMITED (429); INTERNAL_ERROR (500);
/// UNAVAILABLE (503).
class BOOST_SYMBOL_VISIBLE RequestContext
{
public:
    virtual ~RequestContext() = default;

    /// A short id unique to this request, also written to the access log and into 500 answers.
    virtual const std::string& requestId() const = 0;

    /// The query parameters merged with the fields of an `application/x-www-form-urlencoded`
    /// body (which the kernel has already read). Multipart bodies are left to the endpoint.
    virtual const Poco::Net::NameValueCollection& parameters() const = 0;

    /// The request body, limited to the configured maximum size. Reading past the limit fails
    /// the stream and makes bodyLimitExceeded() true; the kernel then answers 413 if the
    /// endpoint has not answered yet. Use this rather than HTTPServerRequest::stream().
    virtual std::istream& body() = 0;

    /// True once a read from body() went past the configured limit.
    virtual bool bodyLimitExceeded() const = 0;

    /// True when the ACCESS phase granted the request. False only for a non-public endpoint
    /// whose credential may still come in a multipart field (POST multipart/form-data without
    /// a credential in the query or headers); such an endpoint must call authenticateWith()
    /// before it does anything with side effects.
    virtual bool isAuthenticated() const = 0;

    /// Authenticates with the text fields of a multipart body. Returns true when granted with
    /// a sufficient level. On refusal it has already sent the 401/403 answer; the endpoint
    /// must then return without touching the response. Returns true at once when the request
    /// is already authenticated.
    virtual bool authenticateWith(const Poco::Net::NameValueCollection& formFields,
                                  Poco::Net::HTTPServerResponse& response) = 0;

    /// The name of the key that was granted ("" for public endpoints). Safe to log.
    virtual const std::string& keyName() const = 0;

    /// The level of the granted key (None for public endpoints).
    virtual AccessLevel accessLevel() const = 0;

    /// Milliseconds since the request reached the kernel: the `processTime` of answers.
    virtual std::int64_t elapsedMilliseconds() const = 0;

    /// The logger of the endpoint instance.
    virtual Poco::Logger& logger() = 0;

    /// Sends `body` as the JSON answer with `status`, after setting `processTime` on it.
    /// Content type is `application/json; charset=utf-8`. Call once per request.
    virtual void sendJson(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
                          Poco::JSON::Object& body) = 0;

    /// Sends the JSON error body described above with `status`, `code` and `message`.
    /// The message must be safe to show to the client (no secrets, no internal paths).
    virtual void sendError(Poco::Net::HTTPServerResponse& response,
                           Poco::Net::HTTPResponse::HTTPStatus status, const std::string& code,
                           const std::string& message) = 0;
};

} // namespace switchyard::plugin
