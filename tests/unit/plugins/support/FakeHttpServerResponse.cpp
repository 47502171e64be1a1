// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "support/FakeHttpServerResponse.h"

#include <Poco/Exception.h>

namespace switchyard::tests
{

FakeHttpServerResponse::FakeHttpServerResponse() = default;

std::string FakeHttpServerResponse::body() const
{
    return _body.str();
}

void FakeHttpServerResponse::sendContinue() {}

std::ostream& FakeHttpServerResponse::send()
{
    _sent = true;
    return _body;
}

void FakeHttpServerResponse::sendFile(const std::string&, const std::string&)
{
    throw Poco::NotImplementedException("FakeHttpServerResponse::sendFile");
}

void FakeHttpServerResponse::sendBuffer(const void* buffer, std::size_t length)
{
    _sent = true;
    _body.write(static_cast<const char*>(buffer), static_cast<std::streamsize>(length));
}

void FakeHttpServerResponse::redirect(const std::string&, HTTPStatus)
{
    throw Poco::NotImplementedException("FakeHttpServerResponse::redirect");
}

void FakeHttpServerResponse::requireAuthentication(const std::string&)
{
    throw Poco::NotImplementedException("FakeHttpServerResponse::requireAuthentication");
}

bool FakeHttpServerResponse::sent() const
{
    return _sent;
}

} // namespace switchyard::tests
