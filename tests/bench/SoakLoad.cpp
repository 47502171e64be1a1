// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
//
// Mixed broker traffic for the soak benchmark (issue 7), over keep-alive HTTPS connections that
// trust exactly the benchmark certificate. Two modes:
//
//   load: --connections threads for --seconds, in three roles by connection number:
//     every 4th submits a file of --file-bytes (distinct content each time) to POST /submit,
//       together at most --submit-rate files/s, and remembers the accepted submitIDs;
//     every 4th + 3 asks GET /task?submitID= of a random accepted submission, then waits
//       --report-pause-ms;
//     the others ask GET /submit-result?submitID= of a random accepted submission, then wait
//       --poll-pause-ms.
//     Counts every answer by endpoint and status; keeps the first bodies of 5xx answers and the
//     first transport errors. Writes the accepted submitIDs, one per line, to --ids-file.
//
//   verify (--verify-ids FILE): asks /submit-result for every ID of FILE (16 connections) and
//     counts the states; an ID the broker does not know (404) is a lost submission.
//
//   switchyard-bench-soak --port P --ca-file F --secret S [--host 127.0.0.1] [--connections 64]
//       [--seconds 600] [--file-bytes 4096] [--submit-rate 100] [--poll-pause-ms 2]
//       [--report-pause-ms 50] [--ids-file ids.txt] [--verify-ids FILE]
//
// Prints one JSON document. Exit status 0 when there was no 5xx, no transport error and (verify)
// nothing lost.

#include "BenchArguments.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Random.h>
#include <Poco/StreamCopier.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

namespace
{

using Clock = std::chrono::steady_clock;
using switchyard::bench::BenchArguments;

constexpr const char* Boundary = "switchyard-soak-boundary-3c1d";
constexpr std::size_t KeptSamples = 20;

struct Target
{
    std::string host;
    Poco::UInt16 port = 0;
    std::string secret;
    Poco::Net::Context::Ptr tls;
};

/// What every connection saw, merged under one mutex (answers are counted, not timed).
class Tally
{
public:
    void count(const std::string& endpoint, int status, const std::string& body)
    {
        const std::lock_guard<std::mutex> lock(_mutex);
        ++_statuses[endpoint][status];
        if (status >= 500 && _serverErrors.size() < KeptSamples)
            _serverErrors.push_back(endpoint + " " + std::to_string(status) + ": " + body.substr(0, 300));
    }

    void transportError(const std::string& endpoint, const std::string& message)
    {
        const std::lock_guard<std::mutex> lock(_mutex);
        ++_transportErrors;
        if (_transportSamples.size() < KeptSamples)
            _transportSamples.push_back(endpoint + ": " + message);
    }

    std::uint64_t serverErrors() const
    {
        const std::lock_guard<std::mutex> lock(_mutex);
        std::uint64_t total = 0;
        for (const auto& [endpoint, statuses] : _statuses)
            for (const auto& [status, count] : statuses)
                total += status >= 500 ? count : 0;
        return total;
    }

    std::uint64_t transportErrors() const
    {
        const std::lock_guard<std::mutex> lock(_mutex);
        return _transportErrors;
    }

    Poco::JSON::Object::Ptr toJson() const
    {
        const std::lock_guard<std::mutex> lock(_mutex);
        Poco::JSON::Object::Ptr answers = new Poco::JSON::Object;
        for (const auto& [endpoint, statuses] : _statuses)
        {
            Poco::JSON::Object::Ptr byStatus = new Poco::JSON::Object;
            for (const auto& [status, count] : statuses)
                byStatus->set(std::to_string(status), count);
            answers->set(endpoint, byStatus);
        }
        Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
        json->set("answers", answers);
        json->set("transportErrors", _transportErrors);
        Poco::JSON::Array::Ptr serverSamples = new Poco::JSON::Array;
        for (const auto& sample : _serverErrors)
            serverSamples->add(sample);
        json->set("serverErrorSamples", serverSamples);
        Poco::JSON::Array::Ptr transportSamples = new Poco::JSON::Array;
        for (const auto& sample : _transportSamples)
            transportSamples->add(sample);
        json->set("transportErrorSamples", transportSamples);
        return json;
    }

private:
    mutable std::mutex _mutex;
    std::map<std::string, std::map<int, std::uint64_t>> _statuses;
    std::uint64_t _transportErrors = 0;
    std::vector<std::string> _serverErrors;
    std::vector<std::string> _transportSamples;
};

/// The accepted submitIDs, shared by the submitting and the asking connections.
class AcceptedIds
{
public:
    void add(std::string id)
    {
        const std::lock_guard<std::mutex> lock(_mutex);
        _ids.push_back(std::move(id));
    }

