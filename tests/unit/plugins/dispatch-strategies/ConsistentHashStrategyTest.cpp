// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ConsistentHashStrategy.h"

#include "TestNodes.h"

#include <gtest/gtest.h>

#include <map>

namespace switchyard::plugins::dispatch
{
namespace
{

using tests::node;
using tests::Nodes;
using tests::randomSha256;
using tests::submission;

const Nodes ThreeNodes = {node("app1", 0), node("app2", 1), node("app3", 2)};

class ConsistentHashStrategyTest : public ::testing::Test
{
protected:
    std::string choose(const std::string& sha256, const Nodes& candidates)
    {
        const std::optional<std::string> chosen = _strategy.choose(submission("", sha256), candidates);
        EXPECT_TRUE(chosen);
        return chosen.value_or("(none)");
    }

    /// sha256 → chosen node, for `count` random files (the same files in every test).
    std::map<std::string, std::string> assign(const Nodes& candidates, int count)
    {
        std::mt19937_64 random(20240601);
        std::map<std::string, std::string> chosen;
        for (int file = 0; file < count; ++file)
        {
            const std::string sha256 = randomSha256(random);
            chosen[sha256] = choose(sha256, candidates);
        }
        return chosen;
    }

    static std::map<std::string, int> counts(const std::map<std::string, std::string>& assignment)
    {
        std::map<std::string, int> result;
        for (const auto& [sha256, id] : assignment)
            ++result[id];
        return result;
    }

    ConsistentHashStrategy _strategy{160};
};

TEST_F(ConsistentHashStrategyTest, SendsTheSameFileToTheSameNode)
{
    const std::string sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    const std::string first = choose(sha256, ThreeNodes);
    for (int call = 0; call < 1000; ++call)
        ASSERT_EQ(choose(sha256, ThreeNodes), first) << "call " << call;
}

TEST_F(ConsistentHashStrategyTest, SendsManyFilesToTheSameNodesAgain)
{
    const std::map<std::string, std::string> first = assign(ThreeNodes, 500);
    EXPECT_EQ(assign(ThreeNodes, 500), first);
    // Another instance, other candidate order: the same answers (nothing depends on history).
    ConsistentHashStrategy other(160);
    const Nodes reversed(ThreeNodes.rbegin(), ThreeNodes.rend());
    for (const auto& [sha256, id] : first)
        EXPECT_EQ(other.choose(submission("", sha256), reversed), id);
}

TEST_F(ConsistentHashStrategyTest, SpreadsFilesEvenlyOverEqualNodes)
{
    const std::map<std::string, int> result = counts(assign(ThreeNodes, 3000));
    ASSERT_EQ(result.size(), 3u);
    for (const auto& [id, count] : result)
    {
        EXPECT_GE(count, 850) << id;
        EXPECT_LE(count, 1150) << id;
    }
}

TEST_F(ConsistentHashStrategyTest, MovesOnlyTheFilesOfARemovedNode)
{
    const std::map<std::string, std::string> before = assign(ThreeNodes, 3000);
    const std::map<std::string, std::string> after = assign({node("app1", 0), node("app3", 2)}, 3000);
    int moved = 0;
    for (const auto& [sha256, id] : before)
    {
        if (id == "app2")
        {
            EXPECT_NE(after.at(sha256), "app2");
            ++moved;
        }
        else
            EXPECT_EQ(after.at(sha256), id) << sha256;
    }
    EXPECT_GT(moved, 0);
    // The moved files spread over both survivors, not all onto one.
    const std::map<std::string, int> result = counts(after);
    EXPECT_GT(result.at("app1"), 1150);
    EXPECT_GT(result.at("app3"), 1150);
}

TEST_F(ConsistentHashStrategyTest, GivesAReturningNodeItsFilesBack)
{
    const std::map<std::string, std::string> before = assign(ThreeNodes, 1000);
    assign({node("app1", 0), node("app3", 2)}, 1000);
    EXPECT_EQ(assign(ThreeNodes, 1000), before);
}

TEST_F(ConsistentHashStrategyTest, MovesOnlyFilesToAnAddedNode)
{
    const std::map<std::string, std::string> before = assign(ThreeNodes, 3000);
    Nodes four = ThreeNodes;
    four.push_back(node("app4", 3));
    const std::map<std::string, std::string> after = assign(four, 3000);
    int taken = 0;
    for (const auto& [sha256, id] : after)
    {
        if (id != before.at(sha256))
        {
            EXPECT_EQ(id, "app4");
            ++taken;
        }
    }
    EXPECT_GT(taken, 500);
    EXPECT_LT(taken, 1000);
}

TEST_F(ConsistentHashStrategyTest, SkewsTheDistributionByWeight)
{
    const std::map<std::string, int> result =
        counts(assign({node("heavy", 0, 3), node("light", 1, 1)}, 4000));
    EXPECT_GT(result.at("heavy"), 2700);
    EXPECT_LT(result.at("heavy"), 3300);
    EXPECT_EQ(result.at("heavy") + result.at("light"), 4000);
    EXPECT_EQ(_strategy.ring()->size(), 4u * 160u);
}

TEST_F(ConsistentHashStrategyTest, RebuildsTheRingOnlyForANewNodeOrWeight)
{
    choose("a", ThreeNodes);
    const std::shared_ptr<const HashRing> ring = _strategy.ring();
    EXPECT_EQ(ring->size(), 3u * 160u);
    choose("b", ThreeNodes);
    choose("c", {node("app2", 1)});
    choose("d", {node("app3", 2), node("app1", 0)});
    EXPECT_EQ(_strategy.ring(), ring);

    choose("e", {node("app1", 0), node("app4", 3)});
    EXPECT_NE(_strategy.ring(), ring);
    EXPECT_EQ(_strategy.ring()->size(), 4u * 160u);

    const std::shared_ptr<const HashRing> withFour = _strategy.ring();
    choose("f", {node("app1", 0, 2)});
    EXPECT_NE(_strategy.ring(), withFour);
    EXPECT_EQ(_strategy.ring()->size(), 5u * 160u);
}

TEST_F(ConsistentHashStrategyTest, ChoosesTheOnlyCandidate)
{
    std::mt19937_64 random(7);
    for (int file = 0; file < 100; ++file)
        EXPECT_EQ(choose(randomSha256(random), {node("app2", 1)}), "app2");
}

TEST_F(ConsistentHashStrategyTest, LeavesTheSubmissionQueuedWithoutCandidates)
{
    EXPECT_FALSE(_strategy.choose(submission("", "ab"), {}));
}

TEST(HashRing, CapsThePointsOfAVeryHeavyNode)
{
    const HashRing ring({{"app1", 1000000}, {"app2", 1}}, 10);
    EXPECT_EQ(ring.size(), HashRing::MaxPointsPerNode + 10);
}

TEST(HashRing, FindsNothingWithoutACandidateOnTheRing)
{
    const HashRing ring({{"app1", 1}}, 10);
    EXPECT_EQ(ring.find(42, {node("app2", 1)}), nullptr);
    EXPECT_EQ(HashRing({}, 10).find(42, {node("app2", 1)}), nullptr);
}

} // namespace
} // namespace switchyard::plugins::dispatch
