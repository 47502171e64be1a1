// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/RequestContext.h"

#include <Poco/Net/NameValueCollection.h>

#include <optional>
#include <sstream>
#include <string>

namespace switchyard::tests
{

/// A RequestContext for calling Endpoint::handle without a kernel. It records what the endpoint
/// sends instead of writing it to the response.
class FakeRequestContext : public plugin::RequestContext
{
public:
    /// What the endpoint sent through sendJson() or sendError().
    struct Answer
    {
        Poco::Net::HTTPResponse::HTTPStatus status = Poco::Net::HTTPResponse::HTTP_OK;
        /// The body as sent (with `processTime`), parsed back from its JSON text.
        Poco::JSON::Object::Ptr body;
        /// The body's JSON text.
        std::string text;
    };

    explicit FakeRequestContext(Poco::Logger& logger, plugin::AccessLevel level = plugin::AccessLevel::Read);

    Poco::Net::NameValueCollection& mutableParameters();

    /// The answers sent, in order (an endpoint must send exactly one).
    const std::vector<Answer>& answers() const;

    // switchyard::plugin::RequestContext
    const std::string& requestId() const override;
    const Poco::Net::NameValueCollection& parameters() const override;
    std::istream& body() override;
    bool bodyLimitExceeded() const override;
    bool isAuthenticated() const override;
    bool authenticateWith(const Poco::Net::NameValueCollection& formFields,
                          Poco::Net::HTTPServerResponse& response) override;
    const std::string& keyName() const override;
    plugin::AccessLevel accessLevel() const override;
    std::int64_t elapsedMilliseconds() const override;
    Poco::Logger& logger() override;
    void sendJson(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
                  Poco::JSON::Object& body) override;
    void sendError(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
                   const std::string& code, const std::string& message) override;

private:
    Poco::Logger& _logger;
    plugin::AccessLevel _level;
    std::string _requestId = "test-request";
    std::string _keyName = "test-key";
    Poco::Net::NameValueCollection _parameters;
    std::istringstream _body;
    std::vector<Answer> _answers;
};

} // namespace switchyard::tests
