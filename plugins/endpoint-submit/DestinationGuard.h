// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "AddressRange.h"

#include <Poco/Net/IPAddress.h>

#include <string>
#include <vector>

namespace switchyard::plugins::submit
{

/// The server-side request forgery guard of `url` submissions: refuses loopback, private
/// (RFC 1918, carrier-grade NAT, IPv6 unique local), link-local, multicast, unspecified,
/// reserved and broadcast addresses, IPv4-mapped and NAT64 forms included, unless an operator
/// range allows them. Immutable; thread-safe.
class DestinationGuard
{
public:
    /// `allowed`: ranges let through despite the rules (`urlAllowedDestinations`).
    explicit DestinationGuard(std::vector<AddressRange> allowed = {});

    /// Why `address` is refused ("a loopback address", ...), or "" when it may be connected to.
    std::string refusal(const Poco::Net::IPAddress& address) const;

private:
    static std::string ruleFor(const Poco::Net::IPAddress& address);

    std::vector<AddressRange> _allowed;
};

} // namespace switchyard::plugins::submit
