// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "UrlDownloader.h"

#include <Poco/Exception.h>
#include <Poco/Net/DNS.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/String.h>

#include <array>

namespace switchyard::plugins::submit
{

namespace
{

std::string nameFrom(const Poco::URI& uri)
{
    std::vector<std::string> segments;
    uri.getPathSegments(segments);
    return segments.empty() ? uri.getHost() : segments.back();
}

Poco::Timespan remaining(std::chrono::steady_clock::time_point deadline)
{
    const auto left =
        std::chrono::duration_cast<std::chrono::microseconds>(deadline - std::chrono::steady_clock::now())
            .count();
    return Poco::Timespan(left > 1000 ? left : 1000);
}

} // namespace

UrlDownloader::UrlDownloader(UrlSettings settings)
    : _settings(std::move(settings)), _guard(_settings.allowedDestinations),
      _tls(new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", _settings.caFile,
                                  Poco::Net::Context::VERIFY_RELAXED, 9, true))
{
    _tls->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                           Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
}

bool UrlDownloader::connect(const Poco::URI& uri, Poco::Net::StreamSocket& socket, Failure& failure,
                            std::chrono::steady_clock::time_point deadline) const
{
    const std::string host = uri.getHost();
    std::vector<Poco::Net::IPAddress> addresses;
    if (const std::optional<AddressRange> single = AddressRange::parse(host);
        single && host.find('/') == std::string::npos)
        addresses.push_back(single->network());
    else
    {
        try
        {
            addresses = Poco::Net::DNS::resolve(host).addresses();
        }
        catch (const Poco::Exception&)
        {
            failure = {"URL_DOWNLOAD_FAILED", "url: cannot resolve host " + host};
            return false;
        }
    }
    if (addresses.empty())
    {
        failure = {"URL_DOWNLOAD_FAILED", "url: host " + host + " has no address"};
        return false;
    }
    for (const Poco::Net::IPAddress& address : addresses)
    {
        const std::string refusal = _guard.refusal(address);
        if (!refusal.empty())
        {
            failure = {"URL_REFUSED", "url: " + host + " is " + address.toString() + ", " + refusal +
                                          "; the broker does not download from such destinations "
                                          "(urlAllowedDestinations)"};
            return false;
        }
    }
    std::string lastError;
    for (const Poco::Net::IPAddress& address : addresses)
    {
        try
        {
            const Poco::Timespan limit =
                std::min(remaining(deadline), Poco::Timespan(_settings.connectTimeoutSeconds, 0));
            socket.connect(Poco::Net::SocketAddress(address, uri.getPort()), limit);
            // What we are connected to is what was checked; check the peer once more anyway.
            const std::string refusal = _guard.refusal(socket.peerAddress().host());
            if (!refusal.empty())
            {
                socket.close();
                failure = {"URL_REFUSED", "url: connected peer " + socket.peerAddress().host().toString() +
                                              " is " + refusal};
                return false;
            }
            return true;
        }
        catch (const Poco::Exception& error)
        {
            lastError = address.toString() + ": " + error.displayText();
            socket = Poco::Net::StreamSocket();
        }
    }
    failure = {"URL_DOWNLOAD_FAILED", "url: cannot connect to " + host + " (" + lastError + ")"};
    return false;
}

std::unique_ptr<UploadedFile> UrlDownloader::download(const std::string& url, plugin::BlobStore* store,
                                                      std::uint64_t maxBytes, Failure& failure) const
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(_settings.timeoutSeconds);
    Poco::URI uri;
    try
    {
        uri = Poco::URI(url);
    }
    catch (const Poco::SyntaxException& error)
    {
        failure = {"INVALID_PARAMETER", "url: not a URL: " + error.message()};
        return nullptr;
    }
    for (unsigned hop = 0;; ++hop)
    {
        const std::string scheme = Poco::toLower(uri.getScheme());
        if ((scheme != "http" && scheme != "https") || uri.getHost().empty())
        {
            failure = {"INVALID_PARAMETER", "url: only http and https URLs with a host are downloaded"};
            return nullptr;
        }
        Poco::Net::StreamSocket socket;
        if (!connect(uri, socket, failure, deadline))
            return nullptr;
        try
        {
            // HTTPSClientSession refuses a connected socket; the plain session over a
            // SecureStreamSocket speaks TLS all the same (the socket's implementation does).
            std::unique_ptr<Poco::Net::HTTPClientSession> session;
            if (scheme == "https")
                session = std::make_unique<Poco::Net::HTTPClientSession>(
                    Poco::Net::SecureStreamSocket::attach(socket, uri.getHost(), _tls));
            else
                session = std::make_unique<Poco::Net::HTTPClientSession>(socket);
            session->setTimeout(remaining(deadline));
            Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET,
                                           uri.getPathEtc().empty() ? "/" : uri.getPathEtc(),
                                           Poco::Net::HTTPMessage::HTTP_1_1);
            request.setHost(uri.getHost(), uri.getPort());
            request.set("User-Agent", "switchyard-broker");
            request.setKeepAlive(false);
            session->sendRequest(request);
            Poco::Net::HTTPResponse response;
            std::istream& body = session->receiveResponse(response);
            const int status = response.getStatus();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
            {
                if (hop >= _settings.maxRedirects)
                {
                    failure = {"URL_DOWNLOAD_FAILED", "url: more than " +
                                                          std::to_string(_settings.maxRedirects) +
                                                          " redirects (urlMaxRedirects)"};
                    return nullptr;
                }
                if (!response.has("Location"))
                {
                    failure = {"URL_DOWNLOAD_FAILED", "url: a redirect without a Location"};
                    return nullptr;
                }
                uri.resolve(response.get("Location"));
                continue;
            }
            if (status != 200)
            {
                failure = {"URL_DOWNLOAD_FAILED",
                           "url: the server answered " + std::to_string(status) + " " + response.getReason()};
                return nullptr;
            }
            std::unique_ptr<plugin::BlobWriter> writer;
            if (store)
            {
                try
                {
                    writer = store->createWriter();
                }
                catch (const Poco::IOException&)
                {
                    writer.reset();
                }
            }
            auto file = std::make_unique<UploadedFile>(nameFrom(uri), std::move(writer), maxBytes);
            std::array<char, 64 * 1024> buffer{};
            while (!file->isTooLarge() && (body.read(buffer.data(), buffer.size()) || body.gcount() > 0))
            {
                file->append(buffer.data(), static_cast<std::size_t>(body.gcount()));
                if (std::chrono::steady_clock::now() > deadline)
                {
                    failure = {"URL_DOWNLOAD_FAILED", "url: the download took longer than " +
                                                          std::to_string(_settings.timeoutSeconds) +
                                                          " s (urlTimeoutSeconds)"};
                    return nullptr;
                }
            }
            const bool cutShort = response.hasContentLength() && !file->isTooLarge() &&
                                  file->size() != static_cast<std::uint64_t>(response.getContentLength64());
            if ((body.bad() || cutShort) && !file->isTooLarge())
            {
                failure = {"URL_DOWNLOAD_FAILED", "url: the download broke off"};
                return nullptr;
            }
            return file;
        }
        catch (const Poco::Exception& error)
        {
            failure = {"URL_DOWNLOAD_FAILED", "url: " + error.displayText()};
            return nullptr;
        }
    }
}

} // namespace switchyard::plugins::submit
