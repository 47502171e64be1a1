// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "StableHash.h"

#include <gtest/gtest.h>

namespace switchyard::plugins::dispatch
{
namespace
{

// Pinned: every consistent-hash ring in the field depends on these values. The FNV-1a 64 stage
// of "a" and "foobar" is the published test vector (0xaf63dc4c8601ec8c, 0x85944171f73967e8).
TEST(StableHash, IsFnv1aThenFmix64)
{
    EXPECT_EQ(stableHash(""), 0xefd01f60ba992926ULL);
    EXPECT_EQ(stableHash("a"), 0x82a2a958a9bece5bULL);
    EXPECT_EQ(stableHash("foobar"), 0x2c22194922d1672bULL);
    EXPECT_EQ(stableHash("app1#0"), 0x2835061364df303dULL);
    EXPECT_EQ(stableHash("app1#1"), 0xc8b9d22ebfc05f46ULL);
}

TEST(StableHash, SpreadsKeysThatDifferInTheLastCharacter)
{
    // Plain FNV-1a leaves the top byte of these nearly equal; the ring is ordered by the top bits.
    int topBytes[256] = {};
    for (int point = 0; point < 2560; ++point)
        ++topBytes[stableHash("app1#" + std::to_string(point)) >> 56];
    for (int byte = 0; byte < 256; ++byte)
        EXPECT_LT(topBytes[byte], 30) << byte;
}

} // namespace
} // namespace switchyard::plugins::dispatch
