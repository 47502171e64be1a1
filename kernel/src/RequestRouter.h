// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "MountedEndpoint.h"

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <atomic>
#include <map>
#include <memory>
#include <string>

namespace switchyard::kernel
{

/// Maps request paths to mounted endpoints and makes the kernel-owned handler for each
/// request. Counts the requests in flight so shutdown can wait for them.
class RequestRouter : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    RequestRouter();

    /// Adds an endpoint. Returns false when its path is taken.
    bool mount(MountedEndpoint endpoint);

    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

    /// From now on, requests are answered 503 UNAVAILABLE with Retry-After.
    void beginDraining() { _draining = true; }
    bool isDraining() const { return _draining; }

    /// Requests being handled right now.
    int inFlight() const { return _inFlight; }

    /// Called by handlers around their work.
    void enter() { ++_inFlight; }
    void leave() { --_inFlight; }

    /// The mounted endpoints by path.
    const std::map<std::string, std::shared_ptr<const MountedEndpoint>>& mounts() const { return _mounts; }

    /// Drops every endpoint (before the instances are destroyed).
    void clear() { _mounts.clear(); }

private:
    std::map<std::string, std::shared_ptr<const MountedEndpoint>> _mounts;
    std::atomic<bool> _draining{false};
    std::atomic<int> _inFlight{0};
    std::atomic<std::uint64_t> _nextRequest{0};
    const std::string _requestPrefix;
};

} // namespace switchyard::kernel
