// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "BasicRules.h"

#include <gtest/gtest.h>

namespace switchyard::plugins::basic
{
namespace
{

using Level = support::Verdict::Level;
using Tags = std::vector<std::string>;

constexpr const char* Pe = "application/vnd.microsoft.portable-executable";

BasicRules::Findings evaluate(const std::string& mediaType, std::uint64_t size, double entropy,
                              const BasicSettings& settings = {})
{
    return BasicRules(settings).evaluate(mediaType, size, entropy);
}

TEST(BasicRulesTest, AHighEntropyExecutableIsSuspicious)
{
    const BasicRules::Findings findings = evaluate(Pe, 4096, 7.6);
    EXPECT_EQ(findings.tags, (Tags{"executable", "high-entropy"}));
    EXPECT_EQ(findings.verdict.level(), Level::Suspicious);
    EXPECT_DOUBLE_EQ(findings.verdict.threatLevel(), 0.5);
    EXPECT_DOUBLE_EQ(findings.verdict.confidence(), 0.5);
}

TEST(BasicRulesTest, AnOrdinaryExecutableIsUnknownWithNoConfidence)
{
    const BasicRules::Findings findings = evaluate("application/x-executable", 4096, 6.1);
    EXPECT_EQ(findings.tags, (Tags{"executable"}));
    EXPECT_EQ(findings.verdict.level(), Level::Unknown);
    EXPECT_DOUBLE_EQ(findings.verdict.threatLevel(), 0.0);
    EXPECT_DOUBLE_EQ(findings.verdict.confidence(), 0.0);
}

TEST(BasicRulesTest, ScriptsArchivesAndDocumentsAreUnknown)
{
    EXPECT_EQ(evaluate("text/x-shellscript", 20, 4.0).tags, (Tags{"script"}));
    EXPECT_EQ(evaluate("text/x-shellscript", 20, 4.0).verdict.level(), Level::Unknown);
    EXPECT_EQ(evaluate("application/zip", 900, 7.9).tags, (Tags{"archive", "high-entropy"}));
    EXPECT_EQ(evaluate("application/zip", 900, 7.9).verdict.level(), Level::Unknown);
    EXPECT_EQ(evaluate("application/pdf", 900, 5.0).tags, (Tags{"document"}));
    EXPECT_EQ(evaluate("application/pdf", 900, 5.0).verdict.level(), Level::Unknown);
}

TEST(BasicRulesTest, EverythingElseIsNoThreat)
{
    const BasicRules::Findings text = evaluate("text/plain", 100, 4.2);
    EXPECT_TRUE(text.tags.empty());
    EXPECT_EQ(text.verdict.level(), Level::NoThreat);
    EXPECT_DOUBLE_EQ(text.verdict.threatLevel(), 0.1);
    EXPECT_DOUBLE_EQ(text.verdict.confidence(), 0.5);

    const BasicRules::Findings noise = evaluate("application/octet-stream", 100000, 7.99);
    EXPECT_EQ(noise.tags, (Tags{"high-entropy"}));
    EXPECT_EQ(noise.verdict.level(), Level::NoThreat);
}

TEST(BasicRulesTest, AnEmptyFileIsTaggedEmptyWhateverItsMediaType)
{
    const BasicRules::Findings findings = evaluate(Pe, 0, 0.0);
    EXPECT_EQ(findings.tags, (Tags{"empty"}));
    EXPECT_EQ(findings.verdict.level(), Level::NoThreat);
}

TEST(BasicRulesTest, HighEntropyMeansAboveTheThreshold)
{
    EXPECT_EQ(evaluate(Pe, 10, 7.2).tags, (Tags{"executable"}));
    EXPECT_EQ(evaluate(Pe, 10, 7.2000001).tags, (Tags{"executable", "high-entropy"}));
}

TEST(BasicRulesTest, ThresholdConfidenceAndVerdictsAreConfigurable)
{
    BasicSettings settings;
    settings.highEntropyThreshold = 6.0;
    settings.confidence = 0.8;
    settings.packedExecutableVerdict = Level::LikelyMalicious;
    settings.unexaminedVerdict = Level::Suspicious;
    settings.otherVerdict = Level::Benign;

    const BasicRules::Findings packed = evaluate(Pe, 10, 6.5, settings);
    EXPECT_EQ(packed.verdict.level(), Level::LikelyMalicious);
    EXPECT_DOUBLE_EQ(packed.verdict.threatLevel(), 0.75);
    EXPECT_DOUBLE_EQ(packed.verdict.confidence(), 0.8);
    EXPECT_EQ(evaluate("text/x-php", 10, 3.0, settings).verdict.level(), Level::Suspicious);
    EXPECT_EQ(evaluate("text/plain", 10, 3.0, settings).verdict.level(), Level::Benign);
    EXPECT_DOUBLE_EQ(evaluate("text/plain", 10, 3.0, settings).verdict.threatLevel(), -1.0);
}

} // namespace
} // namespace switchyard::plugins::basic
