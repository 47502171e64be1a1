// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "MediaTypeDetector.h"

#include <Poco/Exception.h>
#include <magic.h>

namespace switchyard::plugins::support
{

struct MediaTypeDetector::Handle
{
    Handle() : cookie(::magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR))
    {
        if (cookie == nullptr)
            throw Poco::IOException("libmagic: cannot open a handle");
        if (::magic_load(cookie, nullptr) != 0)
        {
            std::string reason = ::magic_error(cookie) ? ::magic_error(cookie) : "unknown error";
            ::magic_close(cookie);
            throw Poco::IOException("libmagic: cannot load the magic database: " + reason);
        }
    }
    ~Handle() { ::magic_close(cookie); }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;

    magic_t cookie;
};

MediaTypeDetector::MediaTypeDetector()
{
    _idle.push_back(std::make_unique<Handle>());
}

MediaTypeDetector::~MediaTypeDetector() = default;

std::string MediaTypeDetector::detect(const char* data, std::size_t size)
{
    std::unique_ptr<Handle> handle = acquire();
    const char* type = ::magic_buffer(handle->cookie, data, size);
    std::string result = type ? type : "application/octet-stream";
    release(std::move(handle));
    return result;
}

std::unique_ptr<MediaTypeDetector::Handle> MediaTypeDetector::acquire()
{
    {
        std::lock_guard<std::mutex> lock(_mutex);
        if (!_idle.empty())
        {
            std::unique_ptr<Handle> handle = std::move(_idle.back());
            _idle.pop_back();
            return handle;
        }
    }
    return std::make_unique<Handle>();
}

void MediaTypeDetector::release(std::unique_ptr<Handle> handle)
{
    std::lock_guard<std::mutex> lock(_mutex);
    _idle.push_back(std::move(handle));
}

} // namespace switchyard::plugins::support
