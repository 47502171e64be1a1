// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "PluginCatalog.h"

#include "TemporaryDirectory.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace switchyard::kernel
{
namespace
{

using ::testing::HasSubstr;

const PluginCatalog::Entry& entryFor(const std::vector<PluginCatalog::Entry>& entries,
                                     const std::string& name)
{
    auto found = std::find_if(
        entries.begin(), entries.end(),
        [&](const PluginCatalog::Entry& entry)
        { return entry.file == std::string(SWITCHYARD_FIXTURE_PLUGIN_DIR) + "/fixture-" + name + ".so"; });
    if (found == entries.end())
        throw Poco::NotFoundException("no catalogue entry for fixture-" + name);
    return *found;
}

TEST(PluginCatalogTest, ListsEachLibraryWithItsTypesOrWhyItIsRefused)
{
    auto entries = PluginCatalog::scan(SWITCHYARD_FIXTURE_PLUGIN_DIR);
    ASSERT_TRUE(std::is_sorted(entries.begin(), entries.end(),
                               [](const auto& left, const auto& right) { return left.file < right.file; }));

    const auto& good = entryFor(entries, "good");
    EXPECT_EQ(good.refusal, "");
    EXPECT_EQ(good.name, "fixture-good");
    EXPECT_EQ(good.version, "1.0.0");
    EXPECT_EQ(good.types, (std::vector<std::string>{"dispatch.fixture-first", "endpoint.fixture-echo",
                                                    "endpoint.fixture-silent", "endpoint.fixture-sleep",
                                                    "endpoint.fixture-throw"}));

    // Each library is loaded on its own: a type another library also registers is no refusal.
    EXPECT_EQ(entryFor(entries, "duplicate-type").refusal, "");

    EXPECT_THAT(entryFor(entries, "wrong-build-id").refusal, HasSubstr("not binary compatible"));
    EXPECT_THAT(entryFor(entries, "wrong-abi").refusal, HasSubstr("plugin ABI version"));
    EXPECT_THAT(entryFor(entries, "unresolved-symbol").refusal, HasSubstr("cannot load"));
    EXPECT_THAT(entryFor(entries, "no-entry").refusal, HasSubstr("no switchyard_plugin_v1 entry point"));
    EXPECT_THAT(entryFor(entries, "registers-nothing").refusal, HasSubstr("registered no factories"));

    std::ostringstream out;
    PluginCatalog::print(SWITCHYARD_FIXTURE_PLUGIN_DIR, entries, out);
    EXPECT_THAT(out.str(), HasSubstr("  fixture-good.so: fixture-good 1.0.0: dispatch.fixture-first, "
                                     "endpoint.fixture-echo,"));
    EXPECT_THAT(out.str(), HasSubstr("  fixture-wrong-build-id.so: REFUSED: " +
                                     std::string(SWITCHYARD_FIXTURE_PLUGIN_DIR) +
                                     "/fixture-wrong-build-id.so: not binary compatible"));
}

TEST(PluginCatalogTest, AnEmptyFolderListsNothingAndAMissingOneThrows)
{
    testsupport::TemporaryDirectory directory;
    Poco::File(directory.file("not-a-plugin.txt")).createFile();
    EXPECT_TRUE(PluginCatalog::scan(directory.path()).empty());
    std::ostringstream out;
    PluginCatalog::print(directory.path(), {}, out);
    EXPECT_THAT(out.str(), HasSubstr("(no *.so file)"));
    EXPECT_THROW(PluginCatalog::scan(directory.file("missing")), Poco::FileNotFoundException);
}

} // namespace
} // namespace switchyard::kernel
