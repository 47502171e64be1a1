// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MemberName.h"

namespace switchyard::plugins::archive
{

namespace
{

// The length of the well-formed UTF-8 sequence at `at` (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF), or 0.
std::size_t sequenceLength(const std::string& text, std::size_t at)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80)
        return 1;
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF)
        length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF)
    {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0;
        else if (lead == 0xED)
            high = 0x9F;
    }
    else if (lead >= 0xF0 && lead <= 0xF4)
    {
        length = 4;
        if (lead == 0xF0)
            low = 0x90;
        else if (lead == 0xF4)
            high = 0x8F;
    }
    else
        return 0;
    if (at + length > text.size())
        return 0;
    if (byte(at + 1) < low || byte(at + 1) > high)
        return 0;
    for (std::size_t i = 2; i < length; ++i)
        if (byte(at + i) < 0x80 || byte(at + i) > 0xBF)
            return 0;
    return length;
}

} // namespace

std::string MemberName::toUtf8(const std::string& raw)
{
    std::string name;
    name.reserve(raw.size());
    std::size_t at = 0;
    while (at < raw.size())
    {
        const std::size_t length = sequenceLength(raw, at);
        if (length == 0)
        {
            name += "\xEF\xBF\xBD";
            ++at;
        }
        else
        {
            name.append(raw, at, length);
            at += length;
        }
    }
    return name;
}

} // namespace switchyard::plugins::archive
