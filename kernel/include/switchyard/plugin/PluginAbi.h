// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <boost/dll/alias.hpp>

#include <cstdint>

/// The version of the plugin ABI this SDK describes. Bump it on ANY change to a header in
/// switchyard/plugin/ and record the new headers hash in kernel/abi/plugin-abi.lock;
/// the AbiHash test fails until both are done.
#define SWITCHYARD_PLUGIN_ABI_VERSION 5u

/// The name of the single symbol a plugin library exports. It carries the ABI generation so
/// a kernel of another generation finds no entry instead of misreading a descriptor.
#define SWITCHYARD_PLUGIN_ENTRY_NAME "switchyard_plugin_v1"

/// Exports `describeFn` (a function `const PluginDescriptor& ()`) as the library's entry point.
/// Use exactly once per library, in its PluginEntry.cpp, at global namespace scope.
#define SWITCHYARD_PLUGIN_ENTRY(describeFn) BOOST_DLL_ALIAS(describeFn, switchyard_plugin_v1)

namespace switchyard::plugin
{

class Registrar;

/// What a plugin library tells the kernel about itself. Plain data, so it reads the same on
/// both sides of the boundary; fields are append-only.
///
/// The kernel reads the descriptor right after loading the library and refuses the library,
/// with a message naming the file and both values, when `abiVersion` or `buildId` differ from
/// its own. Only then does it call `registerFactories`.
struct PluginDescriptor
{
    /// SWITCHYARD_PLUGIN_ABI_VERSION as seen when the plugin was compiled.
    std::uint32_t abiVersion;

    /// SWITCHYARD_BUILD_ID (switchyard/plugin/BuildId.h) as seen when the plugin was compiled;
    /// it names the compiler, language standard, POCO and Boost versions and sanitizers, and
    /// must equal the kernel's exactly.
    const char* buildId;

    /// The library's name, e.g. "storage-sqlite". Informational (logs, --check-config).
    const char* name;

    /// The plugin's own version. Informational.
    const char* version;

    /// Registers the library's factories with the kernel. Called once, on the loading thread,
    /// after the ABI checks passed. May throw a Poco::Exception, which makes start-up fail with
    /// a message naming the library. Must register at least one factory.
    void (*registerFactories)(Registrar& registrar);
};

} // namespace switchyard::plugin
