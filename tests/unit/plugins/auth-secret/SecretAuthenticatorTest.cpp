// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SecretAuthenticator.h"

#include "SecretAuthenticatorFactory.h"
#include "support/FakeHttpServerRequest.h"
#include "support/FakePluginContext.h"
#include "support/LogCapture.h"
#include "support/PropertiesText.h"

#include <Poco/Net/NameValueCollection.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace switchyard::plugins::secret
{
namespace
{

using Outcome = plugin::AuthResult::Outcome;

const std::string AliceSecret = "alice-secret-0123456789";
const std::string BobSecret = "bob-secret-ABCDEFGHIJKLM";
const std::string CiSecret = "ci-secret-abcdefghijkl";

class SecretAuthenticatorTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const std::string block = "keys = alice, bob, ci\n"
                                  "keys.alice.level = admin\n"
                                  "keys.bob.level = submit\n"
                                  "keys.ci.level = read\n"
                                  "keys.alice.secret = " +
                                  AliceSecret + "\nkeys.bob.secret = " + BobSecret +
                                  "\nkeys.ci.secret = " + CiSecret;
        _authenticator = SecretAuthenticatorFactory().create(*tests::instanceBlock(block, "auth"), _context);
    }

    plugin::AuthResult authenticate() const { return _authenticator->authenticate(_request, _parameters); }

    tests::FakePluginContext _context{"auth"};
    std::unique_ptr<plugin::Authenticator> _authenticator;
    tests::FakeHttpServerRequest _request;
    Poco::Net::NameValueCollection _parameters;
};

void expectGranted(const plugin::AuthResult& result, const std::string& keyName, plugin::AccessLevel level)
{
    EXPECT_EQ(result.outcome, Outcome::Granted);
    EXPECT_EQ(result.keyName, keyName);
    EXPECT_EQ(result.level, level);
}

void expectRefused(const plugin::AuthResult& result, Outcome outcome)
{
    EXPECT_EQ(result.outcome, outcome);
    EXPECT_EQ(result.keyName, "");
    EXPECT_EQ(result.level, plugin::AccessLevel::None);
}

TEST_F(SecretAuthenticatorTest, IsMissingWithoutCredentials)
{
    _request.set("Accept", "application/json");
    _parameters.add("submitID", "123");
    expectRefused(authenticate(), Outcome::Missing);
}

TEST_F(SecretAuthenticatorTest, GrantsTheApiKeyHeader)
{
    _request.set("X-Api-Key", AliceSecret);
    expectGranted(authenticate(), "alice", plugin::AccessLevel::Admin);
}

TEST_F(SecretAuthenticatorTest, GrantsABearerToken)
{
    _request.set("Authorization", "Bearer " + BobSecret);
    expectGranted(authenticate(), "bob", plugin::AccessLevel::Submit);
}

TEST_F(SecretAuthenticatorTest, ReadsTheBearerSchemeInAnyCase)
{
    _request.set("Authorization", "bearer " + BobSecret);
    expectGranted(authenticate(), "bob", plugin::AccessLevel::Submit);
}

TEST_F(SecretAuthenticatorTest, GrantsTheSecretParameter)
{
    _parameters.add("secret", CiSecret);
    expectGranted(authenticate(), "ci", plugin::AccessLevel::Read);
}

TEST_F(SecretAuthenticatorTest, GrantsTheDocumentedSerectParameter)
{
    _parameters.add("serect", CiSecret);
    expectGranted(authenticate(), "ci", plugin::AccessLevel::Read);
}

TEST_F(SecretAuthenticatorTest, GivesEachKeyItsOwnLevel)
{
    const std::vector<std::tuple<std::string, std::string, plugin::AccessLevel>> keys = {
        {AliceSecret, "alice", plugin::AccessLevel::Admin},
        {BobSecret, "bob", plugin::AccessLevel::Submit},
        {CiSecret, "ci", plugin::AccessLevel::Read},
    };
    for (const auto& [secret, name, level] : keys)
    {
        Poco::Net::NameValueCollection parameters;
        parameters.add("secret", secret);
        expectGranted(_authenticator->authenticate(_request, parameters), name, level);
    }
}

TEST_F(SecretAuthenticatorTest, RefusesAWrongSecretInEveryPlace)
{
    const std::string wrong = "wrong-secret-0123456789";
    {
        tests::FakeHttpServerRequest request;
        request.set("X-Api-Key", wrong);
        expectRefused(_authenticator->authenticate(request, {}), Outcome::Invalid);
    }
    {
        tests::FakeHttpServerRequest request;
        request.set("Authorization", "Bearer " + wrong);
        expectRefused(_authenticator->authenticate(request, {}), Outcome::Invalid);
    }
    for (const std::string name : {"secret", "serect"})
    {
        Poco::Net::NameValueCollection parameters;
        parameters.add(name, wrong);
        expectRefused(_authenticator->authenticate(_request, parameters), Outcome::Invalid);
    }
}

TEST_F(SecretAuthenticatorTest, RefusesNearMisses)
{
    for (const std::string& nearMiss : {AliceSecret.substr(0, AliceSecret.size() - 1), AliceSecret + "x",
                                        std::string("A") + AliceSecret.substr(1), std::string()})
    {
        Poco::Net::NameValueCollection parameters;
        parameters.add("secret", nearMiss);
        expectRefused(_authenticator->authenticate(_request, parameters), Outcome::Invalid);
    }
}

