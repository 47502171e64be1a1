// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "HttpListeners.h"

#include <Poco/Logger.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Thread.h>
#include <Poco/Timestamp.h>

namespace switchyard::kernel
{

namespace
{

Poco::Net::Context::Ptr makeServerContext(const ListenerSettings& listener)
{
    Poco::Net::Context::Params params;
    params.privateKeyFile = listener.privateKeyFile;
    params.certificateFile = listener.certificateFile;
    params.verificationMode = Poco::Net::Context::VERIFY_NONE;
    params.loadDefaultCAs = false;
    params.cipherList = listener.cipherList;
    params.dhUse2048Bits = true;
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
    context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
    context->preferServerCiphers();
    context->disableStatelessSessionResumption();
    return context;
}

Poco::Net::HTTPServerParams::Ptr makeParams(const ServerSettings& settings)
{
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(settings.maxThreads);
    params->setMaxQueued(settings.maxQueued);
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(settings.keepAliveTimeoutSeconds, 0));
    params->setMaxKeepAliveRequests(settings.maxKeepAliveRequests);
    params->setTimeout(Poco::Timespan(settings.receiveTimeoutSeconds, 0));
    params->setServerName("switchyard");
    params->setSoftwareVersion("switchyard");
    return params;
}

} // namespace

HttpListeners::HttpListeners(const ServerSettings& settings, Poco::SharedPtr<RequestRouter> router)
    : _router(std::move(router)), _threads("http", 2, 2 * settings.maxThreads + 2)
{
    for (const ListenerSettings* listener : {&settings.http, &settings.https})
    {
        if (!listener->enabled)
            continue;
        Poco::Net::SocketAddress address(listener->address, listener->port);
        std::unique_ptr<Poco::Net::ServerSocket> socket;
        if (listener->tls)
            socket = std::make_unique<Poco::Net::SecureServerSocket>(makeServerContext(*listener));
        else
            socket = std::make_unique<Poco::Net::ServerSocket>();
        // SO_REUSEPORT would let a second daemon share the port silently; a taken port must fail.
        if (address.family() == Poco::Net::SocketAddress::IPv6)
            socket->bind6(address, true, false, true);
        else
            socket->bind(address, true, false);
        socket->listen(128);
        std::uint16_t port = socket->address().port();
        (listener->tls ? _httpsPort : _httpPort) = port;
        _urls.push_back(std::string(listener->tls ? "https" : "http") + "://" + listener->address + ":" +
                        std::to_string(port));
        _servers.push_back(
            std::make_unique<Poco::Net::HTTPServer>(_router, _threads, *socket, makeParams(settings)));
    }
}

HttpListeners::~HttpListeners()
{
    stop(0);
}

void HttpListeners::start()
{
    for (auto& server : _servers)
        server->start();
    for (const auto& url : _urls)
        Poco::Logger::get("switchyard.kernel").notice("listening on " + url);
}

void HttpListeners::stop(int graceSeconds)
{
    if (_stopped)
        return;
    _stopped = true;
    Poco::Logger& logger = Poco::Logger::get("switchyard.kernel");
    for (auto& server : _servers)
        server->stop();
    _router->beginDraining();

    Poco::Timestamp started;
    const Poco::Timestamp::TimeDiff grace = Poco::Timestamp::TimeDiff(graceSeconds) * 1000000;
    while (_router->inFlight() > 0 && started.elapsed() < grace)
        Poco::Thread::sleep(20);
    if (_router->inFlight() > 0)
        logger.warning("%d requests still running after %d s; closing their connections", _router->inFlight(),
                       graceSeconds);

    // Idle keep-alive connections would otherwise linger until their timeout.
    for (auto& server : _servers)
        server->stopAll(true);
    _threads.joinAll();
    _servers.clear();
}

std::vector<std::string> HttpListeners::urls() const
{
    return _urls;
}

} // namespace switchyard::kernel
