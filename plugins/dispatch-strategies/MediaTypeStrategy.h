// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "MediaTypeRule.h"
#include "NodeRotation.h"
#include "switchyard/plugin/DispatchStrategy.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace switchyard::plugins::dispatch
{

/// The `dispatch.media-type` strategy: routes each submission by its media type to a group of
/// nodes, by rules tried in order, with a fallback group.
///
/// 1. Only candidates that take the media type are considered: a node whose
///    NodeStatus::mediaTypes is not empty takes only the types matching one of its patterns.
///    (This strategy alone honours them; the other strategies of this library ignore them.)
/// 2. The first rule that matches the media type and has at least one of its nodes among those
///    candidates wins: the node is picked from its group (`within`).
/// 3. When rules match but none has such a node, the submission stays queued, unless `spill` is
///    set: then it goes to the fallback group, as when no rule matches at all.
/// 4. The fallback group is the `fallback` node ids, or every candidate when there is none. When
///    none of the group's nodes is a candidate, the submission stays queued.
///
/// Each group (each rule, and the fallback) takes turns on its own.
/// Thread-safe and lock-free: the rules are fixed, the rotations atomic.
class MediaTypeStrategy : public plugin::DispatchStrategy
{
public:
    /// How a node is picked inside a group.
    enum class Within
    {
        /// In turn, by index (as `dispatch.round-robin`).
        RoundRobin,
        /// The least loaded (as `dispatch.least-outstanding`).
        LeastOutstanding
    };

    /// The validated configuration.
    struct Settings
    {
        /// In the order they are tried; at least one.
        std::vector<MediaTypeRule> rules;
        /// The fallback group's node ids; nothing means every candidate.
        std::optional<std::vector<std::string>> fallback;
        Within within = Within::RoundRobin;
        /// Whether a submission whose matching rules have no node available goes to the fallback.
        bool spill = false;
    };

    explicit MediaTypeStrategy(Settings settings);

    // switchyard::plugin::DispatchStrategy
    std::optional<std::string> choose(const plugin::Submission& submission,
                                      const std::vector<plugin::NodeStatus>& candidates) override;

private:
    const plugin::NodeStatus* pick(const std::vector<const plugin::NodeStatus*>& group,
                                   NodeRotation& rotation) const;

    const Settings _settings;
    /// One per rule, in the same order, then one for the fallback group. NodeRotation is neither
    /// copyable nor movable, hence the pointers.
    std::vector<std::unique_ptr<NodeRotation>> _rotations;
};

} // namespace switchyard::plugins::dispatch
