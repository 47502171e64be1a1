// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "HashRing.h"

#include "StableHash.h"

#include <algorithm>

namespace switchyard::plugins::dispatch
{

HashRing::HashRing(std::map<std::string, std::uint32_t> weights, std::uint32_t virtualNodes)
    : _weights(std::move(weights))
{
    std::uint32_t slot = 0;
    for (const auto& [id, weight] : _weights)
    {
        const std::uint64_t points = std::min<std::uint64_t>(
            std::uint64_t{virtualNodes} * std::max<std::uint32_t>(weight, 1), MaxPointsPerNode);
        for (std::uint64_t point = 0; point < points; ++point)
            _points.push_back(Point{stableHash(id + "#" + std::to_string(point)), slot});
        _ids.push_back(id);
        ++slot;
    }
    std::sort(_points.begin(), _points.end(),
              [](const Point& a, const Point& b)
              { return a.position != b.position ? a.position < b.position : a.slot < b.slot; });
}

bool HashRing::covers(const std::vector<plugin::NodeStatus>& candidates) const
{
    return std::all_of(candidates.begin(), candidates.end(),
                       [this](const plugin::NodeStatus& candidate)
                       {
                           const auto placed = _weights.find(candidate.id);
                           return placed != _weights.end() &&
                                  placed->second == std::max<std::uint32_t>(candidate.weight, 1);
                       });
}

const plugin::NodeStatus* HashRing::find(std::uint64_t key,
                                         const std::vector<plugin::NodeStatus>& candidates) const
{
    std::vector<const plugin::NodeStatus*> bySlot(_ids.size(), nullptr);
    bool any = false;
    for (const plugin::NodeStatus& candidate : candidates)
    {
        const auto found = std::lower_bound(_ids.begin(), _ids.end(), candidate.id);
        if (found != _ids.end() && *found == candidate.id)
        {
            bySlot[static_cast<std::size_t>(found - _ids.begin())] = &candidate;
            any = true;
        }
    }
    if (!any)
        return nullptr;
    const auto start =
        std::lower_bound(_points.begin(), _points.end(), key,
                         [](const Point& point, std::uint64_t value) { return point.position < value; });
    const std::size_t first = static_cast<std::size_t>(start - _points.begin());
    for (std::size_t step = 0; step < _points.size(); ++step)
    {
        const Point& point = _points[(first + step) % _points.size()];
        if (bySlot[point.slot] != nullptr)
            return bySlot[point.slot];
    }
    return nullptr;
}

} // namespace switchyard::plugins::dispatch
