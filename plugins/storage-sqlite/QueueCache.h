// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <ext/pb_ds/assoc_container.hpp>
#include <ext/pb_ds/tree_policy.hpp>
#include <functional>
#include <mutex>
#include <optional>

namespace switchyard::plugins::sqlite
{

/// The dispatch order of the Queued submissions, in memory: an order-statistics tree of their
/// (priority, sequence) keys, so that a position is O(log n) and the count O(1).
///
/// Only keys are kept (no ids, no rows): 1,000,000 queued submissions take about 64 MB. The
/// database is the truth; this is rebuilt from it at start and changed by the writer under its
/// lock, so it matches what the database holds as long as one instance owns the database.
/// Thread-safe: every method takes an internal mutex for a few microseconds.
class QueueCache
{
public:
    /// A submission's place in the queue: higher priority first, then lower sequence (FIFO).
    struct Key
    {
        int priority = 0;
        std::uint64_t sequence = 0;

        bool operator<(const Key& other) const
        {
            // Compares without negating: -INT_MIN would overflow.
            return priority != other.priority ? priority > other.priority : sequence < other.sequence;
        }
        bool operator==(const Key& other) const
        {
            return priority == other.priority && sequence == other.sequence;
        }
    };

    /// Adds a key; false when it is already there.
    bool insert(const Key& key);

    /// Removes a key; false when it was not there. Never throws.
    bool erase(const Key& key) noexcept;

    /// The next key to claim, if any.
    std::optional<Key> front() const;

    /// The key that follows `key` in dispatch order (`key` need not be in the cache), if any.
    std::optional<Key> after(const Key& key) const;

    /// The 0-based place of `key` in dispatch order, or -1 when it is not queued.
    std::int64_t position(const Key& key) const;

    /// The number of keys.
    std::uint64_t size() const;

    /// Removes every key.
    void clear() noexcept;

private:
    using Tree = __gnu_pbds::tree<Key, __gnu_pbds::null_type, std::less<Key>, __gnu_pbds::rb_tree_tag,
                                  __gnu_pbds::tree_order_statistics_node_update>;

    mutable std::mutex _mutex;
    Tree _tree;
};

} // namespace switchyard::plugins::sqlite
