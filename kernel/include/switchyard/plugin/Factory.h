// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/FactoryBase.h"

#include <memory>
#include <string>

namespace Poco::Util
{
class AbstractConfiguration;
}

namespace switchyard::plugin
{

class PluginContext;

/// Makes configured instances of one type, e.g. "storage.sqlite". `Interface` is one of the
/// plugin kinds (Authenticator, Storage, BlobStore, DispatchStrategy, NodeClient, Endpoint,
/// Analyzer, ReputationSource); the kind aliases (`StorageFactory`, ...) sit beside each
/// interface.
///
/// A factory is stateless; it lives as long as its library and is called only from the
/// kernel's main thread.
template <class Interface> class BOOST_SYMBOL_VISIBLE Factory : public FactoryBase
{
public:
    /// Validates `config` and builds an instance.
    ///
    /// `config` is a view of this instance's own block only (keys without the
    /// "switchyard.instances.<id>." prefix). `context` gives the instances this one declared in
    /// `uses`, a logger and the kernel's facts; it outlives the returned instance.
    ///
    /// OWNERSHIP: the caller owns the returned instance (the kernel adopts it so that it never
    /// outlives this library).
    ///
    /// Throws the exception of PluginContext::configError() for an invalid block (use
    /// ConfigReader, which does so), or another Poco::Exception if the environment refuses
    /// (e.g. a database that cannot be opened).
    virtual std::unique_ptr<Interface> create(const Poco::Util::AbstractConfiguration& config,
                                              PluginContext& context) const = 0;
};

} // namespace switchyard::plugin
