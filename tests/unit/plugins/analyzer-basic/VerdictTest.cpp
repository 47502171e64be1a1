// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "Verdict.h"

#include <gtest/gtest.h>

#include <sstream>

namespace switchyard::plugins::support
{
namespace
{

using Level = Verdict::Level;

std::string textOf(const Poco::JSON::Object& object)
{
    std::ostringstream text;
    object.stringify(text);
    return text.str();
}

TEST(VerdictTest, SpellsAndScoresTheDocumentedVerdicts)
{
    const std::vector<std::tuple<Level, std::string, double>> table{
        {Level::Benign, "BENIGN", -1.0},
        {Level::Unknown, "UNKNOWN", 0.0},
        {Level::NoThreat, "NO_THREAT", 0.1},
        {Level::Suspicious, "SUSPICIOUS", 0.5},
        {Level::LikelyMalicious, "LIKELY_MALICIOUS", 0.75},
        {Level::Malicious, "MALICIOUS", 1.0}};
    for (const auto& [level, name, threatLevel] : table)
    {
        EXPECT_EQ(Verdict::nameOf(level), name);
        EXPECT_DOUBLE_EQ(Verdict::threatLevelOf(level), threatLevel);
        EXPECT_EQ(Verdict::parse(name), level);
    }
    EXPECT_FALSE(Verdict::parse("no_threat"));
    EXPECT_FALSE(Verdict::parse("CLEAN"));
}

TEST(VerdictTest, DefaultsToUnknownWithoutConfidence)
{
    EXPECT_EQ(textOf(*Verdict().toJson()), "{\"verdict\":\"UNKNOWN\",\"threatLevel\":0,\"confidence\":0}");
}

TEST(VerdictTest, WritesTheDocumentedObject)
{
    EXPECT_EQ(textOf(*Verdict(Level::Suspicious, 1.0).toJson()),
              "{\"verdict\":\"SUSPICIOUS\",\"threatLevel\":0.5,\"confidence\":1}");
}

TEST(VerdictTest, ReadsAVerdictObject)
{
    Poco::JSON::Object json;
    json.set("verdict", "LIKELY_MALICIOUS");
    json.set("threatLevel", 0.75);
    json.set("confidence", 0.25);
    std::optional<Verdict> verdict = Verdict::fromJson(json);
    ASSERT_TRUE(verdict);
    EXPECT_EQ(verdict->level(), Level::LikelyMalicious);
    EXPECT_DOUBLE_EQ(verdict->confidence(), 0.25);

    json.set("verdict", "SORT_OF_BAD");
    EXPECT_FALSE(Verdict::fromJson(json));
    json.set("verdict", 3);
    EXPECT_FALSE(Verdict::fromJson(json));
    EXPECT_FALSE(Verdict::fromJson(Poco::JSON::Object()));
}

TEST(VerdictTest, RanksByThreatThenConfidence)
{
    EXPECT_TRUE(Verdict(Level::NoThreat, 0.1).outranks(Verdict(Level::Unknown, 1.0)));
    EXPECT_TRUE(Verdict(Level::Unknown, 0.0).outranks(Verdict(Level::Benign, 1.0)));
    EXPECT_TRUE(Verdict(Level::Suspicious, 0.9).outranks(Verdict(Level::Suspicious, 0.5)));
    EXPECT_FALSE(Verdict(Level::Suspicious, 0.5).outranks(Verdict(Level::Suspicious, 0.5)));
    EXPECT_FALSE(Verdict(Level::Suspicious, 1.0).outranks(Verdict(Level::Malicious, 0.1)));
}

TEST(VerdictTest, RaiseOnlyEverRaisesTheFinalVerdict)
{
    Poco::JSON::Object report;
    Verdict::raise(report, Verdict(Level::NoThreat, 0.5));
    EXPECT_EQ(report.getObject("finalVerdict")->getValue<std::string>("verdict"), "NO_THREAT");
    Verdict::raise(report, Verdict(Level::Unknown, 0.0));
    EXPECT_EQ(report.getObject("finalVerdict")->getValue<std::string>("verdict"), "NO_THREAT");
    Verdict::raise(report, Verdict(Level::Malicious, 1.0));
    EXPECT_EQ(report.getObject("finalVerdict")->getValue<std::string>("verdict"), "MALICIOUS");
    Verdict::raise(report, Verdict(Level::Suspicious, 1.0));
    EXPECT_EQ(report.getObject("finalVerdict")->getValue<std::string>("verdict"), "MALICIOUS");
}

TEST(VerdictTest, RaiseReplacesAnUnreadableFinalVerdict)
{
    Poco::JSON::Object report;
    report.set("finalVerdict", "bad");
    Verdict::raise(report, Verdict(Level::Benign, 1.0));
    EXPECT_EQ(report.getObject("finalVerdict")->getValue<std::string>("verdict"), "BENIGN");
}

} // namespace
} // namespace switchyard::plugins::support
