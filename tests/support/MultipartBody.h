// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <string>

namespace switchyard::testsupport
{

/// Builds a multipart/form-data body in memory, for small test requests.
class MultipartBody
{
public:
    MultipartBody& field(const std::string& name, const std::string& value);
    MultipartBody& file(const std::string& filename, const std::string& content,
                        const std::string& name = "file");

    /// "multipart/form-data; boundary=..."
    std::string contentType() const;
    /// The body with its closing boundary.
    std::string text() const;

    static constexpr const char* Boundary = "switchyard-test-boundary-7d3a";

private:
    std::string _parts;
};

} // namespace switchyard::testsupport
