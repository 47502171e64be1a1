// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "BlobFileStreamBuf.h"

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace switchyard::plugins::filesystem
{

BlobFileStreamBuf::BlobFileStreamBuf(FileDescriptor file, std::string path)
    : _file(std::move(file)), _path(std::move(path)),
      _buffer(std::make_unique_for_overwrite<char[]>(BufferBytes))
{
    setg(_buffer.get(), _buffer.get(), _buffer.get());
}

std::size_t BlobFileStreamBuf::readFile(char* destination, std::size_t count)
{
    for (;;)
    {
        const ssize_t got = ::read(_file.get(), destination, count);
        if (got >= 0)
        {
            _filePosition += got;
            return static_cast<std::size_t>(got);
        }
        if (errno != EINTR)
            FileDescriptor::throwError("cannot read", _path, errno);
    }
}

BlobFileStreamBuf::int_type BlobFileStreamBuf::underflow()
{
    if (gptr() < egptr())
        return traits_type::to_int_type(*gptr());
    const std::size_t got = readFile(_buffer.get(), BufferBytes);
    setg(_buffer.get(), _buffer.get(), _buffer.get() + got);
    return got == 0 ? traits_type::eof() : traits_type::to_int_type(*gptr());
}

std::streamsize BlobFileStreamBuf::xsgetn(char_type* destination, std::streamsize count)
{
    std::streamsize done = std::min<std::streamsize>(count, egptr() - gptr());
    std::memcpy(destination, gptr(), static_cast<std::size_t>(done));
    gbump(static_cast<int>(done));
    // Large reads go straight from the file into the caller's memory, skipping our buffer.
    while (done < count)
    {
        const auto wanted = static_cast<std::size_t>(count - done);
        if (wanted < BufferBytes)
        {
            if (traits_type::eq_int_type(underflow(), traits_type::eof()))
                break;
            const std::streamsize part = std::min<std::streamsize>(count - done, egptr() - gptr());
            std::memcpy(destination + done, gptr(), static_cast<std::size_t>(part));
            gbump(static_cast<int>(part));
            done += part;
        }
        else
        {
            const std::size_t got = readFile(destination + done, wanted);
            if (got == 0)
                break;
            done += static_cast<std::streamsize>(got);
        }
    }
    return done;
}

BlobFileStreamBuf::pos_type BlobFileStreamBuf::seekoff(off_type offset, std::ios_base::seekdir direction,
                                                       std::ios_base::openmode which)
{
    if (!(which & std::ios_base::in))
        return pos_type(off_type(-1));
    const off_t current = _filePosition - (egptr() - gptr());
    off_t target = offset;
    if (direction == std::ios_base::cur)
        target += current;
    else if (direction == std::ios_base::end)
    {
        struct stat info = {};
        if (::fstat(_file.get(), &info) != 0)
            return pos_type(off_type(-1));
        target += info.st_size;
    }
    if (target < 0)
        return pos_type(off_type(-1));
    // Within the buffered bytes: move the read pointer only (tellg() lands here, offset 0).
    const off_t bufferStart = _filePosition - (egptr() - eback());
    if (target >= bufferStart && target <= _filePosition)
    {
        setg(eback(), eback() + (target - bufferStart), egptr());
        return pos_type(target);
    }
    if (::lseek(_file.get(), target, SEEK_SET) < 0)
        return pos_type(off_type(-1));
    _filePosition = target;
    setg(_buffer.get(), _buffer.get(), _buffer.get());
    return pos_type(target);
}

BlobFileStreamBuf::pos_type BlobFileStreamBuf::seekpos(pos_type position, std::ios_base::openmode which)
{
    return seekoff(off_type(position), std::ios_base::beg, which);
}

} // namespace switchyard::plugins::filesystem
