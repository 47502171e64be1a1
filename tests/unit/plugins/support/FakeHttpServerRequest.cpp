// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "support/FakeHttpServerRequest.h"

#include <Poco/Exception.h>

namespace switchyard::tests
{

FakeHttpServerRequest::FakeHttpServerRequest(const std::string& method, const std::string& uri)
    : Poco::Net::HTTPServerRequest(), _clientAddress("127.0.0.1", 40000), _serverAddress("127.0.0.1", 23001),
      _params(new Poco::Net::HTTPServerParams)
{
    setMethod(method);
    setURI(uri);
}

std::istream& FakeHttpServerRequest::stream()
{
    return _body;
}

const Poco::Net::SocketAddress& FakeHttpServerRequest::clientAddress() const
{
    return _clientAddress;
}

const Poco::Net::SocketAddress& FakeHttpServerRequest::serverAddress() const
{
    return _serverAddress;
}

const Poco::Net::HTTPServerParams& FakeHttpServerRequest::serverParams() const
{
    return *_params;
}

Poco::Net::HTTPServerResponse& FakeHttpServerRequest::response() const
{
    throw Poco::NotImplementedException("FakeHttpServerRequest::response");
}

bool FakeHttpServerRequest::secure() const
{
    return false;
}

} // namespace switchyard::tests
