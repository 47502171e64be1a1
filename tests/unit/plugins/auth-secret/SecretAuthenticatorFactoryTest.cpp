// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SecretAuthenticatorFactory.h"

#include "support/FakeHttpServerRequest.h"
#include "support/FakePluginContext.h"
#include "support/LogCapture.h"
#include "support/PropertiesText.h"

#include <Poco/Exception.h>
#include <Poco/FileStream.h>
#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include <sys/stat.h>

namespace switchyard::plugins::secret
{
namespace
{

const std::string ErrorPrefix = "test.properties: switchyard.instances.auth.";

class SecretAuthenticatorFactoryTest : public ::testing::Test
{
protected:
    std::unique_ptr<plugin::Authenticator> create(const std::string& text)
    {
        return SecretAuthenticatorFactory().create(*tests::instanceBlock(text, "auth"), _context);
    }

    /// The message of the configuration error `text` causes, without the common prefix.
    std::string configError(const std::string& text)
    {
        try
        {
            create(text);
        }
        catch (const Poco::InvalidArgumentException& error)
        {
            const std::string message = error.message();
            if (message.rfind(ErrorPrefix, 0) != 0)
                return "(unexpected prefix) " + message;
            return message.substr(ErrorPrefix.size());
        }
        return "(no error)";
    }

    tests::FakePluginContext _context{"auth"};
};

TEST_F(SecretAuthenticatorFactoryTest, HasTheTypeName)
{
    EXPECT_EQ(SecretAuthenticatorFactory().type(), "auth.secret");
}

TEST_F(SecretAuthenticatorFactoryTest, AcceptsAValidBlock)
{
    EXPECT_NE(create("keys = alice, ci\n"
                     "keys.alice.secret = alice-secret-0123456789\n"
                     "keys.alice.level = admin\n"
                     "keys.ci.secret = ci-secret-abcdefghijkl\n"
                     "keys.ci.level = read\n"),
              nullptr);
}

TEST_F(SecretAuthenticatorFactoryTest, RequiresTheKeysList)
{
    EXPECT_EQ(configError("allowShortSecrets = false\n"), "keys: must name at least one key");
    EXPECT_EQ(configError("keys = ,\n"), "keys: must name at least one key");
}

TEST_F(SecretAuthenticatorFactoryTest, RefusesAKeyListedTwice)
{
    EXPECT_EQ(configError("keys = alice, alice\n"
                          "keys.alice.secret = alice-secret-0123456789\n"
                          "keys.alice.level = admin\n"),
              "keys: names a key more than once");
}

TEST_F(SecretAuthenticatorFactoryTest, RefusesAKeyNameThatCannotBeAKey)
{
    EXPECT_EQ(configError("keys = al.ice\n"),
              "keys: key name 'al.ice' may contain only letters, digits, '-' and '_'");
}

TEST_F(SecretAuthenticatorFactoryTest, RefusesABlockForAKeyThatIsNotListed)
{
    EXPECT_EQ(configError("keys = alice\n"
                          "keys.alice.secret = alice-secret-0123456789\n"
                          "keys.alice.level = admin\n"
                          "keys.alcie.level = read\n"),
              "keys.alcie: is not listed in keys");
}

TEST_F(SecretAuthenticatorFactoryTest, RefusesAnUnknownKeySetting)
{
    EXPECT_EQ(configError("keys = alice\n"
                          "keys.alice.secret = alice-secret-0123456789\n"
                          "keys.alice.levle = admin\n"),
              "keys.alice.levle: is not a key setting (expected secret, secretFile or level)");
}

TEST_F(SecretAuthenticatorFactoryTest, RequiresASecret)
{
    EXPECT_EQ(configError("keys = alice\n"
                          "keys.alice.level = admin\n"),
              "keys.alice.secret: is required");
}

TEST_F(SecretAuthenticatorFactoryTest, RefusesAnEmptySecret)
{
    EXPECT_EQ(configError("keys = alice\n"
                          "keys.alice.secret =   \n"
                          "keys.alice.level = admin\n"),
              "keys.alice.secret: must not be empty");
}

TEST_F(SecretAuthenticatorFactoryTest, RefusesAShortSecret)
{
    EXPECT_EQ(configError("keys = alice\n"
                          "keys.alice.secret = 123456789012345\n"
                          "keys.alice.level = admin\n"),
              "keys.alice.secret: must be at least 16 characters long (or set allowShortSecrets = true)");
}

TEST_F(SecretAuthenticatorFactoryTest, AcceptsASecretOfExactlyTheMinimumLength)
{
    EXPECT_NE(create("keys = alice\n"
                     "keys.alice.secret = 1234567890123456\n"
                     "keys.alice.level = admin\n"),
              nullptr);
}

TEST_F(SecretAuthenticatorFactoryTest, AcceptsAShortSecretWhenAllowed)
{
    EXPECT_NE(create("allowShortSecrets = true\n"
                     "keys = alice\n"
                     "keys.alice.secret = abc\n"
                     "keys.alice.level = admin\n"),
              nullptr);
}

TEST_F(SecretAuthenticatorFactoryTest, RefusesAnAllowShortSecretsThatIsNotABoolean)
{
    EXPECT_EQ(configError("allowShortSecrets = maybe\n"),
              "allowShortSecrets: expected true or false, got 'maybe'");
}

TEST_F(SecretAuthenticatorFactoryTest, RequiresALevel)
{
    EXPECT_EQ(configError("keys = alice\n"
                          "keys.alice.secret = alice-secret-0123456789\n"),
              "keys.alice.level: is required");
}

TEST_F(SecretAuthenticatorFactoryTest, RefusesAnUnknownLevel)
{
    EXPECT_EQ(configError("keys = alice\n"
                          "keys.alice.secret = alice-secret-0123456789\n"
                          "keys.alice.level = Admin\n"),
              "keys.alice.level: expected read, submit or admin, got 'Admin'");
    EXPECT_EQ(configError("keys = alice\n"
                          "keys.alice.secret = alice-secret-0123456789\n"
                          "keys.alice.level = none\n"),
              "keys.alice.level: expected read, submit or admin, got 'none'");
}

TEST_F(SecretAuthenticatorFactoryTest, RefusesTwoKeysWithOneSecret)
{
    EXPECT_EQ(configError("keys = alice, ci\n"
                          "keys.alice.secret = shared-secret-0123456789\n"
                          "keys.alice.level = admin\n"
                          "keys.ci.secret = shared-secret-0123456789\n"
                          "keys.ci.level = read\n"),
              "keys.ci.secret: is the same secret as keys.alice.secret; every key needs its own");
}

TEST_F(SecretAuthenticatorFactoryTest, NamesKeysButNeverSecretsInItsLogAndErrors)
{
    const std::string secret = "shared-secret-0123456789";
    const tests::LogCapture capture(_context.logger());
    create("keys = alice, ci\n"
           "keys.alice.secret = alice-secret-0123456789\n"
           "keys.alice.level = admin\n"
           "keys.ci.secret = ci-secret-abcdefghijkl\n"
           "keys.ci.level = read\n");
    const std::vector<std::string> errors = {
        configError("keys = alice, ci\nkeys.alice.secret = " + secret + "\nkeys.alice.level = admin\n" +
                    "keys.ci.secret = " + secret + "\nkeys.ci.level = read\n"),
        configError("keys = alice\nkeys.alice.secret = short-secret\nkeys.alice.level = admin\n"),
    };

    EXPECT_EQ(errors[0].rfind("keys.ci.secret: is the same secret", 0), 0u) << errors[0];
    EXPECT_EQ(errors[1].rfind("keys.alice.secret: must be at least", 0), 0u) << errors[1];

    const std::vector<std::string> messages = capture.messages();
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0], "accepting 2 API keys: alice (admin), ci (read)");
    for (const std::string& text : messages)
    {
        EXPECT_EQ(text.find("alice-secret"), std::string::npos) << text;
        EXPECT_EQ(text.find("ci-secret"), std::string::npos) << text;
    }
    for (const std::string& text : errors)
    {
        EXPECT_EQ(text.find(secret), std::string::npos) << text;
        EXPECT_EQ(text.find("short-secret"), std::string::npos) << text;
    }
}

