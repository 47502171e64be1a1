// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Component.h"
#include "switchyard/plugin/Factory.h"
#include "switchyard/plugin/ReputationAnswer.h"

#include <string>
#include <vector>

namespace switchyard::plugin
{

/// A source of hash reputation (whitelists). Kind "reputation". Thread-safe.
class BOOST_SYMBOL_VISIBLE ReputationSource : public Component
{
public:
    /// The key of this source in /reputation answers, e.g. "INTERNAL", "NSRL".
    virtual std::string sourceName() const = 0;

    /// Looks up several hashes at once. Must not block longer than the source's configured
    /// timeout.
    virtual ReputationAnswer lookup(const std::vector<std::string>& hashes) const = 0;
};

using ReputationSourceFactory = Factory<ReputationSource>;

} // namespace switchyard::plugin
