// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "NodeRotation.h"

#include "TestNodes.h"

#include <gtest/gtest.h>

namespace switchyard::plugins::dispatch
{
namespace
{

using tests::node;

std::vector<std::string> take(NodeRotation& rotation, const std::vector<const plugin::NodeStatus*>& nodes,
                              int count)
{
    std::vector<std::string> chosen;
    for (int pick = 0; pick < count; ++pick)
        chosen.push_back(rotation.next(nodes)->id);
    return chosen;
}

TEST(NodeRotation, TakesTurnsByIndexWhateverTheOrder)
{
    const plugin::NodeStatus a = node("a", 0), b = node("b", 1), c = node("c", 2);
    NodeRotation rotation;
    EXPECT_EQ(take(rotation, {&c, &a, &b}, 4), (std::vector<std::string>{"a", "b", "c", "a"}));
}

TEST(NodeRotation, GoesOnAfterTheLastIndexWhenTheSetChanges)
{
    const plugin::NodeStatus a = node("a", 0), b = node("b", 1), c = node("c", 2);
    NodeRotation rotation;
    EXPECT_EQ(rotation.next({&a, &b, &c})->id, "a");
    EXPECT_EQ(rotation.next({&a, &c})->id, "c");
    EXPECT_EQ(rotation.next({&a, &b, &c})->id, "a");
    EXPECT_EQ(rotation.next({&a, &b, &c})->id, "b");
}

TEST(NodeRotation, GivesNothingForNoNodes)
{
    NodeRotation rotation;
    EXPECT_EQ(rotation.next({}), nullptr);
}

} // namespace
} // namespace switchyard::plugins::dispatch
