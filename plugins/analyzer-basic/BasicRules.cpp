// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "BasicRules.h"

namespace switchyard::plugins::basic
{

BasicRules::BasicRules(const BasicSettings& settings) : _settings(settings), _categories(settings.mediaTypes)
{
}

support::Verdict BasicRules::verdictOf(support::Verdict::Level level) const
{
    // broker-api.md §6.3: without confidence the verdict is UNKNOWN, and UNKNOWN has none.
    return {level, level == support::Verdict::Level::Unknown ? 0.0 : _settings.confidence};
}

BasicRules::Findings BasicRules::evaluate(const std::string& mediaType, std::uint64_t size,
                                          double entropy) const
{
    Findings findings;
    const unsigned categories = size == 0 ? 0u : _categories.categoriesOf(mediaType);
    const bool executable = (categories & MediaTypeCategories::Executable) != 0;
    const bool highEntropy = entropy > _settings.highEntropyThreshold;
    if (size == 0)
        findings.tags.emplace_back("empty");
    if (executable)
        findings.tags.emplace_back("executable");
    if (categories & MediaTypeCategories::Script)
        findings.tags.emplace_back("script");
    if (categories & MediaTypeCategories::Archive)
        findings.tags.emplace_back("archive");
    if (categories & MediaTypeCategories::Document)
        findings.tags.emplace_back("document");
    if (highEntropy)
        findings.tags.emplace_back("high-entropy");

    if (executable && highEntropy)
        findings.verdict = verdictOf(_settings.packedExecutableVerdict);
    else if (categories != 0)
        findings.verdict = verdictOf(_settings.unexaminedVerdict);
    else
        findings.verdict = verdictOf(_settings.otherVerdict);
    return findings;
}

} // namespace switchyard::plugins::basic
