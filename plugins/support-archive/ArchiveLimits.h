// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>

namespace switchyard::plugins::archive
{

/// The bounds an archive submitted to the broker is unpacked within. The counts apply to the
/// whole tree of one submitted archive (nested archives included), as do the byte bounds.
struct ArchiveLimits
{
    /// Members inspected at most (`maxSubmitFileCountForArchive`); beyond it unpacking stops
    /// with ARCHIVE_ZIPBOMB.
    std::uint32_t maxMembers = 10000;
    /// Members accepted at most by category (`maxSubmitFileCountForArchiveExecutables`,
    /// `...Documents`, `...Other`); members beyond are rejected and not stored.
    std::uint32_t maxExecutables = 100;
    std::uint32_t maxDocuments = 10;
    std::uint32_t maxOther = 10;
    /// A member larger than this is TOO_LARGE_FILE (the endpoint's `maxFileSizeInKilobytes`).
    std::uint64_t maxMemberBytes = 102400ull * 1024;
    /// All bytes decompressed for one submitted archive, stored or not (`maxArchiveUnpackedMiB`).
    std::uint64_t maxUnpackedBytes = 4096ull << 20;
    /// Decompressed bytes per compressed byte (`maxArchiveExpansionRatio`), checked against the
    /// compressed bytes read so far (of each archive and of the submitted one) ...
    std::uint32_t maxExpansionRatio = 100;
    /// ... but never against fewer than this many compressed bytes (`archiveRatioFloorKilobytes`),
    /// so that a small archive may always expand to ratio x floor.
    std::uint64_t ratioFloorBytes = 1024ull * 1024;
    /// Archives inside archives are unpacked this many levels deep (`maxArchiveDepth`; 1 = only
    /// the submitted archive, 0 = none); deeper ones are submitted as files.
    std::uint32_t maxDepth = 3;
};

} // namespace switchyard::plugins::archive
