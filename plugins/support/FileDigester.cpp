// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "FileDigester.h"

namespace switchyard::plugins::support
{

namespace
{

void finishInto(std::optional<Poco::Crypto::DigestEngine>& engine, std::string& field)
{
    if (engine)
        field = Poco::DigestEngine::digestToHex(engine->digest());
}

} // namespace

FileDigester::FileDigester(unsigned algorithms)
{
    // OpenSSL names, as Poco::Crypto::DigestEngine takes them.
    if (algorithms & Md5)
        _md5.emplace("MD5");
    if (algorithms & Sha1)
        _sha1.emplace("SHA1");
    if (algorithms & Sha256)
        _sha256.emplace("SHA256");
    if (algorithms & Sha512)
        _sha512.emplace("SHA512");
}

void FileDigester::update(const char* data, std::size_t size)
{
    for (auto* engine : {&_md5, &_sha1, &_sha256, &_sha512})
    {
        if (*engine)
            (*engine)->update(data, size);
    }
}

void FileDigester::finish(plugin::FileFacts& facts)
{
    finishInto(_md5, facts.md5);
    finishInto(_sha1, facts.sha1);
    finishInto(_sha256, facts.sha256);
    finishInto(_sha512, facts.sha512);
}

} // namespace switchyard::plugins::support
