// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "RoundRobinStrategy.h"

#include "RoundRobinStrategyFactory.h"
#include "support/FakePluginContext.h"
#include "support/PropertiesText.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <thread>

namespace switchyard::plugins::roundrobin
{
namespace
{

using Nodes = std::vector<plugin::NodeStatus>;

plugin::NodeStatus node(const std::string& id, std::size_t index)
{
    plugin::NodeStatus status;
    status.id = id;
    status.index = index;
    return status;
}

const Nodes AllNodes = {node("app1", 0), node("app2", 1), node("app3", 2)};

Nodes without(const std::string& id)
{
    Nodes nodes;
    std::copy_if(AllNodes.begin(), AllNodes.end(), std::back_inserter(nodes),
                 [&id](const plugin::NodeStatus& status) { return status.id != id; });
    return nodes;
}

class RoundRobinStrategyTest : public ::testing::Test
{
protected:
    std::string choose(const Nodes& candidates)
    {
        const std::optional<std::string> chosen = _strategy.choose(_submission, candidates);
        EXPECT_TRUE(chosen);
        return chosen.value_or("(none)");
    }

    std::vector<std::string> chooseEach(const std::vector<Nodes>& rounds)
    {
        std::vector<std::string> chosen;
        for (const Nodes& candidates : rounds)
            chosen.push_back(choose(candidates));
        return chosen;
    }

    RoundRobinStrategy _strategy;
    plugin::Submission _submission;
};

TEST_F(RoundRobinStrategyTest, StartsWithTheLowestIndexAndTakesTurns)
{
    EXPECT_EQ(chooseEach({AllNodes, AllNodes, AllNodes, AllNodes}),
              std::vector<std::string>({"app1", "app2", "app3", "app1"}));
}

TEST_F(RoundRobinStrategyTest, SpreadsEvenlyOverThreeNodes)
{
    std::map<std::string, int> counts;
    for (int pick = 0; pick < 300; ++pick)
        ++counts[choose(AllNodes)];
    ASSERT_EQ(counts.size(), 3u);
    for (const auto& [id, count] : counts)
    {
        EXPECT_GE(count, 99) << id;
        EXPECT_LE(count, 101) << id;
    }
}

TEST_F(RoundRobinStrategyTest, SkipsAMissingNodeWithoutDisturbingTheOthers)
{
    // app2 is busy in the second round: app3 takes its place, then the rotation goes on from app3.
    EXPECT_EQ(chooseEach({AllNodes, without("app2"), AllNodes, AllNodes, AllNodes}),
              std::vector<std::string>({"app1", "app3", "app1", "app2", "app3"}));
}

TEST_F(RoundRobinStrategyTest, WrapsAroundWhenTheNextNodesAreMissing)
{
    EXPECT_EQ(chooseEach({AllNodes, AllNodes, without("app3"), AllNodes}),
              std::vector<std::string>({"app1", "app2", "app1", "app2"}));
}

TEST_F(RoundRobinStrategyTest, ContinuesByIndexWhenTheChosenNodeDisappears)
{
    // The last choice (app2) is no longer offered; the next higher index still comes next.
    EXPECT_EQ(chooseEach({AllNodes, AllNodes, without("app2"), {node("app1", 0)}, AllNodes}),
              std::vector<std::string>({"app1", "app2", "app3", "app1", "app2"}));
}

TEST_F(RoundRobinStrategyTest, StaysEvenWhenANodeIsMissingSomeRounds)
{
    std::map<std::string, int> counts;
    for (int pick = 0; pick < 300; ++pick)
        ++counts[choose(pick % 4 == 3 ? without("app2") : AllNodes)];
    // app2 loses only the turns that fell on it while missing; the other two stay within one.
    EXPECT_LE(std::abs(counts["app1"] - counts["app3"]), 1);
    EXPECT_GT(counts["app2"], 0);
    EXPECT_LT(counts["app2"], counts["app1"]);
    EXPECT_EQ(counts["app1"] + counts["app2"] + counts["app3"], 300);
}

TEST_F(RoundRobinStrategyTest, NeverChoosesTheSameNodeTwiceInARowWhileOthersAreOffered)
{
    std::string previous;
    for (int pick = 0; pick < 200; ++pick)
    {
        const Nodes candidates = pick % 5 == 0 ? without("app1") : pick % 7 == 0 ? without("app3") : AllNodes;
        const std::string chosen = choose(candidates);
        EXPECT_NE(chosen, previous) << "pick " << pick;
        previous = chosen;
    }
}

TEST_F(RoundRobinStrategyTest, DoesNotRelyOnTheOrderOfCandidates)
{
    const Nodes reversed(AllNodes.rbegin(), AllNodes.rend());
    EXPECT_EQ(chooseEach({reversed, reversed, reversed, reversed}),
              std::vector<std::string>({"app1", "app2", "app3", "app1"}));
}

TEST_F(RoundRobinStrategyTest, ChoosesTheOnlyCandidateEveryTime)
{
    const Nodes single = {node("app2", 1)};
    EXPECT_EQ(chooseEach({single, single, single}), std::vector<std::string>({"app2", "app2", "app2"}));
}

TEST_F(RoundRobinStrategyTest, LeavesTheSubmissionQueuedWithoutCandidates)
{
    EXPECT_FALSE(_strategy.choose(_submission, {}));
}

TEST_F(RoundRobinStrategyTest, RotatesExactlyUnderConcurrentCallers)
{
    std::mutex mutex;
    std::map<std::string, int> counts;
    std::vector<std::thread> threads;
    for (int thread = 0; thread < 4; ++thread)
    {
        threads.emplace_back(
            [this, &mutex, &counts]
            {
                std::map<std::string, int> mine;
                for (int pick = 0; pick < 300; ++pick)
                    ++mine[_strategy.choose(_submission, AllNodes).value_or("(none)")];
                const std::lock_guard<std::mutex> lock(mutex);
                for (const auto& [id, count] : mine)
                    counts[id] += count;
            });
    }
    for (std::thread& thread : threads)
        thread.join();
    EXPECT_EQ(counts, (std::map<std::string, int>{{"app1", 400}, {"app2", 400}, {"app3", 400}}));
}

TEST(RoundRobinStrategyFactory, MakesAStrategyOfTheRightType)
{
    RoundRobinStrategyFactory factory;
    tests::FakePluginContext context("dispatch");
    EXPECT_EQ(factory.type(), "dispatch.round-robin");
    EXPECT_NE(factory.create(*tests::instanceBlock("", "dispatch"), context), nullptr);
}

} // namespace
} // namespace switchyard::plugins::roundrobin
