// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "MediaTypePattern.h"

#include <string>
#include <vector>

namespace switchyard::plugins::dispatch
{

/// One rule of `dispatch.media-type`: submissions whose media type matches one of `mediaTypes` go
/// to one of `nodes`. Plain data, validated by MediaTypeStrategyFactory.
struct MediaTypeRule
{
    /// The rule's name in the `rules` key ("pdf").
    std::string name;
    /// At least one pattern.
    std::vector<MediaTypePattern> mediaTypes;
    /// Node ids ("app1"), at least one.
    std::vector<std::string> nodes;

    /// True when `mediaType` matches one of `mediaTypes`.
    bool matches(std::string_view mediaType) const
    {
        for (const MediaTypePattern& pattern : mediaTypes)
        {
            if (pattern.matches(mediaType))
                return true;
        }
        return false;
    }
};

} // namespace switchyard::plugins::dispatch
