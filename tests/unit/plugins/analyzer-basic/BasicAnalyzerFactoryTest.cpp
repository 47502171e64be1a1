// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "BasicAnalyzerFactory.h"

#include "support/FakePluginContext.h"
#include "support/PropertiesText.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include <sstream>

namespace switchyard::plugins::basic
{
namespace
{

const std::string ErrorPrefix = "test.properties: switchyard.instances.basic.";

class BasicAnalyzerFactoryTest : public ::testing::Test
{
protected:
    std::unique_ptr<plugin::Analyzer> create(const std::string& text)
    {
        return BasicAnalyzerFactory().create(*tests::instanceBlock(text, "basic"), _context);
    }

    std::string configError(const std::string& text)
    {
        try
        {
            create(text);
        }
        catch (const Poco::InvalidArgumentException& error)
        {
            const std::string message = error.message();
            if (message.rfind(ErrorPrefix, 0) != 0)
                return "(unexpected prefix) " + message;
            return message.substr(ErrorPrefix.size());
        }
        return "(no error)";
    }

    /// The verdict the analyzer made from `content` (a text file).
    std::string verdictOf(plugin::Analyzer& analyzer, const std::string& content,
                          const std::string& mediaType)
    {
        Poco::JSON::Object report;
        std::istringstream stream(content);
        plugin::FileFacts facts;
        facts.mediaType = mediaType;
        analyzer.analyze(stream, facts, report);
        return report.getObject("finalVerdict")->getValue<std::string>("verdict");
    }

    tests::FakePluginContext _context{"basic"};
};

TEST_F(BasicAnalyzerFactoryTest, HasTheTypeName)
{
    EXPECT_EQ(BasicAnalyzerFactory().type(), "analyzer.basic");
}

TEST_F(BasicAnalyzerFactoryTest, NeedsNoKeys)
{
    auto analyzer = create("");
    ASSERT_TRUE(analyzer);
    EXPECT_EQ(verdictOf(*analyzer, "hello", "text/plain"), "NO_THREAT");
}

TEST_F(BasicAnalyzerFactoryTest, TakesVerdictsAndMediaTypeLists)
{
    auto analyzer = create("verdicts.other = BENIGN\n"
                           "verdicts.unexamined = LIKELY_MALICIOUS\n"
                           "mediaTypes.document = text/plain, image/*\n");
    EXPECT_EQ(verdictOf(*analyzer, "hello", "text/plain"), "LIKELY_MALICIOUS");
    EXPECT_EQ(verdictOf(*analyzer, "hello", "image/png"), "LIKELY_MALICIOUS");
    EXPECT_EQ(verdictOf(*analyzer, "hello", "application/pdf"), "BENIGN");
}

TEST_F(BasicAnalyzerFactoryTest, TakesTheThresholdAndConfidence)
{
    auto analyzer = create("highEntropyThreshold = 0.5\nconfidence = 0.9\n");
    Poco::JSON::Object report;
    std::istringstream stream("ab");
    plugin::FileFacts facts;
    facts.mediaType = "text/plain";
    analyzer->analyze(stream, facts, report);
    EXPECT_EQ(report.getArray("allTags")->getObject(0)->getObject("tag")->getValue<std::string>("name"),
              "high-entropy");
    EXPECT_DOUBLE_EQ(report.getObject("finalVerdict")->getValue<double>("confidence"), 0.9);
}

TEST_F(BasicAnalyzerFactoryTest, RefusesBadValuesNamingTheKey)
{
    EXPECT_EQ(configError("highEntropyThreshold = high\n"),
              "highEntropyThreshold: expected a number, got 'high'");
    EXPECT_EQ(configError("highEntropyThreshold = 8.5\n"),
              "highEntropyThreshold: must be between 0 and 8, got 8.5");
    EXPECT_EQ(configError("confidence = -0.1\n"), "confidence: must be between 0 and 1, got -0.1");
    EXPECT_EQ(
        configError("verdicts.other = CLEAN\n"),
        "verdicts.other: expected BENIGN, UNKNOWN, NO_THREAT, SUSPICIOUS, LIKELY_MALICIOUS or MALICIOUS, "
        "got 'CLEAN'");
    EXPECT_EQ(configError("mediaTypes.script = python\n"),
              "mediaTypes.script: 'python' is not a media type pattern (type/subtype, '*' only at the end)");
    EXPECT_EQ(
        configError("mediaTypes.archive = application/*zip\n"),
        "mediaTypes.archive: 'application/*zip' is not a media type pattern (type/subtype, '*' only at the "
        "end)");
}

} // namespace
} // namespace switchyard::plugins::basic
