// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <string>

namespace switchyard::plugin
{

/// A folder an instance keeps data in, so /system-info can report its free space.
struct StorageArea
{
    /// The name /system-info shows in `freeDiscSpaceInMb`, e.g. "Samples", "fsBrokerQueue".
    std::string name;
    /// An existing folder on the file system that holds the data.
    std::string path;
};

} // namespace switchyard::plugin
