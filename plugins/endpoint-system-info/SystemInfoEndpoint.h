// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "SystemInfoFigures.h"
#include "switchyard/plugin/BlobStore.h"
#include "switchyard/plugin/Endpoint.h"
#include "switchyard/plugin/NodeDirectory.h"
#include "switchyard/plugin/Storage.h"

#include <memory>
#include <string>
#include <vector>

namespace Poco
{
class Logger;
}

namespace switchyard::plugins::systeminfo
{

/// The broker's `GET /system-info` (type `endpoint.system-info`): product and version, queue
/// length, memory and free disk space (broker-api.md §3.6).
///
/// `freeDiscSpaceInMb` lists the storage areas of the storages and blob stores this instance uses
/// (first name wins when two share one), then `data` (the kernel's data folder) and `fsTemp` (the
/// temporary folder). An area whose folder cannot be examined is left out and logged.
/// With `appServers=true` (admin keys only: it shows the node addresses) the answer also has
/// `appServers`, one entry per processor node (AppServersDocument), at most `appServersLimit`.
class SystemInfoEndpoint : public plugin::Endpoint
{
public:
    /// What the answer shows besides the live figures.
    struct Settings
    {
        std::string productName;
        std::string version;
        std::string copyright;
        std::string dataDirectory;
    };

    /// `nodes` is the kernel's node directory; it outlives the endpoint.
    SystemInfoEndpoint(Settings settings, std::vector<std::shared_ptr<plugin::Storage>> storages,
                       std::vector<std::shared_ptr<plugin::BlobStore>> blobStores,
                       const plugin::NodeDirectory& nodes);

    /// Collects the figures an answer shows now. Thread-safe. Throws a Poco::Exception when /proc
    /// cannot be read.
    SystemInfoFigures collect(Poco::Logger& logger) const;

    // switchyard::plugin::Endpoint
    std::vector<std::string> methods() const override;
    plugin::AccessLevel requiredLevel() const override;
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                plugin::RequestContext& context) override;

private:
    Settings _settings;
    std::vector<std::shared_ptr<plugin::Storage>> _storages;
    std::vector<std::shared_ptr<plugin::BlobStore>> _blobStores;
    const plugin::NodeDirectory& _nodes;
};

} // namespace switchyard::plugins::systeminfo
