// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "BrokerDaemonTest.h"

#include <Poco/Crypto/DigestEngine.h>

namespace switchyard::testsupport
{

std::string BrokerDaemonTest::brokerConfiguration(bool durable)
{
    std::string config = durable ? "switchyard.instances.db.type = storage.sqlite\n"
                                   "switchyard.instances.samples.type = blobs.filesystem\n"
                                   "switchyard.instances.samples.minFreeMiB = 0\n"
                                 : "switchyard.instances.db.type = storage.memory\n"
                                   "switchyard.instances.samples.type = blobs.memory\n";
    return config + "switchyard.instances.submit.type = endpoint.submit\n"
                    "switchyard.instances.submit.path = /submit\n"
                    "switchyard.instances.submit.auth = auth\n"
                    "switchyard.instances.submit.uses = db, samples\n"
                    "switchyard.instances.submit.minFreeDiskMiB = 0\n"
                    "switchyard.instances.submit.maxFileSizeInKilobytes = 4096\n"
                    "switchyard.instances.tiny.type = endpoint.submit\n"
                    "switchyard.instances.tiny.path = /submit-tiny\n"
                    "switchyard.instances.tiny.auth = auth\n"
                    "switchyard.instances.tiny.uses = db, samples\n"
                    "switchyard.instances.tiny.minFreeDiskMiB = 0\n"
                    "switchyard.instances.tiny.maxFileSizeInKilobytes = 1\n"
                    "switchyard.instances.bounded.type = endpoint.submit\n"
                    "switchyard.instances.bounded.path = /submit-bounded\n"
                    "switchyard.instances.bounded.auth = auth\n"
                    "switchyard.instances.bounded.uses = db, samples\n"
                    "switchyard.instances.bounded.minFreeDiskMiB = 0\n"
                    "switchyard.instances.bounded.maxQueued = 2\n"
                    "switchyard.instances.result.type = endpoint.submit-result\n"
                    "switchyard.instances.result.path = /submit-result\n"
                    "switchyard.instances.result.auth = auth\n"
                    "switchyard.instances.result.uses = db\n"
                    "switchyard.instances.file.type = endpoint.file\n"
                    "switchyard.instances.file.path = /file\n"
                    "switchyard.instances.file.auth = auth\n"
                    "switchyard.instances.file.uses = db, samples\n"
                    "switchyard.instances.brokerinfo.type = endpoint.system-info\n"
                    "switchyard.instances.brokerinfo.path = /broker/system-info\n"
                    "switchyard.instances.brokerinfo.auth = auth\n"
                    "switchyard.instances.brokerinfo.uses = db, samples\n";
}

void BrokerDaemonTest::startBroker(bool durable, const std::string& extra)
{
    extraPlugins = "switchyard-endpoint-submit, switchyard-endpoint-submit-result, switchyard-endpoint-file";
    if (durable)
        extraPlugins += ", switchyard-storage-sqlite, switchyard-blobs-filesystem";
    if (!additionalPlugins.empty())
        extraPlugins += ", " + additionalPlugins;
    startDaemon(brokerConfiguration(durable) + extra);
}

HttpAnswer BrokerDaemonTest::submit(const MultipartBody& body, const std::string& path)
{
    Poco::Net::NameValueCollection headers;
    headers.set("X-Api-Key", SubmitSecret);
    return httpsClient().post(path, body.contentType(), body.text(), headers);
}

HttpAnswer BrokerDaemonTest::read(const std::string& pathAndQuery)
{
    std::string separator = pathAndQuery.find('?') == std::string::npos ? "?" : "&";
    return httpsClient().get(pathAndQuery + separator + "serect=" + ReadSecret);
}

std::string BrokerDaemonTest::digest(const std::string& algorithm, const std::string& content)
{
    Poco::Crypto::DigestEngine engine(algorithm);
    engine.update(content);
    return Poco::Crypto::DigestEngine::digestToHex(engine.digest());
}

} // namespace switchyard::testsupport
