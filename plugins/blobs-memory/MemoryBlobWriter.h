// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/BlobWriter.h"

#include <Poco/Crypto/DigestEngine.h>

#include <cstdint>
#include <string>

namespace switchyard::plugins::memory
{

class MemoryBlobStore;

/// Collects the bytes of one binary for a MemoryBlobStore, digesting them as they arrive so that
/// commit() can name the content without a second pass.
class MemoryBlobWriter : public plugin::BlobWriter
{
public:
    /// `store` must outlive the writer (BlobStore::createWriter's contract).
    explicit MemoryBlobWriter(MemoryBlobStore& store);

    /// Gives the bytes back to the store's bound unless they were committed.
    ~MemoryBlobWriter() override;

    MemoryBlobWriter(const MemoryBlobWriter&) = delete;
    MemoryBlobWriter& operator=(const MemoryBlobWriter&) = delete;

    // switchyard::plugin::BlobWriter
    /// Throws Poco::IOException ("blob store full") when the bytes would exceed the store's
    /// maxBytes; the writer is then unusable. Throws Poco::IllegalStateException after a failure or
    /// after commit().
    void write(const char* data, std::size_t size) override;
    std::uint64_t size() const override;
    /// Hands the content to the store under its SHA-256 and returns that. Throws
    /// Poco::IOException ("blob store full") when memory runs out, Poco::IllegalStateException
    /// when called twice or after a failed write().
    std::string commit() override;

private:
    MemoryBlobStore& _store;
    std::string _content;
    Poco::Crypto::DigestEngine _digest;
    /// Bytes counted against the store's bound and not yet handed to it.
    std::uint64_t _reserved = 0;
    bool _failed = false;
    bool _finished = false;
};

} // namespace switchyard::plugins::memory
