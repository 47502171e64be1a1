// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/AutoPtr.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/SocketAddress.h>

#include <sstream>

namespace switchyard::tests
{

/// An HTTPServerRequest without a connection: set the method, URI and headers through the
/// HTTPRequest interface. The body is empty; response() is not available.
class FakeHttpServerRequest : public Poco::Net::HTTPServerRequest
{
public:
    explicit FakeHttpServerRequest(const std::string& method = Poco::Net::HTTPRequest::HTTP_GET,
                                   const std::string& uri = "/");

    // Poco::Net::HTTPServerRequest
    std::istream& stream() override;
    const Poco::Net::SocketAddress& clientAddress() const override;
    const Poco::Net::SocketAddress& serverAddress() const override;
    const Poco::Net::HTTPServerParams& serverParams() const override;
    /// Throws Poco::NotImplementedException.
    Poco::Net::HTTPServerResponse& response() const override;
    bool secure() const override;

private:
    std::istringstream _body;
    Poco::Net::SocketAddress _clientAddress;
    Poco::Net::SocketAddress _serverAddress;
    Poco::AutoPtr<Poco::Net::HTTPServerParams> _params;
};

} // namespace switchyard::tests
