// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/BlobStore.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace switchyard::plugins::memory
{

/// The `blobs.memory` store: binaries in process memory, keyed by SHA-256, lost at exit.
///
/// The total size is bounded by `maxBytes`. Bytes count against the bound as soon as a writer
/// receives them, so concurrent uploads cannot overshoot it together; a writer destroyed without
/// commit() gives its bytes back. Content that is already stored is kept once. Readers share the
/// stored bytes, so remove() does not disturb a reader (their memory is freed when the last reader
/// closes, although the bound counts them as free at once).
class MemoryBlobStore : public plugin::BlobStore
{
public:
    /// 256 MiB.
    static constexpr std::uint64_t DefaultMaxBytes = 256ULL * 1024 * 1024;

    explicit MemoryBlobStore(std::uint64_t maxBytes = DefaultMaxBytes);

    /// The bound on stored plus in-flight bytes.
    std::uint64_t maxBytes() const;

    /// Bytes stored plus bytes held by writers not yet committed or destroyed.
    std::uint64_t usedBytes() const;

    // switchyard::plugin::BlobStore
    std::unique_ptr<plugin::BlobWriter> createWriter() override;
    std::unique_ptr<std::istream> open(const std::string& sha256) const override;
    std::optional<std::uint64_t> size(const std::string& sha256) const override;
    bool remove(const std::string& sha256) override;
    std::vector<plugin::StorageArea> storageAreas() const override;

private:
    friend class MemoryBlobWriter;

    /// Counts `bytes` more against the bound. Throws Poco::IOException ("blob store full") if they
    /// do not fit.
    void reserve(std::uint64_t bytes);

    /// Gives back `bytes` reserved by a writer that will not store them.
    void release(std::uint64_t bytes) noexcept;

    /// Stores `content` (reserved by its writer) under `sha256`, or gives the reservation back if
    /// that content is already stored.
    void store(const std::string& sha256, std::shared_ptr<const std::string> content);

    mutable std::mutex _mutex;
    std::unordered_map<std::string, std::shared_ptr<const std::string>> _blobs;
    const std::uint64_t _maxBytes;
    std::uint64_t _storedBytes = 0;
    std::uint64_t _reservedBytes = 0;
};

} // namespace switchyard::plugins::memory
