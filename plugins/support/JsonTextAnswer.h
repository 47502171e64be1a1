// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "JsonWriter.h"

#include <Poco/Net/HTTPResponse.h>

namespace Poco::Net
{
class HTTPServerResponse;
}

namespace switchyard::plugin
{
class RequestContext;
}

namespace switchyard::plugins::support
{

/// Sends a JSON object written with JsonWriter as the answer, as RequestContext::sendJson
/// sends a Poco::JSON::Object: `processTime` added as its last member, the same content type
/// and headers, in one buffer. For the answers polled most (/submit-result), where building a
/// Poco::JSON::Object costs more than the rest of the request.
class JsonTextAnswer
{
public:
    /// `body` holds an object begun and not yet ended; this adds `processTime` and ends it.
    static void send(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
                     const plugin::RequestContext& context, JsonWriter& body);
};

} // namespace switchyard::plugins::support
