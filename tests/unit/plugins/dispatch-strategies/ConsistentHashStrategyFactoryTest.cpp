// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ConsistentHashStrategyFactory.h"

#include "ConsistentHashStrategy.h"
#include "TestNodes.h"
#include "support/FakePluginContext.h"
#include "support/PropertiesText.h"

#include <Poco/Exception.h>
#include <gtest/gtest.h>

namespace switchyard::plugins::dispatch
{
namespace
{

std::unique_ptr<plugin::DispatchStrategy> create(const std::string& text)
{
    switchyard::tests::FakePluginContext context("dispatch");
    return ConsistentHashStrategyFactory().create(*switchyard::tests::instanceBlock(text, "dispatch"),
                                                  context);
}

std::string createError(const std::string& text)
{
    try
    {
        create(text);
    }
    catch (const Poco::Exception& error)
    {
        return error.message();
    }
    return "(no error)";
}

/// Points per node of a fresh strategy made from `text`.
std::size_t pointsPerNode(const std::string& text)
{
    const std::unique_ptr<plugin::DispatchStrategy> strategy = create(text);
    strategy->choose(tests::submission("", "ab"), {tests::node("app1", 0)});
    return dynamic_cast<ConsistentHashStrategy&>(*strategy).ring()->size();
}

TEST(ConsistentHashStrategyFactory, HasItsType)
{
    EXPECT_EQ(ConsistentHashStrategyFactory().type(), "dispatch.consistent-hash");
}

TEST(ConsistentHashStrategyFactory, Places160PointsPerNodeByDefault)
{
    EXPECT_EQ(pointsPerNode(""), 160u);
}

TEST(ConsistentHashStrategyFactory, ReadsVirtualNodes)
{
    EXPECT_EQ(pointsPerNode("virtualNodes = 1\n"), 1u);
    EXPECT_EQ(pointsPerNode("virtualNodes = 10000\n"), 10000u);
}

TEST(ConsistentHashStrategyFactory, RefusesVirtualNodesOutOfRange)
{
    const std::string prefix = "test.properties: switchyard.instances.dispatch.virtualNodes: ";
    EXPECT_EQ(createError("virtualNodes = 0\n"), prefix + "must be between 1 and 10000, got 0");
    EXPECT_EQ(createError("virtualNodes = 10001\n"), prefix + "must be between 1 and 10000, got 10001");
    EXPECT_EQ(createError("virtualNodes = -5\n"), prefix + "must be between 1 and 10000, got -5");
    EXPECT_EQ(createError("virtualNodes = many\n"), prefix + "expected an integer, got 'many'");
}

} // namespace
} // namespace switchyard::plugins::dispatch
