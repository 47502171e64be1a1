// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "NodeRotation.h"
#include "switchyard/plugin/DispatchStrategy.h"

namespace switchyard::plugins::dispatch
{

/// The `dispatch.least-outstanding` strategy: the candidate with the least work in flight.
///
/// A node's load is `inFlight / maxInFlight` when it has a bound (`maxInFlight` > 0) and its plain
/// `inFlight` count when it is unbounded (as if its bound were 1). Loads are compared exactly, as
/// fractions, not as floating point. Among the candidates with the lowest load the strategy takes
/// turns by index (NodeRotation), so ties spread evenly instead of always falling on the first.
///
/// Thread-safe and lock-free.
class LeastOutstandingStrategy : public plugin::DispatchStrategy
{
public:
    LeastOutstandingStrategy() = default;

    // switchyard::plugin::DispatchStrategy
    std::optional<std::string> choose(const plugin::Submission& submission,
                                      const std::vector<plugin::NodeStatus>& candidates) override;

    /// The least loaded of `nodes`, taking turns among ties with `ties`; nullptr when `nodes` is
    /// empty. `dispatch.media-type` uses it for `within = least-outstanding`.
    static const plugin::NodeStatus* leastLoaded(const std::vector<const plugin::NodeStatus*>& nodes,
                                                 NodeRotation& ties);

    /// True when `a` carries less load than `b` (see the class comment).
    static bool isLessLoaded(const plugin::NodeStatus& a, const plugin::NodeStatus& b);

private:
    NodeRotation _ties;
};

} // namespace switchyard::plugins::dispatch
