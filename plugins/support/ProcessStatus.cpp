// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ProcessStatus.h"

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include <algorithm>
#include <fstream>
#include <sys/resource.h>

namespace switchyard::plugins::support
{

namespace
{

constexpr std::uint64_t BytesPerKilobyte = 1024;

std::optional<std::uint64_t> addressSpaceLimit()
{
    struct rlimit limit = {};
    if (::getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return std::nullopt;
    return static_cast<std::uint64_t>(limit.rlim_cur);
}

} // namespace

ProcessStatus::ProcessStatus(std::string statusPath, std::string meminfoPath)
    : _statusPath(std::move(statusPath)), _meminfoPath(std::move(meminfoPath))
{
}

ProcessStatus::Figures ProcessStatus::read() const
{
    // The kernel writes "kB" and means KiB.
    Figures figures;
    figures.residentBytes = readField(_statusPath, "VmRSS") * BytesPerKilobyte;
    figures.threads = readField(_statusPath, "Threads");
    figures.availableBytes = readField(_meminfoPath, "MemAvailable") * BytesPerKilobyte;
    figures.totalBytes = readField(_meminfoPath, "MemTotal") * BytesPerKilobyte;
    figures.maximumBytes = std::min(figures.totalBytes, addressSpaceLimit().value_or(figures.totalBytes));
    return figures;
}

std::optional<std::uint64_t> ProcessStatus::findValue(std::istream& text, const std::string& field)
{
    const std::string prefix = field + ":";
    std::string line;
    while (std::getline(text, line))
    {
        if (line.compare(0, prefix.size(), prefix) != 0)
            continue;
        std::string value = Poco::trim(line.substr(prefix.size()));
        const std::size_t unit = value.find(' ');
        if (unit != std::string::npos)
            value.erase(unit);
        Poco::UInt64 number = 0;
        if (!Poco::NumberParser::tryParseUnsigned64(value, number))
            return std::nullopt;
        return static_cast<std::uint64_t>(number);
    }
    return std::nullopt;
}

std::uint64_t ProcessStatus::readField(const std::string& path, const std::string& field)
{
    std::ifstream file(path);
    if (!file)
        throw Poco::FileException("cannot read", path);
    const std::optional<std::uint64_t> value = findValue(file, field);
    if (!value)
        throw Poco::DataFormatException("no " + field + " in", path);
    return *value;
}

} // namespace switchyard::plugins::support
