// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SwitchyardServer.h"

#include "Appliance.h"
#include "ConfigurationException.h"
#include "PluginCatalog.h"
#include "ServerSettings.h"
#include "switchyard/plugin/BuildId.h"
#include "switchyard/plugin/PluginAbi.h"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/PatternFormatter.h>
#include <Poco/Process.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/LoggingSubsystem.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <algorithm>
#include <csignal>
#include <iostream>

namespace switchyard::kernel
{

using Poco::Util::Application;
using Poco::Util::Option;

SwitchyardServer::SwitchyardServer()
{
    setUnixOptions(true);
    addSubsystem(new Poco::Util::LoggingSubsystem);
}

void SwitchyardServer::defineOptions(Poco::Util::OptionSet& options)
{
    ServerApplication::defineOptions(options);
    options.addOption(Option("help", "h", "print this help and exit"));
    options.addOption(Option("version", "", "print the version, plugin ABI version and build id, and exit"));
    options.addOption(Option("config", "c", "load the configuration FILE (then FILE.custom if present)")
                          .argument("FILE")
                          .repeatable(false));
    options.addOption(Option("define", "D", "override a configuration key (highest priority); repeatable")
                          .argument("key=value")
                          .repeatable(true));
    options.addOption(
        Option("check-config", "", "validate the configuration, print the instance graph and exit"));
    options.addOption(Option("list-plugins", "",
                             "load each library of the plugin folder (switchyard.plugins.directory of "
                             "--config, else the default), print its version and the types it registers, "
                             "and exit"));
}

void SwitchyardServer::handleOption(const std::string& name, const std::string& value)
{
    ServerApplication::handleOption(name, value);
    if (name == "help")
    {
        _helpRequested = true;
        stopOptionsProcessing();
    }
    else if (name == "version")
        _versionRequested = true;
    else if (name == "config")
        _configFile = value;
    else if (name == "check-config")
        _checkConfig = true;
    else if (name == "list-plugins")
        _listPlugins = true;
    else if (name == "define")
    {
        auto equals = value.find('=');
        if (equals == std::string::npos || equals == 0)
            _usageError = "-D expects key=value, got '" + value + "'";
        else
            _defines.emplace_back(value.substr(0, equals), value.substr(equals + 1));
    }
}

void SwitchyardServer::initialize(Application& self)
{
    if (!_helpRequested && !_versionRequested && _usageError.empty())
    {
        if (_configFile.empty())
        {
            if (!_listPlugins)
                _usageError = "--config FILE is required";
        }
        else
        {
            try
            {
                _sources = std::make_unique<ConfigurationSources>(_configFile);
                for (const auto& [key, value] : _defines)
                    _sources->define(key, value);
                // Shared with the application so the logging subsystem sees the logging.* keys.
                config().add(Poco::Util::AbstractConfiguration::Ptr(&_sources->config(), true),
                             PRIO_APPLICATION, false);
            }
            catch (const Poco::Exception& error)
            {
                _configError = error.message();
            }
        }
    }
    if (!_sources || !config().hasProperty("logging.loggers.root.channel"))
        configureDefaultLogging();
    try
    {
        ServerApplication::initialize(self);
    }
    catch (const Poco::Exception& error)
    {
        // The logging subsystem applies the logging.* keys here: an unknown channel class or
        // property is a configuration mistake like any other (exit status 78, on the console).
        if (!_sources)
            throw;
        configureDefaultLogging();
        if (_configError.empty())
            _configError = _sources->mainFile() + ": logging.*: " + error.displayText();
    }
}

void SwitchyardServer::configureDefaultLogging() const
{
    Poco::AutoPtr<Poco::PatternFormatter> formatter(
        new Poco::PatternFormatter("%Y-%m-%d %H:%M:%S.%i %p %s: %t"));
    Poco::AutoPtr<Poco::FormattingChannel> channel(
        new Poco::FormattingChannel(formatter, new Poco::ConsoleChannel));
    Poco::Logger::root().setChannel(channel);
    Poco::Logger::root().setLevel(Poco::Message::PRIO_INFORMATION);
}

void SwitchyardServer::printHelp() const
{
    Poco::Util::HelpFormatter help(options());
    help.setCommand(commandName());
    help.setUsage(
        "--config FILE.properties [-D key=value ...] [--check-config] | --list-plugins | --version");
    help.setHeader("Switchyard: a plugin-based file-analysis broker appliance.");
    help.setFooter("The configuration is FILE, then FILE.custom key by key, then -D options. "
                   "SIGTERM or SIGINT stops the daemon gracefully.");
    help.format(std::cout);
}

int SwitchyardServer::listPlugins()
{
    // The catalogue is the answer; the loader's "loaded ..." lines would only repeat it.
    Poco::Logger::get("switchyard.kernel.loader").setLevel(Poco::Message::PRIO_WARNING);
    try
    {
        std::string directory =
            ServerSettings::pluginDirectoryOf(_sources.get(), config().getString("application.dir"));
        auto entries = PluginCatalog::scan(directory);
        PluginCatalog::print(directory, entries, std::cout);
        bool refused = std::any_of(entries.begin(), entries.end(),
                                   [](const PluginCatalog::Entry& entry) { return !entry.refusal.empty(); });
        return refused ? EXIT_CONFIG : EXIT_OK;
    }
    catch (const Poco::Exception& error)
    {
        std::cerr << "switchyard: " << error.message() << "\n";
        return EXIT_CONFIG;
    }
}

int SwitchyardServer::main(const std::vector<std::string>& arguments)
{
    if (_helpRequested)
    {
        printHelp();
        return EXIT_OK;
    }
    if (_versionRequested)
    {
        std::cout << "switchyard " << SWITCHYARD_VERSION << "\nplugin ABI " << SWITCHYARD_PLUGIN_ABI_VERSION
                  << "\nbuild id " << SWITCHYARD_BUILD_ID << "\n";
        return EXIT_OK;
    }
    if (!arguments.empty() && _usageError.empty())
        _usageError = "unexpected argument '" + arguments.front() + "'";
    if (!_usageError.empty())
    {
        std::cerr << "switchyard: " << _usageError << " (see --help)\n";
        return EXIT_USAGE;
    }
    if (!_configError.empty())
    {
        std::cerr << "switchyard: " << _configError << "\n";
        return EXIT_CONFIG;
    }
    if (_listPlugins)
        return listPlugins();

    Poco::Logger& logger = Poco::Logger::get("switchyard.kernel");
    // A client that goes away mid-answer must not kill the daemon.
    std::signal(SIGPIPE, SIG_IGN);
    Poco::Net::initializeSSL();
    int status = EXIT_OK;
    try
    {
        Appliance appliance(*_sources, config().getString("application.dir"));
        if (_checkConfig)
        {
            std::cout << "configuration OK: " << _sources->mainFile();
            if (_sources->hasCustomFile())
                std::cout << " + " << _sources->customFile();
            std::cout << "\n";
            appliance.describe(std::cout);
        }
        else
        {
            appliance.start();
            logger.notice("switchyard %s serving (pid %d)", std::string(SWITCHYARD_VERSION),
                          static_cast<int>(Poco::Process::id()));
            waitForTerminationRequest();
            logger.notice("termination requested; shutting down");
            appliance.stop();
        }
    }
    catch (const ConfigurationException& error)
    {
        std::cerr << "switchyard: " << error.message() << "\n";
        status = EXIT_CONFIG;
    }
    catch (const Poco::LibraryLoadException& error)
    {
        std::cerr << "switchyard: cannot load plugin " << error.message() << "\n";
        status = EXIT_CONFIG;
    }
    catch (const Poco::Exception& error)
    {
        std::cerr << "switchyard: " << error.displayText() << "\n";
        status = EXIT_SOFTWARE;
    }
    catch (const std::exception& error)
    {
        std::cerr << "switchyard: " << error.what() << "\n";
        status = EXIT_SOFTWARE;
    }
    Poco::Net::uninitializeSSL();
    if (status == EXIT_OK && !_checkConfig)
        logger.notice("stopped");
    return status;
}

} // namespace switchyard::kernel
