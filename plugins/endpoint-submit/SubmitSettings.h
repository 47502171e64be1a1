// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "ArchiveLimits.h"
#include "UrlSettings.h"

#include <cstdint>

namespace switchyard::plugins::submit
{

/// The validated configuration of an endpoint.submit instance.
struct SubmitSettings
{
    /// TOO_LARGE_FILE beyond this many bytes per file (`maxFileSizeInKilobytes`).
    std::uint64_t maxFileBytes = 102400ull * 1024;
    /// SERVER_FULL when this many submissions are queued already (`maxQueued`; 0 = no bound).
    std::uint64_t maxQueued = 0;
    /// SERVER_FULL when a storage area of the blob store has less free space (`minFreeDiskMiB`).
    std::uint64_t minFreeDiskBytes = 1024ull << 20;
    /// 400 when a request carries more file parts (`maxFilesPerRequest`).
    std::uint32_t maxFilesPerRequest = 100;
    /// `skipWhitelistedFiles` when a request does not say: files whose MD5, SHA-1, SHA-256 or
    /// SHA-512 a reputation source whitelists are rejected with WHITELISTED.
    bool skipWhitelistedFiles = false;
    /// How submitted archives are unpacked (maxMemberBytes is maxFileBytes).
    archive::ArchiveLimits archive;
    /// How `url` submissions are downloaded.
    UrlSettings url;
};

} // namespace switchyard::plugins::submit
