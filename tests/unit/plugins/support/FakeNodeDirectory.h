// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/NodeDirectory.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace switchyard::tests
{

/// A NodeDirectory the test fills: views and clients by app server id.
class FakeNodeDirectory : public plugin::NodeDirectory
{
public:
    void add(plugin::NodeView view, std::shared_ptr<plugin::NodeClient> client = nullptr)
    {
        _clients[view.id] = std::move(client);
        _views.push_back(std::move(view));
    }

    std::vector<plugin::NodeView> nodes() const override { return _views; }

    std::shared_ptr<plugin::NodeClient> client(const std::string& appServerId) const override
    {
        auto found = _clients.find(appServerId);
        return found == _clients.end() ? nullptr : found->second;
    }

private:
    std::vector<plugin::NodeView> _views;
    std::map<std::string, std::shared_ptr<plugin::NodeClient>> _clients;
};

} // namespace switchyard::tests
