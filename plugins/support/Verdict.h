// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <string_view>

namespace switchyard::plugins::support
{

/// A verdict of the report (broker-api.md §6.3): `{"verdict", "threatLevel", "confidence"}`, as
/// in `finalVerdict` and in each tag. The threat level follows from the verdict:
///
/// | verdict            | threatLevel |
/// |--------------------|-------------|
/// | `BENIGN`           | -1          |
/// | `UNKNOWN`          | 0           |
/// | `NO_THREAT`        | 0.1         |
/// | `SUSPICIOUS`       | 0.5         |
/// | `LIKELY_MALICIOUS` | 0.75        |
/// | `MALICIOUS`        | 1           |
class Verdict
{
public:
    /// In order of threat level.
    enum class Level
    {
        Benign,
        Unknown,
        NoThreat,
        Suspicious,
        LikelyMalicious,
        Malicious,
    };

    /// UNKNOWN with confidence 0: what a report says before (or without) any finding.
    Verdict() = default;
    Verdict(Level level, double confidence) : _level(level), _confidence(confidence) {}

    Level level() const { return _level; }
    double confidence() const { return _confidence; }
    double threatLevel() const { return threatLevelOf(_level); }
    std::string_view name() const { return nameOf(_level); }

    /// The documented spelling: "NO_THREAT", ...
    static std::string_view nameOf(Level level);
    static double threatLevelOf(Level level);
    /// Parses a documented spelling (exact, upper case).
    static std::optional<Level> parse(std::string_view name);

    /// `{"verdict", "threatLevel", "confidence"}`, in that order.
    Poco::JSON::Object::Ptr toJson() const;

    /// Reads `{"verdict", "confidence"}` (the threat level follows from the verdict); nothing when
    /// the verdict is missing or unknown. A missing or non-numeric confidence reads as 0.
    static std::optional<Verdict> fromJson(const Poco::JSON::Object& json);

    /// True when this verdict ranks above `other`: a higher threat level, or the same verdict
    /// with a higher confidence.
    bool outranks(const Verdict& other) const;

    /// Sets `report.finalVerdict` to `verdict` unless the report holds one that ranks as high or
    /// higher (a missing or unreadable one counts as nothing). Analyzers "raise" the final
    /// verdict this way, so the order in which they run does not matter.
    static void raise(Poco::JSON::Object& report, const Verdict& verdict);

private:
    Level _level = Level::Unknown;
    double _confidence = 0;
};

} // namespace switchyard::plugins::support
