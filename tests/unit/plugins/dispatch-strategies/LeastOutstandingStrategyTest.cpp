// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "LeastOutstandingStrategy.h"

#include "LeastOutstandingStrategyFactory.h"
#include "TestNodes.h"
#include "support/FakePluginContext.h"
#include "support/PropertiesText.h"

#include <gtest/gtest.h>

#include <map>

namespace switchyard::plugins::dispatch
{
namespace
{

using tests::node;
using tests::Nodes;

class LeastOutstandingStrategyTest : public ::testing::Test
{
protected:
    std::string choose(const Nodes& candidates)
    {
        const std::optional<std::string> chosen = _strategy.choose(_submission, candidates);
        EXPECT_TRUE(chosen);
        return chosen.value_or("(none)");
    }

    LeastOutstandingStrategy _strategy;
    plugin::Submission _submission;
};

TEST_F(LeastOutstandingStrategyTest, PrefersTheEmptierNode)
{
    EXPECT_EQ(choose({node("app1", 0, 1, 5), node("app2", 1, 1, 2), node("app3", 2, 1, 7)}), "app2");
    EXPECT_EQ(choose({node("app1", 0, 1, 0), node("app2", 1, 1, 2)}), "app1");
}

TEST_F(LeastOutstandingStrategyTest, TakesTurnsAmongTies)
{
    const Nodes idle = {node("app1", 0), node("app2", 1), node("app3", 2)};
    std::vector<std::string> chosen;
    for (int pick = 0; pick < 4; ++pick)
        chosen.push_back(choose(idle));
    EXPECT_EQ(chosen, (std::vector<std::string>{"app1", "app2", "app3", "app1"}));
}

TEST_F(LeastOutstandingStrategyTest, SpreadsTiesEvenly)
{
    const Nodes idle = {node("app1", 0, 1, 2), node("app2", 1, 1, 2), node("app3", 2, 1, 2),
                        node("busy", 3, 1, 3)};
    std::map<std::string, int> counts;
    for (int pick = 0; pick < 300; ++pick)
        ++counts[choose(idle)];
    EXPECT_EQ(counts, (std::map<std::string, int>{{"app1", 100}, {"app2", 100}, {"app3", 100}}));
}

TEST_F(LeastOutstandingStrategyTest, RotatesOnlyAmongTheTied)
{
    const Nodes nodes = {node("app1", 0, 1, 1), node("app2", 1, 1, 0), node("app3", 2, 1, 0)};
    std::vector<std::string> chosen;
    for (int pick = 0; pick < 4; ++pick)
        chosen.push_back(choose(nodes));
    EXPECT_EQ(chosen, (std::vector<std::string>{"app2", "app3", "app2", "app3"}));
}

TEST_F(LeastOutstandingStrategyTest, ComparesLoadRelativeToCapacity)
{
    // 5 of 10 (half full) beats 3 of 4 (three quarters full), though it has more in flight.
    EXPECT_EQ(choose({node("big", 0, 1, 5, 10), node("small", 1, 1, 3, 4)}), "big");
    EXPECT_EQ(choose({node("small", 1, 1, 3, 4), node("big", 0, 1, 5, 10)}), "big");
    // 1 of 3 beats 1 of 2.
    EXPECT_EQ(choose({node("two", 0, 1, 1, 2), node("three", 1, 1, 1, 3)}), "three");
}

TEST_F(LeastOutstandingStrategyTest, TreatsEqualFractionsAsTies)
{
    // 1/2 and 2/4 are the same load, exactly (no floating point).
    const Nodes nodes = {node("app1", 0, 1, 1, 2), node("app2", 1, 1, 2, 4)};
    EXPECT_EQ(choose(nodes), "app1");
    EXPECT_EQ(choose(nodes), "app2");
}

TEST_F(LeastOutstandingStrategyTest, CountsAnUnboundedNodeByItsInFlight)
{
    EXPECT_EQ(choose({node("unbounded", 0, 1, 2), node("other", 1, 1, 3)}), "unbounded");
    // An unbounded node's load is its count: 1 in flight outweighs 3 of 10.
    EXPECT_EQ(choose({node("unbounded", 0, 1, 1), node("bounded", 1, 1, 3, 10)}), "bounded");
    EXPECT_EQ(choose({node("unbounded", 0, 1, 0), node("bounded", 1, 1, 3, 10)}), "unbounded");
}

TEST_F(LeastOutstandingStrategyTest, FillsNodesInProportionToTheirCapacity)
{
    Nodes nodes = {node("small", 0, 1, 0, 10), node("large", 1, 1, 0, 30)};
    for (int submission = 0; submission < 40; ++submission)
    {
        const std::string chosen = choose(nodes);
        for (plugin::NodeStatus& status : nodes)
        {
            if (status.id == chosen)
                ++status.inFlight;
        }
    }
    EXPECT_EQ(nodes[0].inFlight, 10u);
    EXPECT_EQ(nodes[1].inFlight, 30u);
}

TEST_F(LeastOutstandingStrategyTest, LeavesTheSubmissionQueuedWithoutCandidates)
{
    EXPECT_FALSE(_strategy.choose(_submission, {}));
}

TEST(LeastOutstandingStrategyFactory, MakesAStrategyOfTheRightType)
{
    LeastOutstandingStrategyFactory factory;
    switchyard::tests::FakePluginContext context("dispatch");
    EXPECT_EQ(factory.type(), "dispatch.least-outstanding");
    EXPECT_NE(factory.create(*switchyard::tests::instanceBlock("", "dispatch"), context), nullptr);
}

} // namespace
} // namespace switchyard::plugins::dispatch
