// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/FileFacts.h"

#include <Poco/Crypto/DigestEngine.h>

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace switchyard::plugins::support
{

/// Computes the chosen digests of one stream of bytes in a single pass (OpenSSL through
/// Poco::Crypto).
///
/// The first InlineBytes are digested in update() itself, which keeps small files free of any
/// thread. Past that, update() hands copies of the bytes, in chunks of ChunkBytes, to a worker
/// thread of this digester, so that digesting a large upload (MD5, SHA-1 and SHA-512 cost
/// more CPU than receiving and writing it) runs on another core beside the caller's I/O. At
/// most MaxChunksQueued chunks wait for the worker: a caller faster than the digests waits,
/// so memory stays bounded at about (MaxChunksQueued + 2) * ChunkBytes.
///
/// Used from one thread; the worker is its own business and is joined by finish() or the
/// destructor.
class FileDigester
{
public:
    /// Bits choosing the algorithms to compute.
    enum Algorithm : unsigned
    {
        Md5 = 1u,
        Sha1 = 2u,
        Sha256 = 4u,
        Sha512 = 8u,
        All = 15u,
    };

    static constexpr std::size_t InlineBytes = 1024 * 1024;
    static constexpr std::size_t ChunkBytes = 256 * 1024;
    static constexpr std::size_t MaxChunksQueued = 8;

    explicit FileDigester(unsigned algorithms = All);
    /// Stops the worker, if any, without digesting what it had not reached.
    ~FileDigester();
    FileDigester(const FileDigester&) = delete;
    FileDigester& operator=(const FileDigester&) = delete;

    /// Adds `size` bytes to every digest chosen. Throws Poco::IllegalStateException after
    /// finish(), and std::system_error when the worker thread cannot be started.
    void update(const char* data, std::size_t size);

    /// Sets the chosen digests in `facts` as lower-case hex and leaves the other fields alone.
    /// Call once, after the last update(); the digester is then spent. Waits for the worker to
    /// digest what it was given.
    void finish(plugin::FileFacts& facts);

private:
    void digest(const char* data, std::size_t size);
    void handOver(const char* data, std::size_t size);
    void queueFilledChunk();
    void work();

    std::optional<Poco::Crypto::DigestEngine> _md5;
    std::optional<Poco::Crypto::DigestEngine> _sha1;
    std::optional<Poco::Crypto::DigestEngine> _sha256;
    std::optional<Poco::Crypto::DigestEngine> _sha512;
    std::uint64_t _bytes = 0;
    bool _finished = false;

    // The caller's chunk being filled; then, under _mutex, the worker's queue and spare chunks.
    std::vector<char> _filling;
    std::thread _worker;
    std::mutex _mutex;
    std::condition_variable _changed;
    std::deque<std::vector<char>> _queued;
    std::vector<std::vector<char>> _spare;
    bool _closing = false;
    bool _abandoned = false;
    std::exception_ptr _workerError;
};

} // namespace switchyard::plugins::support
