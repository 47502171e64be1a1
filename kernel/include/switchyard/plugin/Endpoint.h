// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/AccessLevel.h"
#include "switchyard/plugin/Component.h"
#include "switchyard/plugin/Factory.h"

#include <string>
#include <vector>

namespace Poco::Net
{
class HTTPServerRequest;
class HTTPServerResponse;
} // namespace Poco::Net

namespace switchyard::plugin
{

class RequestContext;

/// Answers the requests for one path. Kind "endpoint".
///
/// The kernel mounts each endpoint instance on the path given by its block's `path` key and
/// runs a fixed pipeline per request: method check (405), body size check (413),
/// authentication with the block's `auth` instance (401/403; skipped when `public = true`),
/// then handle(), then the access log. The kernel-owned keys of an endpoint block are `path`,
/// `auth`, `public`, `level` and `maxBodyBytes`; the rest belong to the endpoint.
class BOOST_SYMBOL_VISIBLE Endpoint : public Component
{
public:
    /// The HTTP methods this endpoint answers ("GET", "POST", ...). Other methods get 405 with
    /// an Allow header. Called once, after create().
    virtual std::vector<std::string> methods() const = 0;

    /// The level a key needs unless the block's `level` key says otherwise. Called once.
    virtual AccessLevel requiredLevel() const = 0;

    /// Handles one request and sends exactly one answer through `context` (sendJson or
    /// sendError) or directly on `response` (streamed bodies).
    ///
    /// Called concurrently from the server's request threads: must be thread-safe.
    /// Client mistakes are answered with a 4xx JSON error, not thrown. Any exception that does
    /// escape becomes a logged 500 INTERNAL_ERROR (when nothing was sent yet).
    virtual void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                        RequestContext& context) = 0;
};

using EndpointFactory = Factory<Endpoint>;

} // namespace switchyard::plugin
