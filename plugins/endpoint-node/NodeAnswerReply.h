// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/NodeAnswer.h"

namespace Poco::Net
{
class HTTPServerResponse;
}

namespace switchyard::plugin
{
class RequestContext;
}

namespace switchyard::plugins::nodeendpoint
{

/// Answers a request with what the node answered: its status and JSON body, `processTime` being
/// the endpoint's. An error body (`{"error": {"code", "message"}}`) is sent as the kernel's error
/// answer, with `Retry-After` on a 503. A node that did not answer gives 503 UNAVAILABLE; a body
/// that is not a JSON object, 500 INTERNAL_ERROR (logged).
class NodeAnswerReply
{
public:
    static void send(const plugin::NodeAnswer& answer, Poco::Net::HTTPServerResponse& response,
                     plugin::RequestContext& context);

    /// Seconds a client is asked to wait after a 503.
    static constexpr const char* RetryAfterSeconds = "5";
};

} // namespace switchyard::plugins::nodeendpoint
