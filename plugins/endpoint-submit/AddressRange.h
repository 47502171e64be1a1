// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/Net/IPAddress.h>

#include <optional>
#include <string>

namespace switchyard::plugins::submit
{

/// An IPv4 or IPv6 network in CIDR form ("127.0.0.0/8", "::1/128"; a bare address is one host).
class AddressRange
{
public:
    /// Parses `text`; nothing when it is not an address with an optional prefix length.
    static std::optional<AddressRange> parse(const std::string& text);

    AddressRange(const Poco::Net::IPAddress& network, unsigned prefixLength);

    /// True when `address` (of the same family) lies in the range.
    bool contains(const Poco::Net::IPAddress& address) const;

    std::string toString() const;

    /// The first address of the range (the address itself for a single host).
    const Poco::Net::IPAddress& network() const { return _network; }

private:
    Poco::Net::IPAddress _network;
    unsigned _prefixLength;
};

} // namespace switchyard::plugins::submit
