// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ProcessMemory.h"

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include <algorithm>
#include <fstream>
#include <sys/resource.h>

namespace switchyard::plugins::systeminfo
{

ProcessMemory::ProcessMemory(std::string statusPath, std::string meminfoPath)
    : _statusPath(std::move(statusPath)), _meminfoPath(std::move(meminfoPath))
{
}

ProcessMemory::Figures ProcessMemory::read() const
{
    Figures figures;
    figures.residentBytes = readField(_statusPath, "VmRSS");
    figures.availableBytes = readField(_meminfoPath, "MemAvailable");
    figures.totalBytes = readField(_meminfoPath, "MemTotal");
    figures.maximumBytes = std::min(figures.totalBytes, addressSpaceLimit().value_or(figures.totalBytes));
    return figures;
}

std::optional<std::uint64_t> ProcessMemory::findKilobytes(std::istream& text, const std::string& field)
{
    const std::string prefix = field + ":";
    std::string line;
    while (std::getline(text, line))
    {
        if (line.compare(0, prefix.size(), prefix) != 0)
            continue;
        std::string value = Poco::trim(line.substr(prefix.size()));
        // The kernel always writes "kB" (meaning KiB), but a bare number is read the same way.
        if (value.size() > 2 && Poco::icompare(value.substr(value.size() - 2), "kB") == 0)
            value = Poco::trimRight(value.substr(0, value.size() - 2));
        Poco::UInt64 kilobytes = 0;
        if (!Poco::NumberParser::tryParseUnsigned64(value, kilobytes))
            return std::nullopt;
        return static_cast<std::uint64_t>(kilobytes) * 1024;
    }
    return std::nullopt;
}

std::optional<std::uint64_t> ProcessMemory::addressSpaceLimit()
{
    struct rlimit limit = {};
    if (::getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return std::nullopt;
    return static_cast<std::uint64_t>(limit.rlim_cur);
}

std::uint64_t ProcessMemory::readField(const std::string& path, const std::string& field)
{
    std::ifstream file(path);
    if (!file)
        throw Poco::FileException("cannot read", path);
    const std::optional<std::uint64_t> value = findKilobytes(file, field);
    if (!value)
        throw Poco::DataFormatException("no " + field + " in", path);
    return *value;
}

} // namespace switchyard::plugins::systeminfo
