// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "blobs-filesystem/TemporaryFolder.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <cstdlib>

namespace switchyard::tests
{

TemporaryFolder::TemporaryFolder()
{
    std::string pattern = Poco::Path::temp() + "switchyard-test-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr)
        throw Poco::IOException("cannot create a temporary folder", pattern);
    _path = pattern;
}

TemporaryFolder::~TemporaryFolder()
{
    try
    {
        Poco::File(_path).remove(true);
    }
    catch (const Poco::Exception&)
    {
        // A test that broke the folder's permissions has already failed; leave it behind.
    }
}

const std::string& TemporaryFolder::path() const
{
    return _path;
}

} // namespace switchyard::tests
