// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "PluginLoader.h"

#include "switchyard/plugin/BuildId.h"

#include <Poco/Exception.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace switchyard::kernel
{
namespace
{

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string fixture(const std::string& name)
{
    return std::string(SWITCHYARD_FIXTURE_PLUGIN_DIR) + "/fixture-" + name + ".so";
}

std::string loadError(PluginLoader& loader, const std::string& path)
{
    try
    {
        loader.load(path);
    }
    catch (const Poco::LibraryLoadException& error)
    {
        return error.message();
    }
    return "(no error)";
}

class PluginLoaderTest : public ::testing::Test
{
protected:
    FactoryRegistry registry;
    PluginLoader loader{registry};
};

TEST_F(PluginLoaderTest, LoadsAGoodPluginAndRegistersItsTypes)
{
    loader.load(fixture("good"));
    ASSERT_EQ(loader.libraries().size(), 1u);
    EXPECT_STREQ(loader.libraries().front()->descriptor().name, "fixture-good");
    EXPECT_EQ(registry.types(), (std::vector<std::string>{"dispatch.fixture-first", "endpoint.fixture-echo",
                                                          "endpoint.fixture-silent", "endpoint.fixture-sleep",
                                                          "endpoint.fixture-throw"}));
    const RegisteredFactory* factory = registry.find("dispatch.fixture-first");
    ASSERT_NE(factory, nullptr);
    EXPECT_EQ(factory->kind, plugin::PluginKind::Dispatch);
    EXPECT_EQ(factory->library->path(), fixture("good"));
}

TEST_F(PluginLoaderTest, RefusesAMissingFile)
{
    EXPECT_EQ(loadError(loader, fixture("does-not-exist")), fixture("does-not-exist") + ": no such file");
}

TEST_F(PluginLoaderTest, RefusesAWrongAbiVersion)
{
    EXPECT_EQ(loadError(loader, fixture("wrong-abi")), fixture("wrong-abi") + ": plugin ABI version " +
                                                           std::to_string(SWITCHYARD_PLUGIN_ABI_VERSION + 1) +
                                                           ", kernel supports " +
                                                           std::to_string(SWITCHYARD_PLUGIN_ABI_VERSION));
    EXPECT_TRUE(registry.types().empty());
}

TEST_F(PluginLoaderTest, RefusesAWrongBuildId)
{
    EXPECT_THAT(loadError(loader, fixture("wrong-build-id")),
                AllOf(StartsWith(fixture("wrong-build-id") +
                                 ": not binary compatible: plugin built as "
                                 "'abi1/OtherCompiler-1.0/c++17/poco-0.0/boost-0.0/plain'"),
                      HasSubstr("kernel is '" SWITCHYARD_BUILD_ID "'")));
}

TEST_F(PluginLoaderTest, RefusesALibraryWithoutEntryPoint)
{
    EXPECT_THAT(loadError(loader, fixture("no-entry")),
                StartsWith(fixture("no-entry") + ": no switchyard_plugin_v1 entry point"));
}

TEST_F(PluginLoaderTest, RefusesALibraryWithAnUnresolvedSymbol)
{
    EXPECT_THAT(loadError(loader, fixture("unresolved-symbol")),
                AllOf(StartsWith(fixture("unresolved-symbol") + ": cannot load: "),
                      HasSubstr("undefined symbol: switchyard_fixture_symbol_nobody_defines")));
}

TEST_F(PluginLoaderTest, RefusesALibraryWhoseRegistrationThrowsAndKeepsNothingOfIt)
{
    EXPECT_EQ(loadError(loader, fixture("throwing-registration")),
              fixture("throwing-registration") +
                  ": registration failed: Illegal state: fixture registration failure");
    EXPECT_EQ(registry.find("dispatch.fixture-half-registered"), nullptr);
    EXPECT_TRUE(loader.libraries().empty());
}

TEST_F(PluginLoaderTest, RefusesALibraryThatRegistersNothing)
{
    EXPECT_EQ(loadError(loader, fixture("registers-nothing")),
              fixture("registers-nothing") + ": registered no factories");
}

TEST_F(PluginLoaderTest, RefusesADuplicateTypeNamingBothLibraries)
{
    loader.load(fixture("good"));
    EXPECT_EQ(loadError(loader, fixture("duplicate-type")),
              fixture("duplicate-type") + ": type 'dispatch.fixture-first' is already registered by " +
                  fixture("good"));
    EXPECT_EQ(registry.find("dispatch.fixture-first")->library->path(), fixture("good"));
}

} // namespace
} // namespace switchyard::kernel
