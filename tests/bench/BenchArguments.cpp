// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "BenchArguments.h"

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>

#include <algorithm>
#include <string_view>

namespace switchyard::bench
{

BenchArguments::BenchArguments(int argc, char** argv, std::initializer_list<const char*> known)
{
    for (int index = 1; index < argc; index += 2)
    {
        std::string_view option(argv[index]);
        if (option.substr(0, 2) != "--")
            throw Poco::InvalidArgumentException("expected an option --name, got '" + std::string(option) +
                                                 "'");
        std::string name(option.substr(2));
        if (std::none_of(known.begin(), known.end(),
                         [&name](const char* candidate) { return name == candidate; }))
            throw Poco::InvalidArgumentException("unknown option --" + name);
        if (index + 1 >= argc)
            throw Poco::InvalidArgumentException("option --" + name + " needs a value");
        _values[name] = argv[index + 1];
    }
}

std::string BenchArguments::required(const std::string& name) const
{
    auto found = _values.find(name);
    if (found == _values.end())
        throw Poco::InvalidArgumentException("option --" + name + " is required");
    return found->second;
}

std::string BenchArguments::text(const std::string& name, const std::string& fallback) const
{
    auto found = _values.find(name);
    return found == _values.end() ? fallback : found->second;
}

std::int64_t BenchArguments::integer(const std::string& name, std::int64_t fallback) const
{
    auto found = _values.find(name);
    if (found == _values.end())
        return fallback;
    Poco::Int64 value = 0;
    if (!Poco::NumberParser::tryParse64(found->second, value))
        throw Poco::InvalidArgumentException("option --" + name + ": expected an integer, got '" +
                                             found->second + "'");
    return value;
}

double BenchArguments::number(const std::string& name, double fallback) const
{
    auto found = _values.find(name);
    if (found == _values.end())
        return fallback;
    double value = 0;
    if (!Poco::NumberParser::tryParseFloat(found->second, value))
        throw Poco::InvalidArgumentException("option --" + name + ": expected a number, got '" +
                                             found->second + "'");
    return value;
}

} // namespace switchyard::bench
