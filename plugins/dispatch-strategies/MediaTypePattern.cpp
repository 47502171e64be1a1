// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MediaTypePattern.h"

#include <algorithm>
#include <cctype>

namespace switchyard::plugins::dispatch
{

namespace
{

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

/// "type/subtype" of a media type or pattern: parameters and surrounding spaces dropped.
std::string_view essence(std::string_view text)
{
    text = text.substr(0, text.find(';'));
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) {
                                                  return std::tolower(static_cast<unsigned char>(x)) ==
                                                         std::tolower(static_cast<unsigned char>(y));
                                              });
}

/// A type or subtype name as RFC 6838 allows it.
bool isRestrictedName(std::string_view name)
{
    return !name.empty() &&
           std::all_of(name.begin(), name.end(),
                       [](char c)
                       {
                           return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
                                  std::string_view("!#$&-^_.+").find(c) != std::string_view::npos;
                       });
}

} // namespace

MediaTypePattern::MediaTypePattern(std::string text) : _text(std::move(text)) {}

std::optional<MediaTypePattern> MediaTypePattern::parse(std::string_view text)
{
    if (text.find(';') != std::string_view::npos)
        return std::nullopt;
    const std::string_view pattern = essence(text);
    std::string lower(pattern);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "*" || lower == "*/*")
        return MediaTypePattern("*");
    const std::size_t slash = lower.find('/');
    if (slash == std::string::npos)
        return std::nullopt;
    const std::string_view type = std::string_view(lower).substr(0, slash);
    const std::string_view subtype = std::string_view(lower).substr(slash + 1);
    if (!isRestrictedName(type) || (subtype != "*" && !isRestrictedName(subtype)))
        return std::nullopt;
    return MediaTypePattern(std::move(lower));
}

bool MediaTypePattern::matches(std::string_view mediaType) const
{
    return matches(_text, mediaType);
}

bool MediaTypePattern::matches(std::string_view pattern, std::string_view mediaType)
{
    pattern = essence(pattern);
    mediaType = essence(mediaType);
    if (pattern == "*" || pattern == "*/*")
        return true;
    if (pattern.size() >= 2 && pattern.substr(pattern.size() - 2) == "/*")
    {
        const std::string_view typeAndSlash = pattern.substr(0, pattern.size() - 1);
        return mediaType.size() > typeAndSlash.size() &&
               equalsIgnoringCase(mediaType.substr(0, typeAndSlash.size()), typeAndSlash);
    }
    return equalsIgnoringCase(pattern, mediaType);
}

} // namespace switchyard::plugins::dispatch
