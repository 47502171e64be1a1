// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "HttpNodeClient.h"

#include "ClientTlsContext.h"
#include "StreamPartSource.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

namespace switchyard::plugins::nodehttp
{

namespace
{

std::string failureOf(const Poco::Exception& error, const HttpNodeSettings& settings)
{
    if (dynamic_cast<const Poco::TimeoutException*>(&error))
        return "timed out after " + std::to_string(settings.readTimeoutSeconds) + " s";
    if (dynamic_cast<const Poco::Net::ConnectionRefusedException*>(&error))
        return "connection refused";
    if (dynamic_cast<const Poco::Net::SSLException*>(&error))
        return "TLS failure: " + error.message();
    return error.displayText();
}

} // namespace

HttpNodeClient::HttpNodeClient(HttpNodeSettings settings) : _settings(std::move(settings))
{
    if (_settings.protocol == "https")
    {
        _tls = support::ClientTlsContext::make(_settings.caFile, _settings.trustAll);
    }
}

std::string HttpNodeClient::address() const
{
    return _settings.protocol + "://" + _settings.host + ":" + std::to_string(_settings.port);
}

std::string HttpNodeClient::query(const std::string& path) const
{
    Poco::URI uri(path);
    uri.addQueryParameter("serect", _settings.secret);
    return uri.getPathAndQuery();
}

std::unique_ptr<Poco::Net::HTTPClientSession> HttpNodeClient::takeSession()
{
    {
        std::lock_guard<std::mutex> lock(_mutex);
        if (!_idle.empty())
        {
            auto session = std::move(_idle.back());
            _idle.pop_back();
            return session;
        }
    }
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    if (_tls)
        session = std::make_unique<Poco::Net::HTTPSClientSession>(_settings.host, _settings.port, _tls);
    else
        session = std::make_unique<Poco::Net::HTTPClientSession>(_settings.host, _settings.port);
    session->setTimeout(Poco::Timespan(_settings.connectTimeoutSeconds, 0),
                        Poco::Timespan(_settings.readTimeoutSeconds, 0),
                        Poco::Timespan(_settings.readTimeoutSeconds, 0));
    session->setKeepAlive(true);
    return session;
}

void HttpNodeClient::giveBack(std::unique_ptr<Poco::Net::HTTPClientSession> session)
{
    std::lock_guard<std::mutex> lock(_mutex);
    if (static_cast<int>(_idle.size()) < _settings.maxIdleConnections)
        _idle.push_back(std::move(session));
}

plugin::NodeAnswer HttpNodeClient::exchange(Poco::Net::HTTPRequest& request, Poco::Net::HTMLForm* form)
{
    plugin::NodeAnswer answer;
    std::unique_ptr<Poco::Net::HTTPClientSession> session = takeSession();
    try
    {
        if (form)
            form->prepareSubmit(request);
        std::ostream& out = session->sendRequest(request);
        if (form)
            form->write(out);
        Poco::Net::HTTPResponse response;
        std::istream& in = session->receiveResponse(response);
        Poco::StreamCopier::copyToString(in, answer.body);
        answer.answered = true;
        answer.statusCode = response.getStatus();
        if (answer.statusCode != 200)
            answer.error = response.getReason();
        giveBack(std::move(session));
    }
    catch (const Poco::Exception& error)
    {
        // The connection is in an unknown state; it is dropped, not reused.
        answer.error = failureOf(error, _settings);
    }
    return answer;
}

plugin::NodeAnswer HttpNodeClient::scan(const plugin::NodeRequest& request)
{
    Poco::Net::HTMLForm form(Poco::Net::HTMLForm::ENCODING_MULTIPART);
    form.set("serect", _settings.secret);
    form.set("priority", std::to_string(request.priority));
    for (const auto& [name, value] : request.options)
        form.set(name, value);
    form.addPart("file", new StreamPartSource(*request.content, request.fileSize,
                                              request.submitName.empty() ? "file" : request.submitName));
    Poco::Net::HTTPRequest post(Poco::Net::HTTPRequest::HTTP_POST, "/scan", Poco::Net::HTTPMessage::HTTP_1_1);
    return exchange(post, &form);
}

plugin::NodeAnswer HttpNodeClient::task(const std::string& taskId, bool all)
{
    Poco::URI uri("/task");
    uri.addQueryParameter("taskID", taskId);
    uri.addQueryParameter("all", all ? "true" : "false");
    Poco::Net::HTTPRequest get(Poco::Net::HTTPRequest::HTTP_GET, query(uri.getPathAndQuery()),
                               Poco::Net::HTTPMessage::HTTP_1_1);
    return exchange(get, nullptr);
}

plugin::NodeAnswer HttpNodeClient::systemInfo()
{
    Poco::Net::HTTPRequest get(Poco::Net::HTTPRequest::HTTP_GET, query("/system-info"),
                               Poco::Net::HTTPMessage::HTTP_1_1);
    return exchange(get, nullptr);
}

} // namespace switchyard::plugins::nodehttp
