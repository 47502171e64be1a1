// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "DaemonTest.h"

#include <Poco/File.h>
#include <gmock/gmock.h>

namespace switchyard::testsupport
{
namespace
{

using ::testing::HasSubstr;
using ::testing::Not;

constexpr int ExitConfig = 78;

class StartupErrorTest : public DaemonTest
{
protected:
    /// Runs the daemon with the standard configuration plus `extra`; returns its exit status.
    /// `custom`, when given, is the operator's .custom file, which overrides key by key.
    int run(const std::string& extra, const std::vector<std::string>& options = {},
            const std::string& custom = "")
    {
        configFile = directory.write("switchyard.properties", configuration(extra));
        if (Poco::File(configFile + ".custom").exists())
            Poco::File(configFile + ".custom").remove();
        if (!custom.empty())
            directory.write("switchyard.properties.custom", custom);
        std::vector<std::string> arguments{"--config", configFile};
        arguments.insert(arguments.end(), options.begin(), options.end());
        return DaemonProcess::run(SWITCHYARD_DAEMON, arguments, directory.file("run.log"), output);
    }

    std::string fixture(const std::string& name) const
    {
        return std::string(SWITCHYARD_FIXTURE_PLUGIN_DIR) + "/fixture-" + name + ".so";
    }

    /// Loads one more plugin library on top of the standard list.
    std::string loading(const std::string& library) const
    {
        return "switchyard.plugins.load = switchyard-auth-secret, switchyard-storage-memory, "
               "switchyard-blobs-memory, switchyard-endpoint-system-info, " +
               fixture("good") + ", " + library + "\n";
    }

