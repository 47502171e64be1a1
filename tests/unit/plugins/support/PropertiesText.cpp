// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "support/PropertiesText.h"

#include <Poco/Util/PropertyFileConfiguration.h>

#include <sstream>

namespace switchyard::tests
{

Poco::AutoPtr<Poco::Util::AbstractConfiguration> instanceBlock(const std::string& text, const std::string& id)
{
    // Prefix every line and take a view, as the kernel does, so that keys() behaves as in production.
    const std::string prefix = "switchyard.instances." + id + ".";
    std::istringstream lines(text);
    std::ostringstream prefixed;
    std::string line;
    while (std::getline(lines, line))
    {
        if (line.find_first_not_of(" \t") != std::string::npos)
            prefixed << prefix << line << '\n';
    }
    std::istringstream input(prefixed.str());
    Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> file(
        new Poco::Util::PropertyFileConfiguration(input));
    return file->createView("switchyard.instances." + id);
}

} // namespace switchyard::tests