    std::string pick(Poco::Random& random) const
    {
        const std::lock_guard<std::mutex> lock(_mutex);
        if (_ids.empty())
            return "";
        return _ids[random.next(static_cast<Poco::UInt32>(_ids.size()))];
    }

    std::vector<std::string> all() const
    {
        const std::lock_guard<std::mutex> lock(_mutex);
        return _ids;
    }

private:
    mutable std::mutex _mutex;
    std::vector<std::string> _ids;
};

Poco::Net::Context::Ptr trustingContext(const std::string& caFile)
{
    Poco::Net::Context::Params params;
    params.caLocation = caFile;
    params.verificationMode = Poco::Net::Context::VERIFY_RELAXED;
    params.loadDefaultCAs = false;
    return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
}

/// One request on `session`; the status, with the body in `body`. Throws on transport errors.
int exchange(Poco::Net::HTTPSClientSession& session, Poco::Net::HTTPRequest& request,
             const std::string& payload, std::string& body)
{
    request.setKeepAlive(true);
    std::ostream& out = session.sendRequest(request);
    if (!payload.empty())
        out.write(payload.data(), static_cast<std::streamsize>(payload.size()));
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    std::ostringstream text;
    Poco::StreamCopier::copyStream(in, text);
    body = text.str();
    return static_cast<int>(response.getStatus());
}

std::string submitBody(const std::string& name, const std::string& content)
{
    return std::string("--") + Boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
           name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + Boundary +
           "--\r\n";
}

/// The submitID of the first accepted file of a /submit answer, or "".
std::string acceptedId(const std::string& answer)
{
    try
    {
        auto json = Poco::JSON::Parser().parse(answer).extract<Poco::JSON::Object::Ptr>();
        auto accepted = json->getArray("acceptedFiles");
        if (!accepted || accepted->size() == 0)
            return "";
        return accepted->getObject(0)->getValue<std::string>("ID");
    }
    catch (const Poco::Exception&)
    {
        return "";
    }
}

struct LoadSettings
{
    int connections = 64;
    double seconds = 600;
    std::size_t fileBytes = 4096;
    double submitRate = 100;
    int pollPauseMs = 2;
    int reportPauseMs = 50;
};

void runConnection(const Target& target, const LoadSettings& settings, int index, Clock::time_point deadline,
                   AcceptedIds& ids, Tally& tally, std::atomic<std::uint64_t>& submitted)
{
    Poco::Random random;
    random.seed(static_cast<Poco::UInt32>(Clock::now().time_since_epoch().count()) ^
                static_cast<Poco::UInt32>(index * 7919 + 17));
    auto session = std::make_unique<Poco::Net::HTTPSClientSession>(target.host, target.port, target.tls);
    session->setTimeout(Poco::Timespan(60, 0));
    const bool submitter = index % 4 == 0;
    const bool reporter = index % 4 == 3;
    const int submitters = (settings.connections + 3) / 4;
    // Each submitter's share of the rate, as a pause between its files.
    const auto submitPause = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(submitters / std::max(0.001, settings.submitRate)));
    std::string content(settings.fileBytes, '\0');
    for (char& byte : content)
        byte = random.nextChar();
    Clock::time_point nextSubmit = Clock::now();

