// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <boost/config.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

namespace switchyard::plugin
{

/// Receives the bytes of one binary for a BlobStore. Made by BlobStore::createWriter and used
/// from one thread. Nothing is visible in the store until commit() returns; a writer destroyed
/// without commit() leaves nothing behind.
class BOOST_SYMBOL_VISIBLE BlobWriter
{
public:
    virtual ~BlobWriter() = default;

    /// Appends `size` bytes. Throws Poco::IOException (or a subclass) if they cannot be
    /// written (the writer is then unusable), Poco::IllegalStateException after commit().
    virtual void write(const char* data, std::size_t size) = 0;

    /// The number of bytes written so far.
    virtual std::uint64_t size() const = 0;

    /// Makes the content durable and visible under `sha256` (lower-case hex of the bytes
    /// written, computed by the caller). Storing content that is already present keeps one
    /// copy. The store checks that `sha256` is the digest of the bytes written, so a store
    /// never holds content under a wrong name. Throws Poco::IOException if it cannot store,
    /// Poco::InvalidArgumentException if `sha256` is not 64 lower-case hex digits or not the
    /// digest of the content, Poco::IllegalStateException when called a second time.
    virtual void commit(const std::string& sha256) = 0;
};

} // namespace switchyard::plugin
