// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "BlobFileStream.h"

#include <utility>

namespace switchyard::plugins::filesystem
{

// The base cannot take the member buffer before it is built; rdbuf() attaches it afterwards
// and clears the badbit a null buffer set.
BlobFileStream::BlobFileStream(FileDescriptor file, std::string path)
    : std::istream(nullptr), _buffer(std::move(file), std::move(path))
{
    rdbuf(&_buffer);
}

} // namespace switchyard::plugins::filesystem
