// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "TestPluginContext.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>

namespace switchyard::testsupport
{

Poco::Logger& TestPluginContext::logger() const
{
    return Poco::Logger::get("test");
}

void TestPluginContext::configError(const std::string& key, const std::string& reason) const
{
    throw Poco::InvalidArgumentException(key + ": " + reason);
}

std::shared_ptr<plugin::Component> TestPluginContext::useComponent(plugin::PluginKind, const std::string&,
                                                                   const std::string& key) const
{
    throw Poco::NotFoundException(key + ": the test context has no instances");
}

} // namespace switchyard::testsupport
