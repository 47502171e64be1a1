// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ArchiveUnpacker.h"

#include "ArchiveInput.h"
#include "DigestingBlobWriter.h"
#include "MemberCategories.h"
#include "MemberName.h"

#include <Poco/Exception.h>
#include <Poco/String.h>
#include <archive.h>
#include <archive_entry.h>

#include <array>
#include <memory>
#include <optional>
#include <string_view>

namespace switchyard::plugins::archive
{

namespace
{

constexpr std::size_t ChunkBytes = 64 * 1024;

struct HandleCloser
{
    void operator()(struct archive* handle) const { archive_read_free(handle); }
};
using Handle = std::unique_ptr<struct archive, HandleCloser>;

// Containers only: "raw" would take any file, and mtree or warc would take some text files.
void supportContainers(struct archive* handle)
{
    archive_read_support_filter_all(handle);
    archive_read_support_format_7zip(handle);
    archive_read_support_format_cab(handle);
    archive_read_support_format_cpio(handle);
    archive_read_support_format_iso9660(handle);
    archive_read_support_format_lha(handle);
    archive_read_support_format_rar(handle);
    archive_read_support_format_rar5(handle);
    archive_read_support_format_tar(handle);
    archive_read_support_format_xar(handle);
    archive_read_support_format_zip(handle);
}

std::string errorText(struct archive* handle)
{
    const char* text = archive_error_string(handle);
    return text ? text : "unknown libarchive error";
}

bool mentions(const std::string& text, std::string_view word)
{
    return Poco::toLower(text).find(word) != std::string::npos;
}

// A single compressed file's member: its submit name without the compressor's suffix.
std::string rawMemberName(const std::string& submitName)
{
    static constexpr std::array<std::string_view, 8> suffixes{".gz",  ".bz2", ".xz", ".lzma",
                                                              ".zst", ".lz",  ".Z",  ".z"};
    for (std::string_view suffix : suffixes)
        if (submitName.size() > suffix.size() &&
            submitName.compare(submitName.size() - suffix.size(), suffix.size(), suffix) == 0)
            return submitName.substr(0, submitName.size() - suffix.size());
    return submitName + ".data";
}

} // namespace

struct ArchiveUnpacker::Level
{
    struct archive* handle = nullptr;
    ArchiveInput* input = nullptr;
    std::string sha256;
    unsigned depth = 1;
    std::uint64_t unpacked = 0;
    bool fatal = false;
};

ArchiveUnpacker::ArchiveUnpacker(ArchiveLimits limits, plugin::BlobStore& store,
                                 support::MediaTypeDetector& mediaTypes)
    : _limits(limits), _store(store), _mediaTypes(mediaTypes), _buffer(ChunkBytes)
{
}

ArchiveOutcome ArchiveUnpacker::unpack(std::istream& content, std::uint64_t size, const std::string& sha256,
                                       const std::string& submitName, const std::string& password)
{
    ArchiveOutcome outcome;
    ArchiveBudget budget(_limits, size);
    _outcome = &outcome;
    _budget = &budget;
    _password = password;
    _stopped = false;
    outcome.sourceReason = unpackLevel(content, sha256, submitName, 1);
    outcome.unpackedBytes = budget.unpackedBytes();
    _outcome = nullptr;
    _budget = nullptr;
    return outcome;
}

void ArchiveUnpacker::stop(const std::string& why)
{
    _stopped = true;
    _outcome->warnings.push_back("unpacking stopped: " + why);
}

std::string ArchiveUnpacker::failureReason(struct archive* handle, bool encrypted) const
{
    const std::string error = errorText(handle);
    const bool aboutEncryption = encrypted || archive_read_has_encrypted_entries(handle) > 0 ||
                                 mentions(error, "encrypt") || mentions(error, "passphrase") ||
                                 mentions(error, "password");
    if (!aboutEncryption)
        return "ARCHIVE_INVALID";
    // libarchive cannot decrypt every scheme (7z AES, RAR): no password would help then.
    if (_password.empty() || mentions(error, "unsupported") || mentions(error, "not supported"))
        return "ARCHIVE_ENCRYPTED";
    return "INVALID_PASSWORD";
}

std::string ArchiveUnpacker::open(struct archive*& handle, ArchiveInput& input, struct archive_entry*& first,
                                  int& status)
{
    handle = archive_read_new();
    if (!handle)
        throw Poco::OutOfMemoryException("libarchive cannot allocate a reader");
    supportContainers(handle);
    if (!_password.empty())
        archive_read_add_passphrase(handle, _password.c_str());
    status = input.open(handle);
    if (status == ARCHIVE_OK || status == ARCHIVE_WARN)
        status = archive_read_next_header(handle, &first);
    // An empty container behind a compressor is taken as a single compressed file: zeros look
    // like the end of an empty tar, and a bomb of zeros must not pass for an empty archive.
    const bool emptyCompressed = status == ARCHIVE_EOF && archive_filter_count(handle) > 1;
    const bool unrecognized =
        status == ARCHIVE_FATAL && mentions(errorText(handle), "unrecognized archive format");
    if (!emptyCompressed && !unrecognized)
        return status == ARCHIVE_FATAL ? failureReason(handle, false) : "";

    // Not a container: a single compressed file is one, if a decompression filter recognised it.
    archive_read_free(handle);
    handle = archive_read_new();
    if (!handle)
        throw Poco::OutOfMemoryException("libarchive cannot allocate a reader");
    archive_read_support_filter_all(handle);
    archive_read_support_format_raw(handle);
    status = input.open(handle);
    if (status != ARCHIVE_OK && status != ARCHIVE_WARN)
        return "ARCHIVE_INVALID";
    if (archive_filter_count(handle) < 2)
    {
        status = ARCHIVE_FATAL;
        return "ARCHIVE_INVALID";
    }
    status = archive_read_next_header(handle, &first);
    return status == ARCHIVE_FATAL ? "ARCHIVE_INVALID" : "";
}

std::string ArchiveUnpacker::unpackLevel(std::istream& content, const std::string& sha256,
                                         const std::string& submitName, unsigned depth)
{
    ArchiveInput input(content);
    struct archive* raw = nullptr;
    struct archive_entry* entry = nullptr;
    int status = ARCHIVE_OK;
    const std::string failure = open(raw, input, entry, status);
    Handle handle(raw);
    if (!failure.empty())
        return failure;
    const bool isRaw = archive_format(raw) == ARCHIVE_FORMAT_RAW;

    Level level;
    level.handle = raw;
    level.input = &input;
    level.sha256 = sha256;
    level.depth = depth;
    std::uint64_t number = 0;
    while (!_stopped && !level.fatal)
    {
        if (number > 0)
            status = archive_read_next_header(raw, &entry);
        if (status == ARCHIVE_EOF)
            break;
        ++number;
        ArchiveMember member;
        member.depth = depth;
        if (status == ARCHIVE_FATAL || status == ARCHIVE_RETRY)
        {
            // The listing itself is corrupt or cut short here: say so once, then stop reading it.
            member.submitName = sha256 + "_" + std::to_string(number);
            member.rejectedReason = failureReason(raw, false);
            _outcome->warnings.push_back(submitName + ": cannot read past member " +
                                         std::to_string(number - 1) + ": " + errorText(raw));
            _outcome->members.push_back(std::move(member));
            break;
        }
        const char* path = archive_entry_pathname_utf8(entry);
        if (!path)
            path = archive_entry_pathname(entry);
        member.submitName = isRaw ? rawMemberName(submitName) : MemberName::toUtf8(path ? path : "");
        if (member.submitName.empty())
            member.submitName = sha256 + "_" + std::to_string(number);
        if (!_budget->countMember())
        {
            member.rejectedReason = "ARCHIVE_ZIPBOMB";
            _outcome->members.push_back(std::move(member));
            stop(_budget->exceeded());
            break;
        }
        const auto type = archive_entry_filetype(entry);
        if (type == AE_IFDIR)
            member.rejectedReason = "DIRECTORY";
        else if (type != AE_IFREG && !isRaw)
            member.rejectedReason = "UNSUPPORTED_FILE_FORMAT";
        else if (archive_entry_is_data_encrypted(entry) && _password.empty())
            member.rejectedReason = "ARCHIVE_ENCRYPTED";
        if (!member.rejectedReason.empty())
            _outcome->members.push_back(std::move(member));
        else
            readMember(level, entry, std::move(member));
    }
    return "ARCHIVE_UNPACKED";
}

void ArchiveUnpacker::readMember(Level& level, struct archive_entry* entry, ArchiveMember member)
{
    std::string pending;
    bool decided = false;
    bool nested = false;
    bool overLimit = false;
    bool tooLarge = false;
    std::string failure;
    std::string mediaType;
    std::uint64_t size = 0;
    std::optional<support::DigestingBlobWriter> writer;

    const auto store = [&](const char* data, std::size_t count)
    {
        if (!writer || !failure.empty())
            return;
        try
        {
            writer->write(data, count);
        }
        catch (const Poco::Exception& error)
        {
            failure = "INTERNAL_ERROR";
            _outcome->warnings.push_back(member.submitName + ": cannot store: " + error.displayText());
            writer.reset();
        }
    };
    const auto decide = [&]
    {
        decided = true;
        mediaType = _mediaTypes.detect(pending.data(), pending.size());
        MemberCategory category = MemberCategories::of(mediaType);
        nested = category == MemberCategory::Archive && level.depth < _limits.maxDepth;
        if (category == MemberCategory::Archive && !nested)
            category = MemberCategory::Other;
        if (!nested && !_budget->accept(category))
        {
            overLimit = true;
            return;
        }
        try
        {
            writer.emplace(_store.createWriter());
        }
        catch (const Poco::IOException& error)
        {
            failure = "SERVER_FULL";
            _outcome->warnings.push_back(member.submitName +
                                         ": the blob store takes no more: " + error.displayText());
            return;
        }
        store(pending.data(), pending.size());
        pending.clear();
    };

    for (;;)
    {
        const la_ssize_t count = archive_read_data(level.handle, _buffer.data(), _buffer.size());
        if (count < 0)
        {
            if (count == ARCHIVE_FATAL)
                level.fatal = true;
            member.rejectedReason = failureReason(level.handle, archive_entry_is_data_encrypted(entry) != 0);
            _outcome->warnings.push_back(member.submitName + ": " + errorText(level.handle));
            _outcome->members.push_back(std::move(member));
            return;
        }
        if (count == 0)
            break;
        const auto bytes = static_cast<std::uint64_t>(count);
        size += bytes;
        level.unpacked += bytes;
        if (!_budget->spend(bytes, level.unpacked, level.input->bytesRead()))
        {
            member.rejectedReason = "ARCHIVE_ZIPBOMB";
            _outcome->members.push_back(std::move(member));
            stop(_budget->exceeded());
            return;
        }
        if (size > _limits.maxMemberBytes)
        {
            // Keep decompressing, without storing, so that the byte bounds still apply.
            tooLarge = true;
            writer.reset();
            pending.clear();
            continue;
        }
        if (tooLarge)
            continue;
        if (!decided)
        {
            pending.append(_buffer.data(), bytes);
            if (pending.size() >= support::DigestingBlobWriter::HeadBytes)
                decide();
        }
        else
            store(_buffer.data(), bytes);
    }

    if (size == 0)
        member.rejectedReason = "EMPTY_FILE";
    else if (tooLarge)
        member.rejectedReason = "TOO_LARGE_FILE";
    else
    {
        if (!decided)
            decide();
        if (!failure.empty())
            member.rejectedReason = failure;
        else if (overLimit)
        {
            member.rejectedReason = "ARCHIVE_ZIPBOMB";
            _outcome->warnings.push_back(member.submitName +
                                         ": not submitted, the archive's limit for files of type " +
                                         mediaType + " is reached (maxSubmitFileCountForArchive*)");
        }
    }
    if (!member.rejectedReason.empty() || !writer)
    {
        if (member.rejectedReason.empty())
            member.rejectedReason = "INTERNAL_ERROR";
        _outcome->members.push_back(std::move(member));
        return;
    }
    try
    {
        member.facts = writer->commit();
    }
    catch (const Poco::Exception& error)
    {
        member.rejectedReason = "INTERNAL_ERROR";
        _outcome->warnings.push_back(member.submitName + ": cannot store: " + error.displayText());
        _outcome->members.push_back(std::move(member));
        return;
    }
    member.facts.submitName = member.submitName;
    member.facts.mediaType = mediaType;
    member.stored = true;
    if (!nested)
    {
        _outcome->members.push_back(std::move(member));
        return;
    }
    member.isSourceFile = true;
    const std::size_t at = _outcome->members.size();
    const std::string sha256 = member.facts.sha256;
    const std::string name = member.submitName;
    _outcome->members.push_back(std::move(member));
    std::unique_ptr<std::istream> inner = _store.open(sha256);
    if (!inner)
    {
        _outcome->members[at].rejectedReason = "INTERNAL_ERROR";
        _outcome->warnings.push_back(name + ": stored, but the blob store cannot open it again");
        return;
    }
    _outcome->members[at].rejectedReason = unpackLevel(*inner, sha256, name, level.depth + 1);
}

} // namespace switchyard::plugins::archive
