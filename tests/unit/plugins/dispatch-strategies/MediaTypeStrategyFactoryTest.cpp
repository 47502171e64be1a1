// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MediaTypeStrategyFactory.h"

#include "support/FakePluginContext.h"
#include "support/LogCapture.h"
#include "support/PropertiesText.h"

#include <Poco/Exception.h>
#include <gtest/gtest.h>

namespace switchyard::plugins::dispatch
{
namespace
{

const std::string PdfRule = "rules = pdf\n"
                            "rules.pdf.mediaTypes = application/pdf\n"
                            "rules.pdf.nodes = app1\n";

std::string createError(const std::string& text)
{
    switchyard::tests::FakePluginContext context("dispatch");
    try
    {
        MediaTypeStrategyFactory().create(*switchyard::tests::instanceBlock(text, "dispatch"), context);
    }
    catch (const Poco::Exception& error)
    {
        return error.message();
    }
    return "(no error)";
}

const std::string Prefix = "test.properties: switchyard.instances.dispatch.";

TEST(MediaTypeStrategyFactory, HasItsType)
{
    EXPECT_EQ(MediaTypeStrategyFactory().type(), "dispatch.media-type");
}

TEST(MediaTypeStrategyFactory, AcceptsAFullBlockAndLogsTheRules)
{
    switchyard::tests::FakePluginContext context("dispatch");
    switchyard::tests::LogCapture log(context.logger());
    const auto strategy = MediaTypeStrategyFactory().create(
        *switchyard::tests::instanceBlock("rules = pdf, images\n"
                                          "rules.pdf.mediaTypes = application/pdf\n"
                                          "rules.pdf.nodes = app1, app2\n"
                                          "rules.images.mediaTypes = image/*, Text/*\n"
                                          "rules.images.nodes = app3\n"
                                          "fallback = app4\n"
                                          "within = least-outstanding\n"
                                          "spill = yes\n",
                                          "dispatch"),
        context);
    EXPECT_NE(strategy, nullptr);
    EXPECT_EQ(log.messages(),
              std::vector<std::string>{"routing by media type: pdf (application/pdf -> app1, app2); "
                                       "images (image/*, text/* -> app3); otherwise app4, "
                                       "least-outstanding, spill"});
}

TEST(MediaTypeStrategyFactory, RequiresRules)
{
    EXPECT_EQ(createError(""), Prefix + "rules: is required");
    EXPECT_EQ(createError("rules = \n"), Prefix + "rules: must name at least one rule");
}

TEST(MediaTypeStrategyFactory, RefusesABadRuleList)
{
    EXPECT_EQ(createError(PdfRule + "rules = pdf, pdf\n"), Prefix + "rules: names rule 'pdf' more than once");
    EXPECT_EQ(createError("rules = p.df\n"),
              Prefix + "rules: rule name 'p.df' may contain only letters, digits, '-' and '_'");
}

TEST(MediaTypeStrategyFactory, RefusesARuleBlockThatIsNotListed)
{
    EXPECT_EQ(createError(PdfRule + "rules.pfd.nodes = app2\n"),
              Prefix + "rules.pfd: is not listed in rules");
}

TEST(MediaTypeStrategyFactory, RefusesAnUnknownKeyInARule)
{
    EXPECT_EQ(createError(PdfRule + "rules.pdf.node = app2\n"),
              Prefix + "rules.pdf.node: is not a rule setting (expected mediaTypes or nodes)");
    EXPECT_EQ(createError(PdfRule + "rules.pdf.mediaTypes.extra = x\n"),
              Prefix + "rules.pdf.mediaTypes.extra: is not a rule setting (expected mediaTypes or nodes)");
}

TEST(MediaTypeStrategyFactory, RefusesAValueOnARuleItself)
{
    EXPECT_EQ(createError(PdfRule + "rules.pdf = app1\n"),
              Prefix + "rules.pdf: takes no value; set rules.pdf.mediaTypes and rules.pdf.nodes");
}

TEST(MediaTypeStrategyFactory, RequiresMediaTypesInEveryRule)
{
    EXPECT_EQ(createError("rules = pdf\nrules.pdf.nodes = app1\n"),
              Prefix + "rules.pdf.mediaTypes: is required");
    EXPECT_EQ(createError("rules = pdf\nrules.pdf.mediaTypes = \nrules.pdf.nodes = app1\n"),
              Prefix + "rules.pdf.mediaTypes: must list at least one media type pattern");
    EXPECT_EQ(createError("rules = pdf\nrules.pdf.mediaTypes = , ,\nrules.pdf.nodes = app1\n"),
              Prefix + "rules.pdf.mediaTypes: must list at least one media type pattern");
}

TEST(MediaTypeStrategyFactory, RefusesABadMediaTypePattern)
{
    EXPECT_EQ(
        createError("rules = pdf\nrules.pdf.mediaTypes = application/pdf, pdf\nrules.pdf.nodes = app1\n"),
        Prefix +
            "rules.pdf.mediaTypes: 'pdf' is not a media type pattern (expected type/subtype, type/* or *)");
    EXPECT_EQ(
        createError("rules = pdf\nrules.pdf.mediaTypes = */pdf\nrules.pdf.nodes = app1\n"),
        Prefix +
            "rules.pdf.mediaTypes: '*/pdf' is not a media type pattern (expected type/subtype, type/* or *)");
}

TEST(MediaTypeStrategyFactory, RequiresNodesInEveryRule)
{
    EXPECT_EQ(createError("rules = pdf\nrules.pdf.mediaTypes = application/pdf\n"),
              Prefix + "rules.pdf.nodes: is required");
    EXPECT_EQ(createError("rules = pdf\nrules.pdf.mediaTypes = application/pdf\nrules.pdf.nodes =\n"),
              Prefix + "rules.pdf.nodes: must list at least one node id");
}

TEST(MediaTypeStrategyFactory, RefusesAnEmptyFallback)
{
    EXPECT_EQ(createError(PdfRule + "fallback = \n"),
              Prefix +
                  "fallback: must list at least one node id (leave the key out to fall back to any node)");
}

TEST(MediaTypeStrategyFactory, RefusesABadWithin)
{
    EXPECT_EQ(createError(PdfRule + "within = random\n"),
              Prefix + "within: expected round-robin or least-outstanding, got 'random'");
    EXPECT_EQ(createError(PdfRule + "within = round_robin\n"),
              Prefix + "within: expected round-robin or least-outstanding, got 'round_robin'");
}

TEST(MediaTypeStrategyFactory, RefusesABadSpill)
{
    EXPECT_EQ(createError(PdfRule + "spill = sometimes\n"),
              Prefix + "spill: expected true or false, got 'sometimes'");
}

TEST(MediaTypeStrategyFactory, DefaultsToRoundRobinWithoutSpill)
{
    switchyard::tests::FakePluginContext context("dispatch");
    switchyard::tests::LogCapture log(context.logger());
    MediaTypeStrategyFactory().create(*switchyard::tests::instanceBlock(PdfRule, "dispatch"), context);
    EXPECT_EQ(log.messages(),
              std::vector<std::string>{"routing by media type: pdf (application/pdf -> app1); "
                                       "otherwise any node, round-robin, no spill"});
}

} // namespace
} // namespace switchyard::plugins::dispatch
