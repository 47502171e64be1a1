// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "MountedEndpoint.h"

#include <Poco/Net/HTTPRequestHandler.h>

#include <memory>
#include <string>

namespace switchyard::kernel
{

class RequestRouter;
class KernelRequestContext;

/// The kernel's handler for one request: runs the fixed pipeline (drain check, method, body
/// size, ACCESS, CONTENT, LOG). Holds the endpoint for the request's duration, so the
/// plugin library stays mapped while its code runs. A null mount answers 404.
/// No exception leaves handleRequest.
class EndpointRequestHandler : public Poco::Net::HTTPRequestHandler
{
public:
    EndpointRequestHandler(RequestRouter& router, std::shared_ptr<const MountedEndpoint> mount,
                           std::string requestId);

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override;

private:
    /// Unread body bytes the connection may drain to stay open for the next request.
    static constexpr std::size_t MaxDrainBytes = 1 << 20;

    /// Reads what the endpoint left of the body, so keep-alive can go on; closes the
    /// connection instead when too much is left.
    static void drainBody(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

    /// Everything up to and including the endpoint; returns normally or throws.
    void runPipeline(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                     KernelRequestContext& context);

    RequestRouter& _router;
    std::shared_ptr<const MountedEndpoint> _mount;
    std::string _requestId;
};

} // namespace switchyard::kernel
