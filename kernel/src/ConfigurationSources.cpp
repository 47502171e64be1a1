// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ConfigurationSources.h"

#include "ConfigurationException.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/Util/SystemConfiguration.h>

namespace switchyard::kernel
{

namespace
{

Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> loadFile(const std::string& path)
{
    if (!Poco::File(path).exists())
        throw ConfigurationException(path + ": no such configuration file");
    try
    {
        return new Poco::Util::PropertyFileConfiguration(path);
    }
    catch (const Poco::Exception& error)
    {
        throw ConfigurationException(path + ": cannot read: " + error.displayText());
    }
}

} // namespace

ConfigurationSources::ConfigurationSources(const std::string& path)
    : _mainPath(Poco::Path(path).makeAbsolute().toString()), _customPath(_mainPath + ".custom"),
      _defines(new Poco::Util::MapConfiguration), _layered(new Poco::Util::LayeredConfiguration)
{
    _main = loadFile(_mainPath);
    // LayeredConfiguration looks keys up in ascending priority order: lowest number wins.
    _layered->add(_defines, -200, false);
    if (Poco::File(_customPath).exists())
    {
        _custom = loadFile(_customPath);
        _layered->add(_custom, -100, false);
    }
    _layered->add(_main, 0, false);
    // Lowest: system.* (environment, host name), so files may use ${system.env.HOME} and alike.
    _layered->add(new Poco::Util::SystemConfiguration, 100, false);
}

void ConfigurationSources::define(const std::string& key, const std::string& value)
{
    _defines->setString(key, value);
}

std::string ConfigurationSources::sourceOf(const std::string& key) const
{
    if (_defines->hasProperty(key))
        return "command line -D";
    if (!_custom.isNull() && _custom->hasProperty(key))
        return _customPath;
    return _mainPath;
}

void ConfigurationSources::fail(const std::string& key, const std::string& reason) const
{
    throw ConfigurationException(sourceOf(key) + ": " + key + ": " + reason);
}

} // namespace switchyard::kernel
