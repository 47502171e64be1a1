// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "FileDescriptor.h"

#include <Poco/Error.h>
#include <Poco/Exception.h>

#include <cerrno>
#include <unistd.h>
#include <utility>

namespace switchyard::plugins::filesystem
{

FileDescriptor::FileDescriptor(int fd) noexcept : _fd(fd < 0 ? -1 : fd) {}

FileDescriptor::~FileDescriptor()
{
    if (_fd >= 0)
        ::close(_fd);
}

FileDescriptor::FileDescriptor(FileDescriptor&& other) noexcept : _fd(std::exchange(other._fd, -1)) {}

FileDescriptor& FileDescriptor::operator=(FileDescriptor&& other) noexcept
{
    if (this != &other)
    {
        if (_fd >= 0)
            ::close(_fd);
        _fd = std::exchange(other._fd, -1);
    }
    return *this;
}

int FileDescriptor::get() const noexcept
{
    return _fd;
}

bool FileDescriptor::isOpen() const noexcept
{
    return _fd >= 0;
}

void FileDescriptor::close(const std::string& path)
{
    // Linux releases the descriptor even when close fails (EINTR included), so never retry.
    const int fd = std::exchange(_fd, -1);
    if (fd >= 0 && ::close(fd) != 0)
        throwError("cannot close", path, errno);
}

void FileDescriptor::throwError(const std::string& action, const std::string& path, int error)
{
    const std::string detail = action + " " + path + ": " + Poco::Error::getMessage(error);
    if (error == ENOSPC || error == EDQUOT)
        throw Poco::IOException("blob store full", detail);
    throw Poco::IOException(detail);
}

} // namespace switchyard::plugins::filesystem
