// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/Exception.h>

namespace switchyard::kernel
{

/// A configuration value is missing or wrong. The message names the file (or command-line
/// option) the value came from, the full key and the reason; start-up stops with it.
POCO_DECLARE_EXCEPTION(, ConfigurationException, Poco::DataException)

} // namespace switchyard::kernel
