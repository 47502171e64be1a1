// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "ArchiveLimits.h"
#include "MemberCategory.h"

#include <cstdint>
#include <string>

namespace switchyard::plugins::archive
{

/// What one submitted archive may still spend: decompressed bytes (in total and per compressed
/// byte), members inspected and members accepted by category. Shared by every nesting level of
/// the archive, so an archive of archives gets no more than a flat one. Used from one thread.
class ArchiveBudget
{
public:
    /// `sourceBytes`: the size of the submitted archive.
    ArchiveBudget(const ArchiveLimits& limits, std::uint64_t sourceBytes);

    /// Counts `bytes` more decompressed from an archive that has read `streamUnpacked` bytes out
    /// of `streamCompressed` compressed ones (both including these bytes). Returns false, and
    /// sets exceeded(), when a byte or ratio bound is crossed.
    bool spend(std::uint64_t bytes, std::uint64_t streamUnpacked, std::uint64_t streamCompressed);

    /// Counts one more member inspected; false (and exceeded() set) beyond maxMembers.
    bool countMember();

    /// Takes one acceptance of `category`; false when that category's limit is reached.
    bool accept(MemberCategory category);

    /// Why the last spend() or countMember() failed.
    const std::string& exceeded() const { return _exceeded; }

    std::uint64_t unpackedBytes() const { return _unpacked; }
    const ArchiveLimits& limits() const { return _limits; }

private:
    std::uint64_t ratioBound(std::uint64_t compressed) const;

    const ArchiveLimits& _limits;
    std::uint64_t _sourceBytes;
    std::uint64_t _unpacked = 0;
    std::uint32_t _members = 0;
    std::uint32_t _executables = 0;
    std::uint32_t _documents = 0;
    std::uint32_t _other = 0;
    std::string _exceeded;
};

} // namespace switchyard::plugins::archive
