// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ReferenceNode.h"

#include "DaemonTest.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>

#include <csignal>
#include <sys/stat.h>
#include <vector>

namespace switchyard::testsupport
{

ReferenceNode::ReferenceNode(std::string folder, std::uint16_t port) : _folder(std::move(folder)), _port(port)
{
    Poco::File(_folder).createDirectories();
    std::string secretFile = _folder + "/broker.secret";
    {
        Poco::FileOutputStream out(secretFile);
        out << Secret;
    }
    ::chmod(secretFile.c_str(), 0600);
}

ReferenceNode::~ReferenceNode()
{
    if (_process && _process->isRunning())
    {
        _process->signal(SIGTERM);
        if (_process->waitForExit(20000) < 0)
            kill();
    }
}

void ReferenceNode::callBack(const std::string& url, const std::string& secret, const std::string& caFile)
{
    _callbackUrl = url;
    _callbackSecret = secret;
    _callbackCaFile = caFile;
}

bool ReferenceNode::start(std::string& error)
{
    const std::string readyFile = _folder + "/ready.json";
    if (Poco::File(readyFile).exists())
        Poco::File(readyFile).remove();
    std::vector<std::string> arguments{
        "--config", SWITCHYARD_ETC_DIR "/node.properties",
        "-D",       "switchyard.dataDir=" + _folder,
        "-D",       "switchyard.plugins.directory=" SWITCHYARD_PLUGIN_DIR,
        "-D",       "switchyard.server.https.address=127.0.0.1",
        "-D",       "switchyard.server.https.port=" + std::to_string(_port),
        "-D",       "switchyard.server.https.certificateFile=" + DaemonTest::certificateFile(),
        "-D",       "switchyard.server.https.privateKeyFile=" + DaemonTest::privateKeyFile(),
        "-D",       "switchyard.server.readyFile=" + readyFile,
        "-D",       "switchyard.instances.files.minFreeMiB=0"};
    if (!_callbackUrl.empty())
    {
        for (const std::string& setting : {"switchyard.instances.node.callbackUrl=" + _callbackUrl,
                                           "switchyard.instances.node.callbackSecret=" + _callbackSecret,
                                           "switchyard.instances.node.callbackCaFile=" + _callbackCaFile})
        {
            arguments.push_back("-D");
            arguments.push_back(setting);
        }
    }
    _process.reset();
    _process = std::make_unique<DaemonProcess>(SWITCHYARD_DAEMON, arguments, _folder + "/node.log");
    if (!_process->waitUntilReady(readyFile, 30000))
    {
        error = "the reference node in " + _folder + " did not come up:\n" + _process->output();
        return false;
    }
    _port = _process->httpsPort();
    return true;
}

void ReferenceNode::kill()
{
    if (!_process)
        return;
    _process->signal(SIGKILL);
    _process->waitForExit(10000);
}

bool ReferenceNode::isRunning()
{
    return _process && _process->isRunning();
}

std::string ReferenceNode::output() const
{
    return _process ? _process->output() : "";
}

} // namespace switchyard::testsupport
