// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "BrokerDaemonTest.h"
#include "TestArchive.h"

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <gmock/gmock.h>

#include <atomic>
#include <map>

namespace switchyard::testsupport
{
namespace
{

using ::testing::HasSubstr;

/// The web server the broker downloads from, in the test process on 127.0.0.1.
class FileServer
{
public:
    /// With `tls`, the server speaks HTTPS.
    explicit FileServer(std::map<std::string, std::string> files, Poco::Net::Context::Ptr tls = nullptr)
        : _files(std::move(files)), _scheme(tls ? "https" : "http"),
          _socket(tls ? Poco::Net::ServerSocket(
                            Poco::Net::SecureServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0), 64, tls))
                      : Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0))),
          _server(new Factory(*this), _socket, new Poco::Net::HTTPServerParams)
    {
        _server.start();
    }
    ~FileServer() { _server.stopAll(true); }

    std::string url(const std::string& path) const
    {
        return _scheme + "://127.0.0.1:" + std::to_string(_socket.address().port()) + path;
    }
    std::uint16_t port() const { return _socket.address().port(); }
    int requests() const { return _requests; }

private:
    class Handler : public Poco::Net::HTTPRequestHandler
    {
    public:
        explicit Handler(FileServer& server) : _server(server) {}
        void handleRequest(Poco::Net::HTTPServerRequest& request,
                           Poco::Net::HTTPServerResponse& response) override
        {
            ++_server._requests;
            const std::string path = request.getURI();
            if (path == "/redirect")
                return redirect(response, "/sample.txt");
            if (path == "/to-metadata")
                return redirect(response, "http://169.254.169.254/latest/meta-data/");
            if (path == "/to-private")
                return redirect(response, "http://10.20.30.40:8080/internal");
            if (path == "/loop")
                return redirect(response, "/loop");
            auto it = _server._files.find(path);
            if (it == _server._files.end())
            {
                response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_FOUND);
                response.send() << "not here";
                return;
            }
            response.setContentType("application/octet-stream");
            response.setContentLength64(static_cast<Poco::Int64>(it->second.size()));
            response.send() << it->second;
        }

    private:
        static void redirect(Poco::Net::HTTPServerResponse& response, const std::string& location)
        {
            response.set("Location", location);
            response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_FOUND);
            response.setContentLength(0);
            response.send();
        }
        FileServer& _server;
    };

    class Factory : public Poco::Net::HTTPRequestHandlerFactory
    {
    public:
        explicit Factory(FileServer& server) : _server(server) {}
        Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
        {
            return new Handler(_server);
        }

    private:
        FileServer& _server;
    };

    std::map<std::string, std::string> _files;
    std::string _scheme;
    Poco::Net::ServerSocket _socket;
    Poco::Net::HTTPServer _server;
    std::atomic<int> _requests{0};
};

class UrlSubmitTest : public BrokerDaemonTest
{
protected:
    void SetUp() override
    {
        startBroker(false, "switchyard.instances.fetch.type = endpoint.submit\n"
                           "switchyard.instances.fetch.path = /submit-url\n"
                           "switchyard.instances.fetch.auth = auth\n"
                           "switchyard.instances.fetch.uses = db, samples\n"
                           "switchyard.instances.fetch.minFreeDiskMiB = 0\n"
                           "switchyard.instances.fetch.maxFileSizeInKilobytes = 64\n"
                           "switchyard.instances.fetch.urlAllowedDestinations = 127.0.0.0/8, ::1\n"
                           "switchyard.instances.fetch.urlMaxRedirects = 3\n"
                           "switchyard.instances.tls.type = endpoint.submit\n"
                           "switchyard.instances.tls.path = /submit-tls\n"
                           "switchyard.instances.tls.auth = auth\n"
                           "switchyard.instances.tls.uses = db, samples\n"
                           "switchyard.instances.tls.minFreeDiskMiB = 0\n"
                           "switchyard.instances.tls.urlAllowedDestinations = 127.0.0.1\n"
                           "switchyard.instances.tls.urlCaFile = " +
                               certificateFile() + "\n");
    }

    std::int64_t queueCount()
    {
        return read("/broker/system-info")
            .json()
            ->getObject("queueInfo")
            ->getValue<std::int64_t>("queueCount");
    }

    static void expectError(const HttpAnswer& answer, const std::string& code, const std::string& words)
    {
        ASSERT_EQ(answer.status, 400) << answer.body;
        auto error = answer.json()->getObject("error");
        EXPECT_EQ(error->getValue<std::string>("code"), code) << answer.body;
        EXPECT_THAT(error->getValue<std::string>("message"), HasSubstr(words));
    }

    const std::string sample = "a file the broker downloads itself\n";
    const std::string member = "a member of a downloaded archive\n";
    FileServer server{{{"/sample.txt", sample},
                       {"/bundle.tar.gz", TestArchive("ustar", "gzip").file("inside.txt", member).bytes()},
                       {"/large.bin", std::string(100 * 1024, 'L')}}};
};

