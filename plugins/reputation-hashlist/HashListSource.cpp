// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "HashListSource.h"

#include "HashText.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>

#include <sys/stat.h>

namespace switchyard::plugins::hashlist
{

HashListSource::HashListSource(std::string sourceName, std::vector<std::string> files,
                               std::chrono::milliseconds checkInterval, Poco::Logger& logger)
    : _sourceName(std::move(sourceName)), _files(std::move(files)), _checkInterval(checkInterval),
      _logger(logger)
{
    _fingerprint = fingerprint();
    _list = std::make_shared<const HashList>(HashList::read(_files));
    _lastCheck = std::chrono::steady_clock::now();
    _logger.information(_sourceName + ": " + std::to_string(_list->size()) + " hashes from " +
                        std::to_string(_files.size()) + " file(s)");
    if (_list->malformedLines() > 0)
        _logger.warning(_sourceName + ": " + std::to_string(_list->malformedLines()) +
                        " malformed lines skipped");
}

std::string HashListSource::fingerprint() const
{
    std::string text;
    for (const std::string& file : _files)
    {
        struct stat info
        {
        };
        if (::stat(file.c_str(), &info) != 0)
            text += "missing;";
        else
            text += std::to_string(info.st_size) + ":" + std::to_string(info.st_mtim.tv_sec) + "." +
                    std::to_string(info.st_mtim.tv_nsec) + ":" + std::to_string(info.st_ino) + ";";
    }
    return text;
}

std::shared_ptr<const HashList> HashListSource::current() const
{
    std::lock_guard<std::mutex> lock(_mutex);
    return _list;
}

std::size_t HashListSource::size() const
{
    return current()->size();
}

bool HashListSource::reloadIfChanged() const
{
    // One reload at a time; lookups meanwhile answer from the list in service.
    std::unique_lock<std::mutex> reloading(_reloadMutex, std::try_to_lock);
    if (!reloading.owns_lock())
        return false;
    const std::string now = fingerprint();
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _lastCheck = std::chrono::steady_clock::now();
        if (now == _fingerprint)
            return false;
    }
    try
    {
        auto list = std::make_shared<const HashList>(HashList::read(_files));
        std::lock_guard<std::mutex> lock(_mutex);
        _list = std::move(list);
        _fingerprint = now;
        _logger.information(_sourceName + ": reloaded, " + std::to_string(_list->size()) + " hashes");
        return true;
    }
    catch (const Poco::Exception& error)
    {
        // Keep the last good list; try again once the files change again.
        std::lock_guard<std::mutex> lock(_mutex);
        _fingerprint = now;
        _logger.error(_sourceName +
                      ": cannot reload, the previous list stays in service: " + error.displayText());
        return false;
    }
}

plugin::ReputationAnswer HashListSource::lookup(const std::vector<std::string>& hashes) const
{
    bool due = false;
    {
        std::lock_guard<std::mutex> lock(_mutex);
        due = std::chrono::steady_clock::now() - _lastCheck >= _checkInterval;
    }
    if (due)
        reloadIfChanged();
    const std::shared_ptr<const HashList> list = current();
    plugin::ReputationAnswer answer;
    for (const std::string& given : hashes)
    {
        const std::string hash = support::HashText::normalize(given);
        if (!support::HashText::isHash(hash))
            answer.invalidHashes.push_back(given);
        else if (list->contains(hash))
            answer.whitelistedHashes.push_back(hash);
    }
    return answer;
}

} // namespace switchyard::plugins::hashlist
