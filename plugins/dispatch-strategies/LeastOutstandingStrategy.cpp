// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "LeastOutstandingStrategy.h"

#include <algorithm>
#include <cstdint>

namespace switchyard::plugins::dispatch
{

std::optional<std::string> LeastOutstandingStrategy::choose(const plugin::Submission&,
                                                            const std::vector<plugin::NodeStatus>& candidates)
{
    std::vector<const plugin::NodeStatus*> nodes;
    nodes.reserve(candidates.size());
    for (const plugin::NodeStatus& candidate : candidates)
        nodes.push_back(&candidate);
    const plugin::NodeStatus* chosen = leastLoaded(nodes, _ties);
    if (chosen == nullptr)
        return std::nullopt;
    return chosen->id;
}

const plugin::NodeStatus*
LeastOutstandingStrategy::leastLoaded(const std::vector<const plugin::NodeStatus*>& nodes, NodeRotation& ties)
{
    std::vector<const plugin::NodeStatus*> least;
    for (const plugin::NodeStatus* node : nodes)
    {
        if (least.empty() || isLessLoaded(*node, *least.front()))
        {
            least.clear();
            least.push_back(node);
        }
        else if (!isLessLoaded(*least.front(), *node))
            least.push_back(node);
    }
    return ties.next(least);
}

bool LeastOutstandingStrategy::isLessLoaded(const plugin::NodeStatus& a, const plugin::NodeStatus& b)
{
    // a.inFlight / capA < b.inFlight / capB, cross-multiplied: 32 x 32 bits cannot overflow 64.
    const std::uint64_t capacityA = std::max<std::uint32_t>(a.maxInFlight, 1);
    const std::uint64_t capacityB = std::max<std::uint32_t>(b.maxInFlight, 1);
    return a.inFlight * capacityB < b.inFlight * capacityA;
}

} // namespace switchyard::plugins::dispatch
