// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/NodeClient.h"
#include "switchyard/plugin/NodeView.h"

#include <boost/config.hpp>

#include <memory>
#include <string>
#include <vector>

namespace switchyard::plugin
{

/// The processor nodes of this broker (the reference broker's `applicationServers`), as the
/// kernel's dispatcher manages them. Offered to plugins through PluginContext::nodeDirectory()
/// so endpoints can show node state and ask a node directly (/task with nocache, say).
/// Every method is thread-safe; the directory lives as long as the instances that got it.
class BOOST_SYMBOL_VISIBLE NodeDirectory
{
public:
    virtual ~NodeDirectory() = default;

    /// A snapshot of every configured node, in `applicationServers` order.
    virtual std::vector<NodeView> nodes() const = 0;

    /// The transport to the node `appServerId`, or nullptr if there is no such node.
    /// OWNERSHIP: shared; do not keep it past the request that asked.
    virtual std::shared_ptr<NodeClient> client(const std::string& appServerId) const = 0;
};

} // namespace switchyard::plugin
