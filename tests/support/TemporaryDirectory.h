// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <string>

namespace switchyard::testsupport
{

/// A fresh folder under the system temp folder, removed with everything in it on destruction.
class TemporaryDirectory
{
public:
    TemporaryDirectory();
    ~TemporaryDirectory();
    TemporaryDirectory(const TemporaryDirectory&) = delete;
    TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;

    const std::string& path() const { return _path; }

    /// `path()/name`.
    std::string file(const std::string& name) const { return _path + "/" + name; }

    /// Writes `content` to `path()/name` and returns the file's path.
    std::string write(const std::string& name, const std::string& content) const;

private:
    std::string _path;
};

} // namespace switchyard::testsupport
