// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MediaTypePattern.h"

#include <gtest/gtest.h>

namespace switchyard::plugins::dispatch
{
namespace
{

bool matches(const std::string& pattern, const std::string& mediaType)
{
    const std::optional<MediaTypePattern> parsed = MediaTypePattern::parse(pattern);
    EXPECT_TRUE(parsed) << pattern;
    return parsed && parsed->matches(mediaType);
}

TEST(MediaTypePattern, ParsesTheThreeFormsLowerCased)
{
    EXPECT_EQ(MediaTypePattern::parse("Application/PDF")->text(), "application/pdf");
    EXPECT_EQ(MediaTypePattern::parse(" image/* ")->text(), "image/*");
    EXPECT_EQ(MediaTypePattern::parse("*")->text(), "*");
    EXPECT_EQ(MediaTypePattern::parse("*/*")->text(), "*");
    EXPECT_EQ(
        MediaTypePattern::parse("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            ->text(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
}

TEST(MediaTypePattern, RefusesWhatIsNotAPattern)
{
    for (const char* text : {"", "pdf", "application/", "/pdf", "*/pdf", "application/pdf; version=1",
                             "application/pd f", "a/b/c", "image/x*"})
        EXPECT_FALSE(MediaTypePattern::parse(text)) << text;
}

TEST(MediaTypePattern, MatchesExactly)
{
    EXPECT_TRUE(matches("application/pdf", "application/pdf"));
    EXPECT_FALSE(matches("application/pdf", "application/pdfx"));
    EXPECT_FALSE(matches("application/pdf", "application/zip"));
    EXPECT_FALSE(matches("application/pdf", ""));
}

TEST(MediaTypePattern, MatchesAnySubtype)
{
    EXPECT_TRUE(matches("image/*", "image/png"));
    EXPECT_TRUE(matches("image/*", "image/svg+xml"));
    EXPECT_FALSE(matches("image/*", "image/"));
    EXPECT_FALSE(matches("image/*", "imagex/png"));
    EXPECT_FALSE(matches("image/*", "application/png"));
}

TEST(MediaTypePattern, MatchesAnything)
{
    EXPECT_TRUE(matches("*", "application/pdf"));
    EXPECT_TRUE(matches("*", ""));
}

TEST(MediaTypePattern, IgnoresCase)
{
    EXPECT_TRUE(matches("application/pdf", "APPLICATION/Pdf"));
    EXPECT_TRUE(matches("IMAGE/*", "Image/PNG"));
}

TEST(MediaTypePattern, IgnoresParametersAndSpaces)
{
    EXPECT_TRUE(matches("application/pdf", "application/pdf; version=1.7"));
    EXPECT_TRUE(matches("text/plain", " text/plain ;charset=utf-8"));
    EXPECT_TRUE(matches("text/*", "text/plain;charset=us-ascii"));
}

TEST(MediaTypePattern, MatchesUnvalidatedNodePatternsTheSameWay)
{
    EXPECT_TRUE(MediaTypePattern::matches("Image/*", "image/gif; x=1"));
    EXPECT_TRUE(MediaTypePattern::matches("application/pdf; q=1", "APPLICATION/PDF"));
    EXPECT_TRUE(MediaTypePattern::matches("*/*", "text/html"));
    EXPECT_FALSE(MediaTypePattern::matches("pdf", "application/pdf"));
}

} // namespace
} // namespace switchyard::plugins::dispatch
