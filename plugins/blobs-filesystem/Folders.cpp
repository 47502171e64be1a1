// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "Folders.h"

#include "FileDescriptor.h"

#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace switchyard::plugins::filesystem
{

bool Folders::create(const std::string& path)
{
    if (::mkdir(path.c_str(), Mode) == 0)
        return true;
    const int error = errno;
    struct stat info = {};
    if (error == EEXIST && ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode))
        return false;
    FileDescriptor::throwError("cannot create folder", path, error == EEXIST ? ENOTDIR : error);
}

void Folders::createAll(const std::string& path)
{
    // Each prefix ending before a '/' is a parent; the last step is the path itself.
    for (std::size_t slash = path.find('/', 1); slash != std::string::npos; slash = path.find('/', slash + 1))
        create(path.substr(0, slash));
    create(path);
}

void Folders::sync(const std::string& path)
{
    FileDescriptor folder(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!folder.isOpen())
        FileDescriptor::throwError("cannot open folder", path, errno);
    if (::fsync(folder.get()) != 0)
        FileDescriptor::throwError("cannot sync folder", path, errno);
    folder.close(path);
}

std::size_t Folders::removeFiles(const std::string& path)
{
    const std::unique_ptr<DIR, int (*)(DIR*)> folder(::opendir(path.c_str()), &::closedir);
    if (!folder)
        FileDescriptor::throwError("cannot list folder", path, errno);
    std::size_t removed = 0;
    for (;;)
    {
        errno = 0;
        const dirent* entry = ::readdir(folder.get());
        if (entry == nullptr)
        {
            if (errno != 0)
                FileDescriptor::throwError("cannot list folder", path, errno);
            break;
        }
        const std::string name = entry->d_name;
        if (name == "." || name == "..")
            continue;
        // unlinkat refuses folders (EISDIR), which are not ours to delete, so no stat is needed.
        if (::unlinkat(::dirfd(folder.get()), name.c_str(), 0) == 0)
            ++removed;
        else if (errno != EISDIR && errno != ENOENT)
            FileDescriptor::throwError("cannot remove", path + "/" + name, errno);
    }
    return removed;
}

std::uint64_t Folders::freeBytes(const std::string& path)
{
    struct statvfs info = {};
    if (::statvfs(path.c_str(), &info) != 0)
        FileDescriptor::throwError("cannot read free space of", path, errno);
    // f_bavail, not f_bfree: the blocks reserved for root are of no use to us.
    return static_cast<std::uint64_t>(info.f_bavail) * static_cast<std::uint64_t>(info.f_frsize);
}

} // namespace switchyard::plugins::filesystem
