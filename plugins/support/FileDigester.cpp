// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "FileDigester.h"

#include <Poco/Exception.h>

#include <algorithm>

namespace switchyard::plugins::support
{

namespace
{

void finishInto(std::optional<Poco::Crypto::DigestEngine>& engine, std::string& field)
{
    if (engine)
        field = Poco::DigestEngine::digestToHex(engine->digest());
}

} // namespace

FileDigester::FileDigester(unsigned algorithms)
{
    // OpenSSL names, as Poco::Crypto::DigestEngine takes them.
    if (algorithms & Md5)
        _md5.emplace("MD5");
    if (algorithms & Sha1)
        _sha1.emplace("SHA1");
    if (algorithms & Sha256)
        _sha256.emplace("SHA256");
    if (algorithms & Sha512)
        _sha512.emplace("SHA512");
}

FileDigester::~FileDigester()
{
    if (!_worker.joinable())
        return;
    {
        const std::lock_guard<std::mutex> lock(_mutex);
        _closing = true;
        _abandoned = true;
    }
    _changed.notify_all();
    _worker.join();
}

void FileDigester::update(const char* data, std::size_t size)
{
    if (_finished)
        throw Poco::IllegalStateException("file digester already finished");
    if (_bytes < InlineBytes)
    {
        const std::size_t inlineSize = std::min<std::uint64_t>(size, InlineBytes - _bytes);
        digest(data, inlineSize);
        _bytes += inlineSize;
        data += inlineSize;
        size -= inlineSize;
    }
    if (size > 0)
    {
        handOver(data, size);
        _bytes += size;
    }
}

void FileDigester::finish(plugin::FileFacts& facts)
{
    if (_finished)
        throw Poco::IllegalStateException("file digester already finished");
    _finished = true;
    if (_worker.joinable())
    {
        if (!_filling.empty())
            queueFilledChunk();
        {
            const std::lock_guard<std::mutex> lock(_mutex);
            _closing = true;
        }
        _changed.notify_all();
        _worker.join();
        if (_workerError)
            std::rethrow_exception(_workerError);
    }
    finishInto(_md5, facts.md5);
    finishInto(_sha1, facts.sha1);
    finishInto(_sha256, facts.sha256);
    finishInto(_sha512, facts.sha512);
}

void FileDigester::digest(const char* data, std::size_t size)
{
    for (auto* engine : {&_md5, &_sha1, &_sha256, &_sha512})
    {
        if (*engine)
            (*engine)->update(data, size);
    }
}

void FileDigester::handOver(const char* data, std::size_t size)
{
    if (!_worker.joinable())
        _worker = std::thread([this] { work(); });
    while (size > 0)
    {
        if (_filling.capacity() < ChunkBytes)
            _filling.reserve(ChunkBytes);
        const std::size_t piece = std::min(size, ChunkBytes - _filling.size());
        _filling.insert(_filling.end(), data, data + piece);
        data += piece;
        size -= piece;
        if (_filling.size() == ChunkBytes)
            queueFilledChunk();
    }
}

void FileDigester::queueFilledChunk()
{
    std::unique_lock<std::mutex> lock(_mutex);
    _changed.wait(lock, [this] { return _queued.size() < MaxChunksQueued || _workerError; });
    if (_workerError)
    {
        // The worker is gone; finish() reports why. Drop the bytes rather than wait forever.
        _filling.clear();
        return;
    }
    _queued.push_back(std::move(_filling));
    _filling = std::vector<char>();
    if (!_spare.empty())
    {
        _filling = std::move(_spare.back());
        _spare.pop_back();
        _filling.clear();
    }
    lock.unlock();
    _changed.notify_all();
}

void FileDigester::work()
{
    std::unique_lock<std::mutex> lock(_mutex);
    for (;;)
    {
        _changed.wait(lock, [this] { return !_queued.empty() || _closing; });
        if (_abandoned || _queued.empty())
            return;
        std::vector<char> chunk = std::move(_queued.front());
        _queued.pop_front();
        lock.unlock();
        try
        {
            digest(chunk.data(), chunk.size());
        }
        catch (...)
        {
            lock.lock();
            _workerError = std::current_exception();
            _changed.notify_all();
            return;
        }
        lock.lock();
        _spare.push_back(std::move(chunk));
        _changed.notify_all();
    }
}

} // namespace switchyard::plugins::support
