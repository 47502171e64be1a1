// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "AddressRange.h"

#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include <cstring>

namespace switchyard::plugins::submit
{

std::optional<AddressRange> AddressRange::parse(const std::string& text)
{
    const std::string trimmed = Poco::trim(text);
    const std::size_t slash = trimmed.find('/');
    const std::string host = trimmed.substr(0, slash);
    // POCO 1.11 does not parse "::" (the IPv6 wildcard) itself.
    Poco::Net::IPAddress address(Poco::Net::IPAddress::IPv6);
    if (host != "::" && !Poco::Net::IPAddress::tryParse(host, address))
        return std::nullopt;
    const unsigned bits = address.family() == Poco::Net::IPAddress::IPv4 ? 32 : 128;
    unsigned prefix = bits;
    if (slash != std::string::npos &&
        (!Poco::NumberParser::tryParseUnsigned(trimmed.substr(slash + 1), prefix) || prefix > bits))
        return std::nullopt;
    return AddressRange(address, prefix);
}

AddressRange::AddressRange(const Poco::Net::IPAddress& network, unsigned prefixLength)
    : _network(network), _prefixLength(prefixLength)
{
}

bool AddressRange::contains(const Poco::Net::IPAddress& address) const
{
    if (address.family() != _network.family())
        return false;
    const auto* a = static_cast<const unsigned char*>(address.addr());
    const auto* n = static_cast<const unsigned char*>(_network.addr());
    unsigned left = _prefixLength;
    for (unsigned i = 0; left > 0; ++i)
    {
        const unsigned take = left >= 8 ? 8 : left;
        const auto mask = static_cast<unsigned char>(0xFF << (8 - take));
        if ((a[i] & mask) != (n[i] & mask))
            return false;
        left -= take;
    }
    return true;
}

std::string AddressRange::toString() const
{
    return _network.toString() + "/" + std::to_string(_prefixLength);
}

} // namespace switchyard::plugins::submit
