// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "TestArchive.h"

#include <Poco/Exception.h>
#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <vector>
#include <zlib.h>

namespace switchyard::testsupport
{

namespace
{

constexpr std::size_t MiB = 1024 * 1024;

la_ssize_t append(struct archive*, void* output, const void* data, size_t size)
{
    static_cast<std::string*>(output)->append(static_cast<const char*>(data), size);
    return static_cast<la_ssize_t>(size);
}

void putLe(std::string& out, std::uint64_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

// Raw deflate of `size` zeros at level 9, ended by a full flush (byte-aligned, independent of
// what came before), or finished.
std::string deflateZeros(std::size_t size, int flush)
{
    z_stream stream{};
    if (deflateInit2(&stream, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        throw Poco::RuntimeException("deflateInit2 failed");
    std::vector<unsigned char> input(size, 0);
    std::string output(size / 100 + 4096, '\0');
    stream.next_in = input.data();
    stream.avail_in = static_cast<uInt>(input.size());
    stream.next_out = reinterpret_cast<unsigned char*>(output.data());
    stream.avail_out = static_cast<uInt>(output.size());
    const int status = deflate(&stream, flush);
    const bool done = flush == Z_FINISH ? status == Z_STREAM_END : status == Z_OK && stream.avail_in == 0;
    output.resize(stream.total_out);
    deflateEnd(&stream);
    if (!done)
        throw Poco::RuntimeException("deflate of zeros did not fit");
    return output;
}

std::uint32_t crcOfZeros(std::uint64_t size)
{
    const std::vector<unsigned char> zeros(MiB, 0);
    const uLong chunkCrc = crc32(0L, zeros.data(), static_cast<uInt>(MiB));
    uLong crc = crc32(0L, Z_NULL, 0);
    std::uint64_t left = size;
    while (left >= MiB)
    {
        crc = crc32_combine(crc, chunkCrc, static_cast<z_off_t>(MiB));
        left -= MiB;
    }
    if (left > 0)
        crc = crc32(crc, zeros.data(), static_cast<uInt>(left));
    return static_cast<std::uint32_t>(crc);
}

} // namespace

TestArchive::TestArchive(const std::string& format, const std::string& filter, const std::string& options,
                         const std::string& passphrase)
    : _archive(archive_write_new()), _output(std::make_shared<std::string>())
{
    check(archive_write_set_format_by_name(_archive, format.c_str()), "format");
    if (filter != "none")
        check(archive_write_add_filter_by_name(_archive, filter.c_str()), "filter");
    if (!options.empty())
        check(archive_write_set_options(_archive, options.c_str()), "options");
    if (!passphrase.empty())
        check(archive_write_set_passphrase(_archive, passphrase.c_str()), "passphrase");
    archive_write_set_bytes_in_last_block(_archive, 1);
    check(archive_write_open(_archive, _output.get(), nullptr, &append, nullptr), "open");
}

TestArchive::~TestArchive()
{
    archive_write_free(_archive);
}

void TestArchive::check(int status, const char* what)
{
    if (status != ARCHIVE_OK)
    {
        const char* error = archive_error_string(_archive);
        throw Poco::RuntimeException(std::string("libarchive writer, ") + what + ": " +
                                     (error ? error : "?"));
    }
}

TestArchive& TestArchive::file(const std::string& name, const std::string& content)
{
    struct archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, name.c_str());
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_size(entry, static_cast<la_int64_t>(content.size()));
    archive_entry_set_mtime(entry, 1700000000, 0);
    const int status = archive_write_header(_archive, entry);
    archive_entry_free(entry);
    check(status, "header");
    if (!content.empty() && archive_write_data(_archive, content.data(), content.size()) < 0)
        check(ARCHIVE_FATAL, "data");
    return *this;
}

TestArchive& TestArchive::zeros(const std::string& name, std::uint64_t size)
{
    struct archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, name.c_str());
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_size(entry, static_cast<la_int64_t>(size));
    const int status = archive_write_header(_archive, entry);
    archive_entry_free(entry);
    check(status, "header");
    const std::string chunk(MiB, '\0');
    for (std::uint64_t left = size; left > 0;)
    {
        const std::size_t count = static_cast<std::size_t>(std::min<std::uint64_t>(left, chunk.size()));
        if (archive_write_data(_archive, chunk.data(), count) < 0)
            check(ARCHIVE_FATAL, "data");
        left -= count;
    }
    return *this;
}

TestArchive& TestArchive::directory(const std::string& name)
{
    struct archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, name.c_str());
    archive_entry_set_filetype(entry, AE_IFDIR);
    archive_entry_set_perm(entry, 0755);
    const int status = archive_write_header(_archive, entry);
    archive_entry_free(entry);
    check(status, "directory");
    return *this;
}

TestArchive& TestArchive::symlink(const std::string& name, const std::string& target)
{
    struct archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, name.c_str());
    archive_entry_set_filetype(entry, AE_IFLNK);
    archive_entry_set_symlink(entry, target.c_str());
    archive_entry_set_perm(entry, 0777);
    const int status = archive_write_header(_archive, entry);
    archive_entry_free(entry);
    check(status, "symlink");
    return *this;
}

