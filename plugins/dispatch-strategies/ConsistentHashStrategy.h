// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "HashRing.h"
#include "switchyard/plugin/DispatchStrategy.h"

#include <cstdint>
#include <memory>
#include <mutex>

namespace switchyard::plugins::dispatch
{

/// The `dispatch.consistent-hash` strategy: the same file (by its sha256) goes to the same node
/// for as long as that node is a candidate, so a node's caches keep serving repeated files.
///
/// Nodes sit on a HashRing weighted by NodeStatus::weight. The ring holds every node the strategy
/// has been offered, not only the current candidates: a node that is busy or unhealthy for a
/// while is walked past (its files go to the next candidate clockwise, exactly as if it were off
/// the ring) and gets its files back when it returns. So the ring is rebuilt only when a node
/// id is offered for the first time or a node's weight changes, not each time the candidate set
/// changes.
///
/// The key is stableHash(Submission::sha256).
///
/// Thread-safe. The ring is immutable and shared; a mutex guards only the pointer to it (a copy
/// per call). A new ring is built outside the lock.
class ConsistentHashStrategy : public plugin::DispatchStrategy
{
public:
    /// `virtualNodes` points per unit of weight, at least 1.
    explicit ConsistentHashStrategy(std::uint32_t virtualNodes);

    // switchyard::plugin::DispatchStrategy
    std::optional<std::string> choose(const plugin::Submission& submission,
                                      const std::vector<plugin::NodeStatus>& candidates) override;

    /// The ring in use now.
    std::shared_ptr<const HashRing> ring() const;

private:
    /// The ring in use, first rebuilt with `candidates` if it does not cover them.
    std::shared_ptr<const HashRing> ringFor(const std::vector<plugin::NodeStatus>& candidates);

    const std::uint32_t _virtualNodes;
    mutable std::mutex _mutex;
    /// Guarded by _mutex.
    std::shared_ptr<const HashRing> _ring;
};

} // namespace switchyard::plugins::dispatch
