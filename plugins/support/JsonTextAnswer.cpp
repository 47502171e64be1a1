// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "JsonTextAnswer.h"

#include "switchyard/plugin/RequestContext.h"

#include <Poco/Net/HTTPServerResponse.h>

namespace switchyard::plugins::support
{

void JsonTextAnswer::send(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
                          const plugin::RequestContext& context, JsonWriter& body)
{
    body.key("processTime").value(context.elapsedMilliseconds()).endObject();
    const std::string& payload = body.text();
    // The headers the kernel's sendJson sets.
    response.setStatusAndReason(status);
    response.setContentType("application/json; charset=utf-8");
    response.setContentLength64(static_cast<Poco::UInt64>(payload.size()));
    response.set("Cache-Control", "no-store");
    response.set("X-Content-Type-Options", "nosniff");
    response.sendBuffer(payload.data(), payload.size());
}

} // namespace switchyard::plugins::support
