// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MediaTypeJson.h"

#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

namespace switchyard::plugins::support
{

Poco::JSON::Object::Ptr MediaTypeJson::toJson(const std::string& mediaType)
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    std::size_t slash = mediaType.find('/');
    std::size_t semicolon = mediaType.find(';');
    if (semicolon == std::string::npos)
        semicolon = mediaType.size();
    json->set("string", mediaType);
    json->set("slash", slash == std::string::npos ? -1 : static_cast<Poco::Int64>(slash));
    json->set("semicolon", static_cast<Poco::Int64>(semicolon));
    Poco::JSON::Object::Ptr parameters = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    if (semicolon < mediaType.size())
    {
        Poco::StringTokenizer pairs(mediaType.substr(semicolon + 1), ";",
                                    Poco::StringTokenizer::TOK_TRIM |
                                        Poco::StringTokenizer::TOK_IGNORE_EMPTY);
        for (const auto& pair : pairs)
        {
            std::size_t equals = pair.find('=');
            if (equals != std::string::npos)
                parameters->set(Poco::trim(pair.substr(0, equals)), Poco::trim(pair.substr(equals + 1)));
        }
    }
    json->set("parameters", parameters);
    return json;
}

} // namespace switchyard::plugins::support
