// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "BasicSettings.h"
#include "MediaTypeCategories.h"
#include "Verdict.h"

#include <cstdint>
#include <string>
#include <vector>

namespace switchyard::plugins::basic
{

/// What analyzer.basic concludes from a file's media type, size and entropy: its tags and its
/// verdict. Pure and deterministic; thread-safe.
///
/// Tags (in this order): `empty` (no bytes), `executable`, `script`, `archive`, `document` (by
/// media type, see MediaTypeCategories), `high-entropy` (entropy above the threshold).
///
/// Verdict, first rule that applies:
/// 1. executable and high-entropy: `verdicts.packedExecutable` (SUSPICIOUS);
/// 2. executable, script, archive or document: `verdicts.unexamined` (UNKNOWN);
/// 3. anything else, empty files included: `verdicts.other` (NO_THREAT).
/// Its confidence is `confidence`, except for UNKNOWN, whose confidence is 0.
class BasicRules
{
public:
    struct Findings
    {
        std::vector<std::string> tags;
        support::Verdict verdict;
    };

    explicit BasicRules(const BasicSettings& settings);

    Findings evaluate(const std::string& mediaType, std::uint64_t size, double entropy) const;

private:
    support::Verdict verdictOf(support::Verdict::Level level) const;

    BasicSettings _settings;
    MediaTypeCategories _categories;
};

} // namespace switchyard::plugins::basic
