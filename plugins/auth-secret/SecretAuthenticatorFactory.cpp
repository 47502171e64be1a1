// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SecretAuthenticatorFactory.h"

#include "SecretAuthenticator.h"
#include "switchyard/plugin/ConfigReader.h"

#include <Poco/Logger.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace switchyard::plugins::secret
{

namespace
{

bool isValidKeyName(const std::string& name)
{
    // A dot would make "keys.<name>.secret" ambiguous.
    return std::all_of(name.begin(), name.end(),
                       [](unsigned char c) { return std::isalnum(c) != 0 || c == '-' || c == '_'; });
}

} // namespace

std::string SecretAuthenticatorFactory::type() const
{
    return "auth.secret";
}

std::unique_ptr<plugin::Authenticator>
SecretAuthenticatorFactory::create(const Poco::Util::AbstractConfiguration& config,
                                   plugin::PluginContext& context) const
{
    const plugin::ConfigReader reader(config, context);
    const bool allowShortSecrets = reader.getBool("allowShortSecrets", false);

    const std::vector<std::string> names = reader.getList("keys");
    if (names.empty())
        reader.fail("keys", "must name at least one key");
    const std::set<std::string> listed(names.begin(), names.end());
    if (listed.size() != names.size())
        reader.fail("keys", "names a key more than once");
    for (const std::string& name : names)
    {
        if (!isValidKeyName(name))
            reader.fail("keys", "key name '" + name + "' may contain only letters, digits, '-' and '_'");
    }
    // A block for a key that is not listed is almost certainly a typo in the list or the block.
    for (const std::string& name : reader.subKeys("keys"))
    {
        if (listed.count(name) == 0)
            reader.fail("keys." + name, "is not listed in keys");
    }

    std::vector<SecretAuthenticator::Key> keys;
    std::string summary;
    for (const std::string& name : names)
    {
        const std::string prefix = "keys." + name + ".";
        for (const std::string& field : reader.subKeys("keys." + name))
        {
            if (field != "secret" && field != "level")
                reader.fail(prefix + field, "is not a key setting (expected secret or level)");
        }

        // The secret never goes into a message: errors name the key, not the value.
        const std::string secret = reader.requiredString(prefix + "secret");
        if (!allowShortSecrets && secret.size() < MinimumSecretLength)
            reader.fail(prefix + "secret", "must be at least " + std::to_string(MinimumSecretLength) +
                                               " characters long (or set allowShortSecrets = true)");
        const std::string levelText = reader.requiredString(prefix + "level");
        const std::optional<plugin::AccessLevel> level = plugin::parseAccessLevel(levelText);
        if (!level)
            reader.fail(prefix + "level", "expected read, submit or admin, got '" + levelText + "'");

        SecretAuthenticator::Key key{name, *level, SecretAuthenticator::digestOf(secret)};
        for (const SecretAuthenticator::Key& earlier : keys)
        {
            if (earlier.digest == key.digest)
                reader.fail(prefix + "secret", "is the same secret as keys." + earlier.name +
                                                   ".secret; every key needs its own");
        }
        summary += (summary.empty() ? "" : ", ") + name + " (" + std::string(plugin::toString(*level)) + ")";
        keys.push_back(std::move(key));
    }

    context.logger().information("accepting " + std::to_string(keys.size()) + " API keys: " + summary);
    return std::make_unique<SecretAuthenticator>(std::move(keys), context.logger());
}

} // namespace switchyard::plugins::secret
