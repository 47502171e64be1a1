// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MemoryBlobWriter.h"

#include "MemoryBlobStore.h"

#include <Poco/Exception.h>

#include <algorithm>
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

bool MemoryBlobWriter::isSha256(const std::string& text)
{
    return text.size() == 64 &&
           std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
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

void MemoryBlobWriter::commit(const std::string& sha256)
{
    if (_finished)
        throw Poco::IllegalStateException("blob writer already committed");
    if (_failed)
        throw Poco::IllegalStateException("blob writer is unusable after a failed write");
    _finished = true;
    if (!isSha256(sha256))
        throw Poco::InvalidArgumentException("not 64 lower-case hex digits", "sha256 '" + sha256 + "'");
    const std::string actual = Poco::DigestEngine::digestToHex(_digest.digest());
    // A wrong digest would file the bytes under another binary's name; refuse rather than trust.
    if (actual != sha256)
        throw Poco::InvalidArgumentException("sha256 does not match the bytes written",
                                             "given " + sha256 + ", content is " + actual);
    _store.store(sha256, std::make_shared<const std::string>(std::move(_content)));
    _reserved = 0;
}

} // namespace switchyard::plugins::memory
