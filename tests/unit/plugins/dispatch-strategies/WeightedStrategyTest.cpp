// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "WeightedStrategy.h"

#include "TestNodes.h"
#include "WeightedStrategyFactory.h"
#include "support/FakePluginContext.h"
#include "support/PropertiesText.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace switchyard::plugins::dispatch
{
namespace
{

using tests::node;
using tests::Nodes;

class WeightedStrategyTest : public ::testing::Test
{
protected:
    std::string choose(const Nodes& candidates)
    {
        const std::optional<std::string> chosen = _strategy.choose(_submission, candidates);
        EXPECT_TRUE(chosen);
        return chosen.value_or("(none)");
    }

    std::vector<std::string> sequence(const Nodes& candidates, int picks)
    {
        std::vector<std::string> chosen;
        for (int pick = 0; pick < picks; ++pick)
            chosen.push_back(choose(candidates));
        return chosen;
    }

    std::map<std::string, int> counts(const Nodes& candidates, int picks)
    {
        std::map<std::string, int> result;
        for (const std::string& id : sequence(candidates, picks))
            ++result[id];
        return result;
    }

    WeightedStrategy _strategy;
    plugin::Submission _submission;
};

const Nodes ThreeToOne = {node("heavy", 0, 3), node("light", 1, 1)};

TEST_F(WeightedStrategyTest, GivesThreeToOneExactlyOver400Picks)
{
    const std::map<std::string, int> result = counts(ThreeToOne, 400);
    // The requirement is 75/25 within 5 %; smooth weighted round robin is exact over full cycles.
    EXPECT_NEAR(result.at("heavy"), 300, 20);
    EXPECT_NEAR(result.at("light"), 100, 20);
    EXPECT_EQ(result, (std::map<std::string, int>{{"heavy", 300}, {"light", 100}}));
}

TEST_F(WeightedStrategyTest, SpreadsTheHeavyNodesPicks)
{
    // nginx's smooth sequence for 3:1.
    EXPECT_EQ(sequence(ThreeToOne, 8), (std::vector<std::string>{"heavy", "heavy", "light", "heavy", "heavy",
                                                                 "heavy", "light", "heavy"}));

    int run = 0;
    int longestRun = 0;
    for (const std::string& id : sequence(ThreeToOne, 400))
    {
        run = id == "heavy" ? run + 1 : 0;
        longestRun = std::max(longestRun, run);
    }
    EXPECT_LE(longestRun, 3);
}

TEST_F(WeightedStrategyTest, InterleavesUnevenWeights)
{
    // 5:1:1 is nginx's documented example: a a b a c a a, not a a a a a b c.
    const Nodes nodes = {node("a", 0, 5), node("b", 1, 1), node("c", 2, 1)};
    EXPECT_EQ(sequence(nodes, 7), (std::vector<std::string>{"a", "a", "b", "a", "c", "a", "a"}));
}

TEST_F(WeightedStrategyTest, AlternatesEqualWeightsStartingWithTheLowestIndex)
{
    EXPECT_EQ(sequence({node("app2", 1, 2), node("app1", 0, 2)}, 4),
              (std::vector<std::string>{"app1", "app2", "app1", "app2"}));
}

TEST_F(WeightedStrategyTest, KeepsEachNodesPlaceWhileItIsMissing)
{
    // Calls that offer only "other" must not disturb the heavy/light sequence: the state is kept
    // by node id, not by position in the candidate list.
    const Nodes other = {node("other", 2, 2)};
    std::vector<std::string> interrupted;
    for (int pick = 0; pick < 8; ++pick)
    {
        interrupted.push_back(choose(ThreeToOne));
        EXPECT_EQ(choose(other), "other");
    }
    WeightedStrategy fresh;
    std::vector<std::string> undisturbed;
    for (int pick = 0; pick < 8; ++pick)
        undisturbed.push_back(fresh.choose(_submission, ThreeToOne).value_or("(none)"));
    EXPECT_EQ(interrupted, undisturbed);
}

TEST_F(WeightedStrategyTest, KeepsTheRatioWhenANodeComesAndGoes)
{
    // "extra" is offered only in every third call; heavy and light keep 3:1 between them.
    const Nodes all = {node("heavy", 0, 3), node("light", 1, 1), node("extra", 2, 2)};
    std::map<std::string, int> result;
    for (int pick = 0; pick < 1200; ++pick)
        ++result[choose(pick % 3 == 0 ? all : ThreeToOne)];
    EXPECT_EQ(result["heavy"] + result["light"] + result["extra"], 1200);
    EXPECT_NEAR(static_cast<double>(result["heavy"]) / result["light"], 3.0, 0.1);
    EXPECT_GT(result["extra"], 0);
}

TEST_F(WeightedStrategyTest, FollowsAChangedWeight)
{
    counts(ThreeToOne, 40);
    const std::map<std::string, int> result = counts({node("heavy", 0, 1), node("light", 1, 1)}, 400);
    EXPECT_NEAR(result.at("heavy"), 200, 2);
    EXPECT_NEAR(result.at("light"), 200, 2);
}

TEST_F(WeightedStrategyTest, CountsAZeroWeightAsOne)
{
    const std::map<std::string, int> result = counts({node("a", 0, 0), node("b", 1, 1)}, 100);
    EXPECT_EQ(result, (std::map<std::string, int>{{"a", 50}, {"b", 50}}));
}

TEST_F(WeightedStrategyTest, LeavesTheSubmissionQueuedWithoutCandidates)
{
    EXPECT_FALSE(_strategy.choose(_submission, {}));
}

TEST(WeightedStrategyFactory, MakesAStrategyOfTheRightType)
{
    WeightedStrategyFactory factory;
    switchyard::tests::FakePluginContext context("dispatch");
    EXPECT_EQ(factory.type(), "dispatch.weighted");
    EXPECT_NE(factory.create(*switchyard::tests::instanceBlock("", "dispatch"), context), nullptr);
}

} // namespace
} // namespace switchyard::plugins::dispatch
