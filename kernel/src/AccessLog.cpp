// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "AccessLog.h"

#include <Poco/AutoPtr.h>
#include <Poco/Logger.h>

namespace switchyard::kernel
{

void AccessLog::write(const AccessLogEntry& entry)
{
    // Looked up once: Logger::get takes a process-wide lock, on every request otherwise. The
    // reference held keeps the logger alive whatever happens to POCO's registry at exit.
    static Poco::AutoPtr<Poco::Logger> accessLogger(&Poco::Logger::get("switchyard.access"), true);
    Poco::Logger& logger = *accessLogger;
    if (!logger.information())
        return;
    logger.information(entry.requestId + " " + entry.client + " " + entry.method + " " + entry.path + " " +
                       std::to_string(entry.status) + " " + std::to_string(entry.bytes) + " " +
                       std::to_string(entry.milliseconds) +
                       "ms key=" + (entry.keyName.empty() ? "-" : entry.keyName));
}

} // namespace switchyard::kernel
