// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SecretAuthenticator.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/String.h>

#include <algorithm>
#include <cstddef>
#include <openssl/evp.h>

namespace switchyard::plugins::secret
{

namespace
{

const std::string ApiKeyHeader = "X-Api-Key";
const std::string BearerScheme = "Bearer";
// The documented spelling `serect` is kept for existing clients (DECISIONS.md).
const std::array<std::string, 2> SecretParameters = {"secret", "serect"};

} // namespace

SecretAuthenticator::SecretAuthenticator(std::vector<Key> keys, Poco::Logger& logger)
    : _keys(std::move(keys)), _logger(logger)
{
}

SecretAuthenticator::Digest SecretAuthenticator::digestOf(const std::string& secret)
{
    // One call, no engine object: a Poco::Crypto::DigestEngine per request looks the digest up by
    // name and allocates a context of its own. Nothing is kept between calls, so the library can
    // unload without leaving OpenSSL objects behind.
    Digest digest{};
    unsigned int size = 0;
    if (::EVP_Digest(secret.data(), secret.size(), digest.data(), &size, ::EVP_sha256(), nullptr) != 1 ||
        size != digest.size())
        throw Poco::SystemException("OpenSSL cannot compute SHA-256");
    return digest;
}

plugin::AuthResult SecretAuthenticator::authenticate(const Poco::Net::HTTPServerRequest& request,
                                                     const Poco::Net::NameValueCollection& parameters) const
{
    const Presented presented = findCredential(request, parameters);
    if (!presented.any)
        return {};
    if (presented.conflicting)
    {
        _logger.debug("refused: the request presents different credentials");
        return {plugin::AuthResult::Outcome::Invalid, {}, plugin::AccessLevel::None};
    }
    plugin::AuthResult result = match(presented.secret);
    if (result.outcome != plugin::AuthResult::Outcome::Granted)
        _logger.debug("refused: the presented credential matches no key");
    return result;
}

void SecretAuthenticator::Presented::offer(const std::string& candidate)
{
    // Comparing the caller's own values with each other reveals nothing about our keys, so an
    // ordinary comparison is fine here.
    if (!any)
    {
        any = true;
        secret = candidate;
    }
    else if (candidate != secret)
        conflicting = true;
}

SecretAuthenticator::Presented
SecretAuthenticator::findCredential(const Poco::Net::HTTPServerRequest& request,
                                    const Poco::Net::NameValueCollection& parameters)
{
    Presented presented;
    // Iterate rather than use get(): a name may occur several times, and every occurrence counts.
    // Values are trimmed like the configured secrets, which can therefore never match untrimmed.
    for (const auto& [name, value] : request)
    {
        if (Poco::icompare(name, ApiKeyHeader) == 0)
            presented.offer(Poco::trim(value));
    }
    for (const auto& [name, value] : request)
    {
        if (Poco::icompare(name, Poco::Net::HTTPRequest::AUTHORIZATION) != 0)
            continue;
        const std::string credentials = Poco::trim(value);
        const std::size_t space = credentials.find(' ');
        const std::string scheme = credentials.substr(0, space);
        // Other schemes (Basic, say, added by a proxy) are not ours to judge.
        if (Poco::icompare(scheme, BearerScheme) == 0)
            presented.offer(space == std::string::npos ? std::string()
                                                       : Poco::trim(credentials.substr(space + 1)));
    }
    for (const std::string& parameterName : SecretParameters)
    {
        for (const auto& [name, value] : parameters)
        {
            if (Poco::icompare(name, parameterName) == 0)
                presented.offer(Poco::trim(value));
        }
    }
    return presented;
}

plugin::AuthResult SecretAuthenticator::match(const std::string& secret) const
{
    const Digest presented = digestOf(secret);
    std::size_t matched = _keys.size();
    for (std::size_t index = 0; index < _keys.size(); ++index)
    {
        unsigned char difference = 0;
        for (std::size_t byte = 0; byte < presented.size(); ++byte)
            difference |= static_cast<unsigned char>(presented[byte] ^ _keys[index].digest[byte]);
        // Select without a branch, and keep looping after a match, so the time taken does not
        // depend on whether or which key matched.
        const std::size_t mask = std::size_t{0} - static_cast<std::size_t>(difference == 0);
        matched = (index & mask) | (matched & ~mask);
    }
    if (matched == _keys.size())
        return {plugin::AuthResult::Outcome::Invalid, {}, plugin::AccessLevel::None};
    return {plugin::AuthResult::Outcome::Granted, _keys[matched].name, _keys[matched].level};
}

} // namespace switchyard::plugins::secret
