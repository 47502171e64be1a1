// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
//
// libFuzzer target: arbitrary bytes as a submitted archive, unpacked into an in-memory blob
// store with small bounds (so that a slow or huge input shows as a hang or an RSS overrun).
#include "ArchiveUnpacker.h"
#include "MediaTypeDetector.h"
#include "MemoryBlobStore.h"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace support = switchyard::plugins::support;
    namespace memory = switchyard::plugins::memory;
    namespace unpacking = switchyard::plugins::archive;
    static support::MediaTypeDetector mediaTypes;
    unpacking::ArchiveLimits limits;
    limits.maxMemberBytes = 4u << 20;
    limits.maxUnpackedBytes = 32u << 20;
    limits.maxMembers = 1000;
    limits.maxOther = 100;
    memory::MemoryBlobStore store(64u << 20);
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    // The first byte picks a password, so both the encrypted and the plain paths are reached.
    const std::string password = size > 0 && (data[0] & 1) ? "password" : "";
    std::istringstream content(bytes);
    unpacking::ArchiveUnpacker unpacker(limits, store, mediaTypes);
    unpacking::ArchiveOutcome outcome = unpacker.unpack(content, size, "fuzz", "fuzz.bin", password);
    if (outcome.unpackedBytes > limits.maxUnpackedBytes + (1u << 20) || outcome.sourceReason.empty())
        __builtin_trap();
    for (const unpacking::ArchiveMember& member : outcome.members)
        if (member.stored &&
            (!store.size(member.facts.sha256) || *store.size(member.facts.sha256) != member.facts.fileSize))
            __builtin_trap();
    return 0;
}
