// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "ArchiveMember.h"

#include <cstdint>
#include <string>
#include <vector>

namespace switchyard::plugins::archive
{

/// The result of unpacking one submitted archive. Plain data.
struct ArchiveOutcome
{
    /// The rejectedReason of the archive itself: ARCHIVE_UNPACKED when its member list was read,
    /// ARCHIVE_INVALID (not readable), ARCHIVE_ENCRYPTED (encrypted listing, no password),
    /// INVALID_PASSWORD, or ARCHIVE_ZIPBOMB (a bound tripped before any member was listed).
    std::string sourceReason;
    /// Every member, in archive order; a nested archive is followed by its own members.
    std::vector<ArchiveMember> members;
    /// Sentences for `submitWarnings` (a limit that was reached, why unpacking stopped).
    std::vector<std::string> warnings;
    /// All bytes decompressed (stored or not), for logs and tests.
    std::uint64_t unpackedBytes = 0;
};

} // namespace switchyard::plugins::archive