    std::string configFile = directory.file("switchyard.properties");
    std::string output;
};

TEST_F(StartupErrorTest, CheckConfigPrintsTheGraphAndExitsZero)
{
    EXPECT_EQ(run("", {"--check-config"}), 0) << output;
    EXPECT_THAT(output, HasSubstr("configuration OK: " + configFile));
    EXPECT_THAT(output, HasSubstr("info (endpoint.system-info, from "));
    EXPECT_THAT(output, HasSubstr("uses store blobs auth"));
    EXPECT_THAT(output, HasSubstr("/system-info -> info [GET] level read"));
    EXPECT_THAT(output, HasSubstr("/sleep -> sleep [GET] public"));
}

TEST_F(StartupErrorTest, DefineOptionOverridesTheFile)
{
    EXPECT_EQ(run("", {"--check-config", "-D", "switchyard.instances.info.path=/status"}), 0) << output;
    EXPECT_THAT(output, HasSubstr("/status -> info"));
}

TEST_F(StartupErrorTest, ListPluginsShowsEachLibraryOfTheConfiguredFolder)
{
    EXPECT_EQ(run("", {"--list-plugins"}), 0) << output;
    EXPECT_THAT(output, HasSubstr("plugins in " SWITCHYARD_PLUGIN_DIR));
    EXPECT_THAT(output, HasSubstr("  switchyard-auth-secret.so: auth-secret "));
    EXPECT_THAT(output, HasSubstr(": storage.memory\n"));
    EXPECT_THAT(output, Not(HasSubstr("REFUSED")));
}

TEST_F(StartupErrorTest, ListPluginsFailsWhenALibraryWouldBeRefused)
{
    EXPECT_EQ(
        run("", {"--list-plugins", "-D", "switchyard.plugins.directory=" SWITCHYARD_FIXTURE_PLUGIN_DIR}),
        ExitConfig)
        << output;
    EXPECT_THAT(output, HasSubstr("  fixture-good.so: fixture-good 1.0.0: dispatch.fixture-first"));
    EXPECT_THAT(output, HasSubstr("  fixture-wrong-build-id.so: REFUSED: " SWITCHYARD_FIXTURE_PLUGIN_DIR
                                  "/fixture-wrong-build-id.so: not binary compatible: plugin built as "));
}

TEST_F(StartupErrorTest, ALoggingMistakeIsAConfigurationError)
{
    EXPECT_EQ(run("logging.loggers.root.channel = syslog\n"
                  "logging.channels.syslog.class = SyslogChanel\n"),
              ExitConfig)
        << output;
    EXPECT_THAT(output, HasSubstr("switchyard: " + configFile + ": logging.*: "));
    EXPECT_THAT(output, HasSubstr("SyslogChanel"));
}

struct BadPlugin
{
    const char* fixture;
    const char* reason;
};

class BadPluginTest : public StartupErrorTest, public ::testing::WithParamInterface<BadPlugin>
{
};

TEST_P(BadPluginTest, ExitsWithTheFileAndTheReason)
{
    EXPECT_EQ(run(loading(fixture(GetParam().fixture))), ExitConfig) << output;
    EXPECT_THAT(output, HasSubstr("switchyard: cannot load plugin " + fixture(GetParam().fixture) + ": "));
    EXPECT_THAT(output, HasSubstr(GetParam().reason));
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, BadPluginTest,
    ::testing::Values(BadPlugin{"wrong-abi", "plugin ABI version"},
                      BadPlugin{"wrong-build-id", "not binary compatible"},
                      BadPlugin{"no-entry", "no switchyard_plugin_v1 entry point"},
                      BadPlugin{"unresolved-symbol",
                                "undefined symbol: switchyard_fixture_symbol_nobody_defines"},
                      BadPlugin{"throwing-registration", "registration failed"},
                      BadPlugin{"registers-nothing", "registered no factories"},
                      BadPlugin{"duplicate-type", "type 'dispatch.fixture-first' is already registered by"},
                      BadPlugin{"missing", "no such file"}),
    [](const auto& info)
    {
        std::string name = info.param.fixture;
        std::replace(name.begin(), name.end(), '-', '_');
        return name;
    });

TEST_F(StartupErrorTest, AFactoryThatThrowsNamesTheInstance)
{
    EXPECT_EQ(run(loading(fixture("throwing-factory")) +
                  "switchyard.instances.bad.type = storage.fixture-throwing\n"),
              ExitConfig)
        << output;
    EXPECT_THAT(output, HasSubstr(configFile +
                                  ": switchyard.instances.bad.type: cannot create storage.fixture-throwing: "
                                  "I/O error: fixture storage cannot open its database"));
}

TEST_F(StartupErrorTest, ConfigurationMistakesNameFileAndKey)
{
    const std::string custom = configFile + ".custom";
    EXPECT_EQ(run("", {}, "switchyard.instances.echo.auth = auht\n"), ExitConfig);
    EXPECT_THAT(output,
                HasSubstr(custom +
                          ": switchyard.instances.echo.auth: unknown instance 'auht'; did you mean 'auth'?"));

    EXPECT_EQ(run("", {}, "switchyard.instances.store.type = storage.memroy\n"), ExitConfig);
    EXPECT_THAT(output, HasSubstr(custom +
                                  ": switchyard.instances.store.type: unknown type 'storage.memroy'; did you "
                                  "mean 'storage.memory'?"));

    EXPECT_EQ(run("", {}, "switchyard.instances.sleep.path = /echo\n"), ExitConfig);
    EXPECT_THAT(
        output,
        HasSubstr(custom +
                  ": switchyard.instances.sleep.path: '/echo' is already mounted by another endpoint"));

    EXPECT_EQ(run("switchyard.instances.echo.level = root\n"), ExitConfig);
    EXPECT_THAT(output, HasSubstr(configFile +
                                  ": switchyard.instances.echo.level: expected read, submit or admin, got "
                                  "'root'"));

    EXPECT_EQ(run("", {"-D", "switchyard.instances.info.auth="}), ExitConfig);
    EXPECT_THAT(output, HasSubstr("command line -D: switchyard.instances.info.auth: must not be empty"));
}

TEST_F(StartupErrorTest, AMissingConfigFileIsNamed)
{
    EXPECT_EQ(DaemonProcess::run(SWITCHYARD_DAEMON, {"--config", directory.file("absent.properties")},
                                 directory.file("run.log"), output),
              ExitConfig);
    EXPECT_THAT(output, HasSubstr(directory.file("absent.properties") + ": no such configuration file"));
}

TEST_F(StartupErrorTest, APortInUseIsReportedAndExitsNonZero)
{
    startDaemon();
    std::string taken = "switchyard.server.http.port = " + std::to_string(daemon->httpPort()) +
                        "\nswitchyard.server.readyFile = " + directory.file("ready2.json") + "\n";
    int status = run(taken);
    EXPECT_NE(status, 0);
    EXPECT_LT(status, 128) << "crashed: " << output;
    EXPECT_THAT(output, HasSubstr("in use"));
}

} // namespace
} // namespace switchyard::testsupport
