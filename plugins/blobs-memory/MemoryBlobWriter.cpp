// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MemoryBlobWriter.h"

#include "MemoryBlobStore.h"

#include <Poco/Exception.h>

#include <memory>
#include <new>

namespace switchyard::plugins::memory
{

MemoryBlobWriter::MemoryBlobWriter(MemoryBlobStore& store) : _store(store), _digest("SHA256") {}

MemoryBlobWriter::~MemoryBlobWriter()
{
    if (_reserved > 0)
        _store.release(_reserved);
}

void MemoryBlobWriter::write(const char* data, std::size_t size)
{
    if (_finished)
        throw Poco::IllegalStateException("blob writer already committed");
    if (_failed)
        throw Poco::IllegalStateException("blob writer is unusable after a failed write");
    try
    {
        _store.reserve(size);
        _reserved += size;
        _content.append(data, size);
    }
    catch (const std::bad_alloc&)
    {
        _failed = true;
        throw Poco::IOException("blob store full", "out of memory");
    }
    catch (...)
    {
        _failed = true;
        throw;
    }
    _digest.update(data, size);
}

std::uint64_t MemoryBlobWriter::size() const
{
    return _content.size();
}

std::string MemoryBlobWriter::commit()
{
    if (_finished)
        throw Poco::IllegalStateException("blob writer already committed");
    if (_failed)
        throw Poco::IllegalStateException("blob writer is unusable after a failed write");
    _finished = true;
    try
    {
        std::string sha256 = Poco::DigestEngine::digestToHex(_digest.digest());
        _store.store(sha256, std::make_shared<const std::string>(std::move(_content)));
        _reserved = 0;
        return sha256;
    }
    catch (const std::bad_alloc&)
    {
        // The contract promises IOException for "cannot store"; the reservation goes back in the
        // destructor.
        throw Poco::IOException("blob store full", "out of memory");
    }
}

} // namespace switchyard::plugins::memory
