// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SpellingSuggestion.h"

#include <gtest/gtest.h>

namespace switchyard::kernel
{
namespace
{

TEST(SpellingSuggestion, DistanceCountsEdits)
{
    EXPECT_EQ(SpellingSuggestion::distance("", ""), 0u);
    EXPECT_EQ(SpellingSuggestion::distance("abc", ""), 3u);
    EXPECT_EQ(SpellingSuggestion::distance("kitten", "sitting"), 3u);
    EXPECT_EQ(SpellingSuggestion::distance("storage.sqlight", "storage.sqlite"), 3u);
    EXPECT_EQ(SpellingSuggestion::distance("storage.memroy", "storage.memory"), 1u);
    EXPECT_EQ(SpellingSuggestion::distance("auht", "auth"), 1u);
}

TEST(SpellingSuggestion, SuggestsTheClosestCandidate)
{
    std::vector<std::string> known{"storage.memory", "storage.sqlite", "auth.secret"};
    EXPECT_EQ(SpellingSuggestion::closest("storage.sqlight", known), "storage.sqlite");
    EXPECT_EQ(SpellingSuggestion::closest("auth.secrte", known), "auth.secret");
}

TEST(SpellingSuggestion, SuggestsNothingForUnrelatedWordsOrExactMatches)
{
    std::vector<std::string> known{"storage.memory", "auth.secret"};
    EXPECT_FALSE(SpellingSuggestion::closest("dispatch.weighted", known));
    EXPECT_FALSE(SpellingSuggestion::closest("auth.secret", known));
    EXPECT_FALSE(SpellingSuggestion::closest("x", {"y"}));
}

} // namespace
} // namespace switchyard::kernel
