// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "BlobFileStreamBuf.h"

#include <istream>

namespace switchyard::plugins::filesystem
{

/// What FilesystemBlobStore::open returns: a buffered, seekable std::istream over one stored
/// binary. It holds the file open, so it keeps reading after the binary is removed (POSIX unlink
/// semantics). Used from one thread at a time.
class BlobFileStream : public std::istream
{
public:
    /// `path` only names the file in errors.
    BlobFileStream(FileDescriptor file, std::string path);

private:
    BlobFileStreamBuf _buffer;
};

} // namespace switchyard::plugins::filesystem
