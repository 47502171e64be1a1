// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "Verdict.h"

#include <array>
#include <utility>

namespace switchyard::plugins::support
{

namespace
{

struct LevelEntry
{
    Verdict::Level level;
    std::string_view name;
    double threatLevel;
};

constexpr std::array<LevelEntry, 6> Levels{{
    {Verdict::Level::Benign, "BENIGN", -1.0},
    {Verdict::Level::Unknown, "UNKNOWN", 0.0},
    {Verdict::Level::NoThreat, "NO_THREAT", 0.1},
    {Verdict::Level::Suspicious, "SUSPICIOUS", 0.5},
    {Verdict::Level::LikelyMalicious, "LIKELY_MALICIOUS", 0.75},
    {Verdict::Level::Malicious, "MALICIOUS", 1.0},
}};

const LevelEntry& entryOf(Verdict::Level level)
{
    return Levels[static_cast<std::size_t>(level)];
}

} // namespace

std::string_view Verdict::nameOf(Level level)
{
    return entryOf(level).name;
}

double Verdict::threatLevelOf(Level level)
{
    return entryOf(level).threatLevel;
}

std::optional<Verdict::Level> Verdict::parse(std::string_view name)
{
    for (const LevelEntry& entry : Levels)
    {
        if (entry.name == name)
            return entry.level;
    }
    return std::nullopt;
}

Poco::JSON::Object::Ptr Verdict::toJson() const
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("verdict", std::string(name()));
    json->set("threatLevel", threatLevel());
    json->set("confidence", _confidence);
    return json;
}

std::optional<Verdict> Verdict::fromJson(const Poco::JSON::Object& json)
{
    const Poco::Dynamic::Var name = json.get("verdict");
    if (!name.isString())
        return std::nullopt;
    std::optional<Level> level = parse(name.extract<std::string>());
    if (!level)
        return std::nullopt;
    double confidence = 0;
    const Poco::Dynamic::Var value = json.get("confidence");
    if (value.isNumeric())
        confidence = value.convert<double>();
    return Verdict(*level, confidence);
}

bool Verdict::outranks(const Verdict& other) const
{
    if (_level != other._level)
        return _level > other._level;
    return _confidence > other._confidence;
}

void Verdict::raise(Poco::JSON::Object& report, const Verdict& verdict)
{
    Poco::JSON::Object::Ptr current = report.getObject("finalVerdict");
    std::optional<Verdict> held = current ? fromJson(*current) : std::nullopt;
    if (!held || verdict.outranks(*held))
        report.set("finalVerdict", verdict.toJson());
}

} // namespace switchyard::plugins::support
