// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/NodeStatus.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace switchyard::plugins::dispatch
{

/// The ring of `dispatch.consistent-hash`: every node owns `virtualNodes × weight` points
/// (at most MaxPointsPerNode), point i of node "app1" at stableHash("app1#<i>"); a key belongs to
/// the node of the first point at or after it, clockwise.
///
/// A node's points depend only on its id and weight, never on the other nodes, so adding or
/// removing a node moves only the keys that go to or come from that node. Points that collide are
/// ordered by node id, so the layout does not depend on the order nodes were added.
///
/// Immutable once built; safe to share between threads.
class HashRing
{
public:
    /// The most points one node gets, whatever its weight (memory: 16 bytes per point).
    static constexpr std::uint64_t MaxPointsPerNode = 100000;

    /// Builds the ring of `weights` (node id → weight; weights below 1 count as 1).
    HashRing(std::map<std::string, std::uint32_t> weights, std::uint32_t virtualNodes);

    /// The node ids on the ring and the weights they were placed with.
    const std::map<std::string, std::uint32_t>& weights() const { return _weights; }

    /// True when every one of `candidates` is on the ring with its current weight, so the ring
    /// can serve them as it is.
    bool covers(const std::vector<plugin::NodeStatus>& candidates) const;

    /// The candidate that `key` belongs to: the node of the first point at or after `key` that is
    /// one of `candidates`, walking clockwise past points of other nodes. nullptr when no
    /// candidate is on the ring.
    const plugin::NodeStatus* find(std::uint64_t key,
                                   const std::vector<plugin::NodeStatus>& candidates) const;

    /// The number of points.
    std::size_t size() const { return _points.size(); }

private:
    struct Point
    {
        std::uint64_t position;
        /// Index into _ids, which is sorted, so comparing slots compares ids.
        std::uint32_t slot;
    };

    std::map<std::string, std::uint32_t> _weights;
    std::vector<std::string> _ids;
    std::vector<Point> _points;
};

} // namespace switchyard::plugins::dispatch
