// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "DaemonTest.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Net/Context.h>

#include <cstdlib>
#include <signal.h>

namespace switchyard::testsupport
{

namespace
{

struct TestCertificate
{
    TestCertificate()
    {
        certificate = directory.file("server.pem");
        key = directory.file("server.key");
        std::string command = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1"
                              " -addext subjectAltName=IP:127.0.0.1 -keyout " +
                              key + " -out " + certificate + " >/dev/null 2>&1";
        if (std::system(command.c_str()) != 0)
            throw Poco::RuntimeException("cannot make a test certificate: " + command);
    }
    TemporaryDirectory directory;
    std::string certificate;
    std::string key;
};

const TestCertificate& testCertificate()
{
    static const TestCertificate certificate;
    return certificate;
}

} // namespace

const std::string& DaemonTest::certificateFile()
{
    return testCertificate().certificate;
}

const std::string& DaemonTest::privateKeyFile()
{
    return testCertificate().key;
}

std::string DaemonTest::configuration(const std::string& extra) const
{
    return std::string("switchyard.dataDir = ") + directory.file("data") +
           "\n"
           "switchyard.plugins.directory = " SWITCHYARD_PLUGIN_DIR "\n"
           "switchyard.plugins.load = switchyard-auth-secret, switchyard-storage-memory, "
           "switchyard-blobs-memory, "
           "switchyard-endpoint-system-info, " SWITCHYARD_FIXTURE_PLUGIN_DIR "/fixture-good.so" +
           (extraPlugins.empty() ? "" : ", " + extraPlugins) +
           "\n"
           "switchyard.server.http.enabled = true\n"
           "switchyard.server.http.port = 0\n"
           "switchyard.server.https.port = 0\n"
           "switchyard.server.https.certificateFile = " +
           certificateFile() + "\nswitchyard.server.https.privateKeyFile = " + privateKeyFile() +
           "\n"
           "switchyard.server.readyFile = " +
           directory.file("ready.json") +
           "\n"
           "switchyard.server.shutdownGraceSeconds = 10\n"
           "switchyard.instances.auth.type = auth.secret\n"
           "switchyard.instances.auth.keys = reader, submitter, operator\n"
           "switchyard.instances.auth.keys.reader.secret = " +
           ReadSecret +
           "\n"
           "switchyard.instances.auth.keys.reader.level = read\n"
           "switchyard.instances.auth.keys.submitter.secret = " +
           SubmitSecret +
           "\n"
           "switchyard.instances.auth.keys.submitter.level = submit\n"
           "switchyard.instances.auth.keys.operator.secret = " +
           AdminSecret +
           "\n"
           "switchyard.instances.auth.keys.operator.level = admin\n"
           "switchyard.instances.store.type = storage.memory\n"
           "switchyard.instances.blobs.type = blobs.memory\n"
           "switchyard.instances.info.type = endpoint.system-info\n"
           "switchyard.instances.info.path = /system-info\n"
           "switchyard.instances.info.auth = auth\n"
           "switchyard.instances.info.uses = store, blobs\n"
           "switchyard.instances.admininfo.type = endpoint.system-info\n"
           "switchyard.instances.admininfo.path = /admin/system-info\n"
           "switchyard.instances.admininfo.auth = auth\n"
           "switchyard.instances.admininfo.level = admin\n"
           "switchyard.instances.admininfo.uses = store\n"
           "switchyard.instances.echo.type = endpoint.fixture-echo\n"
           "switchyard.instances.echo.path = /echo\n"
           "switchyard.instances.echo.auth = auth\n"
           "switchyard.instances.echo.maxBodyBytes = 4096\n"
           "switchyard.instances.sleep.type = endpoint.fixture-sleep\n"
           "switchyard.instances.sleep.path = /sleep\n"
           "switchyard.instances.sleep.public = true\n"
           "switchyard.instances.throw.type = endpoint.fixture-throw\n"
           "switchyard.instances.throw.path = /throw\n"
           "switchyard.instances.throw.public = true\n"
           "switchyard.instances.silent.type = endpoint.fixture-silent\n"
           "switchyard.instances.silent.path = /silent\n"
           "switchyard.instances.silent.public = true\n" +
           extra;
}

void DaemonTest::startDaemon(const std::string& extra)
{
    directory.write("switchyard.properties", configuration(extra));
    restartDaemon();
}

void DaemonTest::restartDaemon()
{
    std::string config = directory.file("switchyard.properties");
    if (Poco::File(directory.file("ready.json")).exists())
        Poco::File(directory.file("ready.json")).remove();
    daemon.reset();
    daemon = std::make_unique<DaemonProcess>(SWITCHYARD_DAEMON, std::vector<std::string>{"--config", config},
                                             directory.file("daemon.log"));
    ASSERT_TRUE(daemon->waitUntilReady(directory.file("ready.json"), 30000))
        << "the daemon did not come up:\n"
        << daemon->output();
}

HttpTestClient DaemonTest::httpClient() const
{
    return HttpTestClient("127.0.0.1", daemon->httpPort());
}

HttpTestClient DaemonTest::httpsClient() const
{
    return HttpTestClient("127.0.0.1", daemon->httpsPort(), trustingContext());
}

Poco::Net::Context::Ptr DaemonTest::trustingContext() const
{
    Poco::Net::Context::Params params;
    params.caLocation = certificateFile();
    params.verificationMode = Poco::Net::Context::VERIFY_RELAXED;
    params.loadDefaultCAs = false;
    return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
}

void DaemonTest::TearDown()
{
    if (daemon && daemon->isRunning())
    {
        daemon->signal(SIGTERM);
        EXPECT_EQ(daemon->waitForExit(30000), 0) << daemon->output();
    }
    if (daemon)
    {
        // No secret may ever reach a log line.
        std::string output = daemon->output();
        for (const char* secret : {ReadSecret, SubmitSecret, AdminSecret})
            EXPECT_EQ(output.find(secret), std::string::npos) << "a secret was logged:\n" << output;
    }
}

} // namespace switchyard::testsupport
