// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "QueueCache.h"

namespace switchyard::plugins::sqlite
{

bool QueueCache::insert(const Key& key)
{
    const std::lock_guard<std::mutex> lock(_mutex);
    return _tree.insert(key).second;
}

bool QueueCache::erase(const Key& key) noexcept
{
    const std::lock_guard<std::mutex> lock(_mutex);
    return _tree.erase(key);
}

std::optional<QueueCache::Key> QueueCache::front() const
{
    const std::lock_guard<std::mutex> lock(_mutex);
    if (_tree.empty())
        return std::nullopt;
    return *_tree.begin();
}

std::optional<QueueCache::Key> QueueCache::after(const Key& key) const
{
    const std::lock_guard<std::mutex> lock(_mutex);
    const auto next = _tree.upper_bound(key);
    if (next == _tree.end())
        return std::nullopt;
    return *next;
}

std::int64_t QueueCache::position(const Key& key) const
{
    const std::lock_guard<std::mutex> lock(_mutex);
    if (_tree.find(key) == _tree.end())
        return -1;
    return static_cast<std::int64_t>(_tree.order_of_key(key));
}

std::uint64_t QueueCache::size() const
{
    const std::lock_guard<std::mutex> lock(_mutex);
    return _tree.size();
}

void QueueCache::clear() noexcept
{
    const std::lock_guard<std::mutex> lock(_mutex);
    _tree.clear();
}

} // namespace switchyard::plugins::sqlite