TEST_F(SecretAuthenticatorFactoryTest, ReadsTheSecretFromAFile)
{
    Poco::TemporaryFile file;
    {
        Poco::FileOutputStream out(file.path());
        out << "file-secret-0123456789abcdef\n";
    }
    ::chmod(file.path().c_str(), 0600);
    auto authenticator =
        create("keys = ops\nkeys.ops.secretFile = " + file.path() + "\nkeys.ops.level = admin\n");
    Poco::Net::NameValueCollection parameters;
    parameters.set("secret", "file-secret-0123456789abcdef");
    tests::FakeHttpServerRequest request;
    plugin::AuthResult result = authenticator->authenticate(request, parameters);
    EXPECT_EQ(result.outcome, plugin::AuthResult::Outcome::Granted);
    EXPECT_EQ(result.keyName, "ops");
}

TEST_F(SecretAuthenticatorFactoryTest, RefusesUnsafeOrUnusableSecretFiles)
{
    Poco::TemporaryFile file;
    {
        Poco::FileOutputStream out(file.path());
        out << "file-secret-0123456789abcdef";
    }
    ::chmod(file.path().c_str(), 0644);
    EXPECT_EQ(configError("keys = ops\nkeys.ops.secretFile = " + file.path() + "\nkeys.ops.level = admin\n"),
              "keys.ops.secretFile: the secret file " + file.path() +
                  " is accessible to other users; chmod o-rwx it");
    EXPECT_EQ(configError("keys = ops\nkeys.ops.secretFile = /nonexistent/secret\nkeys.ops.level = admin\n"),
              "keys.ops.secretFile: cannot read the secret file /nonexistent/secret");
    ::chmod(file.path().c_str(), 0600);
    EXPECT_EQ(configError("keys = ops\nkeys.ops.secret = inline-secret-0123456789\nkeys.ops.secretFile = " +
                          file.path() + "\nkeys.ops.level = admin\n"),
              "keys.ops.secretFile: give either secret or secretFile, not both");
    {
        Poco::FileOutputStream out(file.path());
        out << "  \n";
    }
    EXPECT_EQ(configError("keys = ops\nkeys.ops.secretFile = " + file.path() + "\nkeys.ops.level = admin\n"),
              "keys.ops.secretFile: the secret file " + file.path() + " is empty");
}

} // namespace
} // namespace switchyard::plugins::secret
