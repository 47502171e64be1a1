// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SubmitEndpointFactory.h"

#include "SubmitEndpoint.h"
#include "switchyard/plugin/ConfigReader.h"
#include "switchyard/plugin/PluginContext.h"

namespace switchyard::plugins::submit
{

std::unique_ptr<plugin::Endpoint>
SubmitEndpointFactory::create(const Poco::Util::AbstractConfiguration& config,
                              plugin::PluginContext& context) const
{
    plugin::ConfigReader reader(config, context);
    SubmitSettings settings;
    // 2,000 MB is the reference broker's documented hard limit; we allow more when configured.
    settings.maxFileBytes = static_cast<std::uint64_t>(reader.getInteger("maxFileSizeInKilobytes", 102400, 1,
                                                                         std::int64_t(1) << 40)) *
                            1024;
    settings.maxQueued =
        static_cast<std::uint64_t>(reader.getInteger("maxQueued", 0, 0, std::int64_t(1) << 40));
    settings.minFreeDiskBytes =
        static_cast<std::uint64_t>(reader.getInteger("minFreeDiskMiB", 1024, 0, std::int64_t(1) << 30)) << 20;
    settings.maxFilesPerRequest =
        static_cast<std::uint32_t>(reader.getInteger("maxFilesPerRequest", 100, 1, 10000));
    settings.skipWhitelistedFiles = reader.getBool("skipWhitelistedFiles", false);
    archive::ArchiveLimits& limits = settings.archive;
    limits.maxMemberBytes = settings.maxFileBytes;
    limits.maxMembers =
        static_cast<std::uint32_t>(reader.getInteger("maxSubmitFileCountForArchive", 10000, 1, 1000000));
    limits.maxExecutables = static_cast<std::uint32_t>(
        reader.getInteger("maxSubmitFileCountForArchiveExecutables", 100, 0, 1000000));
    limits.maxDocuments = static_cast<std::uint32_t>(
        reader.getInteger("maxSubmitFileCountForArchiveDocuments", 10, 0, 1000000));
    limits.maxOther =
        static_cast<std::uint32_t>(reader.getInteger("maxSubmitFileCountForArchiveOther", 10, 0, 1000000));
    limits.maxUnpackedBytes =
        static_cast<std::uint64_t>(reader.getInteger("maxArchiveUnpackedMiB", 4096, 1, std::int64_t(1) << 30))
        << 20;
    limits.maxExpansionRatio =
        static_cast<std::uint32_t>(reader.getInteger("maxArchiveExpansionRatio", 100, 1, 100000));
    limits.ratioFloorBytes = static_cast<std::uint64_t>(reader.getInteger("archiveRatioFloorKilobytes", 1024,
                                                                          1, std::int64_t(1) << 30)) *
                             1024;
    limits.maxDepth = static_cast<std::uint32_t>(reader.getInteger("maxArchiveDepth", 3, 0, 16));
    for (const std::string& range : reader.getList("urlAllowedDestinations"))
    {
        std::optional<AddressRange> parsed = AddressRange::parse(range);
        if (!parsed)
            reader.fail("urlAllowedDestinations", "'" + range + "' is not an address or CIDR range");
        settings.url.allowedDestinations.push_back(*parsed);
    }
    settings.url.maxRedirects = static_cast<unsigned>(reader.getInteger("urlMaxRedirects", 5, 0, 20));
    settings.url.timeoutSeconds = static_cast<unsigned>(reader.getInteger("urlTimeoutSeconds", 60, 1, 86400));
    settings.url.connectTimeoutSeconds =
        static_cast<unsigned>(reader.getInteger("urlConnectTimeoutSeconds", 10, 1, 600));
    settings.url.caFile = reader.getString("urlCaFile", "");
    const std::string storageId = reader.getString("storage", "");
    const std::string blobsId = reader.getString("blobs", "");
    return std::make_unique<SubmitEndpoint>(
        settings, context.use<plugin::Storage>(storageId, storageId.empty() ? "uses" : "storage"),
        context.use<plugin::BlobStore>(blobsId, blobsId.empty() ? "uses" : "blobs"),
        context.useAll<plugin::ReputationSource>());
}

} // namespace switchyard::plugins::submit
