// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPResponse.h>

#include <cstdint>
#include <string>

namespace Poco::Net
{
class HTTPServerResponse;
}

namespace switchyard::kernel
{

/// Writes JSON answers in the one shape every endpoint uses (see RequestContext).
class JsonAnswer
{
public:
    /// Sends `body` with `processTime` set. Returns the number of body bytes sent.
    static std::size_t send(Poco::Net::HTTPServerResponse& response,
                            Poco::Net::HTTPResponse::HTTPStatus status, Poco::JSON::Object& body,
                            std::int64_t processTime);

    /// Sends `{"processTime", "error": {"code", "message"}}`. Returns the body bytes sent.
    static std::size_t sendError(Poco::Net::HTTPServerResponse& response,
                                 Poco::Net::HTTPResponse::HTTPStatus status, const std::string& code,
                                 const std::string& message, std::int64_t processTime);
};

} // namespace switchyard::kernel
