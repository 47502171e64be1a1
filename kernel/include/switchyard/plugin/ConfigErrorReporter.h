// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <boost/config.hpp>

#include <string>

namespace switchyard::plugin
{

/// Turns a bad configuration value into an exception that names where the value came from.
/// The kernel implements it for each configuration block; ConfigReader reports through it.
class BOOST_SYMBOL_VISIBLE ConfigErrorReporter
{
public:
    virtual ~ConfigErrorReporter() = default;

    /// Reports an invalid value of `key` (relative to the block): throws an exception whose
    /// message names the configuration file the value came from (or the command-line option),
    /// the full key and `reason`. Never returns. Thread-safe.
    [[noreturn]] virtual void configError(const std::string& key, const std::string& reason) const = 0;
};

} // namespace switchyard::plugin
