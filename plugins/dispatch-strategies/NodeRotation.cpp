// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "NodeRotation.h"

#include <limits>

namespace switchyard::plugins::dispatch
{

NodeRotation::NodeRotation() : _lastIndex(std::numeric_limits<std::size_t>::max()) {}

const plugin::NodeStatus* NodeRotation::next(const std::vector<const plugin::NodeStatus*>& nodes)
{
    if (nodes.empty())
        return nullptr;
    std::size_t last = _lastIndex.load();
    const plugin::NodeStatus* chosen = nullptr;
    do
    {
        const plugin::NodeStatus* lowest = nullptr;
        const plugin::NodeStatus* after = nullptr;
        for (const plugin::NodeStatus* node : nodes)
        {
            if (lowest == nullptr || node->index < lowest->index)
                lowest = node;
            if (node->index > last && (after == nullptr || node->index < after->index))
                after = node;
        }
        chosen = after != nullptr ? after : lowest;
        // Another thread may have chosen meanwhile: then choose again after its choice.
    } while (!_lastIndex.compare_exchange_weak(last, chosen->index));
    return chosen;
}

} // namespace switchyard::plugins::dispatch
