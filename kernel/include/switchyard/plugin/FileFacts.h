// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <string>

namespace switchyard::plugin
{

/// What is known about a stored binary: computed once, when it arrived. Digests are lower-case
/// hex.
struct FileFacts
{
    /// The name it was first submitted under (data only: never used as a path).
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
