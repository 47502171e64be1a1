// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "RequestRouter.h"
#include "ServerSettings.h"

#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

#include <memory>
#include <string>
#include <vector>

namespace switchyard::kernel
{

/// The HTTP and HTTPS servers of the daemon, sharing one router and one thread pool.
class HttpListeners
{
public:
    /// Binds every enabled listener (so a taken port fails here) but does not serve yet.
    /// Throws Poco::Net::NetException / Poco::Net::SSLException with the address and reason.
    HttpListeners(const ServerSettings& settings, Poco::SharedPtr<RequestRouter> router);
    ~HttpListeners();

    void start();

    /// Stops accepting, lets requests in flight finish for up to `graceSeconds` (new requests
    /// on open connections get 503), then closes every connection and joins the threads.
    void stop(int graceSeconds);

    /// "http://127.0.0.1:40123", ... for each listener, with the port actually bound.
    std::vector<std::string> urls() const;

    /// The bound port of the HTTP / HTTPS listener, 0 when disabled.
    std::uint16_t httpPort() const { return _httpPort; }
    std::uint16_t httpsPort() const { return _httpsPort; }

private:
    Poco::SharedPtr<RequestRouter> _router;
    Poco::ThreadPool _threads;
    std::vector<std::unique_ptr<Poco::Net::HTTPServer>> _servers;
    std::vector<std::string> _urls;
    std::uint16_t _httpPort = 0;
    std::uint16_t _httpsPort = 0;
    bool _stopped = false;
};

} // namespace switchyard::kernel
