// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/AutoPtr.h>
#include <Poco/Util/LayeredConfiguration.h>
#include <Poco/Util/MapConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <string>

namespace switchyard::kernel
{

/// The layered configuration of one run and where each value came from: the main
/// `.properties` file, then its `.custom` sibling (key by key), then `-D key=value` options.
/// Errors about a key name the layer that holds it.
class ConfigurationSources
{
public:
    /// Loads `path` and, when present, `path + ".custom"`. Throws ConfigurationException naming
    /// the file when one cannot be read or parsed.
    explicit ConfigurationSources(const std::string& path);

    /// Adds a `-D key=value` override (highest priority).
    void define(const std::string& key, const std::string& value);

    /// The merged view, highest priority first. Lives as long as this object.
    Poco::Util::AbstractConfiguration& config() { return *_layered; }
    const Poco::Util::AbstractConfiguration& config() const { return *_layered; }

    /// Where `key` is set: "command line -D", the custom file's path, or the main file's path (also when
    /// the key is set nowhere, since that is where it belongs).
    std::string sourceOf(const std::string& key) const;

    /// Throws ConfigurationException with "<source>: <key>: <reason>".
    [[noreturn]] void fail(const std::string& key, const std::string& reason) const;

    /// The main file's absolute path.
    const std::string& mainFile() const { return _mainPath; }

    /// The custom file's path, whether or not it exists.
    const std::string& customFile() const { return _customPath; }

    /// True when the custom file exists and was loaded.
    bool hasCustomFile() const { return !_custom.isNull(); }

private:
    std::string _mainPath;
    std::string _customPath;
    Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> _main;
    Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> _custom;
    Poco::AutoPtr<Poco::Util::MapConfiguration> _defines;
    Poco::AutoPtr<Poco::Util::LayeredConfiguration> _layered;
};

} // namespace switchyard::kernel