    for (std::uint64_t counter = 0; Clock::now() < deadline; ++counter)
    {
        std::string endpoint;
        std::string body;
        try
        {
            if (submitter)
            {
                std::this_thread::sleep_until(nextSubmit);
                nextSubmit += submitPause;
                endpoint = "/submit";
                std::uint64_t stamp[2] = {static_cast<std::uint64_t>(index), counter};
                std::memcpy(content.data(), stamp, std::min(sizeof stamp, content.size()));
                const std::string payload = submitBody(
                    "soak-" + std::to_string(index) + "-" + std::to_string(counter) + ".bin", content);
                Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/submit",
                                               Poco::Net::HTTPMessage::HTTP_1_1);
                request.setContentType(std::string("multipart/form-data; boundary=") + Boundary);
                request.setContentLength64(static_cast<Poco::UInt64>(payload.size()));
                request.set("X-Api-Key", target.secret);
                const int status = exchange(*session, request, payload, body);
                tally.count(endpoint, status, body);
                ++submitted;
                if (status == 200)
                {
                    std::string id = acceptedId(body);
                    if (!id.empty())
                        ids.add(std::move(id));
                }
                continue;
            }
            const std::string id = ids.pick(random);
            if (id.empty())
            {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                continue;
            }
            endpoint = reporter ? "/task" : "/submit-result";
            Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, endpoint + "?submitID=" + id,
                                           Poco::Net::HTTPMessage::HTTP_1_1);
            request.set("X-Api-Key", target.secret);
            tally.count(endpoint, exchange(*session, request, "", body), body);
            std::this_thread::sleep_for(
                std::chrono::milliseconds(reporter ? settings.reportPauseMs : settings.pollPauseMs));
        }
        catch (const Poco::Exception& error)
        {
            tally.transportError(endpoint, error.displayText());
            session = std::make_unique<Poco::Net::HTTPSClientSession>(target.host, target.port, target.tls);
            session->setTimeout(Poco::Timespan(60, 0));
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
}

int runLoad(const Target& target, const BenchArguments& arguments)
{
    LoadSettings settings;
    settings.connections = static_cast<int>(std::max<std::int64_t>(4, arguments.integer("connections", 64)));
    settings.seconds = arguments.number("seconds", 600);
    settings.fileBytes =
        static_cast<std::size_t>(std::max<std::int64_t>(16, arguments.integer("file-bytes", 4096)));
    settings.submitRate = arguments.number("submit-rate", 100);
    settings.pollPauseMs = static_cast<int>(arguments.integer("poll-pause-ms", 2));
    settings.reportPauseMs = static_cast<int>(arguments.integer("report-pause-ms", 50));
    const std::string idsFile = arguments.text("ids-file", "soak-ids.txt");

    AcceptedIds ids;
    Tally tally;
    std::atomic<std::uint64_t> submitted{0};
    const Clock::time_point started = Clock::now();
    const Clock::time_point deadline = started + std::chrono::duration_cast<Clock::duration>(
                                                     std::chrono::duration<double>(settings.seconds));
    std::vector<std::thread> threads;
    for (int index = 0; index < settings.connections; ++index)
        threads.emplace_back(runConnection, std::cref(target), std::cref(settings), index, deadline,
                             std::ref(ids), std::ref(tally), std::ref(submitted));
    for (std::thread& thread : threads)
        thread.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();

    const std::vector<std::string> accepted = ids.all();
    std::ofstream out(idsFile);
    for (const auto& id : accepted)
        out << id << "\n";

    Poco::JSON::Object::Ptr json = tally.toJson();
    json->set("mode", "load");
    json->set("connections", settings.connections);
    json->set("seconds", elapsed);
    json->set("submitted", submitted.load());
    json->set("accepted", accepted.size());
    json->set("serverErrors", tally.serverErrors());
    json->stringify(std::cout, 2);
    std::cout << std::endl;
    return tally.serverErrors() == 0 && tally.transportErrors() == 0 ? 0 : 1;
}

