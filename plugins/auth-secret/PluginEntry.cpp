// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SecretAuthenticatorFactory.h"
#include "switchyard/plugin/BuildId.h"
#include "switchyard/plugin/PluginAbi.h"
#include "switchyard/plugin/Registrar.h"

namespace switchyard::plugins::secret
{

namespace
{

void registerFactories(plugin::Registrar& registrar)
{
    registrar.add<plugin::Authenticator>(std::make_unique<SecretAuthenticatorFactory>());
}

} // namespace

const plugin::PluginDescriptor& describe()
{
    static const plugin::PluginDescriptor descriptor{SWITCHYARD_PLUGIN_ABI_VERSION, SWITCHYARD_BUILD_ID,
                                                     "auth-secret", "0.1.0", &registerFactories};
    return descriptor;
}

} // namespace switchyard::plugins::secret

SWITCHYARD_PLUGIN_ENTRY(switchyard::plugins::secret::describe)
