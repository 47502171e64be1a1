// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "support/LogCapture.h"

#include <Poco/Logger.h>
#include <Poco/Message.h>

namespace switchyard::tests
{

LogCapture::LogCapture(Poco::Logger& logger)
    : _logger(logger), _channel(new RecordingChannel), _previousChannel(logger.getChannel()),
      _previousLevel(logger.getLevel())
{
    _logger.setChannel(_channel);
    _logger.setLevel(Poco::Message::PRIO_TRACE);
}

LogCapture::~LogCapture()
{
    _logger.setChannel(_previousChannel);
    _logger.setLevel(_previousLevel);
}

std::vector<std::string> LogCapture::messages() const
{
    return _channel->texts();
}

void LogCapture::RecordingChannel::log(const Poco::Message& message)
{
    const std::lock_guard<std::mutex> lock(_mutex);
    _texts.push_back(message.getText());
}

std::vector<std::string> LogCapture::RecordingChannel::texts() const
{
    const std::lock_guard<std::mutex> lock(_mutex);
    return _texts;
}

} // namespace switchyard::tests
