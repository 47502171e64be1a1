// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <string>

namespace switchyard::plugins::support
{

/// Hash strings as reputation lookups take them: MD5, SHA-1, SHA-256 or SHA-512 in hex.
class HashText
{
public:
    /// True when `text` is 32, 40, 64 or 128 hex digits (any case).
    static bool isHash(const std::string& text);

    /// `text` trimmed and lower-cased, the form hash lists and lookups compare.
    static std::string normalize(const std::string& text);
};

} // namespace switchyard::plugins::support
