// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/DispatchStrategy.h"

#include <cstdint>
#include <mutex>
#include <unordered_map>

namespace switchyard::plugins::dispatch
{

/// The `dispatch.weighted` strategy: smooth weighted round robin over the nodes' `weight`
/// (nginx's upstream algorithm).
///
/// Each node has a current value. On every choice each candidate's current grows by its weight,
/// the candidate with the largest current is chosen (the lowest index on a tie) and its current
/// shrinks by the total weight of the candidates. Weights 3:1 give a a b a, a a b a, ...: exactly
/// the weights' shares over every full cycle, spread out rather than in bursts.
///
/// The current values are kept by node id, so a node that is missing for some calls (busy,
/// unhealthy) keeps its place and the others go on undisturbed. Weights below 1 count as 1.
///
/// Thread-safe: one short critical section per call (no I/O, no waiting on anything else).
class WeightedStrategy : public plugin::DispatchStrategy
{
public:
    WeightedStrategy() = default;

    // switchyard::plugin::DispatchStrategy
    std::optional<std::string> choose(const plugin::Submission& submission,
                                      const std::vector<plugin::NodeStatus>& candidates) override;

private:
    std::mutex _mutex;
    /// Node id → current value. Guarded by _mutex. Grows to the number of configured nodes.
    std::unordered_map<std::string, std::int64_t> _current;
};

} // namespace switchyard::plugins::dispatch
