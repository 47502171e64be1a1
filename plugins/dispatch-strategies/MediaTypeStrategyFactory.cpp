// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MediaTypeStrategyFactory.h"

#include "MediaTypeStrategy.h"
#include "switchyard/plugin/ConfigReader.h"

#include <Poco/Logger.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace switchyard::plugins::dispatch
{

namespace
{

bool isValidRuleName(const std::string& name)
{
    // A dot would make "rules.<name>.nodes" ambiguous.
    return std::all_of(name.begin(), name.end(),
                       [](unsigned char c) { return std::isalnum(c) != 0 || c == '-' || c == '_'; });
}

std::string joined(const std::vector<std::string>& items)
{
    std::string text;
    for (const std::string& item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text;
}

std::vector<std::string> readNodes(const plugin::ConfigReader& reader, const std::string& key)
{
    if (!reader.has(key))
        reader.fail(key, "is required");
    std::vector<std::string> nodes = reader.getList(key);
    if (nodes.empty())
        reader.fail(key, "must list at least one node id");
    return nodes;
}

MediaTypeRule readRule(const plugin::ConfigReader& reader, const std::string& name)
{
    const std::string prefix = "rules." + name + ".";
    if (reader.has("rules." + name))
        reader.fail("rules." + name,
                    "takes no value; set rules." + name + ".mediaTypes and rules." + name + ".nodes");
    for (const std::string& field : reader.subKeys("rules." + name))
    {
        if (field != "mediaTypes" && field != "nodes")
            reader.fail(prefix + field, "is not a rule setting (expected mediaTypes or nodes)");
        for (const std::string& below : reader.subKeys(prefix + field))
            reader.fail(prefix + field + "." + below, "is not a rule setting (expected mediaTypes or nodes)");
    }

    MediaTypeRule rule;
    rule.name = name;
    const std::string typesKey = prefix + "mediaTypes";
    if (!reader.has(typesKey))
        reader.fail(typesKey, "is required");
    const std::vector<std::string> patterns = reader.getList(typesKey);
    if (patterns.empty())
        reader.fail(typesKey, "must list at least one media type pattern");
    for (const std::string& text : patterns)
    {
        std::optional<MediaTypePattern> pattern = MediaTypePattern::parse(text);
        if (!pattern)
            reader.fail(typesKey,
                        "'" + text + "' is not a media type pattern (expected type/subtype, type/* or *)");
        rule.mediaTypes.push_back(std::move(*pattern));
    }
    rule.nodes = readNodes(reader, prefix + "nodes");
    return rule;
}

MediaTypeStrategy::Within readWithin(const plugin::ConfigReader& reader)
{
    const std::string within = reader.getString("within", "round-robin");
    if (within == "round-robin")
        return MediaTypeStrategy::Within::RoundRobin;
    if (within == "least-outstanding")
        return MediaTypeStrategy::Within::LeastOutstanding;
    reader.fail("within", "expected round-robin or least-outstanding, got '" + within + "'");
}

std::string describe(const MediaTypeStrategy::Settings& settings)
{
    std::string text;
    for (const MediaTypeRule& rule : settings.rules)
    {
        std::vector<std::string> patterns;
        for (const MediaTypePattern& pattern : rule.mediaTypes)
            patterns.push_back(pattern.text());
        text += rule.name + " (" + joined(patterns) + " -> " + joined(rule.nodes) + "); ";
    }
    text += "otherwise " + (settings.fallback ? joined(*settings.fallback) : std::string("any node"));
    text +=
        settings.within == MediaTypeStrategy::Within::RoundRobin ? ", round-robin" : ", least-outstanding";
    text += settings.spill ? ", spill" : ", no spill";
    return text;
}

} // namespace

std::string MediaTypeStrategyFactory::type() const
{
    return "dispatch.media-type";
}

std::unique_ptr<plugin::DispatchStrategy>
MediaTypeStrategyFactory::create(const Poco::Util::AbstractConfiguration& config,
                                 plugin::PluginContext& context) const
{
    const plugin::ConfigReader reader(config, context);
    if (!reader.has("rules"))
        reader.fail("rules", "is required");
    const std::vector<std::string> names = reader.getList("rules");
    if (names.empty())
        reader.fail("rules", "must name at least one rule");
    std::set<std::string> listed;
    for (const std::string& name : names)
    {
        if (!isValidRuleName(name))
            reader.fail("rules", "rule name '" + name + "' may contain only letters, digits, '-' and '_'");
        if (!listed.insert(name).second)
            reader.fail("rules", "names rule '" + name + "' more than once");
    }
    // A block for a rule that is not listed is almost certainly a typo in the list or the block.
    for (const std::string& name : reader.subKeys("rules"))
    {
        if (listed.count(name) == 0)
            reader.fail("rules." + name, "is not listed in rules");
    }

    MediaTypeStrategy::Settings settings;
    for (const std::string& name : names)
        settings.rules.push_back(readRule(reader, name));
    if (reader.has("fallback"))
    {
        settings.fallback = reader.getList("fallback");
        if (settings.fallback->empty())
            reader.fail("fallback",
                        "must list at least one node id (leave the key out to fall back to any node)");
    }
    settings.within = readWithin(reader);
    settings.spill = reader.getBool("spill", false);

    context.logger().information("routing by media type: " + describe(settings));
    return std::make_unique<MediaTypeStrategy>(std::move(settings));
}

} // namespace switchyard::plugins::dispatch
