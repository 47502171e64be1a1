// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "CallbackSender.h"

#include "ClientTlsContext.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/NullStream.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <memory>

namespace switchyard::plugins::nodelocal
{

CallbackSender::CallbackSender(CallbackSettings settings, std::size_t capacity, Poco::Logger& logger)
    : _settings(std::move(settings)), _uri(_settings.url), _capacity(capacity), _logger(logger)
{
    if (_uri.getScheme() == "https")
    {
        _tls = support::ClientTlsContext::make(_settings.caFile, _settings.trustAll);
    }
}

CallbackSender::~CallbackSender()
{
    stop();
}

void CallbackSender::start()
{
    std::lock_guard<std::mutex> lock(_mutex);
    if (_thread.joinable() || _stopping)
        return;
    _thread = std::thread([this] { run(); });
}

void CallbackSender::stop() noexcept
{
    std::size_t dropped = 0;
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _stopping = true;
        dropped = _pending.size();
        _pending.clear();
    }
    _wake.notify_all();
    if (_thread.joinable())
        _thread.join();
    if (dropped > 0)
    {
        _failed += dropped;
        _logger.warning(std::to_string(dropped) +
                        " callbacks not sent: the node stopped (the broker's polling covers them)");
    }
}

bool CallbackSender::post(const std::string& taskId, const std::string& reportText)
{
    {
        std::lock_guard<std::mutex> lock(_mutex);
        if (!_stopping && _pending.size() < _capacity)
        {
            // Task IDs are UUIDs: nothing in them needs escaping.
            _pending.push_back({taskId, "{\"taskID\":\"" + taskId + "\",\"result\":" + reportText + "}", 0,
                                std::chrono::steady_clock::now()});
            _wake.notify_one();
            return true;
        }
    }
    ++_failed;
    _logger.warning("callback of task " + taskId + " dropped: " + std::to_string(_capacity) +
                    " callbacks are waiting already");
    return false;
}

std::string CallbackSender::send(const std::string& body) const
{
    try
    {
        std::unique_ptr<Poco::Net::HTTPClientSession> session;
        if (_tls)
            session = std::make_unique<Poco::Net::HTTPSClientSession>(_uri.getHost(), _uri.getPort(), _tls);
        else
            session = std::make_unique<Poco::Net::HTTPClientSession>(_uri.getHost(), _uri.getPort());
        session->setTimeout(Poco::Timespan(_settings.timeoutSeconds, 0));
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, _uri.getPathEtc(),
                                       Poco::Net::HTTPMessage::HTTP_1_1);
        request.setContentType("application/json; charset=utf-8");
        request.setContentLength64(static_cast<Poco::Int64>(body.size()));
        request.set("X-Api-Key", _settings.secret);
        session->sendRequest(request) << body;
        Poco::Net::HTTPResponse response;
        std::istream& answer = session->receiveResponse(response);
        Poco::NullOutputStream discard;
        Poco::StreamCopier::copyStream(answer, discard);
        const int status = response.getStatus();
        if (status < 200 || status > 299)
            return "HTTP " + std::to_string(status) + " " + response.getReason();
        return {};
    }
    catch (const Poco::TimeoutException&)
    {
        return "timed out after " + std::to_string(_settings.timeoutSeconds) + " s";
    }
    catch (const Poco::Net::ConnectionRefusedException&)
    {
        return "connection refused";
    }
    catch (const Poco::Net::SSLException& error)
    {
        return "TLS failure: " + error.message();
    }
    catch (const Poco::Exception& error)
    {
        return error.displayText();
    }
}

bool CallbackSender::isWorthRetrying(const std::string& failure)
{
    // A refused key stays refused; everything else (no answer, 404 for a task the broker has not
    // recorded yet, 5xx, 429) may pass later.
    return failure.rfind("HTTP 401", 0) != 0 && failure.rfind("HTTP 403", 0) != 0 &&
           failure.rfind("HTTP 400", 0) != 0;
}

void CallbackSender::run()
{
    for (;;)
    {
        Pending next;
        {
            std::unique_lock<std::mutex> lock(_mutex);
            for (;;)
            {
                if (_stopping)
                    return;
                const auto now = std::chrono::steady_clock::now();
                auto ready = std::find_if(_pending.begin(), _pending.end(),
                                          [now](const Pending& pending) { return pending.due <= now; });
                if (ready != _pending.end())
                {
                    next = std::move(*ready);
                    _pending.erase(ready);
                    break;
                }
                if (_pending.empty())
                    _wake.wait(lock);
                else
                {
                    auto earliest = std::min_element(_pending.begin(), _pending.end(),
                                                     [](const Pending& left, const Pending& right)
                                                     { return left.due < right.due; });
                    _wake.wait_until(lock, earliest->due);
                }
            }
        }
        const std::string failure = send(next.body);
        ++next.attempts;
        if (failure.empty())
        {
            ++_sent;
            continue;
        }
        if (next.attempts < _settings.attempts && isWorthRetrying(failure))
        {
            // Doubled each time, up to ten minutes (attempts are at most 20, so no overflow).
            const auto wait = std::chrono::milliseconds(std::min<std::int64_t>(
                static_cast<std::int64_t>(_settings.retryMilliseconds) << (next.attempts - 1), 600000));
            next.due = std::chrono::steady_clock::now() + wait;
            std::lock_guard<std::mutex> lock(_mutex);
            _pending.push_back(std::move(next));
            continue;
        }
        ++_failed;
        _logger.warning("callback of task " + next.taskId + " to " + _uri.getHost() + ":" +
                        std::to_string(_uri.getPort()) + _uri.getPath() + " failed after " +
                        std::to_string(next.attempts) + " attempt(s): " + failure +
                        " (the broker's polling covers it)");
    }
}

} // namespace switchyard::plugins::nodelocal
