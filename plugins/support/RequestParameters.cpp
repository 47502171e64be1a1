// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "RequestParameters.h"

#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include <algorithm>
#include <cctype>

namespace switchyard::plugins::support
{

std::optional<std::string> RequestParameters::text(const std::string& name) const
{
    auto found = _parameters.find(name);
    if (found == _parameters.end())
        return std::nullopt;
    return found->second;
}

std::optional<std::int64_t> RequestParameters::integer(const std::string& name, std::int64_t fallback,
                                                       std::int64_t minimum, std::int64_t maximum)
{
    std::optional<std::string> value = text(name);
    if (!value)
        return fallback;
    std::string trimmed = Poco::trim(*value);
    Poco::Int64 number = 0;
    bool digitsOnly =
        !trimmed.empty() && std::all_of(trimmed.begin() + (trimmed[0] == '-' ? 1 : 0), trimmed.end(),
                                        [](unsigned char c) { return std::isdigit(c) != 0; });
    if (!digitsOnly || !Poco::NumberParser::tryParse64(trimmed, number) || number < minimum ||
        number > maximum)
    {
        _error =
            name + " must be an integer from " + std::to_string(minimum) + " to " + std::to_string(maximum);
        return std::nullopt;
    }
    return number;
}

std::optional<bool> RequestParameters::boolean(const std::string& name, bool fallback)
{
    std::optional<std::string> value = text(name);
    if (!value)
        return fallback;
    std::string lower = Poco::toLower(Poco::trim(*value));
    if (lower == "true" || lower == "1" || lower == "yes")
        return true;
    if (lower == "false" || lower == "0" || lower == "no")
        return false;
    _error = name + " must be true or false";
    return std::nullopt;
}

bool RequestParameters::isSha256(const std::string& text)
{
    return text.size() == 64 &&
           std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
}

} // namespace switchyard::plugins::support
