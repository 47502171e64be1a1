// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MemoryBlobStore.h"

#include "BlobSnapshotStream.h"
#include "MemoryBlobWriter.h"

#include <Poco/Exception.h>

namespace switchyard::plugins::memory
{

MemoryBlobStore::MemoryBlobStore(std::uint64_t maxBytes) : _maxBytes(maxBytes) {}

std::uint64_t MemoryBlobStore::maxBytes() const
{
    return _maxBytes;
}

std::uint64_t MemoryBlobStore::usedBytes() const
{
    const std::lock_guard<std::mutex> lock(_mutex);
    return _storedBytes + _reservedBytes;
}

std::unique_ptr<plugin::BlobWriter> MemoryBlobStore::createWriter()
{
    return std::make_unique<MemoryBlobWriter>(*this);
}

std::unique_ptr<std::istream> MemoryBlobStore::open(const std::string& sha256) const
{
    std::shared_ptr<const std::string> content;
    {
        const std::lock_guard<std::mutex> lock(_mutex);
        const auto found = _blobs.find(sha256);
        if (found == _blobs.end())
            return nullptr;
        content = found->second;
    }
    return std::make_unique<BlobSnapshotStream>(std::move(content));
}

std::optional<std::uint64_t> MemoryBlobStore::size(const std::string& sha256) const
{
    const std::lock_guard<std::mutex> lock(_mutex);
    const auto found = _blobs.find(sha256);
    if (found == _blobs.end())
        return std::nullopt;
    return found->second->size();
}

bool MemoryBlobStore::remove(const std::string& sha256)
{
    const std::lock_guard<std::mutex> lock(_mutex);
    const auto found = _blobs.find(sha256);
    if (found == _blobs.end())
        return false;
    _storedBytes -= found->second->size();
    _blobs.erase(found);
    return true;
}

std::vector<plugin::StorageArea> MemoryBlobStore::storageAreas() const
{
    return {};
}

void MemoryBlobStore::reserve(std::uint64_t bytes)
{
    const std::lock_guard<std::mutex> lock(_mutex);
    const std::uint64_t used = _storedBytes + _reservedBytes;
    // Written as a subtraction so that a huge `bytes` cannot overflow the sum.
    if (bytes > _maxBytes - used)
        throw Poco::IOException("blob store full", std::to_string(used) + " of " + std::to_string(_maxBytes) +
                                                       " bytes (maxBytes) in use, " + std::to_string(bytes) +
                                                       " more requested");
    _reservedBytes += bytes;
}

void MemoryBlobStore::release(std::uint64_t bytes) noexcept
{
    const std::lock_guard<std::mutex> lock(_mutex);
    _reservedBytes -= bytes;
}

void MemoryBlobStore::store(const std::string& sha256, std::shared_ptr<const std::string> content)
{
    const std::lock_guard<std::mutex> lock(_mutex);
    const std::uint64_t bytes = content->size();
    if (_blobs.try_emplace(sha256, std::move(content)).second)
        _storedBytes += bytes;
    _reservedBytes -= bytes;
}

} // namespace switchyard::plugins::memory
