// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>

#include <mutex>
#include <string>
#include <vector>

namespace Poco
{
class Logger;
}

namespace switchyard::tests
{

/// Records everything a logger writes, at every level, while it exists; then puts the logger's
/// channel and level back.
class LogCapture
{
public:
    explicit LogCapture(Poco::Logger& logger);
    ~LogCapture();

    LogCapture(const LogCapture&) = delete;
    LogCapture& operator=(const LogCapture&) = delete;

    /// The texts of the messages logged so far.
    std::vector<std::string> messages() const;

private:
    class RecordingChannel : public Poco::Channel
    {
    public:
        void log(const Poco::Message& message) override;
        std::vector<std::string> texts() const;

    private:
        mutable std::mutex _mutex;
        std::vector<std::string> _texts;
    };

    Poco::Logger& _logger;
    Poco::AutoPtr<RecordingChannel> _channel;
    Poco::AutoPtr<Poco::Channel> _previousChannel;
    int _previousLevel;
};

} // namespace switchyard::tests