int runVerify(const Target& target, const std::string& idsFile)
{
    std::vector<std::string> ids;
    std::ifstream in(idsFile);
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            ids.push_back(line);
    std::atomic<std::size_t> next{0};
    std::mutex mutex;
    std::map<std::string, std::uint64_t> states;
    std::vector<std::string> lost;
    Tally tally;
    std::vector<std::thread> threads;
    for (int worker = 0; worker < 16; ++worker)
        threads.emplace_back(
            [&]
            {
                auto session =
                    std::make_unique<Poco::Net::HTTPSClientSession>(target.host, target.port, target.tls);
                session->setTimeout(Poco::Timespan(60, 0));
                for (std::size_t at = next++; at < ids.size(); at = next++)
                {
                    std::string body;
                    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET,
                                                   "/submit-result?submitID=" + ids[at],
                                                   Poco::Net::HTTPMessage::HTTP_1_1);
                    request.set("X-Api-Key", target.secret);
                    int status = 0;
                    try
                    {
                        status = exchange(*session, request, "", body);
                    }
                    catch (const Poco::Exception& error)
                    {
                        tally.transportError("/submit-result", error.displayText());
                        session = std::make_unique<Poco::Net::HTTPSClientSession>(target.host, target.port,
                                                                                  target.tls);
                        continue;
                    }
                    tally.count("/submit-result", status, body);
                    std::string state = "HTTP " + std::to_string(status);
                    if (status == 200)
                    {
                        try
                        {
                            state = Poco::JSON::Parser()
                                        .parse(body)
                                        .extract<Poco::JSON::Object::Ptr>()
                                        ->getValue<std::string>("state");
                        }
                        catch (const Poco::Exception&)
                        {
                            state = "unreadable answer";
                        }
                    }
                    const std::lock_guard<std::mutex> lock(mutex);
                    ++states[state];
                    if (status == 404 && lost.size() < KeptSamples)
                        lost.push_back(ids[at]);
                }
            });
    for (std::thread& thread : threads)
        thread.join();

    Poco::JSON::Object::Ptr json = tally.toJson();
    json->set("mode", "verify");
    json->set("ids", ids.size());
    Poco::JSON::Object::Ptr byState = new Poco::JSON::Object;
    for (const auto& [state, count] : states)
        byState->set(state, count);
    json->set("states", byState);
    const std::uint64_t lostCount = states.count("HTTP 404") ? states.at("HTTP 404") : 0;
    json->set("lost", lostCount);
    json->set("serverErrors", tally.serverErrors());
    Poco::JSON::Array::Ptr lostSamples = new Poco::JSON::Array;
    for (const auto& id : lost)
        lostSamples->add(id);
    json->set("lostSamples", lostSamples);
    json->stringify(std::cout, 2);
    std::cout << std::endl;
    return lostCount == 0 && tally.transportErrors() == 0 && tally.serverErrors() == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    std::signal(SIGPIPE, SIG_IGN);
    Poco::Net::initializeSSL();
    try
    {
        const BenchArguments arguments(argc, argv,
                                       {"host", "port", "secret", "ca-file", "connections", "seconds",
                                        "file-bytes", "submit-rate", "poll-pause-ms", "report-pause-ms",
                                        "ids-file", "verify-ids"});
        Target target;
        target.host = arguments.text("host", "127.0.0.1");
        target.port = static_cast<Poco::UInt16>(arguments.integer("port", 0));
        target.secret = arguments.required("secret");
        target.tls = trustingContext(arguments.required("ca-file"));
        const std::string verifyIds = arguments.text("verify-ids", "");
        return verifyIds.empty() ? runLoad(target, arguments) : runVerify(target, verifyIds);
    }
    catch (const Poco::Exception& error)
    {
        std::cerr << "switchyard-bench-soak: " << error.displayText() << "\n";
        return 2;
    }
}
