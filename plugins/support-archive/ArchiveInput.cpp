// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ArchiveInput.h"

#include <archive.h>

namespace switchyard::plugins::archive
{

int ArchiveInput::open(struct archive* handle)
{
    _stream.clear();
    _stream.seekg(0, std::ios::beg);
    if (!_stream)
    {
        archive_set_error(handle, EIO, "cannot rewind the archive");
        return ARCHIVE_FATAL;
    }
    archive_read_set_seek_callback(handle, &ArchiveInput::seek);
    return archive_read_open2(handle, this, nullptr, &ArchiveInput::read, &ArchiveInput::skip, nullptr);
}

la_ssize_t ArchiveInput::read(struct archive* handle, void* self, const void** buffer)
{
    auto& input = *static_cast<ArchiveInput*>(self);
    input._stream.read(input._buffer.data(), static_cast<std::streamsize>(input._buffer.size()));
    const std::streamsize count = input._stream.gcount();
    if (input._stream.bad())
    {
        archive_set_error(handle, EIO, "cannot read the archive from the blob store");
        return ARCHIVE_FATAL;
    }
    *buffer = input._buffer.data();
    input._bytesRead += static_cast<std::uint64_t>(count);
    return static_cast<la_ssize_t>(count);
}

la_int64_t ArchiveInput::skip(struct archive*, void* self, la_int64_t request)
{
    auto& input = *static_cast<ArchiveInput*>(self);
    input._stream.clear();
    const std::streamoff before = input._stream.tellg();
    if (before < 0)
        return 0;
    input._stream.seekg(0, std::ios::end);
    const std::streamoff end = input._stream.tellg();
    const std::streamoff target =
        request > end - before ? end : before + static_cast<std::streamoff>(request);
    input._stream.seekg(target, std::ios::beg);
    if (!input._stream)
        return 0;
    return static_cast<la_int64_t>(target - before);
}

la_int64_t ArchiveInput::seek(struct archive* handle, void* self, la_int64_t offset, int whence)
{
    auto& input = *static_cast<ArchiveInput*>(self);
    input._stream.clear();
    const std::ios::seekdir direction = whence == SEEK_SET   ? std::ios::beg
                                        : whence == SEEK_CUR ? std::ios::cur
                                                             : std::ios::end;
    input._stream.seekg(static_cast<std::streamoff>(offset), direction);
    const std::streamoff position = input._stream.tellg();
    if (!input._stream || position < 0)
    {
        archive_set_error(handle, EIO, "cannot seek in the archive");
        return ARCHIVE_FATAL;
    }
    return static_cast<la_int64_t>(position);
}

} // namespace switchyard::plugins::archive
