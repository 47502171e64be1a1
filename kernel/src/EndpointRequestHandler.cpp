// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "EndpointRequestHandler.h"

#include "AccessLog.h"
#include "KernelRequestContext.h"
#include "RequestRouter.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <algorithm>
#include <array>

namespace switchyard::kernel
{

using Poco::Net::HTTPResponse;

namespace
{

bool hasMediaType(const Poco::Net::HTTPServerRequest& request, const std::string& mediaType)
{
    std::string type = Poco::toLower(request.getContentType());
    return type.compare(0, mediaType.size(), mediaType) == 0;
}

std::string pathOf(const Poco::Net::HTTPServerRequest& request)
{
    const std::string& uri = request.getURI();
    return uri.substr(0, uri.find('?'));
}

} // namespace

EndpointRequestHandler::EndpointRequestHandler(RequestRouter& router,
                                               std::shared_ptr<const MountedEndpoint> mount,
                                               std::string requestId)
    : _router(router), _mount(std::move(mount)), _requestId(std::move(requestId))
{
}

void EndpointRequestHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                           Poco::Net::HTTPServerResponse& response)
{
    _router.enter();
    KernelRequestContext context(_requestId, *_mount, request);
    std::string failure;
    try
    {
        runPipeline(request, response, context);
    }
    catch (const Poco::Exception& error)
    {
        failure = error.displayText();
    }
    catch (const std::exception& error)
    {
        failure = error.what();
    }
    catch (...)
    {
        failure = "unknown exception";
    }
    if (!failure.empty())
    {
        Poco::Logger::get("switchyard.kernel.router")
            .error("request " + _requestId + " " + request.getMethod() + " " + pathOf(request) + " (" +
                   _mount->instanceId + ") failed: " + failure);
        if (!response.sent())
        {
            try
            {
                context.sendError(response, HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                                  "internal error; request id " + _requestId);
            }
            catch (const Poco::Exception& error)
            {
                Poco::Logger::get("switchyard.kernel.router")
                    .warning("request " + _requestId +
                             ": cannot send the error answer: " + error.displayText());
            }
        }
    }
    drainBody(request, response);
    AccessLogEntry entry;
    entry.requestId = _requestId;
    entry.client = request.clientAddress().toString();
    entry.method = request.getMethod();
    entry.path = pathOf(request);
    entry.status = response.getStatus();
    entry.bytes = context.bytesSent()
                      ? context.bytesSent()
                      : static_cast<std::uint64_t>(std::max<Poco::Int64>(0, response.getContentLength64()));
    entry.milliseconds = context.elapsedMilliseconds();
    entry.keyName = context.keyName();
    AccessLog::write(entry);
    _router.leave();
}

void EndpointRequestHandler::drainBody(Poco::Net::HTTPServerRequest& request,
                                       Poco::Net::HTTPServerResponse& response)
{
    // Parsers stop at what they need (a multipart reader leaves the epilogue and the last
    // chunk); the rest must be read before the connection can carry the next request.
    bool hasBody =
        request.hasContentLength() ? request.getContentLength64() > 0 : request.getChunkedTransferEncoding();
    if (!hasBody || !response.getKeepAlive())
        return;
    try
    {
        std::istream& rest = request.stream();
        std::array<char, 8192> buffer{};
        std::size_t drained = 0;
        while (rest.read(buffer.data(), buffer.size()) || rest.gcount() > 0)
        {
            drained += static_cast<std::size_t>(rest.gcount());
            if (drained > MaxDrainBytes)
            {
                // Not worth reading on: close the connection instead.
                response.setKeepAlive(false);
                return;
            }
        }
    }
    catch (const Poco::Exception&)
    {
        response.setKeepAlive(false);
    }
}

void EndpointRequestHandler::runPipeline(Poco::Net::HTTPServerRequest& request,
                                         Poco::Net::HTTPServerResponse& response,
                                         KernelRequestContext& context)
{
    const MountedEndpoint& mount = *_mount;
    if (_router.isDraining())
    {
        response.setKeepAlive(false);
        response.set("Retry-After", "5");
        context.sendError(response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "UNAVAILABLE",
                          "the server is shutting down");
        return;
    }
    if (!mount.endpoint)
    {
        context.sendError(response, HTTPResponse::HTTP_NOT_FOUND, "NOT_FOUND",
                          "no endpoint at " + pathOf(request));
        return;
    }
    if (std::find(mount.methods.begin(), mount.methods.end(), request.getMethod()) == mount.methods.end())
    {
        std::string allow;
        for (const auto& method : mount.methods)
            allow += (allow.empty() ? "" : ", ") + method;
        response.set("Allow", allow);
        context.sendError(response, HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                          mount.path + " answers " + allow);
        return;
    }
    if (request.hasContentLength() &&
        static_cast<std::uint64_t>(request.getContentLength64()) > mount.maxBodyBytes)
    {
        context.sendError(response, HTTPResponse::HTTP_REQUESTENTITYTOOLARGE, "BODY_TOO_LARGE",
                          "the body exceeds " + std::to_string(mount.maxBodyBytes) + " bytes");
        return;
    }

    try
    {
        for (const auto& [name, value] : Poco::URI(request.getURI()).getQueryParameters())
            context.mutableParameters().add(name, value);
    }
    catch (const Poco::SyntaxException&)
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "INVALID_PARAMETER",
                          "malformed query string");
        return;
    }
    bool hasBody = request.getMethod() == "POST" || request.getMethod() == "PUT";
    if (hasBody && hasMediaType(request, "application/x-www-form-urlencoded"))
    {
        Poco::Net::HTMLForm form;
        form.read(context.body());
        if (context.bodyLimitExceeded())
        {
            context.sendError(response, HTTPResponse::HTTP_REQUESTENTITYTOOLARGE, "BODY_TOO_LARGE",
                              "the body exceeds " + std::to_string(mount.maxBodyBytes) + " bytes");
            return;
        }
        for (const auto& [name, value] : form)
            context.mutableParameters().add(name, value);
    }

    if (!mount.authenticator)
        context.grantPublic();
    else
    {
        bool credentialMayFollow = hasBody && hasMediaType(request, "multipart/form-data");
        plugin::AuthResult verdict = mount.authenticator->authenticate(request, context.parameters());
        if (!context.applyAuthentication(verdict, response, credentialMayFollow))
            return;
    }

    mount.endpoint->handle(request, response, context);

    if (response.sent())
        return;
    if (context.bodyLimitExceeded())
        context.sendError(response, HTTPResponse::HTTP_REQUESTENTITYTOOLARGE, "BODY_TOO_LARGE",
                          "the body exceeds " + std::to_string(mount.maxBodyBytes) + " bytes");
    else if (!context.isAuthenticated())
        context.applyAuthentication(plugin::AuthResult{}, response, false);
    else
        throw Poco::IllegalStateException("endpoint " + mount.instanceId + " sent no answer");
}

} // namespace switchyard::kernel
