// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/ConfigReader.h"
#include "switchyard/plugin/NodeClient.h"
#include "switchyard/plugin/PluginContext.h"

#include <memory>
#include <string>

namespace switchyard::plugins::nodeendpoint
{

/// The node an endpoint serves: the one named by its `node` key, else the only node in `uses`.
inline std::shared_ptr<plugin::NodeClient> useNode(const plugin::ConfigReader& reader,
                                                   plugin::PluginContext& context)
{
    const std::string nodeId = reader.getString("node", "");
    return context.use<plugin::NodeClient>(nodeId, nodeId.empty() ? "uses" : "node");
}

} // namespace switchyard::plugins::nodeendpoint
