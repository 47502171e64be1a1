// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "HttpTestClient.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>

#include <sstream>

namespace switchyard::testsupport
{

Poco::JSON::Object::Ptr HttpAnswer::json() const
{
    return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
}

HttpTestClient::HttpTestClient(const std::string& host, std::uint16_t port)
    : _session(std::make_unique<Poco::Net::HTTPClientSession>(host, port))
{
    _session->setTimeout(Poco::Timespan(30, 0));
}

HttpTestClient::HttpTestClient(const std::string& host, std::uint16_t port, Poco::Net::Context::Ptr tls)
    : _session(std::make_unique<Poco::Net::HTTPSClientSession>(host, port, tls))
{
    _session->setTimeout(Poco::Timespan(30, 0));
}

HttpAnswer HttpTestClient::get(const std::string& uri, const Poco::Net::NameValueCollection& headers)
{
    return send("GET", uri, "", "", headers);
}

HttpAnswer HttpTestClient::post(const std::string& uri, const std::string& contentType,
                                const std::string& body, const Poco::Net::NameValueCollection& headers)
{
    return send("POST", uri, contentType, body, headers);
}

HttpAnswer HttpTestClient::send(const std::string& method, const std::string& uri,
                                const std::string& contentType, const std::string& body,
                                const Poco::Net::NameValueCollection& headers)
{
    Poco::Net::HTTPRequest request(method, uri, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [name, value] : headers)
        request.set(name, value);
    if (!contentType.empty())
        request.setContentType(contentType);
    if (method == "POST" || method == "PUT")
        request.setContentLength64(static_cast<Poco::Int64>(body.size()));
    _session->sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = _session->receiveResponse(response);
    HttpAnswer answer;
    answer.status = response.getStatus();
    std::ostringstream text;
    Poco::StreamCopier::copyStream(in, text);
    answer.body = text.str();
    for (const auto& [name, value] : response)
        answer.headers.add(name, value);
    return answer;
}

} // namespace switchyard::testsupport
