// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
//
// Load for POST /submit over HTTPS, with keep-alive POCO clients that trust exactly the benchmark
// certificate. Two shapes:
//
//   many small files: --clients threads each POST one file of --file-bytes (distinct content every
//   time, so nothing is deduplicated) per request, back to back, for --seconds after
//   --warmup-seconds; prints files/s and the latency percentiles of the measured window.
//
//   one large file (--single-file-bytes N > 0): one request streams a file of N bytes
//   (Content-Length, 1 MiB writes); prints the time from the first byte sent to the whole answer
//   read, and MB/s (10^6 bytes). "answerWaitSeconds" is the part after the last byte was sent:
//   what the daemon does once the body is in (commit: fdatasync, rename, the SQLite transaction).
//
//   switchyard-bench-submit --port P --ca-file F --secret S [--host 127.0.0.1] [--path /submit]
//       [--clients 32] [--file-bytes 4096] [--seconds 20] [--warmup-seconds 2]
//       [--single-file-bytes 0]
//
// Every answer must be 200 with the file among acceptedFiles; anything else counts as an error.
// Prints one JSON line.

#include "BenchArguments.h"
#include "LatencyRecorder.h"

#include <Poco/Exception.h>
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
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

namespace
{

using Clock = std::chrono::steady_clock;
using switchyard::bench::BenchArguments;
using switchyard::bench::LatencyRecorder;

constexpr const char* Boundary = "switchyard-bench-boundary-5f0e";

struct Target
{
    std::string host;
    Poco::UInt16 port = 0;
    std::string path;
    std::string secret;
    Poco::Net::Context::Ptr tls;
};

Poco::Net::Context::Ptr trustingContext(const std::string& caFile)
{
    Poco::Net::Context::Params params;
    params.caLocation = caFile;
    params.verificationMode = Poco::Net::Context::VERIFY_RELAXED;
    params.loadDefaultCAs = false;
    return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
}

std::string partHeader(const std::string& filename)
{
    return std::string("--") + Boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
           filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
}

std::string closing()
{
    return std::string("\r\n--") + Boundary + "--\r\n";
}

Poco::Net::HTTPRequest submitRequest(const Target& target, std::uint64_t contentLength)
{
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, target.path,
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentType(std::string("multipart/form-data; boundary=") + Boundary);
    request.setContentLength64(static_cast<Poco::UInt64>(contentLength));
    request.set("X-Api-Key", target.secret);
    request.setKeepAlive(true);
    return request;
}

/// Reads the answer; true for a 200 that accepted the file.
bool readAnswer(Poco::Net::HTTPSClientSession& session, std::string& answer)
{
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    std::ostringstream text;
    Poco::StreamCopier::copyStream(in, text);
    answer = text.str();
    return response.getStatus() == Poco::Net::HTTPResponse::HTTP_OK &&
           answer.find("\"acceptedFiles\":[{") != std::string::npos;
}

struct ClientResult
{
    LatencyRecorder latencies;
    std::uint64_t errors = 0;
    std::string firstError;
};

void submitSmallFiles(const Target& target, int clientIndex, std::size_t fileBytes,
                      Clock::time_point measureFrom, Clock::time_point deadline, ClientResult& result)
{
    // Seeded from the clock too: a second run against the same store must not send the same files.
    Poco::Random random;
    random.seed(static_cast<Poco::UInt32>(Clock::now().time_since_epoch().count()) ^
                static_cast<Poco::UInt32>(clientIndex * 7919 + 17));
    std::string content(fileBytes, '\0');
    for (char& byte : content)
        byte = random.nextChar();
    Poco::Net::HTTPSClientSession session(target.host, target.port, target.tls);
    session.setKeepAlive(true);
    session.setTimeout(Poco::Timespan(120, 0));
    for (std::uint64_t counter = 0; Clock::now() < deadline; ++counter)
    {
        // The first bytes make every file distinct: (client, counter).
        std::uint64_t stamp[2] = {static_cast<std::uint64_t>(clientIndex), counter};
        std::memcpy(content.data(), stamp, std::min(sizeof(stamp), content.size()));
        const std::string body =
            partHeader("bench-" + std::to_string(clientIndex) + "-" + std::to_string(counter) + ".bin") +
            content + closing();
        const Clock::time_point started = Clock::now();
        bool ok = false;
        std::string answer;
        try
        {
            Poco::Net::HTTPRequest request = submitRequest(target, body.size());
            session.sendRequest(request).write(body.data(), static_cast<std::streamsize>(body.size()));
            ok = readAnswer(session, answer);
        }
        catch (const Poco::Exception& error)
        {
            answer = error.displayText();
            session.reset();
        }
        const Clock::time_point finished = Clock::now();
        if (finished < measureFrom || finished > deadline)
            continue;
        if (!ok)
        {
            if (result.errors++ == 0)
                result.firstError = answer.substr(0, 300);
            continue;
        }
        result.latencies.record(
            std::chrono::duration_cast<std::chrono::microseconds>(finished - started).count());
    }
}

int runSmallFiles(const Target& target, const BenchArguments& arguments)
{
    const int clients = static_cast<int>(std::max<std::int64_t>(1, arguments.integer("clients", 32)));
    const std::size_t fileBytes =
        static_cast<std::size_t>(std::max<std::int64_t>(1, arguments.integer("file-bytes", 4096)));
    const double seconds = arguments.number("seconds", 20);
    const double warmup = arguments.number("warmup-seconds", 2);
    const Clock::time_point measureFrom =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(warmup));
    const Clock::time_point deadline =
        measureFrom + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));

    std::vector<ClientResult> results(static_cast<std::size_t>(clients));
    std::vector<std::thread> threads;
    for (int index = 0; index < clients; ++index)
        threads.emplace_back(submitSmallFiles, std::cref(target), index, fileBytes, measureFrom, deadline,
                             std::ref(results[static_cast<std::size_t>(index)]));
    for (std::thread& thread : threads)
        thread.join();

    LatencyRecorder all;
    std::uint64_t errors = 0;
    std::string firstError;
    for (const ClientResult& result : results)
    {
        all.merge(result.latencies);
        errors += result.errors;
        if (firstError.empty())
            firstError = result.firstError;
    }
    if (!firstError.empty())
        std::cerr << "switchyard-bench-submit: first error: " << firstError << "\n";
    std::cout << "{\"clients\": " << clients << ", \"fileBytes\": " << fileBytes
              << ", \"seconds\": " << seconds << ", \"files\": " << all.count()
              << ", \"filesPerSecond\": " << static_cast<double>(all.count()) / seconds
              << ", \"errors\": " << errors << ", \"p50Us\": " << all.percentile(50)
              << ", \"p99Us\": " << all.percentile(99) << ", \"meanUs\": " << all.mean() << "}" << std::endl;
    return all.count() > 0 && errors == 0 ? 0 : 1;
}

