// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/ConfigErrorReporter.h"

#include <string>

namespace switchyard::kernel
{

class ConfigurationSources;

/// Reports errors in one configuration block ("switchyard.server", "switchyard.instances.x")
/// through ConfigurationSources, so messages carry the file and the full key.
class BlockErrorReporter : public plugin::ConfigErrorReporter
{
public:
    /// `prefix` is the block's key without a trailing dot; "" for the top level.
    BlockErrorReporter(const ConfigurationSources& sources, std::string prefix);

    [[noreturn]] void configError(const std::string& key, const std::string& reason) const override;

    /// The full key of `key` in this block.
    std::string fullKey(const std::string& key) const;

private:
    const ConfigurationSources& _sources;
    std::string _prefix;
};

} // namespace switchyard::kernel
