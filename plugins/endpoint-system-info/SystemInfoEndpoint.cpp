// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SystemInfoEndpoint.h"

#include "AppServersDocument.h"
#include "FreeDiskSpace.h"
#include "ProcessStatus.h"
#include "RequestParameters.h"
#include "SystemInfoDocument.h"
#include "switchyard/plugin/RequestContext.h"

#include <Poco/Logger.h>
#include <Poco/Path.h>

#include <algorithm>
#include <limits>

namespace switchyard::plugins::systeminfo
{

SystemInfoEndpoint::SystemInfoEndpoint(Settings settings,
                                       std::vector<std::shared_ptr<plugin::Storage>> storages,
                                       std::vector<std::shared_ptr<plugin::BlobStore>> blobStores,
                                       const plugin::NodeDirectory& nodes)
    : _settings(std::move(settings)), _storages(std::move(storages)), _blobStores(std::move(blobStores)),
      _nodes(nodes)
{
}

SystemInfoFigures SystemInfoEndpoint::collect(Poco::Logger& logger) const
{
    SystemInfoFigures figures;
    figures.name = _settings.productName;
    figures.version = _settings.version;
    figures.copyright = _settings.copyright;

    for (const auto& storage : _storages)
        figures.queueCount += storage->queueCount();

    const support::ProcessStatus::Figures memory = support::ProcessStatus().read();
    figures.usedMemoryBytes = memory.residentBytes;
    figures.freeMemoryBytes = memory.availableBytes;
    figures.totalMemoryBytes = memory.totalBytes;
    figures.maxMemoryBytes = memory.maximumBytes;

    std::vector<plugin::StorageArea> areas;
    for (const auto& storage : _storages)
    {
        for (plugin::StorageArea& area : storage->storageAreas())
            areas.push_back(std::move(area));
    }
    for (const auto& blobStore : _blobStores)
    {
        for (plugin::StorageArea& area : blobStore->storageAreas())
            areas.push_back(std::move(area));
    }
    areas.push_back({"data", _settings.dataDirectory});
    // Asked on every request: Poco::Path::temp() follows TMPDIR.
    areas.push_back({"fsTemp", Poco::Path::temp()});

    figures.freeDiscSpaceBytes = support::FreeDiskSpace::ofAreas(areas, logger);
    return figures;
}

std::vector<std::string> SystemInfoEndpoint::methods() const
{
    return {"GET"};
}

plugin::AccessLevel SystemInfoEndpoint::requiredLevel() const
{
    return plugin::AccessLevel::Read;
}

void SystemInfoEndpoint::handle(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response,
                                plugin::RequestContext& context)
{
    support::RequestParameters parameters(context.parameters());
    const std::optional<bool> appServers = parameters.boolean("appServers", false);
    if (!appServers)
    {
        context.sendError(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "INVALID_PARAMETER",
                          parameters.error());
        return;
    }
    const std::optional<std::int64_t> limit =
        parameters.integer("appServersLimit", std::numeric_limits<std::int32_t>::max(), 0,
                           std::numeric_limits<std::int32_t>::max());
    if (!limit)
    {
        context.sendError(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "INVALID_PARAMETER",
                          parameters.error());
        return;
    }
    if (*appServers && context.accessLevel() < plugin::AccessLevel::Admin)
    {
        context.sendError(response, Poco::Net::HTTPResponse::HTTP_FORBIDDEN, "INSUFFICIENT_LEVEL",
                          "appServers=true needs an admin key");
        return;
    }
    Poco::JSON::Object::Ptr document = SystemInfoDocument::build(collect(context.logger()));
    if (*appServers)
        document->set("appServers",
                      AppServersDocument::build(_nodes.nodes(), static_cast<std::size_t>(*limit)));
    context.sendJson(response, Poco::Net::HTTPResponse::HTTP_OK, *document);
}

} // namespace switchyard::plugins::systeminfo
