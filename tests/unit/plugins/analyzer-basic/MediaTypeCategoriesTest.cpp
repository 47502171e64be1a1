// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MediaTypeCategories.h"

#include <gtest/gtest.h>

namespace switchyard::plugins::basic
{
namespace
{

TEST(MediaTypeCategoriesTest, PatternsMatchWholeTypesOrPrefixesIgnoringCaseAndParameters)
{
    EXPECT_TRUE(MediaTypeCategories::matches("application/pdf", "application/pdf"));
    EXPECT_TRUE(MediaTypeCategories::matches("application/pdf", "Application/PDF"));
    EXPECT_TRUE(
        MediaTypeCategories::matches("application/x-msdownload", "application/x-msdownload; format=pe32"));
    EXPECT_FALSE(MediaTypeCategories::matches("application/pdf", "application/pdfx"));
    EXPECT_TRUE(MediaTypeCategories::matches("text/x-script.*", "text/x-script.python"));
    EXPECT_FALSE(MediaTypeCategories::matches("text/x-script.*", "text/x-scrip"));
    EXPECT_TRUE(MediaTypeCategories::matches("image/*", "image/png"));
    EXPECT_FALSE(MediaTypeCategories::matches("", "image/png"));
}

TEST(MediaTypeCategoriesTest, DefaultsKnowWhatLibmagicNamesExecutablesScriptsArchivesAndDocuments)
{
    const MediaTypeCategories categories(MediaTypeCategories::defaults());
    for (const char* type : {"application/vnd.microsoft.portable-executable", "application/x-dosexec",
                             "application/x-executable", "application/x-pie-executable",
                             "application/x-sharedlib", "application/x-mach-binary"})
        EXPECT_EQ(categories.categoriesOf(type), MediaTypeCategories::Executable) << type;
    for (const char* type : {"text/x-shellscript", "text/x-script.python", "text/x-php", "text/x-msdos-batch",
                             "application/javascript"})
        EXPECT_EQ(categories.categoriesOf(type), MediaTypeCategories::Script) << type;
    for (const char* type : {"application/zip", "application/gzip", "application/x-7z-compressed",
                             "application/vnd.rar", "application/x-tar", "application/vnd.ms-cab-compressed"})
        EXPECT_EQ(categories.categoriesOf(type), MediaTypeCategories::Archive) << type;
    for (const char* type :
         {"application/pdf", "application/msword",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.oasis.opendocument.text", "application/CDFV2", "text/rtf", "text/html"})
        EXPECT_EQ(categories.categoriesOf(type), MediaTypeCategories::Document) << type;
    for (const char* type :
         {"text/plain", "image/png", "application/octet-stream", "application/x-empty", ""})
        EXPECT_EQ(categories.categoriesOf(type), 0u) << type;
}

TEST(MediaTypeCategoriesTest, ConfiguredListsReplaceTheDefaults)
{
    MediaTypeCategories::Patterns patterns;
    patterns.executable = {"application/x-custom-exe"};
    patterns.archive = {"application/x-custom-*", "application/zip"};
    const MediaTypeCategories categories(patterns);
    EXPECT_EQ(categories.categoriesOf("application/x-custom-exe"),
              MediaTypeCategories::Executable | MediaTypeCategories::Archive);
    EXPECT_EQ(categories.categoriesOf("application/x-dosexec"), 0u);
    EXPECT_EQ(categories.categoriesOf("application/zip"), MediaTypeCategories::Archive);
}

} // namespace
} // namespace switchyard::plugins::basic
