// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "DaemonProcess.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/Thread.h>

#include <fcntl.h>
#include <signal.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace switchyard::testsupport
{

DaemonProcess::DaemonProcess(const std::string& daemon, const std::vector<std::string>& arguments,
                             std::string logFile)
    : _logFile(std::move(logFile))
{
    std::vector<std::string> argv{daemon};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    pid_t pid = ::fork();
    if (pid < 0)
        throw Poco::SystemException("fork failed");
    if (pid == 0)
    {
        int log = ::open(_logFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (log >= 0)
        {
            ::dup2(log, 1);
            ::dup2(log, 2);
            ::close(log);
        }
        std::vector<char*> pointers;
        for (auto& argument : argv)
            pointers.push_back(argument.data());
        pointers.push_back(nullptr);
        ::execv(daemon.c_str(), pointers.data());
        ::_exit(127);
    }
    _pid = pid;
}

DaemonProcess::~DaemonProcess()
{
    if (isRunning())
    {
        ::kill(_pid, SIGKILL);
        waitForExit(10000);
    }
}

bool DaemonProcess::waitUntilReady(const std::string& readyFile, int timeoutMs)
{
    for (int waited = 0; waited < timeoutMs; waited += 20)
    {
        if (Poco::File(readyFile).exists())
        {
            Poco::FileInputStream in(readyFile);
            Poco::JSON::Object::Ptr ready = Poco::JSON::Parser().parse(in).extract<Poco::JSON::Object::Ptr>();
            _httpPort = static_cast<std::uint16_t>(ready->getValue<int>("httpPort"));
            _httpsPort = static_cast<std::uint16_t>(ready->getValue<int>("httpsPort"));
            return true;
        }
        if (!isRunning())
            return false;
        Poco::Thread::sleep(20);
    }
    return false;
}

void DaemonProcess::signal(int signal) const
{
    if (_pid > 0)
        ::kill(_pid, signal);
}

bool DaemonProcess::isRunning()
{
    if (_pid <= 0 || _exitStatus != -1)
        return false;
    int status = 0;
    pid_t result = ::waitpid(_pid, &status, WNOHANG);
    if (result == 0)
        return true;
    _exitStatus = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return false;
}

int DaemonProcess::waitForExit(int timeoutMs)
{
    for (int waited = 0; isRunning(); waited += 10)
    {
        if (waited >= timeoutMs)
            return -1;
        Poco::Thread::sleep(10);
    }
    return _exitStatus;
}

std::string DaemonProcess::output() const
{
    std::ostringstream text;
    if (Poco::File(_logFile).exists())
    {
        Poco::FileInputStream in(_logFile);
        Poco::StreamCopier::copyStream(in, text);
    }
    return text.str();
}

int DaemonProcess::run(const std::string& daemon, const std::vector<std::string>& arguments,
                       const std::string& logFile, std::string& output, int timeoutMs)
{
    DaemonProcess process(daemon, arguments, logFile);
    int status = process.waitForExit(timeoutMs);
    output = process.output();
    return status;
}

std::uint64_t DaemonProcess::residentBytes() const
{
    Poco::FileInputStream status("/proc/" + std::to_string(_pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return Poco::NumberParser::parseUnsigned64(Poco::trim(line.substr(6, line.find("kB") - 6))) *
                   1024;
    return 0;
}

} // namespace switchyard::testsupport
