// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <string>

namespace switchyard::tests
{

/// A fresh, empty folder under the system's temporary folder, deleted with everything in it when
/// this goes.
class TemporaryFolder
{
public:
    TemporaryFolder();
    ~TemporaryFolder();

    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;

    /// Its absolute path, without a trailing '/'.
    const std::string& path() const;

private:
    std::string _path;
};

} // namespace switchyard::tests
