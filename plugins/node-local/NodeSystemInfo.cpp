// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "NodeSystemInfo.h"

#include <Poco/JSON/Array.h>

namespace switchyard::plugins::nodelocal
{

namespace
{

Poco::JSON::Object::Ptr ordered()
{
    return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

Poco::UInt64 megabytes(std::uint64_t bytes)
{
    return bytes / NodeSystemInfo::BytesPerMegabyte;
}

} // namespace

Poco::JSON::Object::Ptr NodeSystemInfo::build(const Figures& figures)
{
    Poco::JSON::Object::Ptr versionInfo = ordered();
    versionInfo->set("name", figures.name);
    versionInfo->set("version", figures.version);
    versionInfo->set("copyright", figures.copyright);

    Poco::JSON::Object::Ptr queueInfo = ordered();
    queueInfo->set("activeCount", Poco::UInt64(figures.activeCount));
    queueInfo->set("queueCount", Poco::UInt64(figures.queueCount));
    queueInfo->set("completedCount", Poco::UInt64(figures.completedCount));

    Poco::JSON::Object::Ptr memoryStats = ordered();
    memoryStats->set("usedMemory", megabytes(figures.usedMemoryBytes));
    memoryStats->set("freeMemory", megabytes(figures.freeMemoryBytes));
    memoryStats->set("totalMemory", megabytes(figures.totalMemoryBytes));
    memoryStats->set("maxMemory", megabytes(figures.maxMemoryBytes));

    Poco::JSON::Object::Ptr freeDiscSpace = ordered();
    for (const auto& [name, bytes] : figures.freeDiscSpaceBytes)
        freeDiscSpace->set(name, megabytes(bytes));

    Poco::JSON::Object::Ptr counters = ordered();
    for (const auto& [name, value] : figures.counters)
        counters->set(name, Poco::UInt64(value));

    Poco::JSON::Object::Ptr document = ordered();
    document->set("versionInfo", versionInfo);
    document->set("queueInfo", queueInfo);
    document->set("memoryStats", memoryStats);
    document->set("freeDiscSpaceInMb", freeDiscSpace);
    document->set("activeThreads", Poco::UInt64(figures.activeThreads));
    document->set("systemEvents", ordered());
    document->set("counters", counters);
    document->set("comments", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
    return document;
}

} // namespace switchyard::plugins::nodelocal
