// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ShannonEntropy.h"

#include <gtest/gtest.h>

#include <string>

namespace switchyard::plugins::basic
{
namespace
{

double entropyOf(const std::string& content)
{
    ShannonEntropy entropy;
    entropy.update(content.data(), content.size());
    return entropy.bitsPerByte();
}

std::string repeated(const std::string& pattern, std::size_t times)
{
    std::string text;
    for (std::size_t i = 0; i < times; ++i)
        text += pattern;
    return text;
}

TEST(ShannonEntropyTest, NoBytesHaveNoEntropy)
{
    ShannonEntropy entropy;
    EXPECT_EQ(entropy.bitsPerByte(), 0.0);
    EXPECT_EQ(entropy.size(), 0u);
}

TEST(ShannonEntropyTest, OneRepeatedByteHasNone)
{
    EXPECT_EQ(entropyOf(std::string(10000, 'a')), 0.0);
}

TEST(ShannonEntropyTest, TwoEquallyFrequentBytesHaveOneBit)
{
    EXPECT_DOUBLE_EQ(entropyOf(repeated("ab", 500)), 1.0);
}

TEST(ShannonEntropyTest, FourEquallyFrequentBytesHaveTwoBits)
{
    EXPECT_DOUBLE_EQ(entropyOf(repeated("abcd", 250)), 2.0);
}

TEST(ShannonEntropyTest, EveryByteValueOnceHasEightBits)
{
    std::string everyByte;
    for (int value = 0; value < 256; ++value)
        everyByte.push_back(static_cast<char>(value));
    EXPECT_DOUBLE_EQ(entropyOf(everyByte), 8.0);
    EXPECT_DOUBLE_EQ(entropyOf(repeated(everyByte, 40)), 8.0);
}

TEST(ShannonEntropyTest, UnevenSharesFollowTheFormula)
{
    // p = 3/4, 1/4: H = -(0.75 log2 0.75 + 0.25 log2 0.25) = 0.811278...
    EXPECT_NEAR(entropyOf(repeated("aaab", 100)), 0.8112781244591328, 1e-12);
}

TEST(ShannonEntropyTest, PiecesGiveTheSameAsTheWhole)
{
    std::string content;
    for (int i = 0; i < 100000; ++i)
        content.push_back(static_cast<char>((i * 7919) % 253));
    ShannonEntropy pieces;
    for (std::size_t start = 0; start < content.size(); start += 4093)
        pieces.update(content.data() + start, std::min<std::size_t>(4093, content.size() - start));
    EXPECT_EQ(pieces.size(), content.size());
    EXPECT_DOUBLE_EQ(pieces.bitsPerByte(), entropyOf(content));
}

} // namespace
} // namespace switchyard::plugins::basic
