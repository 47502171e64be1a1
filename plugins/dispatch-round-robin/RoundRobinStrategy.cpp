// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "RoundRobinStrategy.h"

#include <limits>

namespace switchyard::plugins::roundrobin
{

RoundRobinStrategy::RoundRobinStrategy() : _lastIndex(std::numeric_limits<std::size_t>::max()) {}

std::optional<std::string> RoundRobinStrategy::choose(const plugin::Submission&,
                                                      const std::vector<plugin::NodeStatus>& candidates)
{
    if (candidates.empty())
        return std::nullopt;
    std::size_t last = _lastIndex.load();
    const plugin::NodeStatus* chosen = nullptr;
    do
    {
        // Candidates come ordered by index, but finding the minima directly costs the same and
        // does not depend on it.
        const plugin::NodeStatus* lowest = nullptr;
        const plugin::NodeStatus* next = nullptr;
        for (const plugin::NodeStatus& candidate : candidates)
        {
            if (lowest == nullptr || candidate.index < lowest->index)
                lowest = &candidate;
            if (candidate.index > last && (next == nullptr || candidate.index < next->index))
                next = &candidate;
        }
        chosen = next != nullptr ? next : lowest;
        // Another thread may have chosen meanwhile: then choose again after its choice.
    } while (!_lastIndex.compare_exchange_weak(last, chosen->index));
    return chosen->id;
}

} // namespace switchyard::plugins::roundrobin
