// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "WeightedStrategy.h"

#include <algorithm>

namespace switchyard::plugins::dispatch
{

std::optional<std::string> WeightedStrategy::choose(const plugin::Submission&,
                                                    const std::vector<plugin::NodeStatus>& candidates)
{
    if (candidates.empty())
        return std::nullopt;
    const std::lock_guard<std::mutex> lock(_mutex);
    std::int64_t total = 0;
    const plugin::NodeStatus* best = nullptr;
    std::int64_t* bestCurrent = nullptr;
    for (const plugin::NodeStatus& candidate : candidates)
    {
        const std::int64_t weight = std::max<std::uint32_t>(candidate.weight, 1);
        // References into an unordered_map survive later insertions.
        std::int64_t& current = _current[candidate.id];
        current += weight;
        total += weight;
        if (best == nullptr || current > *bestCurrent ||
            (current == *bestCurrent && candidate.index < best->index))
        {
            best = &candidate;
            bestCurrent = &current;
        }
    }
    *bestCurrent -= total;
    return best->id;
}

} // namespace switchyard::plugins::dispatch
