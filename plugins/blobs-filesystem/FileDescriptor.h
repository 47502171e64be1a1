// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <string>

namespace switchyard::plugins::filesystem
{

/// Owns one POSIX file descriptor and closes it when destroyed. Move-only.
class FileDescriptor
{
public:
    /// Owns nothing.
    FileDescriptor() = default;

    /// Owns `fd` (a negative value means nothing).
    explicit FileDescriptor(int fd) noexcept;

    /// Closes the descriptor if one is still owned; errors are ignored (use close() to see them).
    ~FileDescriptor();

    FileDescriptor(FileDescriptor&& other) noexcept;
    FileDescriptor& operator=(FileDescriptor&& other) noexcept;
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;

    /// The descriptor, or -1.
    int get() const noexcept;

    /// True when a descriptor is owned.
    bool isOpen() const noexcept;

    /// Closes the descriptor. Throws Poco::IOException naming `path` when close(2) reports an
    /// error (some file systems report a failed write only there); the descriptor is released
    /// either way.
    void close(const std::string& path);

    /// Throws Poco::IOException "<action> <path>: <strerror(error)>"; ENOSPC and EDQUOT give the
    /// message "blob store full" instead, the store's wording for a full disk.
    [[noreturn]] static void throwError(const std::string& action, const std::string& path, int error);

private:
    int _fd = -1;
};

} // namespace switchyard::plugins::filesystem
