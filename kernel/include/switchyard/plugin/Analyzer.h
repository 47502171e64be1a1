// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Component.h"
#include "switchyard/plugin/Factory.h"
#include "switchyard/plugin/FileFacts.h"

#include <Poco/JSON/Object.h>

#include <istream>

namespace switchyard::plugin
{

/// Examines one file on a processor node and adds its findings to the task's report.
/// Kind "analyzer".
class BOOST_SYMBOL_VISIBLE Analyzer : public Component
{
public:
    /// Reads `content` (positioned at its start) and adds to `report`: tags to its `allTags`
    /// array, signal groups to `allSignalGroups`, entries to `resources`, and may raise
    /// `finalVerdict`. The arrays and objects exist when called. Thread-safe: the node's
    /// workers call it concurrently for different files. Throws a Poco::Exception if the file
    /// cannot be analysed; the task then fails with that message.
    virtual void analyze(std::istream& content, const FileFacts& facts, Poco::JSON::Object& report) = 0;
};

using AnalyzerFactory = Factory<Analyzer>;

} // namespace switchyard::plugin
