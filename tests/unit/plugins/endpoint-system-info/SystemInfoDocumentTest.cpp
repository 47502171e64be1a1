// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SystemInfoDocument.h"

#include <gtest/gtest.h>

#include <sstream>

namespace switchyard::plugins::systeminfo
{
namespace
{

constexpr std::uint64_t MiB = 1024 * 1024;

SystemInfoFigures figures()
{
    SystemInfoFigures figures;
    figures.name = "broker";
    figures.version = "1.2.3";
    figures.copyright = "Copyright 2026 Switchyard contributors";
    figures.queueCount = 7;
    figures.usedMemoryBytes = 21 * MiB + 5;
    figures.freeMemoryBytes = 538 * MiB + MiB - 1;
    figures.totalMemoryBytes = 560 * MiB;
    figures.maxMemoryBytes = 14492 * MiB;
    figures.freeDiscSpaceBytes = {{"Samples", 1833809 * MiB}, {"data", MiB - 1}, {"fsTemp", 79668 * MiB}};
    return figures;
}

std::vector<std::string> keysOf(const Poco::JSON::Object& object)
{
    std::vector<std::string> keys;
    object.getNames(keys);
    return keys;
}

TEST(SystemInfoDocument, HasExactlyTheDocumentedFields)
{
    const Poco::JSON::Object::Ptr document = SystemInfoDocument::build(figures());

    EXPECT_EQ(keysOf(*document),
              std::vector<std::string>({"versionInfo", "queueInfo", "memoryStats", "freeDiscSpaceInMb"}));
    EXPECT_EQ(keysOf(*document->getObject("versionInfo")),
              std::vector<std::string>({"name", "version", "copyright"}));
    EXPECT_EQ(keysOf(*document->getObject("queueInfo")), std::vector<std::string>({"queueCount"}));
    EXPECT_EQ(keysOf(*document->getObject("memoryStats")),
              std::vector<std::string>({"usedMemory", "freeMemory", "totalMemory", "maxMemory"}));
    EXPECT_EQ(keysOf(*document->getObject("freeDiscSpaceInMb")),
              std::vector<std::string>({"Samples", "data", "fsTemp"}));
}

TEST(SystemInfoDocument, ShowsTheFiguresInWholeMegabytes)
{
    std::ostringstream text;
    SystemInfoDocument::build(figures())->stringify(text);

    EXPECT_EQ(text.str(),
              R"({"versionInfo":{"name":"broker","version":"1.2.3",)"
              R"("copyright":"Copyright 2026 Switchyard contributors"},)"
              R"("queueInfo":{"queueCount":7},)"
              R"("memoryStats":{"usedMemory":21,"freeMemory":538,"totalMemory":560,"maxMemory":14492},)"
              R"("freeDiscSpaceInMb":{"Samples":1833809,"data":0,"fsTemp":79668}})");
}

TEST(SystemInfoDocument, ShowsAnEmptyDiscSpaceObjectWhenThereAreNoAreas)
{
    SystemInfoFigures none = figures();
    none.freeDiscSpaceBytes.clear();
    const Poco::JSON::Object::Ptr document = SystemInfoDocument::build(none);
    ASSERT_TRUE(document->isObject("freeDiscSpaceInMb"));
    EXPECT_EQ(document->getObject("freeDiscSpaceInMb")->size(), 0u);
}

} // namespace
} // namespace switchyard::plugins::systeminfo
