// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/AutoPtr.h>
#include <Poco/Util/AbstractConfiguration.h>

#include <string>

namespace switchyard::tests
{

/// An instance block as a factory sees it: `text` is `.properties` lines with the keys relative to
/// the block ("keys = alice"), returned as the view the kernel would pass.
Poco::AutoPtr<Poco::Util::AbstractConfiguration> instanceBlock(const std::string& text,
                                                               const std::string& id = "test");

} // namespace switchyard::tests
