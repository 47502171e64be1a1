// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SecretAuthenticatorFactory.h"

#include "SecretAuthenticator.h"
#include "switchyard/plugin/ConfigReader.h"

#include <Poco/Logger.h>
#include <Poco/String.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <set>
#include <sys/stat.h>

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

// A secret kept in its own file stays out of configuration files, backups of /etc and `ps`.
std::string readSecretFile(const plugin::ConfigReader& reader, const std::string& key)
{
    const std::string path = reader.requiredString(key);
    struct stat status
    {
    };
    if (::stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode))
        reader.fail(key, "cannot read the secret file " + path);
    if ((status.st_mode & S_IRWXO) != 0)
        reader.fail(key, "the secret file " + path + " is accessible to other users; chmod o-rwx it");
    std::ifstream in(path, std::ios::binary);
    std::string secret((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof())
        reader.fail(key, "cannot read the secret file " + path);
    secret = Poco::trim(secret);
    if (secret.empty())
        reader.fail(key, "the secret file " + path + " is empty");
    return secret;
}

std::string readSecret(const plugin::ConfigReader& reader, const std::string& prefix)
{
    const bool inline_ = reader.has(prefix + "secret");
    const bool inFile = reader.has(prefix + "secretFile");
    if (inline_ && inFile)
        reader.fail(prefix + "secretFile", "give either secret or secretFile, not both");
    return inFile ? readSecretFile(reader, prefix + "secretFile") : reader.requiredString(prefix + "secret");
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
            if (field != "secret" && field != "secretFile" && field != "level")
                reader.fail(prefix + field, "is not a key setting (expected secret, secretFile or level)");
        }

        // The secret never goes into a message: errors name the key, not the value.
        const std::string secret = readSecret(reader, prefix);
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
