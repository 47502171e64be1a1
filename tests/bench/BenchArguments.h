// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>

namespace switchyard::bench
{

/// The `--name value` options of a benchmark tool. Every option takes a value; unknown or
/// malformed ones are Poco::InvalidArgumentException, so a typo in run-benchmarks.sh fails loudly
/// instead of measuring the default.
class BenchArguments
{
public:
    /// Parses argv[1..]; `known` lists the accepted names (without "--").
    BenchArguments(int argc, char** argv, std::initializer_list<const char*> known);

    /// The value of `name`; throws Poco::InvalidArgumentException when missing.
    std::string required(const std::string& name) const;

    std::string text(const std::string& name, const std::string& fallback) const;
    std::int64_t integer(const std::string& name, std::int64_t fallback) const;
    double number(const std::string& name, double fallback) const;

private:
    std::map<std::string, std::string> _values;
};

} // namespace switchyard::bench
