// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "DestinationGuard.h"

#include <gtest/gtest.h>

namespace switchyard::plugins::submit
{
namespace
{

std::string refusal(const DestinationGuard& guard, const std::string& address)
{
    return guard.refusal(Poco::Net::IPAddress(address));
}

TEST(DestinationGuardTest, RefusesEveryInternalRangeAndLetsPublicAddressesThrough)
{
    DestinationGuard guard;
    for (const char* address : {"127.0.0.1", "127.255.0.9", "::1", "::ffff:127.0.0.1"})
        EXPECT_EQ(refusal(guard, address), "a loopback address") << address;
    for (const char* address : {"10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1", "::ffff:10.1.1.1",
                                "fd00::1", "64:ff9b::c0a8:0101"})
        EXPECT_NE(refusal(guard, address).find("private"), std::string::npos) << address;
    for (const char* address : {"169.254.169.254", "fe80::1"})
        EXPECT_EQ(refusal(guard, address), "a link-local address") << address;
    for (const char* address : {"224.0.0.1", "239.255.255.250", "ff02::1"})
        EXPECT_EQ(refusal(guard, address), "a multicast address") << address;
    for (const char* address : {"0.0.0.0", "::"})
        EXPECT_EQ(refusal(guard, address), "an unspecified address") << address;
    EXPECT_NE(refusal(guard, "255.255.255.255"), "");
    for (const char* address :
         {"8.8.8.8", "93.184.216.34", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"})
        EXPECT_EQ(refusal(guard, address), "") << address;
}

TEST(DestinationGuardTest, OperatorRangesAreAllowedAndNothingElse)
{
    DestinationGuard guard({*AddressRange::parse("127.0.0.0/8"), *AddressRange::parse("::1")});
    EXPECT_EQ(refusal(guard, "127.0.0.1"), "");
    EXPECT_EQ(refusal(guard, "::1"), "");
    EXPECT_EQ(refusal(guard, "::ffff:127.0.0.1"), "");
    EXPECT_EQ(refusal(guard, "10.0.0.1"), "a private address");
    EXPECT_EQ(refusal(guard, "169.254.169.254"), "a link-local address");
    EXPECT_FALSE(AddressRange::parse("127.0.0.0/33"));
    EXPECT_FALSE(AddressRange::parse("localhost"));
    EXPECT_TRUE(AddressRange::parse("fc00::/7")->contains(Poco::Net::IPAddress("fdff::1")));
}

} // namespace
} // namespace switchyard::plugins::submit
