// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SystemInfoDocument.h"

namespace switchyard::plugins::systeminfo
{

namespace
{

Poco::JSON::Object::Ptr orderedObject()
{
    // Clients compare answers with the documented examples by eye; keep the documented order.
    return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

Poco::UInt64 megabytes(std::uint64_t bytes)
{
    return bytes / SystemInfoDocument::BytesPerMegabyte;
}

} // namespace

Poco::JSON::Object::Ptr SystemInfoDocument::build(const SystemInfoFigures& figures)
{
    Poco::JSON::Object::Ptr versionInfo = orderedObject();
    versionInfo->set("name", figures.name);
    versionInfo->set("version", figures.version);
    versionInfo->set("copyright", figures.copyright);

    Poco::JSON::Object::Ptr queueInfo = orderedObject();
    queueInfo->set("queueCount", Poco::UInt64(figures.queueCount));

    Poco::JSON::Object::Ptr memoryStats = orderedObject();
    memoryStats->set("usedMemory", megabytes(figures.usedMemoryBytes));
    memoryStats->set("freeMemory", megabytes(figures.freeMemoryBytes));
    memoryStats->set("totalMemory", megabytes(figures.totalMemoryBytes));
    memoryStats->set("maxMemory", megabytes(figures.maxMemoryBytes));

    Poco::JSON::Object::Ptr freeDiscSpace = orderedObject();
    for (const auto& [name, bytes] : figures.freeDiscSpaceBytes)
        freeDiscSpace->set(name, megabytes(bytes));

    Poco::JSON::Object::Ptr document = orderedObject();
    document->set("versionInfo", versionInfo);
    document->set("queueInfo", queueInfo);
    document->set("memoryStats", memoryStats);
    document->set("freeDiscSpaceInMb", freeDiscSpace);
    return document;
}

} // namespace switchyard::plugins::systeminfo
