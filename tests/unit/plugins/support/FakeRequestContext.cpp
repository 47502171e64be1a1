// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "support/FakeRequestContext.h"

#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

namespace switchyard::tests
{

FakeRequestContext::FakeRequestContext(Poco::Logger& logger, plugin::AccessLevel level)
    : _logger(logger), _level(level)
{
}

Poco::Net::NameValueCollection& FakeRequestContext::mutableParameters()
{
    return _parameters;
}

const std::vector<FakeRequestContext::Answer>& FakeRequestContext::answers() const
{
    return _answers;
}

const std::string& FakeRequestContext::requestId() const
{
    return _requestId;
}

const Poco::Net::NameValueCollection& FakeRequestContext::parameters() const
{
    return _parameters;
}

std::istream& FakeRequestContext::body()
{
    return _body;
}

bool FakeRequestContext::bodyLimitExceeded() const
{
    return false;
}

bool FakeRequestContext::isAuthenticated() const
{
    return true;
}

bool FakeRequestContext::authenticateWith(const Poco::Net::NameValueCollection&,
                                          Poco::Net::HTTPServerResponse&)
{
    return true;
}

const std::string& FakeRequestContext::keyName() const
{
    return _keyName;
}

plugin::AccessLevel FakeRequestContext::accessLevel() const
{
    return _level;
}

std::int64_t FakeRequestContext::elapsedMilliseconds() const
{
    return 0;
}

Poco::Logger& FakeRequestContext::logger()
{
    return _logger;
}

void FakeRequestContext::sendJson(Poco::Net::HTTPServerResponse&, Poco::Net::HTTPResponse::HTTPStatus status,
                                  Poco::JSON::Object& body)
{
    body.set("processTime", elapsedMilliseconds());
    std::ostringstream text;
    body.stringify(text);
    // Parsing the text back checks that what would go on the wire is valid JSON.
    // Keep the key order, so tests can check the order a client sees.
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
    _answers.push_back({status, parser.parse(text.str()).extract<Poco::JSON::Object::Ptr>(), text.str()});
}

void FakeRequestContext::sendError(Poco::Net::HTTPServerResponse& response,
                                   Poco::Net::HTTPResponse::HTTPStatus status, const std::string& code,
                                   const std::string& message)
{
    Poco::JSON::Object::Ptr error = new Poco::JSON::Object;
    error->set("code", code);
    error->set("message", message);
    Poco::JSON::Object body;
    body.set("error", error);
    sendJson(response, status, body);
}

} // namespace switchyard::tests
