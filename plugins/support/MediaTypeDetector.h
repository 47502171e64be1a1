// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace switchyard::plugins::support
{

/// Media types from content, by libmagic. A libmagic handle is not thread-safe and slow to
/// open, so the detector keeps a pool of them; detect() may be called from any thread.
class MediaTypeDetector
{
public:
    /// Opens the first handle, so a missing magic database fails at start-up.
    /// Throws Poco::IOException with libmagic's reason.
    MediaTypeDetector();
    ~MediaTypeDetector();

    /// The media type of `size` bytes (the start of a file; 64 KiB is plenty), e.g.
    /// "application/pdf"; "application/octet-stream" when libmagic cannot tell.
    std::string detect(const char* data, std::size_t size);

private:
    struct Handle;
    std::unique_ptr<Handle> acquire();
    void release(std::unique_ptr<Handle> handle);

    std::mutex _mutex;
    std::vector<std::unique_ptr<Handle>> _idle;
};

} // namespace switchyard::plugins::support
