// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "StableHash.h"

namespace switchyard::plugins::dispatch
{

std::uint64_t stableHash(std::string_view text)
{
    constexpr std::uint64_t FnvOffsetBasis = 0xcbf29ce484222325ULL;
    constexpr std::uint64_t FnvPrime = 0x100000001b3ULL;
    std::uint64_t hash = FnvOffsetBasis;
    for (const char c : text)
    {
        hash ^= static_cast<unsigned char>(c);
        hash *= FnvPrime;
    }
    // FNV-1a alone leaves the high bits poorly mixed for short keys; a ring is ordered by them.
    hash ^= hash >> 33;
    hash *= 0xff51afd7ed558ccdULL;
    hash ^= hash >> 33;
    hash *= 0xc4ceb9fe1a85ec53ULL;
    hash ^= hash >> 33;
    return hash;
}

} // namespace switchyard::plugins::dispatch
