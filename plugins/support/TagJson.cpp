// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "TagJson.h"

#include <Poco/JSON/Array.h>

namespace switchyard::plugins::support
{

Poco::JSON::Object::Ptr TagJson::toJson(const std::string& source, const std::string& sourceIdentifier,
                                        bool isRootTag, const std::string& name, const Verdict& verdict)
{
    Poco::JSON::Object::Ptr tag = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    tag->set("name", name);
    tag->set("synonyms", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
    tag->set("descriptions", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
    tag->set("verdict", verdict.toJson());

    Poco::JSON::Object::Ptr entry = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    entry->set("source", source);
    entry->set("sourceIdentifier", sourceIdentifier);
    entry->set("isRootTag", isRootTag);
    entry->set("tag", tag);
    return entry;
}

} // namespace switchyard::plugins::support
