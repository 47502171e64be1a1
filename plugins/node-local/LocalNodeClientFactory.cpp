// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "LocalNodeClientFactory.h"

#include "LocalNodeClient.h"
#include "switchyard/plugin/Analyzer.h"
#include "switchyard/plugin/BlobStore.h"
#include "switchyard/plugin/ConfigReader.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/URI.h>

namespace switchyard::plugins::nodelocal
{

namespace
{

std::string nonEmptyString(const plugin::ConfigReader& reader, const std::string& key,
                           const std::string& fallback)
{
    return reader.has(key) ? reader.requiredString(key) : fallback;
}

CallbackSettings callbackSettings(const plugin::ConfigReader& reader)
{
    CallbackSettings callback;
    callback.url = reader.getString("callbackUrl", "");
    if (callback.url.empty())
        return callback;
    try
    {
        Poco::URI uri(callback.url);
        if (uri.getScheme() != "http" && uri.getScheme() != "https")
            reader.fail("callbackUrl", "expected an http:// or https:// URL, got '" + callback.url + "'");
        if (uri.getHost().empty())
            reader.fail("callbackUrl", "names no host: '" + callback.url + "'");
        if (uri.getPath().empty())
            reader.fail("callbackUrl", "names no path (the broker's is /store): '" + callback.url + "'");
    }
    catch (const Poco::SyntaxException& error)
    {
        reader.fail("callbackUrl", "not a URL: " + error.message());
    }
    callback.secret = reader.requiredString("callbackSecret");
    callback.caFile = reader.getString("callbackCaFile", "");
    if (!callback.caFile.empty() && !Poco::File(callback.caFile).exists())
        reader.fail("callbackCaFile", "no such file: " + callback.caFile);
    callback.trustAll = reader.getBool("callbackTrustAll", false);
    callback.timeoutSeconds = static_cast<int>(reader.getInteger("callbackTimeoutSeconds", 10, 1, 3600));
    callback.attempts = static_cast<int>(reader.getInteger("callbackAttempts", 5, 1, 20));
    callback.retryMilliseconds =
        static_cast<int>(reader.getInteger("callbackRetryMilliseconds", 200, 1, 600000));
    return callback;
}

} // namespace

std::unique_ptr<plugin::NodeClient>
LocalNodeClientFactory::create(const Poco::Util::AbstractConfiguration& config,
                               plugin::PluginContext& context) const
{
    const plugin::ConfigReader reader(config, context);
    LocalNodeSettings settings;
    settings.workers = static_cast<unsigned>(reader.getInteger("workers", 2, 1, 256));
    settings.maxQueuedTasks =
        static_cast<std::size_t>(reader.getInteger("maxQueuedTasks", 1000, 1, 10000000));
    // At least a minute: a broker that polls must find a finished task before it expires, or it
    // would take "no such task" for a lost one and hand the file out again, forever.
    settings.taskTtlSeconds = reader.getInteger("taskTtlSeconds", 3600, 60, 365LL * 24 * 3600);
    settings.removeExpiredFiles = reader.getBool("removeExpiredFiles", false);
    settings.productName = nonEmptyString(reader, "productName", context.kernelInfo().productName);
    settings.copyright = nonEmptyString(reader, "copyright", DefaultCopyright);
    settings.version = context.kernelInfo().version;
    settings.dataDirectory = context.dataDirectory();
    settings.callback = callbackSettings(reader);

    const std::string blobsId = reader.getString("blobs", "");
    std::shared_ptr<plugin::BlobStore> blobs =
        context.use<plugin::BlobStore>(blobsId, blobsId.empty() ? "uses" : "blobs");
    std::vector<std::shared_ptr<plugin::Analyzer>> analyzers = context.useAll<plugin::Analyzer>();
    if (analyzers.empty())
        context.logger().warning("node.local " + context.instanceId() +
                                 " uses no analyzer: every report will be empty, with verdict UNKNOWN");
    return std::make_unique<LocalNodeClient>(std::move(settings), std::move(blobs), std::move(analyzers),
                                             context.logger());
}

} // namespace switchyard::plugins::nodelocal