TEST_F(UrlSubmitTest, LoopbackIsRefusedByDefaultWithAClearReason)
{
    expectError(submit(MultipartBody().field("url", server.url("/sample.txt"))), "URL_REFUSED", "loopback");
    expectError(submit(MultipartBody().field("url", "http://localhost:" + std::to_string(server.port()) +
                                                        "/sample.txt")),
                "URL_REFUSED", "loopback");
    expectError(submit(MultipartBody().field(
                    "url", "http://[::ffff:127.0.0.1]:" + std::to_string(server.port()) + "/")),
                "URL_REFUSED", "loopback");
    expectError(submit(MultipartBody().field("url", "http://169.254.169.254/latest/meta-data/")),
                "URL_REFUSED", "link-local");
    expectError(submit(MultipartBody().field("url", "ftp://127.0.0.1/file")), "INVALID_PARAMETER", "http");
    EXPECT_EQ(server.requests(), 0) << "nothing was fetched";
    EXPECT_EQ(queueCount(), 0);
}

TEST_F(UrlSubmitTest, AnAllowedDestinationIsDownloadedLikeAnUpload)
{
    HttpAnswer answer = submit(MultipartBody().field("url", server.url("/sample.txt")), "/submit-url");
    ASSERT_EQ(answer.status, 200) << answer.body;
    auto accepted = answer.json()->getArray("acceptedFiles");
    ASSERT_EQ(accepted->size(), 1u);
    EXPECT_EQ(accepted->getObject(0)->getValue<std::string>("submitName"), "sample.txt");
    EXPECT_EQ(accepted->getObject(0)->getValue<std::string>("sha256"), digest("SHA256", sample));

    HttpAnswer redirected = submit(MultipartBody().field("url", server.url("/redirect")), "/submit-url");
    ASSERT_EQ(redirected.status, 200) << redirected.body;
    EXPECT_EQ(redirected.json()->getArray("acceptedFiles")->getObject(0)->getValue<std::string>("sha256"),
              digest("SHA256", sample));

    HttpAnswer archive = submit(MultipartBody().field("url", server.url("/bundle.tar.gz")), "/submit-url");
    ASSERT_EQ(archive.status, 200) << archive.body;
    auto members = archive.json()->getArray("acceptedFiles");
    ASSERT_EQ(members->size(), 1u) << archive.body;
    EXPECT_EQ(members->getObject(0)->getValue<std::string>("submitName"), "inside.txt");
    EXPECT_EQ(members->getObject(0)->getValue<std::string>("sha256"), digest("SHA256", member));
    EXPECT_EQ(
        archive.json()->getArray("rejectedFiles")->getObject(0)->getValue<std::string>("rejectedReason"),
        "ARCHIVE_UNPACKED");

    HttpAnswer large = submit(MultipartBody().field("url", server.url("/large.bin")), "/submit-url");
    ASSERT_EQ(large.status, 200) << large.body;
    EXPECT_EQ(large.json()->getArray("rejectedFiles")->getObject(0)->getValue<std::string>("rejectedReason"),
              "TOO_LARGE_FILE");
    EXPECT_EQ(queueCount(), 3);
}

TEST_F(UrlSubmitTest, RedirectsAreCheckedAtEveryHop)
{
    const int before = server.requests();
    expectError(submit(MultipartBody().field("url", server.url("/to-metadata")), "/submit-url"),
                "URL_REFUSED", "169.254.169.254");
    expectError(submit(MultipartBody().field("url", server.url("/to-private")), "/submit-url"), "URL_REFUSED",
                "private");
    EXPECT_EQ(server.requests(), before + 2) << "only the first hops reached the test server";
    expectError(submit(MultipartBody().field("url", server.url("/loop")), "/submit-url"),
                "URL_DOWNLOAD_FAILED", "redirects");
    expectError(submit(MultipartBody().field("url", server.url("/missing")), "/submit-url"),
                "URL_DOWNLOAD_FAILED", "404");
    EXPECT_EQ(queueCount(), 0);
}

TEST_F(UrlSubmitTest, HttpsDownloadsCheckTheServerCertificate)
{
    Poco::Net::Context::Ptr tls =
        new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, privateKeyFile(), certificateFile(), "",
                               Poco::Net::Context::VERIFY_NONE);
    FileServer secure({{"/sample.txt", sample}}, tls);
    HttpAnswer trusted = submit(MultipartBody().field("url", secure.url("/sample.txt")), "/submit-tls");
    ASSERT_EQ(trusted.status, 200) << trusted.body;
    EXPECT_EQ(trusted.json()->getArray("acceptedFiles")->getObject(0)->getValue<std::string>("sha256"),
              digest("SHA256", sample));
    // The other endpoint does not trust the test certificate.
    expectError(submit(MultipartBody().field("url", secure.url("/sample.txt")), "/submit-url"),
                "URL_DOWNLOAD_FAILED", "url:");
    EXPECT_EQ(queueCount(), 1);
}

} // namespace
} // namespace switchyard::testsupport
