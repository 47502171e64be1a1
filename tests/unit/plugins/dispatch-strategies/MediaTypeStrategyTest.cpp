// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MediaTypeStrategy.h"

#include "MediaTypeStrategyFactory.h"
#include "TestNodes.h"
#include "support/FakePluginContext.h"
#include "support/PropertiesText.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace switchyard::plugins::dispatch
{
namespace
{

using tests::node;
using tests::Nodes;
using tests::submission;

// Group A: app1, app2 (pdf). Group B: app3 (images). Fallback: app4.
const std::string Rules = "rules = pdf, images\n"
                          "rules.pdf.mediaTypes = application/pdf\n"
                          "rules.pdf.nodes = app1, app2\n"
                          "rules.images.mediaTypes = image/*\n"
                          "rules.images.nodes = app3\n";

const Nodes AllNodes = {node("app1", 0), node("app2", 1), node("app3", 2), node("app4", 3), node("app5", 4)};

Nodes without(std::initializer_list<std::string> ids)
{
    Nodes nodes;
    for (const plugin::NodeStatus& status : AllNodes)
    {
        if (std::find(ids.begin(), ids.end(), status.id) == ids.end())
            nodes.push_back(status);
    }
    return nodes;
}

class MediaTypeStrategyTest : public ::testing::Test
{
protected:
    void configure(const std::string& text)
    {
        _strategy =
            MediaTypeStrategyFactory().create(*switchyard::tests::instanceBlock(text, "dispatch"), _context);
    }

    std::optional<std::string> choose(const std::string& mediaType, const Nodes& candidates = AllNodes)
    {
        return _strategy->choose(submission(mediaType), candidates);
    }

    std::vector<std::string> chooseTimes(const std::string& mediaType, int times,
                                         const Nodes& candidates = AllNodes)
    {
        std::vector<std::string> chosen;
        for (int pick = 0; pick < times; ++pick)
            chosen.push_back(choose(mediaType, candidates).value_or("(none)"));
        return chosen;
    }

    switchyard::tests::FakePluginContext _context{"dispatch"};
    std::unique_ptr<plugin::DispatchStrategy> _strategy;
};

TEST_F(MediaTypeStrategyTest, RoutesPdfToGroupAInTurn)
{
    configure(Rules + "fallback = app4\n");
    EXPECT_EQ(chooseTimes("application/pdf", 4), (std::vector<std::string>{"app1", "app2", "app1", "app2"}));
}

TEST_F(MediaTypeStrategyTest, RoutesImagesToGroupB)
{
    configure(Rules + "fallback = app4\n");
    EXPECT_EQ(chooseTimes("image/png", 2), (std::vector<std::string>{"app3", "app3"}));
    EXPECT_EQ(choose("image/jpeg"), "app3");
}

TEST_F(MediaTypeStrategyTest, RoutesUnknownTypesToTheFallback)
{
    configure(Rules + "fallback = app4, app5\n");
    EXPECT_EQ(chooseTimes("application/zip", 3), (std::vector<std::string>{"app4", "app5", "app4"}));
    EXPECT_EQ(choose(""), "app5");
}

TEST_F(MediaTypeStrategyTest, FallsBackToAnyCandidateWithoutAFallbackKey)
{
    configure(Rules);
    EXPECT_EQ(chooseTimes("text/plain", 6),
              (std::vector<std::string>{"app1", "app2", "app3", "app4", "app5", "app1"}));
}

TEST_F(MediaTypeStrategyTest, KeepsTheSubmissionQueuedWhenTheFallbackIsUnavailable)
{
    configure(Rules + "fallback = app4\n");
    EXPECT_FALSE(choose("text/plain", without({"app4"})));
}

TEST_F(MediaTypeStrategyTest, UsesTheRestOfAGroupWhenSomeOfItIsUnavailable)
{
    configure(Rules + "fallback = app4\n");
    EXPECT_EQ(chooseTimes("application/pdf", 2, without({"app1"})),
              (std::vector<std::string>{"app2", "app2"}));
}

TEST_F(MediaTypeStrategyTest, KeepsTheSubmissionQueuedWhenItsGroupIsUnavailableWithoutSpill)
{
    configure(Rules + "fallback = app4\n");
    EXPECT_FALSE(choose("image/png", without({"app3"})));
    EXPECT_FALSE(choose("application/pdf", without({"app1", "app2"})));
}

TEST_F(MediaTypeStrategyTest, SpillsToTheFallbackWhenItsGroupIsUnavailable)
{
    configure(Rules + "fallback = app4\nspill = true\n");
    EXPECT_EQ(choose("image/png", without({"app3"})), "app4");
    EXPECT_EQ(choose("image/png"), "app3");
}

TEST_F(MediaTypeStrategyTest, SpillsToAnyCandidateWithoutAFallbackKey)
{
    configure(Rules + "spill = true\n");
    EXPECT_EQ(chooseTimes("image/png", 3, without({"app3"})),
              (std::vector<std::string>{"app1", "app2", "app4"}));
}

TEST_F(MediaTypeStrategyTest, TakesTheFirstMatchingRuleThatHasANodeAvailable)
{
    configure("rules = scanned, pdf\n"
              "rules.scanned.mediaTypes = application/pdf, image/tiff\n"
              "rules.scanned.nodes = app5\n"
              "rules.pdf.mediaTypes = application/*\n"
              "rules.pdf.nodes = app1\n"
              "fallback = app4\n");
    EXPECT_EQ(choose("application/pdf"), "app5");
    EXPECT_EQ(choose("application/pdf", without({"app5"})), "app1");
    EXPECT_EQ(choose("application/zip"), "app1");
    // tiff matches only "scanned": with app5 gone and no spill it waits.
    EXPECT_FALSE(choose("image/tiff", without({"app5"})));
}

TEST_F(MediaTypeStrategyTest, MatchesIgnoringCase)
{
    configure("rules = pdf, images\n"
              "rules.pdf.mediaTypes = Application/PDF\n"
              "rules.pdf.nodes = app1\n"
              "rules.images.mediaTypes = IMAGE/*\n"
              "rules.images.nodes = app3\n"
              "fallback = app4\n");
    EXPECT_EQ(choose("APPLICATION/pdf"), "app1");
    EXPECT_EQ(choose("application/pdf"), "app1");
    EXPECT_EQ(choose("Image/Png"), "app3");
}

TEST_F(MediaTypeStrategyTest, IgnoresMediaTypeParameters)
{
    configure(Rules + "fallback = app4\n");
    EXPECT_EQ(choose("application/pdf; version=1.7"), "app1");
    EXPECT_EQ(choose("image/svg+xml;charset=utf-8"), "app3");
    EXPECT_EQ(choose("text/plain; charset=application/pdf"), "app4");
}

TEST_F(MediaTypeStrategyTest, HonoursTheMediaTypesANodeTakes)
{
    configure(Rules);
    // app4 takes only text; app5 takes anything.
    Nodes nodes = {node("app1", 0), node("app4", 3, 1, 0, 0, {"text/*"}), node("app5", 4)};
    EXPECT_EQ(chooseTimes("text/plain", 3, {nodes[1], nodes[2]}),
              (std::vector<std::string>{"app4", "app5", "app4"}));
    EXPECT_EQ(chooseTimes("application/zip", 2, {nodes[1], nodes[2]}),
              (std::vector<std::string>{"app5", "app5"}));
    EXPECT_FALSE(choose("application/zip", {nodes[1]}));
    // A rule's node that does not take the type counts as unavailable.
    nodes[0].mediaTypes = {"application/x-msdownload"};
    EXPECT_FALSE(choose("application/pdf", nodes));
}

TEST_F(MediaTypeStrategyTest, PicksTheLeastLoadedInsideAGroup)
{
    configure(Rules + "within = least-outstanding\n");
    const Nodes nodes = {node("app1", 0, 1, 4), node("app2", 1, 1, 1), node("app3", 2, 1, 0),
                         node("app4", 3)};
    EXPECT_EQ(choose("application/pdf", nodes), "app2");
    // Fallback: any candidate; app3 and app4 tie.
    EXPECT_EQ(chooseTimes("text/plain", 3, nodes), (std::vector<std::string>{"app3", "app4", "app3"}));
}

TEST_F(MediaTypeStrategyTest, RotatesEachGroupOnItsOwn)
{
    configure("rules = pdf, office\n"
              "rules.pdf.mediaTypes = application/pdf\n"
              "rules.pdf.nodes = app1, app2\n"
              "rules.office.mediaTypes = application/msword\n"
              "rules.office.nodes = app1, app2\n");
    EXPECT_EQ(choose("application/pdf"), "app1");
    EXPECT_EQ(choose("application/msword"), "app1");
    EXPECT_EQ(choose("application/pdf"), "app2");
    EXPECT_EQ(choose("application/msword"), "app2");
}

TEST_F(MediaTypeStrategyTest, MatchesAnythingWithAStar)
{
    configure("rules = all\nrules.all.mediaTypes = *\nrules.all.nodes = app2\nfallback = app4\n");
    EXPECT_EQ(choose("application/octet-stream"), "app2");
    EXPECT_EQ(choose(""), "app2");
}

TEST(MediaTypeStrategy, CanBeBuiltFromSettings)
{
    MediaTypeStrategy::Settings settings;
    settings.rules.push_back(MediaTypeRule{"pdf", {*MediaTypePattern::parse("application/pdf")}, {"app2"}});
    settings.fallback = std::vector<std::string>{"app1"};
    MediaTypeStrategy strategy(std::move(settings));
    EXPECT_EQ(strategy.choose(submission("application/pdf"), AllNodes), "app2");
    EXPECT_EQ(strategy.choose(submission("text/plain"), AllNodes), "app1");
}

} // namespace
} // namespace switchyard::plugins::dispatch
