// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <boost/config.hpp>

namespace switchyard::plugin
{

/// The lifecycle every instance made by a plugin shares, whatever its kind.
///
/// The kernel creates all instances first (in dependency order), then calls start() on each in
/// the same order, serves, and finally calls stop() in reverse order before it destroys them.
/// An instance is destroyed only after every instance that uses it is destroyed.
class BOOST_SYMBOL_VISIBLE Component
{
public:
    virtual ~Component() = default;

    /// Starts background work (threads, timers, open files). Called once, on the main thread,
    /// after every instance this one uses has been started. The default does nothing.
    /// Throws a Poco::Exception if the instance cannot run; start-up then fails and the
    /// instances already started are stopped.
    virtual void start() {}

    /// Stops background work and joins every thread the instance started. Called once, on the
    /// main thread, after the HTTP listeners stopped and before any instance this one uses is
    /// stopped. Must not throw. The default does nothing.
    virtual void stop() noexcept {}
};

} // namespace switchyard::plugin
