// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <string>

namespace switchyard::plugin
{

/// What is known about a file before analysis. Digests are lower-case hex.
struct FileFacts
{
    std::string submitName;
    std::uint64_t fileSize = 0;
    std::string md5;
    std::string sha1;
    std::string sha256;
    std::string sha512;
    /// Media type string, e.g. "application/pdf".
    std::string mediaType;
};

} // namespace switchyard::plugin
