// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "BlockErrorReporter.h"

#include "ConfigurationSources.h"

namespace switchyard::kernel
{

BlockErrorReporter::BlockErrorReporter(const ConfigurationSources& sources, std::string prefix)
    : _sources(sources), _prefix(std::move(prefix))
{
}

void BlockErrorReporter::configError(const std::string& key, const std::string& reason) const
{
    _sources.fail(fullKey(key), reason);
}

std::string BlockErrorReporter::fullKey(const std::string& key) const
{
    return _prefix.empty() ? key : _prefix + "." + key;
}

} // namespace switchyard::kernel