int runSingleFile(const Target& target, std::uint64_t fileBytes)
{
    constexpr std::size_t ChunkBytes = 1 << 20;
    Poco::Random random;
    random.seed(static_cast<Poco::UInt32>(Clock::now().time_since_epoch().count()));
    std::string chunk(ChunkBytes, '\0');
    for (char& byte : chunk)
        byte = random.nextChar();
    const std::string header = partHeader("bench-large.bin");
    const std::string trailer = closing();

    Poco::Net::HTTPSClientSession session(target.host, target.port, target.tls);
    session.setKeepAlive(true);
    session.setTimeout(Poco::Timespan(600, 0));
    const Clock::time_point started = Clock::now();
    Poco::Net::HTTPRequest request = submitRequest(target, header.size() + fileBytes + trailer.size());
    std::ostream& out = session.sendRequest(request);
    out.write(header.data(), static_cast<std::streamsize>(header.size()));
    for (std::uint64_t sent = 0; sent < fileBytes && out;)
    {
        const std::size_t size =
            static_cast<std::size_t>(std::min<std::uint64_t>(ChunkBytes, fileBytes - sent));
        out.write(chunk.data(), static_cast<std::streamsize>(size));
        sent += size;
    }
    out.write(trailer.data(), static_cast<std::streamsize>(trailer.size()));
    out.flush();
    const Clock::time_point sent = Clock::now();
    std::string answer;
    const bool ok = out.good() && readAnswer(session, answer);
    const Clock::time_point finished = Clock::now();
    const double seconds = std::chrono::duration<double>(finished - started).count();
    if (!ok)
        std::cerr << "switchyard-bench-submit: the upload was not accepted: " << answer.substr(0, 300)
                  << "\n";
    std::cout << "{\"bytes\": " << fileBytes << ", \"seconds\": " << seconds
              << ", \"answerWaitSeconds\": " << std::chrono::duration<double>(finished - sent).count()
              << ", \"mbPerSecond\": " << static_cast<double>(fileBytes) / 1e6 / seconds
              << ", \"accepted\": " << (ok ? "true" : "false") << "}" << std::endl;
    return ok ? 0 : 1;
}

int run(const BenchArguments& arguments)
{
    Target target;
    target.host = arguments.text("host", "127.0.0.1");
    target.port = static_cast<Poco::UInt16>(arguments.integer("port", 0));
    target.path = arguments.text("path", "/submit");
    target.secret = arguments.required("secret");
    target.tls = trustingContext(arguments.required("ca-file"));
    const std::int64_t singleFileBytes = arguments.integer("single-file-bytes", 0);
    if (singleFileBytes > 0)
        return runSingleFile(target, static_cast<std::uint64_t>(singleFileBytes));
    return runSmallFiles(target, arguments);
}

} // namespace

int main(int argc, char** argv)
{
    std::signal(SIGPIPE, SIG_IGN);
    Poco::Net::initializeSSL();
    int status = 1;
    try
    {
        status = run(BenchArguments(argc, argv,
                                    {"host", "port", "path", "secret", "ca-file", "clients", "file-bytes",
                                     "seconds", "warmup-seconds", "single-file-bytes"}));
    }
    catch (const Poco::Exception& error)
    {
        std::cerr << "switchyard-bench-submit: " << error.displayText() << "\n";
    }
    Poco::Net::uninitializeSSL();
    return status;
}
