// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "InstanceGraph.h"

#include "ConfigurationException.h"
#include "NodeRegistry.h"
#include "PluginLoader.h"
#include "TemporaryDirectory.h"

#include <gtest/gtest.h>

namespace switchyard::kernel
{
namespace
{

const std::string GoodFixture = std::string(SWITCHYARD_FIXTURE_PLUGIN_DIR) + "/fixture-good.so";

/// Builds and creates the graph of a configuration file, returning the error text ("" if none).
class InstanceGraphTest : public ::testing::Test
{
protected:
    void SetUp() override { loader.load(GoodFixture); }

    std::string errorOf(const std::string& properties, const std::string& custom = "")
    {
        configFile = directory.write("test.properties", properties);
        if (!custom.empty())
            directory.write("test.properties.custom", custom);
        try
        {
            ConfigurationSources sources(configFile);
            InstanceGraph graph(sources, registry, info, directory.path(), nodes);
            graph.create();
            order = graph.order();
        }
        catch (const ConfigurationException& error)
        {
            return error.message();
        }
        return "";
    }

    testsupport::TemporaryDirectory directory;
    FactoryRegistry registry;
    PluginLoader loader{registry};
    plugin::KernelInfo info;
    std::string configFile = directory.file("test.properties");
    std::vector<std::string> order;
    NodeRegistry nodes;
};

TEST_F(InstanceGraphTest, CreatesInstancesAfterTheInstancesTheyUse)
{
    EXPECT_EQ(errorOf("switchyard.instances.c.type = dispatch.fixture-first\n"
                      "switchyard.instances.c.label = c\n"
                      "switchyard.instances.c.uses = b\n"
                      "switchyard.instances.b.type = dispatch.fixture-first\n"
                      "switchyard.instances.b.label = b\n"
                      "switchyard.instances.b.uses = a\n"
                      "switchyard.instances.a.type = dispatch.fixture-first\n"
                      "switchyard.instances.a.label = a\n"),
              "");
    EXPECT_EQ(order, (std::vector<std::string>{"a", "b", "c"}));
}

TEST_F(InstanceGraphTest, UnknownTypeSuggestsTheClosestKnownType)
{
    EXPECT_EQ(errorOf("switchyard.instances.s.type = dispatch.fixture-frist\n"),
              configFile +
                  ": switchyard.instances.s.type: unknown type 'dispatch.fixture-frist'; did you mean "
                  "'dispatch.fixture-first'? (known types: dispatch.fixture-first, endpoint.fixture-echo, "
                  "endpoint.fixture-silent, endpoint.fixture-sleep, endpoint.fixture-throw)");
}

TEST_F(InstanceGraphTest, UnknownDependencyIsNamed)
{
    EXPECT_EQ(errorOf("switchyard.instances.s.type = dispatch.fixture-first\n"
                      "switchyard.instances.s.label = x\n"
                      "switchyard.instances.s.uses = storage\n"
                      "switchyard.instances.store.type = dispatch.fixture-first\n"
                      "switchyard.instances.store.label = y\n"),
              configFile +
                  ": switchyard.instances.s.uses: unknown instance 'storage'; did you mean 'store'?");
}

TEST_F(InstanceGraphTest, DependencyCycleIsShownInFull)
{
    EXPECT_EQ(errorOf("switchyard.instances.a.type = dispatch.fixture-first\n"
                      "switchyard.instances.a.uses = b\n"
                      "switchyard.instances.b.type = dispatch.fixture-first\n"
                      "switchyard.instances.b.uses = c\n"
                      "switchyard.instances.c.type = dispatch.fixture-first\n"
                      "switchyard.instances.c.uses = a\n"),
              configFile + ": switchyard.instances.a.uses: dependency cycle: a -> b -> c -> a");
}

TEST_F(InstanceGraphTest, SelfDependencyIsRefused)
{
    EXPECT_EQ(errorOf("switchyard.instances.a.type = dispatch.fixture-first\n"
                      "switchyard.instances.a.uses = a\n"),
              configFile + ": switchyard.instances.a.uses: an instance cannot use itself");
}

TEST_F(InstanceGraphTest, MissingTypeIsRequired)
{
    EXPECT_EQ(errorOf("switchyard.instances.a.label = x\n"),
              configFile + ": switchyard.instances.a.type: is required");
}

TEST_F(InstanceGraphTest, MissingRequiredPluginKeyIsNamed)
{
    EXPECT_EQ(errorOf("switchyard.instances.first.type = dispatch.fixture-first\n"),
              configFile + ": switchyard.instances.first.label: is required");
}

TEST_F(InstanceGraphTest, MalformedValueIsNamedWithTheValue)
{
    EXPECT_EQ(errorOf("switchyard.instances.sleep.type = endpoint.fixture-sleep\n"
                      "switchyard.instances.sleep.maxMilliseconds = soon\n"),
              configFile + ": switchyard.instances.sleep.maxMilliseconds: expected an integer, got 'soon'");
}

TEST_F(InstanceGraphTest, OutOfRangeValueIsNamed)
{
    EXPECT_EQ(errorOf("switchyard.instances.sleep.type = endpoint.fixture-sleep\n"
                      "switchyard.instances.sleep.maxMilliseconds = 99999999\n"),
              configFile +
                  ": switchyard.instances.sleep.maxMilliseconds: must be between 0 and 60000, got 99999999");
}

TEST_F(InstanceGraphTest, ErrorNamesTheCustomFileWhenTheValueCameFromIt)
{
    EXPECT_EQ(errorOf("switchyard.instances.sleep.type = endpoint.fixture-sleep\n"
                      "switchyard.instances.sleep.maxMilliseconds = 10\n",
                      "switchyard.instances.sleep.maxMilliseconds = later\n"),
              configFile +
                  ".custom: switchyard.instances.sleep.maxMilliseconds: expected an integer, got 'later'");
}

TEST_F(InstanceGraphTest, InvalidInstanceIdIsRefused)
{
    EXPECT_EQ(errorOf("switchyard.instances.a$b.type = dispatch.fixture-first\n"),
              configFile +
                  ": switchyard.instances.a$b: instance ids may contain only letters, digits, '-' and '_'");
}

TEST_F(InstanceGraphTest, NoInstancesIsAnError)
{
    EXPECT_EQ(errorOf("switchyard.dataDir = /tmp\n"),
              configFile + ": switchyard.instances: no instances are configured");
}

TEST_F(InstanceGraphTest, EndpointAuthMustNameAnAuthInstance)
{
    EXPECT_EQ(errorOf("switchyard.instances.first.type = dispatch.fixture-first\n"
                      "switchyard.instances.first.label = x\n"
                      "switchyard.instances.echo.type = endpoint.fixture-echo\n"
                      "switchyard.instances.echo.auth = first\n"),
              configFile + ": switchyard.instances.echo.auth: 'first' is a dispatch instance, not auth");
}

} // namespace
} // namespace switchyard::kernel
