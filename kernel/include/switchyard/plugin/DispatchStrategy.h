// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Component.h"
#include "switchyard/plugin/Factory.h"
#include "switchyard/plugin/NodeStatus.h"
#include "switchyard/plugin/Submission.h"

#include <optional>
#include <string>
#include <vector>

namespace switchyard::plugin
{

/// Chooses the processor node for a queued submission. Kind "dispatch".
///
/// The kernel's dispatcher calls choose() off the request path, for each submission it
/// claimed, with only the nodes that are healthy and below their in-flight bound.
class BOOST_SYMBOL_VISIBLE DispatchStrategy : public Component
{
public:
    /// Returns the `id` of one of `candidates`, or nothing to leave the submission queued
    /// (e.g. no candidate suits its media type). `candidates` is never empty and is ordered by
    /// `index`. Thread-safe: the dispatcher may call it from several threads. Must not block.
    virtual std::optional<std::string> choose(const Submission& submission,
                                              const std::vector<NodeStatus>& candidates) = 0;
};

using DispatchStrategyFactory = Factory<DispatchStrategy>;

} // namespace switchyard::plugin
