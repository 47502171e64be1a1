// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/ConfigErrorReporter.h"
#include "switchyard/plugin/PluginContext.h"

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Util/AbstractConfiguration.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace switchyard::plugin
{

/// Typed, validated reads of a configuration block. Every failure goes through
/// ConfigErrorReporter::configError (a PluginContext is one), so the message names the file
/// and the full key.
/// Cheap to make; holds references to the view and the context.
class ConfigReader
{
public:
    ConfigReader(const Poco::Util::AbstractConfiguration& config, const ConfigErrorReporter& errors)
        : _config(config), _errors(errors)
    {
    }

    /// True when `key` is set in the block.
    bool has(const std::string& key) const { return _config.hasProperty(key); }

    /// The value of `key`, trimmed. Throws (configError) when missing or empty.
    std::string requiredString(const std::string& key) const
    {
        if (!_config.hasProperty(key))
            report(key, "is required");
        std::string value = Poco::trim(_config.getString(key));
        if (value.empty())
            report(key, "must not be empty");
        return value;
    }

    /// The value of `key`, trimmed, or `fallback` when missing.
    std::string getString(const std::string& key, const std::string& fallback) const
    {
        return _config.hasProperty(key) ? Poco::trim(_config.getString(key)) : fallback;
    }

    /// The integer value of `key` (decimal), or `fallback` when missing. Throws (configError)
    /// when it is not an integer or lies outside [minimum, maximum].
    std::int64_t getInteger(const std::string& key, std::int64_t fallback,
                            std::int64_t minimum = std::numeric_limits<std::int64_t>::min(),
                            std::int64_t maximum = std::numeric_limits<std::int64_t>::max()) const
    {
        if (!_config.hasProperty(key))
            return fallback;
        std::string text = Poco::trim(_config.getString(key));
        Poco::Int64 value = 0;
        if (!Poco::NumberParser::tryParse64(text, value))
            report(key, "expected an integer, got '" + text + "'");
        if (value < minimum || value > maximum)
            report(key, "must be between " + std::to_string(minimum) + " and " + std::to_string(maximum) +
                            ", got " + text);
        return value;
    }

    /// The boolean value of `key` (true/false, yes/no, on/off, 1/0), or `fallback` when
    /// missing. Throws (configError) for anything else.
    bool getBool(const std::string& key, bool fallback) const
    {
        if (!_config.hasProperty(key))
            return fallback;
        std::string text = Poco::toLower(Poco::trim(_config.getString(key)));
        if (text == "true" || text == "yes" || text == "on" || text == "1")
            return true;
        if (text == "false" || text == "no" || text == "off" || text == "0")
            return false;
        report(key, "expected true or false, got '" + text + "'");
    }

    /// The comma-separated list in `key`, each item trimmed, empty items dropped; empty when
    /// the key is missing.
    std::vector<std::string> getList(const std::string& key) const
    {
        std::vector<std::string> items;
        if (!_config.hasProperty(key))
            return items;
        Poco::StringTokenizer tokens(_config.getString(key), ",",
                                     Poco::StringTokenizer::TOK_TRIM |
                                         Poco::StringTokenizer::TOK_IGNORE_EMPTY);
        items.assign(tokens.begin(), tokens.end());
        return items;
    }

    /// The keys directly below `key` in the block ("keys" of "keys.alice.secret" gives "alice").
    std::vector<std::string> subKeys(const std::string& key) const
    {
        Poco::Util::AbstractConfiguration::Keys keys;
        _config.keys(key, keys);
        return keys;
    }

    /// Reports a problem with `key` that the typed reads cannot see (configError).
    [[noreturn]] void fail(const std::string& key, const std::string& reason) const { report(key, reason); }

private:
    // Compilers do not trust [[noreturn]] on a virtual call; the throw makes it certain.
    [[noreturn]] void report(const std::string& key, const std::string& reason) const
    {
        _errors.configError(key, reason);
        throw Poco::IllegalStateException("ConfigErrorReporter::configError returned");
    }

    const Poco::Util::AbstractConfiguration& _config;
    const ConfigErrorReporter& _errors;
};

} // namespace switchyard::plugin
