// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "TemporaryDirectory.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

namespace switchyard::testsupport
{

TemporaryDirectory::TemporaryDirectory() : _path(Poco::TemporaryFile::tempName())
{
    Poco::File(_path).createDirectories();
}

TemporaryDirectory::~TemporaryDirectory()
{
    try
    {
        Poco::File(_path).remove(true);
    }
    catch (const Poco::Exception&)
    {
        // A test that failed half-way may leave a busy file; the temp folder is the OS's to clean.
    }
}

std::string TemporaryDirectory::write(const std::string& name, const std::string& content) const
{
    std::string path = file(name);
    Poco::FileOutputStream out(path);
    out << content;
    out.close();
    return path;
}

} // namespace switchyard::testsupport
