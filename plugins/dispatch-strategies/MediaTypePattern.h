// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace switchyard::plugins::dispatch
{

/// A media type pattern of `dispatch.media-type`: "application/pdf" (that type), "image/*" (any
/// subtype of image) or "*" (anything; "*/*" is the same). Matching ignores case, surrounding
/// spaces and parameters (everything from ';' on), in the pattern and in the media type.
class MediaTypePattern
{
public:
    /// The pattern in `text`, or nothing when `text` has none of the three forms, has parameters,
    /// or has characters a media type cannot have.
    static std::optional<MediaTypePattern> parse(std::string_view text);

    /// True when `mediaType` ("application/pdf; version=1.7") matches this pattern.
    bool matches(std::string_view mediaType) const;

    /// True when `mediaType` matches `pattern` given as text, without validating it: for the
    /// patterns nodes list in NodeStatus::mediaTypes. A malformed pattern matches only itself.
    static bool matches(std::string_view pattern, std::string_view mediaType);

    /// The pattern, lower-case ("image/*").
    const std::string& text() const { return _text; }

private:
    explicit MediaTypePattern(std::string text);

    std::string _text;
};

} // namespace switchyard::plugins::dispatch
