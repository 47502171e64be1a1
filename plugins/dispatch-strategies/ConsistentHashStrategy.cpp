// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ConsistentHashStrategy.h"

#include "StableHash.h"

#include <algorithm>

namespace switchyard::plugins::dispatch
{

ConsistentHashStrategy::ConsistentHashStrategy(std::uint32_t virtualNodes)
    : _virtualNodes(virtualNodes),
      _ring(std::make_shared<const HashRing>(std::map<std::string, std::uint32_t>{}, virtualNodes))
{
}

std::optional<std::string> ConsistentHashStrategy::choose(const plugin::Submission& submission,
                                                          const std::vector<plugin::NodeStatus>& candidates)
{
    if (candidates.empty())
        return std::nullopt;
    const plugin::NodeStatus* chosen = ringFor(candidates)->find(stableHash(submission.sha256), candidates);
    if (chosen == nullptr)
        return std::nullopt;
    return chosen->id;
}

std::shared_ptr<const HashRing> ConsistentHashStrategy::ring() const
{
    const std::lock_guard<std::mutex> lock(_mutex);
    return _ring;
}

std::shared_ptr<const HashRing>
ConsistentHashStrategy::ringFor(const std::vector<plugin::NodeStatus>& candidates)
{
    std::shared_ptr<const HashRing> current = ring();
    while (!current->covers(candidates))
    {
        std::map<std::string, std::uint32_t> weights = current->weights();
        for (const plugin::NodeStatus& candidate : candidates)
            weights[candidate.id] = std::max<std::uint32_t>(candidate.weight, 1);
        auto rebuilt = std::make_shared<const HashRing>(std::move(weights), _virtualNodes);
        const std::lock_guard<std::mutex> lock(_mutex);
        // Another thread may have replaced the ring meanwhile (with nodes this one has not seen):
        // then start again from its ring, so that no node is dropped.
        if (_ring == current)
        {
            _ring = rebuilt;
            return rebuilt;
        }
        current = _ring;
    }
    return current;
}

} // namespace switchyard::plugins::dispatch
