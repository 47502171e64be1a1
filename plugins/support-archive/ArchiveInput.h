// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <archive.h>

#include <array>
#include <cstdint>
#include <istream>

namespace switchyard::plugins::archive
{

/// Feeds libarchive from a seekable std::istream (a binary in the blob store) through its
/// read, skip and seek callbacks, one 64 KiB buffer at a time, and counts the compressed bytes
/// handed over (the denominator of the expansion ratio). Used from one thread.
class ArchiveInput
{
public:
    explicit ArchiveInput(std::istream& stream) : _stream(stream) {}

    ArchiveInput(const ArchiveInput&) = delete;
    ArchiveInput& operator=(const ArchiveInput&) = delete;

    /// Rewinds the stream and opens `handle` on it (archive_read_open2 with every callback).
    /// Returns libarchive's status.
    int open(struct archive* handle);

    /// Compressed bytes handed to libarchive so far (seeks back count what is read again).
    std::uint64_t bytesRead() const { return _bytesRead; }

private:
    static la_ssize_t read(struct archive* handle, void* self, const void** buffer);
    static la_int64_t skip(struct archive* handle, void* self, la_int64_t request);
    static la_int64_t seek(struct archive* handle, void* self, la_int64_t offset, int whence);

    std::istream& _stream;
    std::array<char, 64 * 1024> _buffer{};
    std::uint64_t _bytesRead = 0;
};

} // namespace switchyard::plugins::archive
