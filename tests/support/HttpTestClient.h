// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/NameValueCollection.h>

#include <cstdint>
#include <memory>
#include <string>

namespace switchyard::testsupport
{

/// One HTTP answer, read completely.
struct HttpAnswer
{
    int status = 0;
    std::string body;
    Poco::Net::NameValueCollection headers;

    /// The body parsed as a JSON object; throws if it is not one.
    Poco::JSON::Object::Ptr json() const;
};

/// A keep-alive HTTP or HTTPS client for the tests (HTTPS trusts exactly the given context).
class HttpTestClient
{
public:
    HttpTestClient(const std::string& host, std::uint16_t port);
    HttpTestClient(const std::string& host, std::uint16_t port, Poco::Net::Context::Ptr tls);

    HttpAnswer get(const std::string& uri, const Poco::Net::NameValueCollection& headers = {});
    HttpAnswer post(const std::string& uri, const std::string& contentType, const std::string& body,
                    const Poco::Net::NameValueCollection& headers = {});
    HttpAnswer send(const std::string& method, const std::string& uri, const std::string& contentType,
                    const std::string& body, const Poco::Net::NameValueCollection& headers);

    Poco::Net::HTTPClientSession& session() { return *_session; }

private:
    std::unique_ptr<Poco::Net::HTTPClientSession> _session;
};

} // namespace switchyard::testsupport
