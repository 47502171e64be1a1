// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/Net/NameValueCollection.h>

#include <cstdint>
#include <optional>
#include <string>

namespace switchyard::plugins::support
{

/// Strict reads of request parameters. A value that is present but malformed is an error the
/// caller answers with 400 INVALID_PARAMETER and the message from error().
class RequestParameters
{
public:
    explicit RequestParameters(const Poco::Net::NameValueCollection& parameters) : _parameters(parameters) {}

    /// The value of `name`, if present. With several values, the first.
    std::optional<std::string> text(const std::string& name) const;

    /// The decimal integer `name` in [minimum, maximum], `fallback` when absent; nothing (and
    /// error() set) when malformed or out of range.
    std::optional<std::int64_t> integer(const std::string& name, std::int64_t fallback, std::int64_t minimum,
                                        std::int64_t maximum);

    /// "true"/"false" (any case, also 1/0, yes/no), `fallback` when absent; nothing (and
    /// error() set) otherwise.
    std::optional<bool> boolean(const std::string& name, bool fallback);

    /// True when a SHA-256 hex string (64 hex digits, any case).
    static bool isSha256(const std::string& text);

    /// Why the last read failed.
    const std::string& error() const { return _error; }

private:
    const Poco::Net::NameValueCollection& _parameters;
    std::string _error;
};

} // namespace switchyard::plugins::support
