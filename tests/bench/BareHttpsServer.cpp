// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
//
// The baseline of the /submit-result benchmark: a bare POCO HTTPS server that answers every
// request with one constant JSON body (a real /submit-result answer, captured by
// run-benchmarks.sh), with the daemon's TLS context and HTTPServerParams (kernel/src/
// HttpListeners.cpp) and the same response headers. The difference to the daemon is then exactly
// the request pipeline, authentication, the endpoint and the storage lookups.
//
//   switchyard-bench-bare-https --certificate F --private-key F --body-file F --ready-file F
//       [--address 127.0.0.1] [--port 0] [--max-threads 16] [--max-queued 64]
//       [--keep-alive-timeout 10] [--max-keep-alive-requests 1000] [--receive-timeout 60]
//
// Serves until SIGTERM or SIGINT.

#include "BenchArguments.h"

#include <Poco/Exception.h>
#include <Poco/FileStream.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/NullStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/ThreadPool.h>

#include <csignal>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace
{

/// The kernel's default TLS 1.2 cipher list (ServerSettings.cpp, ModernCiphers).
constexpr const char* DaemonCiphers = "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                                      "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:"
                                      "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256";

class ConstantAnswerHandler : public Poco::Net::HTTPRequestHandler
{
public:
    explicit ConstantAnswerHandler(const std::string& body) : _body(body) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override
    {
        // Reads what a request carries, as the daemon does, so the connection stays usable.
        Poco::NullOutputStream sink;
        Poco::StreamCopier::copyStream(request.stream(), sink);
        response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength64(static_cast<Poco::UInt64>(_body.size()));
        response.set("Cache-Control", "no-store");
        response.set("X-Content-Type-Options", "nosniff");
        response.sendBuffer(_body.data(), _body.size());
    }

private:
    const std::string& _body;
};

class ConstantAnswerFactory : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    explicit ConstantAnswerFactory(std::string body) : _body(std::move(body)) {}

    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
    {
        return new ConstantAnswerHandler(_body);
    }

private:
    const std::string _body;
};

std::string readFile(const std::string& path)
{
    Poco::FileInputStream in(path);
    std::ostringstream text;
    Poco::StreamCopier::copyStream(in, text);
    return text.str();
}

/// Same parameters as the kernel's makeServerContext().
Poco::Net::Context::Ptr serverContext(const std::string& certificateFile, const std::string& privateKeyFile)
{
    Poco::Net::Context::Params params;
    params.privateKeyFile = privateKeyFile;
    params.certificateFile = certificateFile;
    params.verificationMode = Poco::Net::Context::VERIFY_NONE;
    params.loadDefaultCAs = false;
    params.cipherList = DaemonCiphers;
    params.dhUse2048Bits = true;
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
    context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
    context->preferServerCiphers();
    context->disableStatelessSessionResumption();
    return context;
}

int serve(const switchyard::bench::BenchArguments& arguments)
{
    const int maxThreads = static_cast<int>(arguments.integer("max-threads", 16));
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(maxThreads);
    params->setMaxQueued(static_cast<int>(arguments.integer("max-queued", 64)));
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(arguments.integer("keep-alive-timeout", 10), 0));
    params->setMaxKeepAliveRequests(static_cast<int>(arguments.integer("max-keep-alive-requests", 1000)));
    params->setTimeout(Poco::Timespan(arguments.integer("receive-timeout", 60), 0));
    params->setServerName("switchyard");
    params->setSoftwareVersion("switchyard");

    Poco::Net::SecureServerSocket socket(
        serverContext(arguments.required("certificate"), arguments.required("private-key")));
    socket.bind(Poco::Net::SocketAddress(arguments.text("address", "127.0.0.1"),
                                         static_cast<Poco::UInt16>(arguments.integer("port", 0))),
                true, false);
    socket.listen(128);
    // The kernel's pool: HttpListeners("http", 2, 2 * maxThreads + 2).
    Poco::ThreadPool threads("http", 2, 2 * maxThreads + 2);
    Poco::Net::HTTPServer server(new ConstantAnswerFactory(readFile(arguments.required("body-file"))),
                                 threads, socket, params);
    server.start();

    {
        Poco::FileOutputStream ready(arguments.required("ready-file"));
        ready << "{\"pid\": " << ::getpid() << ", \"httpPort\": 0, \"httpsPort\": " << socket.address().port()
              << "}\n";
    }

    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    int received = 0;
    sigwait(&stopSignals, &received);

    server.stop();
    server.stopAll(true);
    threads.joinAll();
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    // Blocked before any thread starts, so that only sigwait() above receives them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    Poco::Net::initializeSSL();
    int status = 0;
    try
    {
        status = serve(switchyard::bench::BenchArguments(
            argc, argv,
            {"certificate", "private-key", "body-file", "ready-file", "address", "port", "max-threads",
             "max-queued", "keep-alive-timeout", "max-keep-alive-requests", "receive-timeout"}));
    }
    catch (const Poco::Exception& error)
    {
        std::cerr << "switchyard-bench-bare-https: " << error.displayText() << "\n";
        status = 1;
    }
    Poco::Net::uninitializeSSL();
    return status;
}
