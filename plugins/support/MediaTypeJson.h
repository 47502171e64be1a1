// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/JSON/Object.h>

#include <string>

namespace switchyard::plugins::support
{

/// The broker API's `mediaType` object: {"string", "slash", "semicolon", "parameters"}, where
/// `slash` is the index of '/', `semicolon` the index of ';' (the string's length when there
/// are no parameters) and `parameters` the `name=value` pairs after it.
class MediaTypeJson
{
public:
    static Poco::JSON::Object::Ptr toJson(const std::string& mediaType);
};

} // namespace switchyard::plugins::support