std::string TestArchive::bytes()
{
    if (!_finished)
    {
        _finished = true;
        check(archive_write_close(_archive), "close");
    }
    return *_output;
}

std::string TestArchive::gzipOfZeros(std::uint64_t size)
{
    const std::string block = deflateZeros(MiB, Z_FULL_FLUSH);
    std::string gzip("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
    gzip.reserve(10 + block.size() * (size / MiB + 1) + 16);
    std::uint64_t left = size;
    for (; left >= MiB; left -= MiB)
        gzip += block;
    gzip += deflateZeros(static_cast<std::size_t>(left), Z_FINISH);
    putLe(gzip, crcOfZeros(size), 4);
    putLe(gzip, size & 0xFFFFFFFFu, 4);
    return gzip;
}

std::string TestArchive::overlappingZip(unsigned entries, std::uint32_t size)
{
    const std::string data = deflateZeros(size, Z_FINISH);
    const std::uint32_t crc = crcOfZeros(size);
    const std::string name = "overlap.bin";
    const auto common = [&](std::string& out)
    {
        putLe(out, 20, 2); // version needed
        putLe(out, 0, 2);  // flags
        putLe(out, 8, 2);  // deflate
        putLe(out, 0, 2);  // time
        putLe(out, 0x21, 2);
        putLe(out, crc, 4);
        putLe(out, data.size(), 4);
        putLe(out, size, 4);
        putLe(out, name.size(), 2);
        putLe(out, 0, 2); // extra
    };
    std::string zip;
    putLe(zip, 0x04034b50, 4);
    common(zip);
    zip += name;
    zip += data;
    const std::size_t directoryOffset = zip.size();
    for (unsigned i = 0; i < entries; ++i)
    {
        putLe(zip, 0x02014b50, 4);
        putLe(zip, 20, 2); // version made by
        common(zip);
        putLe(zip, 0, 2); // comment
        putLe(zip, 0, 2); // disk
        putLe(zip, 0, 2); // internal attributes
        putLe(zip, 0, 4); // external attributes
        putLe(zip, 0, 4); // local header offset: all the same
        zip += name;
    }
    const std::size_t directorySize = zip.size() - directoryOffset;
    putLe(zip, 0x06054b50, 4);
    putLe(zip, 0, 2);
    putLe(zip, 0, 2);
    putLe(zip, entries, 2);
    putLe(zip, entries, 2);
    putLe(zip, directorySize, 4);
    putLe(zip, directoryOffset, 4);
    putLe(zip, 0, 2);
    return zip;
}

} // namespace switchyard::testsupport
