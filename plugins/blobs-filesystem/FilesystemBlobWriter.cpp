// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "FilesystemBlobWriter.h"

#include "FilesystemBlobStore.h"

#include <Poco/Error.h>
#include <Poco/Exception.h>
#include <Poco/Logger.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace switchyard::plugins::filesystem
{

FilesystemBlobWriter::FilesystemBlobWriter(FilesystemBlobStore& store)
    : _store(store), _digest("SHA256"), _buffer(std::make_unique_for_overwrite<char[]>(BufferBytes))
{
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
        if (_buffered + size <= BufferBytes)
        {
            std::memcpy(_buffer.get() + _buffered, data, size);
            _buffered += size;
            if (_buffered == BufferBytes)
                flush();
        }
        else
        {
            flush();
            if (size >= BufferBytes)
                writeFile(data, size);
            else
            {
                std::memcpy(_buffer.get(), data, size);
                _buffered = size;
            }
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
    writeFile(_buffer.get(), _buffered);
    _buffered = 0;
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
            FileDescriptor::throwError("cannot write", _temporaryPath, errno);
        }
        data += written;
        size -= static_cast<std::size_t>(written);
        _fileBytes += static_cast<std::uint64_t>(written);
    }
    startWriteback();
}

void FilesystemBlobWriter::startWriteback()
{
    if (!_store.settings().fsync || _fileBytes - _writebackStart < WritebackBytes)
        return;
    // Asynchronous: it only queues the pages for writing. fdatasync in commit() remains what makes
    // them durable, so a failure here can be left for it to report.
    ::sync_file_range(_file.get(), static_cast<off_t>(_writebackStart),
                      static_cast<off_t>(_fileBytes - _writebackStart), SYNC_FILE_RANGE_WRITE);
    _writebackStart = _fileBytes;
}

} // namespace switchyard::plugins::filesystem
