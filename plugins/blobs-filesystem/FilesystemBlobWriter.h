// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "FileDescriptor.h"
#include "switchyard/plugin/BlobWriter.h"

#include <Poco/Crypto/DigestEngine.h>

#include <cstdint>
#include <memory>
#include <string>

namespace switchyard::plugins::filesystem
{

class FilesystemBlobStore;

/// Streams one binary into a temporary file in the store's .incoming folder, through a 1 MiB buffer,
/// digesting the bytes as they arrive; commit() makes the file durable and hands it to the store
/// under its SHA-256. Destroyed without a successful commit(), it deletes its temporary file.
///
/// With fsync on, a binary larger than the buffer is written with direct I/O (O_DIRECT) from its
/// first full buffer on: it is bound for the disk anyway, and copying it through the page cache
/// first costs more CPU than receiving and digesting it (measured: 2.4 ns of system time per
/// byte buffered against 0.14 direct, on the 2-core machine of the benchmarks). The tail that
/// is not a whole number of DirectAlignment blocks is written through the page cache; commit()'s
/// fdatasync covers both. A file system that refuses O_DIRECT (tmpfs) keeps the page cache.
class FilesystemBlobWriter : public plugin::BlobWriter
{
public:
    /// Bytes collected before they go to the file in one write(2).
    static constexpr std::size_t BufferBytes = 1024 * 1024;

    /// Alignment of the buffer, and of the offsets and sizes of direct writes.
    static constexpr std::size_t DirectAlignment = 4096;

    /// With fsync on, the disk is asked to start writing every this many bytes, so that it works
    /// while the writer digests the next ones and commit() has little left to wait for.
    static constexpr std::uint64_t WritebackBytes = 8 * 1024 * 1024;

    /// Creates the temporary file (mode 0600). `store` must outlive the writer (BlobStore's
    /// contract). Throws Poco::IOException when the file cannot be made.
    explicit FilesystemBlobWriter(FilesystemBlobStore& store);

    /// Deletes the temporary file unless commit() stored it.
    ~FilesystemBlobWriter() override;

    FilesystemBlobWriter(const FilesystemBlobWriter&) = delete;
    FilesystemBlobWriter& operator=(const FilesystemBlobWriter&) = delete;

    /// The temporary file, while there is one (tests).
    const std::string& temporaryPath() const;

    /// True once the file is written with direct I/O (tests).
    bool writesDirectly() const { return _direct; }

    // switchyard::plugin::BlobWriter
    /// Throws Poco::IOException ("blob store full" when the disk is full or free space fell below
    /// the store's minFreeMiB) when the bytes cannot be written; the writer is then unusable.
    void write(const char* data, std::size_t size) override;
    std::uint64_t size() const override;
    std::string commit() override;

private:
    enum class State
    {
        Writing,
        Committed,
        Failed
    };

    /// Throws Poco::IllegalStateException unless the writer is still Writing.
    void checkWriting() const;

    /// Writes the buffered bytes to the file.
    void flush();

    /// Writes `size` bytes to the file, checking the store's free space first.
    void writeFile(const char* data, std::size_t size);

    /// Starts the disk writing what the file has beyond _writebackStart, once that is
    /// WritebackBytes or more (fsync on only).
    void startWriteback();

    /// Switches the file to direct I/O or back; false if the file system refuses.
    bool setDirect(bool direct);

    struct FreeDeleter
    {
        void operator()(char* buffer) const;
    };

    FilesystemBlobStore& _store;
    std::string _temporaryPath;
    FileDescriptor _file;
    Poco::Crypto::DigestEngine _digest;
    std::unique_ptr<char, FreeDeleter> _buffer;
    std::size_t _buffered = 0;
    std::uint64_t _size = 0;
    /// Bytes handed to write(2).
    std::uint64_t _fileBytes = 0;
    /// Where the next startWriteback() begins.
    std::uint64_t _writebackStart = 0;
    State _state = State::Writing;
    /// Direct I/O is on; _directTried: it was tried once (it is never tried again).
    bool _direct = false;
    bool _directTried = false;
};

} // namespace switchyard::plugins::filesystem
