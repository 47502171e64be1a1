// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "FilesystemBlobWriter.h"

#include "FilesystemBlobStore.h"

#include <Poco/Error.h>
#include <Poco/Exception.h>
#include <Poco/Logger.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <new>
#include <unistd.h>

namespace switchyard::plugins::filesystem
{

void FilesystemBlobWriter::FreeDeleter::operator()(char* buffer) const
{
    std::free(buffer);
}

FilesystemBlobWriter::FilesystemBlobWriter(FilesystemBlobStore& store)
    : _store(store), _digest("SHA256"),
      _buffer(static_cast<char*>(std::aligned_alloc(DirectAlignment, BufferBytes)))
{
    if (!_buffer)
        throw std::bad_alloc();
    // mkostemp makes the file 0600 and the name unique; the prefix says what an orphan was.
    std::string pattern = _store.layout().incomingFolder() + "/upload-XXXXXX";
    _file = FileDescriptor(::mkostemp(pattern.data(), O_CLOEXEC));
    if (!_file.isOpen())
        FileDescriptor::throwError("cannot create a temporary file in", _store.layout().incomingFolder(),
                                   errno);
    _temporaryPath = std::move(pattern);
}

FilesystemBlobWriter::~FilesystemBlobWriter()
{
    if (_temporaryPath.empty())
        return;
    _file = FileDescriptor();
    if (::unlink(_temporaryPath.c_str()) != 0 && errno != ENOENT)
        _store._logger.warning("cannot remove the unfinished upload %s (the next start removes it): %s",
                               _temporaryPath, Poco::Error::getMessage(errno));
}

const std::string& FilesystemBlobWriter::temporaryPath() const
{
    return _temporaryPath;
}

void FilesystemBlobWriter::checkWriting() const
{
    if (_state == State::Committed)
        throw Poco::IllegalStateException("blob writer already committed");
    if (_state == State::Failed)
        throw Poco::IllegalStateException("blob writer is unusable after a failure");
}

void FilesystemBlobWriter::write(const char* data, std::size_t size)
{
    checkWriting();
    if (size == 0)
        return;
    try
    {
        // Everything goes through the aligned buffer, so every full buffer is written at an
        // offset that is a multiple of BufferBytes (direct I/O needs that).
        for (std::size_t taken = 0; taken < size;)
        {
            const std::size_t piece = std::min(size - taken, BufferBytes - _buffered);
            std::memcpy(_buffer.get() + _buffered, data + taken, piece);
            _buffered += piece;
            taken += piece;
            if (_buffered == BufferBytes)
                flush();
        }
    }
    catch (...)
    {
        _state = State::Failed;
        throw;
    }
    _digest.update(data, size);
    _size += size;
}

std::uint64_t FilesystemBlobWriter::size() const
{
    return _size;
}

std::string FilesystemBlobWriter::commit()
{
    checkWriting();
    try
    {
        flush();
        if (_store.settings().fsync && ::fdatasync(_file.get()) != 0)
            FileDescriptor::throwError("cannot sync", _temporaryPath, errno);
        _file.close(_temporaryPath);
        std::string sha256 = Poco::DigestEngine::digestToHex(_digest.digest());
        _store.place(_temporaryPath, sha256);
        _temporaryPath.clear();
        _state = State::Committed;
        return sha256;
    }
    catch (...)
    {
        _state = State::Failed;
        throw;
    }
}

void FilesystemBlobWriter::flush()
{
    if (_buffered == 0)
        return;
    // A full buffer at an aligned offset: the binary is large; with fsync on it goes direct.
    if (!_directTried && _buffered == BufferBytes && _fileBytes % DirectAlignment == 0 &&
        _store.settings().fsync)
    {
        _directTried = true;
        _direct = setDirect(true);
    }
    if (_direct && (_buffered % DirectAlignment != 0 || _fileBytes % DirectAlignment != 0))
    {
        // The tail (or anything unaligned): whole blocks direct, the rest through the page cache.
        const std::size_t aligned =
            _fileBytes % DirectAlignment == 0 ? _buffered - _buffered % DirectAlignment : 0;
        if (aligned > 0)
            writeFile(_buffer.get(), aligned);
        _direct = !setDirect(false);
        if (_direct)
            FileDescriptor::throwError("cannot turn direct I/O off for", _temporaryPath, errno);
        writeFile(_buffer.get() + aligned, _buffered - aligned);
    }
    else
        writeFile(_buffer.get(), _buffered);
    _buffered = 0;
}

bool FilesystemBlobWriter::setDirect(bool direct)
{
    const int flags = ::fcntl(_file.get(), F_GETFL);
    if (flags < 0)
        return false;
    return ::fcntl(_file.get(), F_SETFL, direct ? flags | O_DIRECT : flags & ~O_DIRECT) == 0;
}

void FilesystemBlobWriter::writeFile(const char* data, std::size_t size)
{
    _store.checkFreeSpace();
    while (size > 0)
    {
        const ssize_t written = ::write(_file.get(), data, size);
        if (written < 0)
        {
            if (errno == EINTR)
                continue;
            // A file system may take the O_DIRECT flag and still refuse direct writes.
            if (errno == EINVAL && _direct && setDirect(false))
            {
                _direct = false;
                continue;
            }
            FileDescriptor::throwError("cannot write", _temporaryPath, errno);
        }
        // A short direct write leaves the rest unaligned: it goes through the page cache.
        if (_direct && static_cast<std::size_t>(written) < size && written % DirectAlignment != 0)
            _direct = !setDirect(false);
        data += written;
        size -= static_cast<std::size_t>(written);
        _fileBytes += static_cast<std::uint64_t>(written);
    }
    startWriteback();
}

void FilesystemBlobWriter::startWriteback()
{
    // Direct writes are on the disk already.
    if (_direct || !_store.settings().fsync || _fileBytes - _writebackStart < WritebackBytes)
        return;
    // Asynchronous: it only queues the pages for writing. fdatasync in commit() remains what makes
    // them durable, so a failure here can be left for it to report.
    ::sync_file_range(_file.get(), static_cast<off_t>(_writebackStart),
                      static_cast<off_t>(_fileBytes - _writebackStart), SYNC_FILE_RANGE_WRITE);
    _writebackStart = _fileBytes;
}

} // namespace switchyard::plugins::filesystem
