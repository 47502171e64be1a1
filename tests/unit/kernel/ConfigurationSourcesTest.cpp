// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ConfigurationSources.h"

#include "ConfigurationException.h"
#include "TemporaryDirectory.h"

#include <gtest/gtest.h>

namespace switchyard::kernel
{
namespace
{

TEST(ConfigurationSources, CustomFileOverridesKeyByKeyAndDefinesOverrideBoth)
{
    testsupport::TemporaryDirectory directory;
    std::string main = directory.write("a.properties", "one = main\ntwo = main\nthree = main\n");
    directory.write("a.properties.custom", "two = custom\nthree = custom\n");
    ConfigurationSources sources(main);
    sources.define("three", "define");

    EXPECT_EQ(sources.config().getString("one"), "main");
    EXPECT_EQ(sources.config().getString("two"), "custom");
    EXPECT_EQ(sources.config().getString("three"), "define");
    EXPECT_EQ(sources.sourceOf("one"), main);
    EXPECT_EQ(sources.sourceOf("two"), main + ".custom");
    EXPECT_EQ(sources.sourceOf("three"), "command line -D");
    EXPECT_EQ(sources.sourceOf("missing"), main);
    EXPECT_TRUE(sources.hasCustomFile());
}

TEST(ConfigurationSources, ExpandsReferencesAcrossLayers)
{
    testsupport::TemporaryDirectory directory;
    std::string main = directory.write("b.properties", "base = /srv\npath = ${base}/data\n");
    directory.write("b.properties.custom", "base = /opt\n");
    ConfigurationSources sources(main);
    EXPECT_EQ(sources.config().getString("path"), "/opt/data");
}

TEST(ConfigurationSources, MissingFileIsNamed)
{
    try
    {
        ConfigurationSources sources("/nonexistent/switchyard.properties");
        FAIL() << "no exception";
    }
    catch (const ConfigurationException& error)
    {
        EXPECT_EQ(error.message(), "/nonexistent/switchyard.properties: no such configuration file");
    }
}

TEST(ConfigurationSources, FailNamesTheLayerOfTheKey)
{
    testsupport::TemporaryDirectory directory;
    std::string main = directory.write("c.properties", "port = 1\n");
    ConfigurationSources sources(main);
    try
    {
        sources.fail("port", "is odd");
        FAIL() << "no exception";
    }
    catch (const ConfigurationException& error)
    {
        EXPECT_EQ(error.message(), main + ": port: is odd");
    }
}

} // namespace
} // namespace switchyard::kernel
