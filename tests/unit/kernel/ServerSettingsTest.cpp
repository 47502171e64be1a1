// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ServerSettings.h"

#include "ConfigurationException.h"
#include "ConfigurationSources.h"
#include "TemporaryDirectory.h"

#include <gtest/gtest.h>

namespace switchyard::kernel
{
namespace
{

class ServerSettingsTest : public ::testing::Test
{
protected:
    std::string errorOf(const std::string& properties)
    {
        file = directory.write("s.properties", properties);
        try
        {
            ConfigurationSources sources(file);
            settings = ServerSettings::read(sources, "/usr/bin/");
        }
        catch (const ConfigurationException& error)
        {
            return error.message();
        }
        return "";
    }

    testsupport::TemporaryDirectory directory;
    std::string file = directory.file("s.properties");
    ServerSettings settings;
};

TEST_F(ServerSettingsTest, ReadsDefaultsAndResolvesPathsAgainstTheFile)
{
    EXPECT_EQ(errorOf("switchyard.plugins.load = switchyard-auth-secret, /opt/x/custom.so\n"
                      "switchyard.dataDir = data\n"
                      "switchyard.server.https.enabled = false\n"
                      "switchyard.server.http.enabled = true\n"
                      "switchyard.server.http.port = 0\n"),
              "");
    EXPECT_EQ(settings.dataDirectory, directory.path() + "/data");
    EXPECT_EQ(settings.pluginFiles,
              (std::vector<std::string>{"/usr/lib/switchyard/plugins/switchyard-auth-secret.so",
                                        "/opt/x/custom.so"}));
    EXPECT_TRUE(settings.http.enabled);
    EXPECT_EQ(settings.http.port, 0);
    EXPECT_EQ(settings.maxRequestBodyBytes, 64u << 20);
}

TEST_F(ServerSettingsTest, ReferenceBrokerPortKeySetsTheHttpsPort)
{
    directory.write("c.pem", "x");
    EXPECT_EQ(errorOf("switchyard.plugins.load = a\nlistenServerPort = 24001\n"
                      "switchyard.server.https.certificateFile = "
                      "c.pem\nswitchyard.server.https.privateKeyFile = c.pem\n"),
              "");
    EXPECT_EQ(settings.https.port, 24001);
    EXPECT_EQ(settings.https.certificateFile, directory.path() + "/c.pem");
}

TEST_F(ServerSettingsTest, PluginListIsRequired)
{
    EXPECT_EQ(errorOf("switchyard.dataDir = /tmp\n"),
              file + ": switchyard.plugins.load: is required: list the plugin libraries to load");
}

TEST_F(ServerSettingsTest, BadPortIsNamed)
{
    EXPECT_EQ(errorOf("switchyard.plugins.load = a\nswitchyard.server.http.port = 70000\n"),
              file + ": switchyard.server.http.port: must be between 0 and 65535, got 70000");
}

TEST_F(ServerSettingsTest, HttpsNeedsACertificate)
{
    EXPECT_EQ(errorOf("switchyard.plugins.load = a\n"),
              file + ": switchyard.server.https.certificateFile: is required");
    EXPECT_EQ(errorOf("switchyard.plugins.load = a\nswitchyard.server.https.certificateFile = missing.pem\n"
                      "switchyard.server.https.privateKeyFile = missing.pem\n"),
              file + ": switchyard.server.https.certificateFile: no such file: " + directory.path() +
                  "/missing.pem");
}

TEST_F(ServerSettingsTest, SomeListenerMustBeEnabled)
{
    EXPECT_EQ(errorOf("switchyard.plugins.load = a\nswitchyard.server.https.enabled = no\n"),
              file + ": switchyard.server.https.enabled: no listener is enabled (enable http or https)");
}

TEST_F(ServerSettingsTest, MalformedBooleanIsNamed)
{
    EXPECT_EQ(errorOf("switchyard.plugins.load = a\nswitchyard.server.http.enabled = perhaps\n"),
              file + ": switchyard.server.http.enabled: expected true or false, got 'perhaps'");
}

} // namespace
} // namespace switchyard::kernel
