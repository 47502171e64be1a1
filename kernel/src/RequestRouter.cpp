// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "RequestRouter.h"

#include "EndpointRequestHandler.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/NumberFormatter.h>
#include <Poco/RandomStream.h>

namespace switchyard::kernel
{

namespace
{

std::shared_ptr<const MountedEndpoint> unknownPath()
{
    static const std::shared_ptr<const MountedEndpoint> mount = []
    {
        auto unknown = std::make_shared<MountedEndpoint>();
        unknown->instanceId = "(none)";
        unknown->logger = &Poco::Logger::get("switchyard.kernel.router");
        return unknown;
    }();
    return mount;
}

std::string randomPrefix()
{
    Poco::RandomInputStream random;
    unsigned char bytes[4];
    random.read(reinterpret_cast<char*>(bytes), sizeof bytes);
    std::string prefix;
    for (unsigned char byte : bytes)
        prefix += Poco::NumberFormatter::formatHex(static_cast<unsigned>(byte), 2);
    return prefix;
}

} // namespace

RequestRouter::RequestRouter() : _requestPrefix(randomPrefix()) {}

bool RequestRouter::mount(MountedEndpoint endpoint)
{
    std::string path = endpoint.path;
    return _mounts.emplace(path, std::make_shared<const MountedEndpoint>(std::move(endpoint))).second;
}

Poco::Net::HTTPRequestHandler*
RequestRouter::createRequestHandler(const Poco::Net::HTTPServerRequest& request)
{
    std::string requestId = _requestPrefix + "-" + std::to_string(++_nextRequest);
    const std::string& uri = request.getURI();
    auto found = _mounts.find(uri.substr(0, uri.find('?')));
    return new EndpointRequestHandler(*this, found == _mounts.end() ? unknownPath() : found->second,
                                      std::move(requestId));
}

} // namespace switchyard::kernel
