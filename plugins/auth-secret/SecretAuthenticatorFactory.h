// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Authenticator.h"

namespace switchyard::plugins::secret
{

/// Makes `auth.secret` instances from a block such as
/// `keys = alice, ci`, `keys.alice.secret = ...`, `keys.alice.level = admin` (see README.md).
class SecretAuthenticatorFactory : public plugin::AuthenticatorFactory
{
public:
    /// The smallest secret length accepted unless `allowShortSecrets = true`.
    static constexpr std::size_t MinimumSecretLength = 16;

    // switchyard::plugin::FactoryBase
    std::string type() const override;

    // switchyard::plugin::Factory<Authenticator>
    std::unique_ptr<plugin::Authenticator> create(const Poco::Util::AbstractConfiguration& config,
                                                  plugin::PluginContext& context) const override;
};

} // namespace switchyard::plugins::secret
