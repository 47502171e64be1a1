// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "ArchiveBudget.h"
#include "ArchiveLimits.h"
#include "ArchiveOutcome.h"
#include "MediaTypeDetector.h"
#include "switchyard/plugin/BlobStore.h"

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

struct archive;
struct archive_entry;

namespace switchyard::plugins::archive
{

class ArchiveInput;

/// Unpacks a submitted archive (zip with or without a password, 7z, tar and its compressed
/// forms, single gzip/bzip2/xz/zstd/lzip files, ISO 9660, CAB, RAR, cpio, LHA, XAR) with
/// libarchive, straight from the blob store: every member is streamed through a
/// DigestingBlobWriter in 64 KiB pieces (never held whole in memory) and committed, so that the
/// caller can queue it. Archives inside are unpacked the same way up to ArchiveLimits::maxDepth.
///
/// Every bound of ArchiveLimits is checked while the bytes come out of the decompressor, so a
/// bomb is stopped after at most ratio x (compressed bytes read, or the floor) decompressed
/// bytes and nothing larger than maxMemberBytes is ever written. Member names are data: the
/// blob store names binaries by their digest, so no name reaches the filesystem.
///
/// One unpacker serves one request, from one thread; the store and detector are thread-safe.
class ArchiveUnpacker
{
public:
    ArchiveUnpacker(ArchiveLimits limits, plugin::BlobStore& store, support::MediaTypeDetector& mediaTypes);

    /// Unpacks `content` (a seekable stream over the archive, `size` bytes) that was stored as
    /// `sha256` and submitted as `submitName`. `password` ("" for none) opens encrypted zips.
    /// Never throws for what the archive holds; throws Poco::Exception only for programming
    /// errors. Members already committed stay in the store whatever the outcome.
    ArchiveOutcome unpack(std::istream& content, std::uint64_t size, const std::string& sha256,
                          const std::string& submitName, const std::string& password);

private:
    struct Level;

    /// Unpacks one archive of the tree; returns its rejectedReason as a source file.
    std::string unpackLevel(std::istream& content, const std::string& sha256, const std::string& submitName,
                            unsigned depth);
    /// Opens `handle` on `input`: container formats first, then single compressed files.
    std::string open(struct archive*& handle, ArchiveInput& input, struct archive_entry*& first, int& status);
    /// Reads the current member's data; appends it (and, for a nested archive, its members).
    void readMember(Level& level, struct archive_entry* entry, ArchiveMember member);
    std::string failureReason(struct archive* handle, bool encrypted) const;
    void stop(const std::string& why);

    ArchiveLimits _limits;
    plugin::BlobStore& _store;
    support::MediaTypeDetector& _mediaTypes;
    std::string _password;
    ArchiveOutcome* _outcome = nullptr;
    ArchiveBudget* _budget = nullptr;
    bool _stopped = false;
    std::vector<char> _buffer;
};

} // namespace switchyard::plugins::archive
