// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "AccessLog.h"

#include <Poco/Logger.h>

namespace switchyard::kernel
{

void AccessLog::write(const AccessLogEntry& entry)
{
    Poco::Logger& logger = Poco::Logger::get("switchyard.access");
    if (!logger.information())
        return;
    logger.information(entry.requestId + " " + entry.client + " " + entry.method + " " + entry.path + " " +
                       std::to_string(entry.status) + " " + std::to_string(entry.bytes) + " " +
                       std::to_string(entry.milliseconds) +
                       "ms key=" + (entry.keyName.empty() ? "-" : entry.keyName));
}

} // namespace switchyard::kernel
