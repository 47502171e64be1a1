// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "JsonAnswer.h"

#include <Poco/Net/HTTPServerResponse.h>

#include <sstream>

namespace switchyard::kernel
{

std::size_t JsonAnswer::send(Poco::Net::HTTPServerResponse& response,
                             Poco::Net::HTTPResponse::HTTPStatus status, Poco::JSON::Object& body,
                             std::int64_t processTime)
{
    body.set("processTime", processTime);
    std::ostringstream text;
    body.stringify(text);
    std::string payload = text.str();
    response.setStatusAndReason(status);
    response.setContentType("application/json; charset=utf-8");
    response.setContentLength64(static_cast<Poco::UInt64>(payload.size()));
    response.set("Cache-Control", "no-store");
    response.set("X-Content-Type-Options", "nosniff");
    response.sendBuffer(payload.data(), payload.size());
    return payload.size();
}

std::size_t JsonAnswer::sendError(Poco::Net::HTTPServerResponse& response,
                                  Poco::Net::HTTPResponse::HTTPStatus status, const std::string& code,
                                  const std::string& message, std::int64_t processTime)
{
    Poco::JSON::Object::Ptr error = new Poco::JSON::Object;
    error->set("code", code);
    error->set("message", message);
    Poco::JSON::Object body;
    body.set("error", error);
    return send(response, status, body, processTime);
}

} // namespace switchyard::kernel
