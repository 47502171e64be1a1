// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "RetentionJob.h"

#include <Poco/Logger.h>
#include <Poco/Timestamp.h>

namespace switchyard::kernel
{

RetentionJob::RetentionJob(std::shared_ptr<plugin::Storage> storage, std::shared_ptr<plugin::BlobStore> blobs,
                           std::int64_t maxAgeSeconds, long intervalMilliseconds)
    : _storage(std::move(storage)), _blobs(std::move(blobs)), _maxAgeSeconds(maxAgeSeconds),
      _intervalMilliseconds(intervalMilliseconds)
{
}

RetentionJob::~RetentionJob()
{
    stop();
}

void RetentionJob::start()
{
    _thread.start(*this);
}

void RetentionJob::stop()
{
    _stopping = true;
    _wakeUp.set();
    if (_thread.isRunning())
        _thread.join();
}

std::size_t RetentionJob::runOnce()
{
    std::size_t deleted = 0;
    for (const auto& sha256 : _orphans)
        if (!_storage->findFile(sha256) && _blobs->remove(sha256))
            ++deleted;
    std::int64_t now = Poco::Timestamp().epochMicroseconds() / 1000;
    std::vector<std::string> removed = _storage->removeFinishedBefore(now - _maxAgeSeconds * 1000);
    _orphans = std::set<std::string>(removed.begin(), removed.end());
    if (deleted > 0 || !removed.empty())
        Poco::Logger::get("switchyard.kernel.retention")
            .information("retention: %z file records expired, %z binaries deleted", removed.size(), deleted);
    return deleted;
}

void RetentionJob::run()
{
    Poco::Logger& logger = Poco::Logger::get("switchyard.kernel.retention");
    while (!_stopping)
    {
        try
        {
            runOnce();
        }
        catch (const Poco::Exception& error)
        {
            logger.error("retention pass failed (retried next interval): " + error.displayText());
        }
        catch (const std::exception& error)
        {
            logger.error(std::string("retention pass failed (retried next interval): ") + error.what());
        }
        _wakeUp.tryWait(_intervalMilliseconds);
    }
}

} // namespace switchyard::kernel
