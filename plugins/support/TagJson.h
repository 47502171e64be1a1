// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "Verdict.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace switchyard::plugins::support
{

/// One entry of a report's `allTags` array (broker-api.md §6.4):
/// `{"source", "sourceIdentifier", "isRootTag", "tag": {"name", "synonyms": [], "descriptions": [],
/// "verdict": {"verdict", "threatLevel", "confidence"}}}`.
class TagJson
{
public:
    /// `source` names the analysis that found the tag ("BASIC_ANALYZER", "YARA_RULE", ...);
    /// `sourceIdentifier` is the SHA-256 of the file it was found in.
    static Poco::JSON::Object::Ptr toJson(const std::string& source, const std::string& sourceIdentifier,
                                          bool isRootTag, const std::string& name, const Verdict& verdict);
};

} // namespace switchyard::plugins::support
