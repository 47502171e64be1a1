// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/DispatchStrategy.h"

#include <atomic>
#include <cstddef>

namespace switchyard::plugins::roundrobin
{

/// The `dispatch.round-robin` strategy: takes the nodes in turn, by their configured index.
///
/// It remembers the index of the node it chose last and picks the first candidate after it,
/// wrapping around to the lowest index. Because it remembers an index rather than a position in the
/// candidate list, a node that is missing for a while (busy, unhealthy) just loses its turns: the
/// others keep their order and the spread stays even to within one.
///
/// Lock-free: concurrent calls each advance the rotation by exactly one.
class RoundRobinStrategy : public plugin::DispatchStrategy
{
public:
    RoundRobinStrategy();

    // switchyard::plugin::DispatchStrategy
    std::optional<std::string> choose(const plugin::Submission& submission,
                                      const std::vector<plugin::NodeStatus>& candidates) override;

private:
    /// The index chosen last; the largest value before the first choice, so that the first
    /// choice is the lowest index.
    std::atomic<std::size_t> _lastIndex;
};

} // namespace switchyard::plugins::roundrobin
