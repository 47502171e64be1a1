// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "LimitedInputStream.h"

#include <gtest/gtest.h>

#include <sstream>

namespace switchyard::kernel
{
namespace
{

std::string readAll(std::istream& in)
{
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

TEST(LimitedInputStream, PassesABodyAtTheLimit)
{
    std::istringstream source(std::string(100, 'x'));
    LimitedInputStream limited(source, 100);
    EXPECT_EQ(readAll(limited).size(), 100u);
    EXPECT_FALSE(limited.limitExceeded());
    EXPECT_EQ(limited.bytesRead(), 100u);
}

TEST(LimitedInputStream, StopsAtTheLimitAndSaysSo)
{
    std::istringstream source(std::string(200000, 'y'));
    LimitedInputStream limited(source, 100001);
    EXPECT_EQ(readAll(limited).size(), 100001u);
    EXPECT_TRUE(limited.limitExceeded());
}

TEST(LimitedInputStream, ZeroLimitRefusesAnyByte)
{
    std::istringstream empty("");
    LimitedInputStream limitedEmpty(empty, 0);
    EXPECT_EQ(readAll(limitedEmpty), "");
    EXPECT_FALSE(limitedEmpty.limitExceeded());

    std::istringstream one("z");
    LimitedInputStream limitedOne(one, 0);
    EXPECT_EQ(readAll(limitedOne), "");
    EXPECT_TRUE(limitedOne.limitExceeded());
}

} // namespace
} // namespace switchyard::kernel
