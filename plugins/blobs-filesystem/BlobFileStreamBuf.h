// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "FileDescriptor.h"

#include <memory>
#include <streambuf>
#include <string>

namespace switchyard::plugins::filesystem
{

/// A read-only, seekable stream buffer over an open file, with a buffer big enough for large
/// binaries (Poco::FileInputStream reads 4 KiB at a time). It keeps the descriptor, so the file
/// stays readable after it is unlinked. A read error throws Poco::IOException, which std::istream
/// turns into badbit.
class BlobFileStreamBuf : public std::streambuf
{
public:
    static constexpr std::size_t BufferBytes = 128 * 1024;

    /// `path` only names the file in errors.
    BlobFileStreamBuf(FileDescriptor file, std::string path);

protected:
    int_type underflow() override;
    std::streamsize xsgetn(char_type* destination, std::streamsize count) override;
    pos_type seekoff(off_type offset, std::ios_base::seekdir direction,
                     std::ios_base::openmode which) override;
    pos_type seekpos(pos_type position, std::ios_base::openmode which) override;

private:
    /// Reads up to `count` bytes at the file position into `destination`; 0 at the end.
    std::size_t readFile(char* destination, std::size_t count);

    FileDescriptor _file;
    std::string _path;
    std::unique_ptr<char[]> _buffer;
    /// The file offset of the byte after the buffered ones (egptr()).
    off_t _filePosition = 0;
};

} // namespace switchyard::plugins::filesystem
