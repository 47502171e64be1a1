// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <memory>
#include <string>

struct archive;

namespace switchyard::testsupport
{

/// Builds an archive in memory with libarchive's writer, so that tests make their archives at
/// test time (nothing opaque is committed). Formats and filters are libarchive's names: "zip",
/// "7zip", "ustar", "iso9660", "cpio", "raw" (one member: a single compressed file); "none",
/// "gzip", "bzip2", "xz".
class TestArchive
{
public:
    /// `options` as for archive_write_set_options, e.g. "zip:encryption=aes256".
    explicit TestArchive(const std::string& format, const std::string& filter = "none",
                         const std::string& options = "", const std::string& passphrase = "");
    ~TestArchive();
    TestArchive(const TestArchive&) = delete;
    TestArchive& operator=(const TestArchive&) = delete;

    TestArchive& file(const std::string& name, const std::string& content);
    /// A member of `size` zero bytes, written 1 MiB at a time.
    TestArchive& zeros(const std::string& name, std::uint64_t size);
    TestArchive& directory(const std::string& name);
    TestArchive& symlink(const std::string& name, const std::string& target);

    /// Finishes the archive and returns its bytes. Call once.
    std::string bytes();

    /// A gzip file of `size` zero bytes made without compressing them: one deflate block for
    /// 1 MiB of zeros, repeated (about 1 KiB per MiB), so a 10 GiB bomb is made in milliseconds.
    static std::string gzipOfZeros(std::uint64_t size);

    /// A zip whose `entries` central directory entries all point at one local entry of `size`
    /// zero bytes (an overlapping-entry bomb).
    static std::string overlappingZip(unsigned entries, std::uint32_t size);

private:
    void check(int status, const char* what);

    struct archive* _archive;
    std::shared_ptr<std::string> _output;
    bool _finished = false;
};

} // namespace switchyard::testsupport
