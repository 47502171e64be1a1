// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/FileFacts.h"

#include <Poco/JSON/Object.h>

namespace switchyard::plugins::support
{

/// The broker API's `digests` object: {"SHA-1", "SHA-256", "SHA-512", "MD5"}, lower-case hex.
class FileFactsJson
{
public:
    static Poco::JSON::Object::Ptr digests(const plugin::FileFacts& facts);
};

} // namespace switchyard::plugins::support
