// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MultipartBody.h"

namespace switchyard::testsupport
{

MultipartBody& MultipartBody::field(const std::string& name, const std::string& value)
{
    _parts += std::string("--") + Boundary + "\r\nContent-Disposition: form-data; name=\"" + name +
              "\"\r\n\r\n" + value + "\r\n";
    return *this;
}

MultipartBody& MultipartBody::file(const std::string& filename, const std::string& content,
                                   const std::string& name)
{
    _parts += std::string("--") + Boundary + "\r\nContent-Disposition: form-data; name=\"" + name +
              "\"; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" +
              content + "\r\n";
    return *this;
}

std::string MultipartBody::contentType() const
{
    return std::string("multipart/form-data; boundary=") + Boundary;
}

std::string MultipartBody::text() const
{
    return _parts + "--" + Boundary + "--\r\n";
}

} // namespace switchyard::testsupport
