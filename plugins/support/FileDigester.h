// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/FileFacts.h"

#include <Poco/Crypto/DigestEngine.h>

#include <cstddef>
#include <optional>

namespace switchyard::plugins::support
{

/// The digests of the broker API (MD5, SHA-1, SHA-256, SHA-512), computed in one pass over
/// content that arrives in pieces. Used from one thread.
class FileDigester
{
public:
    /// Bits choosing the algorithms to compute.
    enum Algorithm : unsigned
    {
        Md5 = 1u,
        Sha1 = 2u,
        Sha256 = 4u,
        Sha512 = 8u,
        All = 15u,
    };

    explicit FileDigester(unsigned algorithms = All);

    /// Adds `size` bytes to every digest chosen.
    void update(const char* data, std::size_t size);

    /// Sets the chosen digests in `facts` as lower-case hex and leaves the other fields alone.
    /// Call once, after the last update(); the digester is then spent.
    void finish(plugin::FileFacts& facts);

private:
    std::optional<Poco::Crypto::DigestEngine> _md5;
    std::optional<Poco::Crypto::DigestEngine> _sha1;
    std::optional<Poco::Crypto::DigestEngine> _sha256;
    std::optional<Poco::Crypto::DigestEngine> _sha512;
};

} // namespace switchyard::plugins::support
