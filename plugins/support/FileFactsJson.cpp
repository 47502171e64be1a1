// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "FileFactsJson.h"

namespace switchyard::plugins::support
{

Poco::JSON::Object::Ptr FileFactsJson::digests(const plugin::FileFacts& facts)
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("SHA-1", facts.sha1);
    json->set("SHA-256", facts.sha256);
    json->set("SHA-512", facts.sha512);
    json->set("MD5", facts.md5);
    return json;
}

} // namespace switchyard::plugins::support
