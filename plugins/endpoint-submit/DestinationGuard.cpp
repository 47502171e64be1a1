// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "DestinationGuard.h"

#include <array>
#include <utility>

namespace switchyard::plugins::submit
{

namespace
{

struct Rule
{
    const char* range;
    const char* reason;
};

constexpr std::array<Rule, 19> Rules{{
    {"0.0.0.0/8", "an unspecified address"},
    {"10.0.0.0/8", "a private address"},
    {"100.64.0.0/10", "a carrier-grade NAT (private) address"},
    {"127.0.0.0/8", "a loopback address"},
    {"169.254.0.0/16", "a link-local address"},
    {"172.16.0.0/12", "a private address"},
    {"192.0.0.0/24", "a reserved address"},
    {"192.168.0.0/16", "a private address"},
    {"198.18.0.0/15", "a reserved address"},
    {"224.0.0.0/4", "a multicast address"},
    {"240.0.0.0/4", "a reserved or broadcast address"},
    {"::/128", "an unspecified address"},
    {"::1/128", "a loopback address"},
    {"fc00::/7", "a private (unique local) address"},
    {"fe80::/10", "a link-local address"},
    {"fec0::/10", "a private (site-local) address"},
    {"ff00::/8", "a multicast address"},
    {"2001:db8::/32", "a reserved address"},
    {"100::/64", "a reserved address"},
}};

// The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) one.
bool embeddedIPv4(const Poco::Net::IPAddress& address, Poco::Net::IPAddress& inner)
{
    static const AddressRange mapped = *AddressRange::parse("::ffff:0:0/96");
    static const AddressRange nat64 = *AddressRange::parse("64:ff9b::/96");
    static const AddressRange compatible = *AddressRange::parse("::/96");
    if (!mapped.contains(address) && !nat64.contains(address) && !compatible.contains(address))
        return false;
    const auto* bytes = static_cast<const unsigned char*>(address.addr());
    inner = Poco::Net::IPAddress(bytes + 12, 4);
    return true;
}

} // namespace

DestinationGuard::DestinationGuard(std::vector<AddressRange> allowed) : _allowed(std::move(allowed)) {}

std::string DestinationGuard::ruleFor(const Poco::Net::IPAddress& address)
{
    for (const Rule& rule : Rules)
        if (AddressRange::parse(rule.range)->contains(address))
            return rule.reason;
    if (address.family() == Poco::Net::IPAddress::IPv4 && address.toString() == "255.255.255.255")
        return "a broadcast address";
    return "";
}

std::string DestinationGuard::refusal(const Poco::Net::IPAddress& address) const
{
    for (const AddressRange& range : _allowed)
        if (range.contains(address))
            return "";
    Poco::Net::IPAddress inner;
    if (address.family() == Poco::Net::IPAddress::IPv6 && embeddedIPv4(address, inner))
    {
        // "::" and "::1" sit in the compatible range too; their own rules come first.
        const std::string own = ruleFor(address);
        if (!own.empty())
            return own;
        for (const AddressRange& range : _allowed)
            if (range.contains(inner))
                return "";
        return ruleFor(inner);
    }
    return ruleFor(address);
}

} // namespace switchyard::plugins::submit
