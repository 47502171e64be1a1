// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/NodeStatus.h"
#include "switchyard/plugin/Submission.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace switchyard::plugins::dispatch::tests
{

using Nodes = std::vector<plugin::NodeStatus>;

/// A node as the dispatcher offers it.
inline plugin::NodeStatus node(const std::string& id, std::size_t index, std::uint32_t weight = 1,
                               std::uint32_t inFlight = 0, std::uint32_t maxInFlight = 0,
                               std::vector<std::string> mediaTypes = {})
{
    plugin::NodeStatus status;
    status.id = id;
    status.index = index;
    status.weight = weight;
    status.inFlight = inFlight;
    status.maxInFlight = maxInFlight;
    status.mediaTypes = std::move(mediaTypes);
    return status;
}

/// A queued submission of `mediaType` with content `sha256`.
inline plugin::Submission submission(const std::string& mediaType, const std::string& sha256 = {})
{
    plugin::Submission result;
    result.mediaType = mediaType;
    result.sha256 = sha256;
    return result;
}

/// A random lower-case hex SHA-256 from `random` (seed it for a repeatable run).
inline std::string randomSha256(std::mt19937_64& random)
{
    static constexpr char Digits[] = "0123456789abcdef";
    std::string text;
    for (int word = 0; word < 4; ++word)
    {
        std::uint64_t bits = random();
        for (int digit = 0; digit < 16; ++digit, bits >>= 4)
            text.push_back(Digits[bits & 0xf]);
    }
    return text;
}

} // namespace switchyard::plugins::dispatch::tests
