// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/Net/HTTPServerResponse.h>

#include <sstream>
#include <string>

namespace switchyard::tests
{

/// An HTTPServerResponse without a connection: send() and sendBuffer() write to body().
class FakeHttpServerResponse : public Poco::Net::HTTPServerResponse
{
public:
    FakeHttpServerResponse();

    /// What was sent so far.
    std::string body() const;

    // Poco::Net::HTTPServerResponse
    void sendContinue() override;
    std::ostream& send() override;
    /// Throws Poco::NotImplementedException.
    void sendFile(const std::string& path, const std::string& mediaType) override;
    void sendBuffer(const void* buffer, std::size_t length) override;
    /// Throws Poco::NotImplementedException.
    void redirect(const std::string& uri, HTTPStatus status = HTTP_FOUND) override;
    /// Throws Poco::NotImplementedException.
    void requireAuthentication(const std::string& realm) override;
    bool sent() const override;

private:
    std::ostringstream _body;
    bool _sent = false;
};

} // namespace switchyard::tests
