// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "TagJson.h"
#include "Verdict.h"
#include "switchyard/plugin/Analyzer.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/StreamCopier.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

namespace switchyard::tests
{

/// Records what it was given (content read from the start, the submit name), adds one tag and
/// raises the final verdict to the one it was made with.
class RecordingAnalyzer : public plugin::Analyzer
{
public:
    explicit RecordingAnalyzer(std::string tag = "recorded",
                               plugins::support::Verdict verdict =
                                   plugins::support::Verdict(plugins::support::Verdict::Level::NoThreat, 1.0))
        : _tag(std::move(tag)), _verdict(verdict)
    {
    }

    void analyze(std::istream& content, const plugin::FileFacts& facts, Poco::JSON::Object& report) override
    {
        std::string text;
        Poco::StreamCopier::copyToString(content, text);
        {
            std::lock_guard<std::mutex> lock(_mutex);
            _contents.push_back(text);
            _names.push_back(facts.submitName);
        }
        report.getArray("allTags")->add(
            plugins::support::TagJson::toJson("TEST", facts.sha256, true, _tag, _verdict));
        plugins::support::Verdict::raise(report, _verdict);
    }

    std::vector<std::string> contents() const
    {
        std::lock_guard<std::mutex> lock(_mutex);
        return _contents;
    }

    std::vector<std::string> names() const
    {
        std::lock_guard<std::mutex> lock(_mutex);
        return _names;
    }

private:
    std::string _tag;
    plugins::support::Verdict _verdict;
    mutable std::mutex _mutex;
    std::vector<std::string> _contents;
    std::vector<std::string> _names;
};

/// Fails every file.
class ThrowingAnalyzer : public plugin::Analyzer
{
public:
    void analyze(std::istream&, const plugin::FileFacts&, Poco::JSON::Object&) override
    {
        throw Poco::DataFormatException("cannot parse the file");
    }
};

/// Holds every call until opened, so tests can keep workers busy.
class GateAnalyzer : public plugin::Analyzer
{
public:
    void analyze(std::istream&, const plugin::FileFacts&, Poco::JSON::Object&) override
    {
        std::unique_lock<std::mutex> lock(_mutex);
        ++_waiting;
        _changed.notify_all();
        _changed.wait(lock, [this] { return _open; });
        --_waiting;
    }

    void open()
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _open = true;
        _changed.notify_all();
    }

    /// Waits until `count` calls are held; false after 10 s.
    bool waitForHeld(int count)
    {
        std::unique_lock<std::mutex> lock(_mutex);
        return _changed.wait_for(lock, std::chrono::seconds(10), [&] { return _waiting >= count; });
    }

private:
    std::mutex _mutex;
    std::condition_variable _changed;
    int _waiting = 0;
    bool _open = false;
};

} // namespace switchyard::tests
