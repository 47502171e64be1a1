// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <boost/config.hpp>

#include <string>

namespace switchyard::plugin
{

/// What every factory has, whatever the kind of instance it makes; see Factory.
class BOOST_SYMBOL_VISIBLE FactoryBase
{
public:
    virtual ~FactoryBase() = default;

    /// The type name used in configuration, "<kind>.<name>" (e.g. "auth.secret"). The part
    /// before the first dot must be the name of the factory's kind (PluginKind). Constant for
    /// the factory's lifetime; unique across all loaded libraries.
    virtual std::string type() const = 0;
};

} // namespace switchyard::plugin
