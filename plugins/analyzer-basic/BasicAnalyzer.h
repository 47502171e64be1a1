// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "BasicRules.h"
#include "BasicSettings.h"
#include "MediaTypeDetector.h"
#include "switchyard/plugin/Analyzer.h"

namespace switchyard::plugins::basic
{

/// The `analyzer.basic` analyzer: reads the whole file once and adds to the report its size,
/// digests, media type and Shannon entropy (a `resources` entry keyed by its SHA-256), tags
/// derived from them (`allTags`, source BASIC_ANALYZER) and a verdict (raising `finalVerdict`);
/// see BasicRules and README.md. Stateless between files; thread-safe.
class BasicAnalyzer : public plugin::Analyzer
{
public:
    /// The `source` of its tags.
    static constexpr const char* TagSource = "BASIC_ANALYZER";

    explicit BasicAnalyzer(const BasicSettings& settings);

    /// Digests missing from `facts` are computed from the content, and the media type detected
    /// (libmagic) when `facts` has none; the size is the number of bytes read. Throws
    /// Poco::ReadFileException when the content cannot be read.
    void analyze(std::istream& content, const plugin::FileFacts& facts, Poco::JSON::Object& report) override;

    /// Entropy as shown in reports: rounded to 4 decimal places.
    static double rounded(double entropy);

private:
    BasicRules _rules;
    support::MediaTypeDetector _mediaTypes;
};

} // namespace switchyard::plugins::basic
