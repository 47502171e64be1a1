// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <string>
#include <vector>

namespace switchyard::plugin
{

/// One source's answer to a reputation lookup.
struct ReputationAnswer
{
    /// Hashes the source knows as good, as given (lower-cased).
    std::vector<std::string> whitelistedHashes;
    /// Inputs that are not MD5, SHA-1, SHA-256 or SHA-512 hex strings, as given.
    std::vector<std::string> invalidHashes;
};

} // namespace switchyard::plugin
