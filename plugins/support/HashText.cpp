// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "HashText.h"

#include <Poco/String.h>

#include <algorithm>
#include <cctype>

namespace switchyard::plugins::support
{

bool HashText::isHash(const std::string& text)
{
    const std::size_t size = text.size();
    return (size == 32 || size == 40 || size == 64 || size == 128) &&
           std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
}

std::string HashText::normalize(const std::string& text)
{
    return Poco::toLower(Poco::trim(text));
}

} // namespace switchyard::plugins::support
