// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "PluginLoader.h"
#include "TestPluginContext.h"
#include "switchyard/plugin/DispatchStrategy.h"

#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>
#include <gtest/gtest.h>

#include <dlfcn.h>

namespace switchyard::kernel
{
namespace
{

const std::string GoodFixture = std::string(SWITCHYARD_FIXTURE_PLUGIN_DIR) + "/fixture-good.so";

// RTLD_NOLOAD finds a library only while it is mapped; the extra reference it takes is dropped
// at once.
bool isMapped(const std::string& path)
{
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_NOLOAD);
    if (handle == nullptr)
        return false;
    ::dlclose(handle);
    return true;
}

TEST(LibraryLifetime, AnAdoptedObjectKeepsItsLibraryMappedUntilItIsGone)
{
    ASSERT_FALSE(isMapped(GoodFixture));
    std::shared_ptr<plugin::DispatchStrategy> strategy;
    {
        FactoryRegistry registry;
        PluginLoader loader(registry);
        loader.load(GoodFixture);
        ASSERT_TRUE(isMapped(GoodFixture));

        Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
        config->setString("label", "lifetime");
        testsupport::TestPluginContext context;
        const RegisteredFactory* factory = registry.find("dispatch.fixture-first");
        ASSERT_NE(factory, nullptr);
        strategy = factory->library->adopt(factory->as<plugin::DispatchStrategy>().create(*config, context));
        registry.clear();
        loader.releaseAll();
    }
    // Registry and loader are gone; only the object holds the library now.
    ASSERT_TRUE(isMapped(GoodFixture));
    std::vector<plugin::NodeStatus> candidates(2);
    candidates[0].id = "app1";
    candidates[1].id = "app2";
    EXPECT_EQ(strategy->choose(plugin::Submission{}, candidates), "app1");

    strategy.reset();
    EXPECT_FALSE(isMapped(GoodFixture));
}

TEST(LibraryLifetime, ALibraryWithoutObjectsUnmapsWhenTheLoaderReleasesIt)
{
    FactoryRegistry registry;
    PluginLoader loader(registry);
    loader.load(GoodFixture);
    EXPECT_TRUE(isMapped(GoodFixture));
    registry.clear();
    loader.releaseAll();
    EXPECT_FALSE(isMapped(GoodFixture));
}

} // namespace
} // namespace switchyard::kernel
