// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/AccessLevel.h"
#include "switchyard/plugin/Authenticator.h"

#include <array>
#include <string>
#include <vector>

namespace Poco
{
class Logger;
}

namespace switchyard::plugins::secret
{

/// The `auth.secret` authenticator: grants a request that presents the secret of one of the
/// configured API keys, with that key's level.
///
/// The secret is looked for in the header `X-Api-Key`, in `Authorization: Bearer <secret>`, and in
/// the parameters `secret` and `serect` (every occurrence of each). When several are present they
/// must all be equal, otherwise the request is refused as Invalid.
///
/// Only SHA-256 digests of the secrets are kept. A presented secret is digested and compared with
/// every key's digest in constant time, so neither the secret's length nor the position of the
/// first differing byte nor the matching key shows in the timing.
class SecretAuthenticator : public plugin::Authenticator
{
public:
    using Digest = std::array<unsigned char, 32>;

    /// One configured API key.
    struct Key
    {
        /// The configured name; safe to log.
        std::string name;
        plugin::AccessLevel level = plugin::AccessLevel::None;
        /// SHA-256 of the secret (see digestOf).
        Digest digest{};
    };

    /// Takes the keys (their digests must be distinct) and the logger of the instance.
    SecretAuthenticator(std::vector<Key> keys, Poco::Logger& logger);

    /// The SHA-256 of `secret`. Thread-safe.
    static Digest digestOf(const std::string& secret);

    // switchyard::plugin::Authenticator
    plugin::AuthResult authenticate(const Poco::Net::HTTPServerRequest& request,
                                    const Poco::Net::NameValueCollection& parameters) const override;

private:
    /// What the request presented: nothing, one secret (possibly several times), or several
    /// different ones.
    struct Presented
    {
        bool any = false;
        bool conflicting = false;
        std::string secret;

        void offer(const std::string& candidate);
    };

    static Presented findCredential(const Poco::Net::HTTPServerRequest& request,
                                    const Poco::Net::NameValueCollection& parameters);
    plugin::AuthResult match(const std::string& secret) const;

    std::vector<Key> _keys;
    Poco::Logger& _logger;
};

} // namespace switchyard::plugins::secret
