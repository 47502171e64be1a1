// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MediaTypeStrategy.h"

#include "LeastOutstandingStrategy.h"

#include <algorithm>

namespace switchyard::plugins::dispatch
{

namespace
{

bool takes(const plugin::NodeStatus& node, const std::string& mediaType)
{
    return node.mediaTypes.empty() || std::any_of(node.mediaTypes.begin(), node.mediaTypes.end(),
                                                  [&mediaType](const std::string& pattern)
                                                  { return MediaTypePattern::matches(pattern, mediaType); });
}

std::vector<const plugin::NodeStatus*> members(const std::vector<const plugin::NodeStatus*>& nodes,
                                               const std::vector<std::string>& ids)
{
    std::vector<const plugin::NodeStatus*> group;
    for (const plugin::NodeStatus* node : nodes)
    {
        if (std::find(ids.begin(), ids.end(), node->id) != ids.end())
            group.push_back(node);
    }
    return group;
}

} // namespace

MediaTypeStrategy::MediaTypeStrategy(Settings settings) : _settings(std::move(settings))
{
    for (std::size_t group = 0; group <= _settings.rules.size(); ++group)
        _rotations.push_back(std::make_unique<NodeRotation>());
}

std::optional<std::string> MediaTypeStrategy::choose(const plugin::Submission& submission,
                                                     const std::vector<plugin::NodeStatus>& candidates)
{
    std::vector<const plugin::NodeStatus*> available;
    for (const plugin::NodeStatus& candidate : candidates)
    {
        if (takes(candidate, submission.mediaType))
            available.push_back(&candidate);
    }
    if (available.empty())
        return std::nullopt;

    bool matchedWithoutNodes = false;
    for (std::size_t rule = 0; rule < _settings.rules.size(); ++rule)
    {
        if (!_settings.rules[rule].matches(submission.mediaType))
            continue;
        const std::vector<const plugin::NodeStatus*> group = members(available, _settings.rules[rule].nodes);
        if (!group.empty())
            return pick(group, *_rotations[rule])->id;
        matchedWithoutNodes = true;
    }
    if (matchedWithoutNodes && !_settings.spill)
        return std::nullopt;

    const plugin::NodeStatus* chosen =
        pick(_settings.fallback ? members(available, *_settings.fallback) : available, *_rotations.back());
    if (chosen == nullptr)
        return std::nullopt;
    return chosen->id;
}

const plugin::NodeStatus* MediaTypeStrategy::pick(const std::vector<const plugin::NodeStatus*>& group,
                                                  NodeRotation& rotation) const
{
    return _settings.within == Within::LeastOutstanding
               ? LeastOutstandingStrategy::leastLoaded(group, rotation)
               : rotation.next(group);
}

} // namespace switchyard::plugins::dispatch
