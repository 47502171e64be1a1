// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "MediaTypeCategories.h"
#include "Verdict.h"

namespace switchyard::plugins::basic
{

/// The validated configuration of an analyzer.basic instance (see README.md).
struct BasicSettings
{
    /// `high-entropy` above this many bits per byte (`highEntropyThreshold`).
    double highEntropyThreshold = 7.2;
    /// The confidence of the analyzer's verdicts other than UNKNOWN, which always has 0
    /// (`confidence`).
    double confidence = 0.5;
    /// An executable with high entropy: packed or encrypted code (`verdicts.packedExecutable`).
    support::Verdict::Level packedExecutableVerdict = support::Verdict::Level::Suspicious;
    /// Other executables, scripts, archives and documents: content this analyzer cannot judge
    /// (`verdicts.unexamined`).
    support::Verdict::Level unexaminedVerdict = support::Verdict::Level::Unknown;
    /// Everything else, empty files included (`verdicts.other`).
    support::Verdict::Level otherVerdict = support::Verdict::Level::NoThreat;
    /// `mediaTypes.executable`, `mediaTypes.script`, `mediaTypes.archive`, `mediaTypes.document`.
    MediaTypeCategories::Patterns mediaTypes = MediaTypeCategories::defaults();
};

} // namespace switchyard::plugins::basic
