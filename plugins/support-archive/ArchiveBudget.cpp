// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ArchiveBudget.h"

#include <algorithm>
#include <limits>

namespace switchyard::plugins::archive
{

ArchiveBudget::ArchiveBudget(const ArchiveLimits& limits, std::uint64_t sourceBytes)
    : _limits(limits), _sourceBytes(sourceBytes)
{
}

std::uint64_t ArchiveBudget::ratioBound(std::uint64_t compressed) const
{
    const std::uint64_t base = std::max(compressed, _limits.ratioFloorBytes);
    if (base >
        std::numeric_limits<std::uint64_t>::max() / std::max<std::uint64_t>(_limits.maxExpansionRatio, 1))
        return std::numeric_limits<std::uint64_t>::max();
    return base * _limits.maxExpansionRatio;
}

bool ArchiveBudget::spend(std::uint64_t bytes, std::uint64_t streamUnpacked, std::uint64_t streamCompressed)
{
    _unpacked += bytes;
    if (_unpacked > _limits.maxUnpackedBytes)
        _exceeded = "more than " + std::to_string(_limits.maxUnpackedBytes >> 20) +
                    " MiB would be unpacked (maxArchiveUnpackedMiB)";
    else if (_unpacked > ratioBound(_sourceBytes))
        _exceeded = "the archive expands more than " + std::to_string(_limits.maxExpansionRatio) +
                    " times its size (maxArchiveExpansionRatio)";
    else if (streamUnpacked > ratioBound(streamCompressed))
        _exceeded = "an archive member expands more than " + std::to_string(_limits.maxExpansionRatio) +
                    " times the compressed bytes read (maxArchiveExpansionRatio)";
    else
        return true;
    return false;
}

bool ArchiveBudget::countMember()
{
    if (_members >= _limits.maxMembers)
    {
        _exceeded =
            "more than " + std::to_string(_limits.maxMembers) + " members (maxSubmitFileCountForArchive)";
        return false;
    }
    ++_members;
    return true;
}

bool ArchiveBudget::accept(MemberCategory category)
{
    std::uint32_t* count = &_other;
    std::uint32_t limit = _limits.maxOther;
    if (category == MemberCategory::Executable)
    {
        count = &_executables;
        limit = _limits.maxExecutables;
    }
    else if (category == MemberCategory::Document)
    {
        count = &_documents;
        limit = _limits.maxDocuments;
    }
    if (*count >= limit)
        return false;
    ++*count;
    return true;
}

} // namespace switchyard::plugins::archive
