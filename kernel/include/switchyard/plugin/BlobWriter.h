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
    /// written (the writer is then unusable), Poco::IllegalStateException after commit() or
    /// after a failed write.
    virtual void write(const char* data, std::size_t size) = 0;

    /// The number of bytes written so far.
    virtual std::uint64_t size() const = 0;

    /// Computes the SHA-256 of the bytes written (incrementally, as they arrive, so there is no
    /// second pass over the content), makes the content durable and visible under it, and
    /// returns it as 64 lower-case hex digits. The store names content itself, so it never holds
    /// bytes under a wrong name. Storing content that is already present keeps one copy and
    /// returns the same digest. Throws Poco::IOException if it cannot store: the content is then
    /// not durable, though it may already be visible (under its right name; storing the same
    /// bytes again makes it durable). Throws Poco::IllegalStateException when called a second
    /// time, after a failed commit() or after a failed write.
    virtual std::string commit() = 0;
};

} // namespace switchyard::plugin
