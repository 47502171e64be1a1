// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "SystemInfoFigures.h"

#include <Poco/JSON/Object.h>

namespace switchyard::plugins::systeminfo
{

/// The JSON body of a broker /system-info answer (broker-api.md §3.6), without `processTime`,
/// which the kernel adds when it sends it.
class SystemInfoDocument
{
public:
    /// Sizes are converted to whole MiB, rounded down, as the reference broker shows them.
    static constexpr std::uint64_t BytesPerMegabyte = 1024 * 1024;

    /// Builds `{"versionInfo": {name, version, copyright}, "queueInfo": {queueCount},
    /// "memoryStats": {usedMemory, freeMemory, totalMemory, maxMemory},
    /// "freeDiscSpaceInMb": {<area>: MB, ...}}`, keys in that order.
    static Poco::JSON::Object::Ptr build(const SystemInfoFigures& figures);
};

} // namespace switchyard::plugins::systeminfo