TEST_F(SecretAuthenticatorTest, CountsAnEmptyCredentialAsPresented)
{
    _request.set("X-Api-Key", "");
    expectRefused(authenticate(), Outcome::Invalid);
}

TEST_F(SecretAuthenticatorTest, RefusesABearerWithoutToken)
{
    _request.set("Authorization", "Bearer");
    expectRefused(authenticate(), Outcome::Invalid);
}

TEST_F(SecretAuthenticatorTest, IgnoresOtherAuthorizationSchemes)
{
    _request.set("Authorization", "Basic YWxpY2U6c2VjcmV0");
    expectRefused(authenticate(), Outcome::Missing);
    _parameters.add("secret", CiSecret);
    expectGranted(authenticate(), "ci", plugin::AccessLevel::Read);
}

TEST_F(SecretAuthenticatorTest, GrantsTheSameSecretPresentedInEveryPlace)
{
    _request.set("X-Api-Key", AliceSecret);
    _request.set("Authorization", "Bearer " + AliceSecret);
    _parameters.add("secret", AliceSecret);
    _parameters.add("serect", AliceSecret);
    expectGranted(authenticate(), "alice", plugin::AccessLevel::Admin);
}

TEST_F(SecretAuthenticatorTest, RefusesDisagreeingCredentialsEvenWhenEachIsValid)
{
    _request.set("X-Api-Key", AliceSecret);
    _parameters.add("secret", CiSecret);
    expectRefused(authenticate(), Outcome::Invalid);
}

TEST_F(SecretAuthenticatorTest, RefusesAValidHeaderWithAWrongParameter)
{
    _request.set("Authorization", "Bearer " + AliceSecret);
    _parameters.add("serect", "wrong-secret-0123456789");
    expectRefused(authenticate(), Outcome::Invalid);
}

TEST_F(SecretAuthenticatorTest, RefusesDisagreeingSpellings)
{
    _parameters.add("secret", CiSecret);
    _parameters.add("serect", BobSecret);
    expectRefused(authenticate(), Outcome::Invalid);
}

TEST_F(SecretAuthenticatorTest, RefusesARepeatedParameterWithDifferentValues)
{
    _parameters.add("secret", CiSecret);
    _parameters.add("secret", "wrong-secret-0123456789");
    expectRefused(authenticate(), Outcome::Invalid);
}

TEST_F(SecretAuthenticatorTest, RefusesHeadersThatDisagree)
{
    _request.set("X-Api-Key", CiSecret);
    _request.set("Authorization", "Bearer " + BobSecret);
    expectRefused(authenticate(), Outcome::Invalid);
}

TEST_F(SecretAuthenticatorTest, NeverLogsASecret)
{
    const tests::LogCapture capture(_context.logger());
    const std::vector<std::pair<std::string, std::string>> attempts = {
        {"X-Api-Key", AliceSecret},
        {"X-Api-Key", "wrong-secret-0123456789"},
        {"Authorization", "Bearer " + BobSecret},
    };
    for (const auto& [header, value] : attempts)
    {
        tests::FakeHttpServerRequest request;
        request.set(header, value);
        Poco::Net::NameValueCollection parameters;
        parameters.add("secret", CiSecret);
        _authenticator->authenticate(request, parameters);
        _authenticator->authenticate(request, {});
    }

    const std::vector<std::string> messages = capture.messages();
    // The refusals are logged (at debug), so the check below has something to look at.
    EXPECT_GE(messages.size(), 3u);
    for (const std::string& text : messages)
    {
        for (const std::string& secret : {AliceSecret, BobSecret, CiSecret, std::string("wrong-secret")})
            EXPECT_EQ(text.find(secret), std::string::npos) << text;
    }
}

TEST_F(SecretAuthenticatorTest, AnswersConcurrentCallers)
{
    std::atomic<int> wrongAnswers{0};
    std::vector<std::thread> threads;
    for (int thread = 0; thread < 4; ++thread)
    {
        threads.emplace_back(
            [this, thread, &wrongAnswers]
            {
                const std::string& secret = thread % 2 == 0 ? AliceSecret : CiSecret;
                const std::string expected = thread % 2 == 0 ? "alice" : "ci";
                for (int call = 0; call < 200; ++call)
                {
                    tests::FakeHttpServerRequest request;
                    request.set("X-Api-Key", secret);
                    if (_authenticator->authenticate(request, {}).keyName != expected)
                        ++wrongAnswers;
                }
            });
    }
    for (std::thread& thread : threads)
        thread.join();
    EXPECT_EQ(wrongAnswers.load(), 0);
}

TEST(SecretAuthenticatorDigest, IsTheSha256OfTheSecret)
{
    // SHA-256("abc"), FIPS 180-2 appendix B.1.
    const SecretAuthenticator::Digest digest = SecretAuthenticator::digestOf("abc");
    const SecretAuthenticator::Digest expected = {
        0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
        0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};
    EXPECT_EQ(digest, expected);
}

} // namespace
} // namespace switchyard::plugins::secret
