// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "ConfigurationSources.h"

#include <Poco/Util/ServerApplication.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace switchyard::kernel
{

/// The `switchyard` daemon: options, layered configuration, logging, and the lifecycle of
/// one Appliance from start-up to a graceful stop on SIGTERM/SIGINT.
class SwitchyardServer : public Poco::Util::ServerApplication
{
public:
    SwitchyardServer();

protected:
    void defineOptions(Poco::Util::OptionSet& options) override;
    void handleOption(const std::string& name, const std::string& value) override;
    void initialize(Poco::Util::Application& self) override;
    int main(const std::vector<std::string>& arguments) override;

private:
    void printHelp() const;
    void configureDefaultLogging() const;
    int listPlugins();

    std::string _configFile;
    std::vector<std::pair<std::string, std::string>> _defines;
    bool _helpRequested = false;
    bool _versionRequested = false;
    bool _checkConfig = false;
    bool _listPlugins = false;
    std::string _usageError;
    std::string _configError;
    std::unique_ptr<ConfigurationSources> _sources;
};

} // namespace switchyard::kernel
