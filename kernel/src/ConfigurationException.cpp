// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "ConfigurationException.h"

#include <typeinfo>

namespace switchyard::kernel
{

POCO_IMPLEMENT_EXCEPTION(ConfigurationException, Poco::DataException, "Configuration error")

} // namespace switchyard::kernel
