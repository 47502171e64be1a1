// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/NodeStatus.h"

#include <atomic>
#include <cstddef>
#include <vector>

namespace switchyard::plugins::dispatch
{

/// Takes nodes in turn by their configured index, as `dispatch.round-robin` does: it remembers the
/// index chosen last and picks the first node with a higher index, wrapping around to the lowest.
/// A node that is missing for a while only loses its turns; the others keep their order.
///
/// Used wherever a strategy of this library has several equally good nodes: the ties of
/// `dispatch.least-outstanding`, the groups of `dispatch.media-type`.
///
/// Lock-free: concurrent calls each advance the rotation by exactly one.
class NodeRotation
{
public:
    NodeRotation();

    /// The first of `nodes` after the node chosen last (by index), wrapping around; nullptr when
    /// `nodes` is empty. `nodes` may come in any order.
    const plugin::NodeStatus* next(const std::vector<const plugin::NodeStatus*>& nodes);

private:
    /// The index chosen last; the largest value before the first choice, so that the first
    /// choice is the lowest index.
    std::atomic<std::size_t> _lastIndex;
};

} // namespace switchyard::plugins::dispatch
