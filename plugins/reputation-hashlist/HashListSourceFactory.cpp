// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "HashListSourceFactory.h"

#include "HashListSource.h"
#include "switchyard/plugin/ConfigReader.h"
#include "switchyard/plugin/PluginContext.h"

#include <Poco/Exception.h>
#include <Poco/Path.h>

namespace switchyard::plugins::hashlist
{

std::unique_ptr<plugin::ReputationSource>
HashListSourceFactory::create(const Poco::Util::AbstractConfiguration& config,
                              plugin::PluginContext& context) const
{
    plugin::ConfigReader reader(config, context);
    std::vector<std::string> files = reader.getList("files");
    if (files.empty())
        reader.fail("files", "is required: one or more hash list files, comma-separated");
    for (std::string& file : files)
        file = Poco::Path(context.dataDirectory()).resolve(Poco::Path(file)).toString();
    const std::string name = reader.getString("sourceName", "INTERNAL");
    if (name.empty())
        reader.fail("sourceName", "must not be empty");
    const auto interval =
        std::chrono::milliseconds(reader.getInteger("reloadCheckMilliseconds", 5000, 10, 86400000));
    try
    {
        return std::make_unique<HashListSource>(name, std::move(files), interval, context.logger());
    }
    catch (const Poco::FileException& error)
    {
        reader.fail("files", error.displayText());
    }
}

} // namespace switchyard::plugins::hashlist
