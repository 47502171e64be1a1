// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "BasicAnalyzerFactory.h"

#include "BasicAnalyzer.h"
#include "switchyard/plugin/ConfigReader.h"

#include <Poco/NumberFormatter.h>
#include <Poco/NumberParser.h>

#include <optional>

namespace switchyard::plugins::basic
{

namespace
{

double decimal(const plugin::ConfigReader& reader, const std::string& key, double fallback, double minimum,
               double maximum)
{
    if (!reader.has(key))
        return fallback;
    const std::string text = reader.getString(key, "");
    double value = 0;
    if (!Poco::NumberParser::tryParseFloat(text, value))
        reader.fail(key, "expected a number, got '" + text + "'");
    if (!(value >= minimum && value <= maximum))
        reader.fail(key, "must be between " + Poco::NumberFormatter::format(minimum) + " and " +
                             Poco::NumberFormatter::format(maximum) + ", got " + text);
    return value;
}

support::Verdict::Level verdict(const plugin::ConfigReader& reader, const std::string& key,
                                support::Verdict::Level fallback)
{
    if (!reader.has(key))
        return fallback;
    const std::string text = reader.getString(key, "");
    std::optional<support::Verdict::Level> level = support::Verdict::parse(text);
    if (!level)
        reader.fail(key,
                    "expected BENIGN, UNKNOWN, NO_THREAT, SUSPICIOUS, LIKELY_MALICIOUS or MALICIOUS, got '" +
                        text + "'");
    return *level;
}

std::vector<std::string> patterns(const plugin::ConfigReader& reader, const std::string& key,
                                  std::vector<std::string> fallback)
{
    if (!reader.has(key))
        return fallback;
    std::vector<std::string> list = reader.getList(key);
    for (const std::string& pattern : list)
    {
        if (pattern.find('/') == std::string::npos || pattern.find('*') < pattern.size() - 1)
            reader.fail(key,
                        "'" + pattern + "' is not a media type pattern (type/subtype, '*' only at the end)");
    }
    return list;
}

} // namespace

std::unique_ptr<plugin::Analyzer>
BasicAnalyzerFactory::create(const Poco::Util::AbstractConfiguration& config,
                             plugin::PluginContext& context) const
{
    const plugin::ConfigReader reader(config, context);
    BasicSettings settings;
    settings.highEntropyThreshold =
        decimal(reader, "highEntropyThreshold", settings.highEntropyThreshold, 0.0, 8.0);
    settings.confidence = decimal(reader, "confidence", settings.confidence, 0.0, 1.0);
    settings.packedExecutableVerdict =
        verdict(reader, "verdicts.packedExecutable", settings.packedExecutableVerdict);
    settings.unexaminedVerdict = verdict(reader, "verdicts.unexamined", settings.unexaminedVerdict);
    settings.otherVerdict = verdict(reader, "verdicts.other", settings.otherVerdict);
    MediaTypeCategories::Patterns& mediaTypes = settings.mediaTypes;
    mediaTypes.executable = patterns(reader, "mediaTypes.executable", mediaTypes.executable);
    mediaTypes.script = patterns(reader, "mediaTypes.script", mediaTypes.script);
    mediaTypes.archive = patterns(reader, "mediaTypes.archive", mediaTypes.archive);
    mediaTypes.document = patterns(reader, "mediaTypes.document", mediaTypes.document);
    return std::make_unique<BasicAnalyzer>(settings);
}

} // namespace switchyard::plugins::basic
