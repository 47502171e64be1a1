// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "NodeScanEndpointFactory.h"

#include "NodeLookup.h"
#include "NodeScanEndpoint.h"

#include <Poco/Path.h>

namespace switchyard::plugins::nodeendpoint
{

std::unique_ptr<plugin::Endpoint>
NodeScanEndpointFactory::create(const Poco::Util::AbstractConfiguration& config,
                                plugin::PluginContext& context) const
{
    const plugin::ConfigReader reader(config, context);
    Poco::Path spoolFolder(reader.has("spoolFolder") ? reader.requiredString("spoolFolder") : "spool");
    spoolFolder.makeDirectory();
    if (spoolFolder.isRelative())
        spoolFolder.makeAbsolute(Poco::Path(context.dataDirectory()).makeDirectory());
    return std::make_unique<NodeScanEndpoint>(useNode(reader, context), spoolFolder.toString());
}

} // namespace switchyard::plugins::nodeendpoint
