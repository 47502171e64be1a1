// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Analyzer.h"

namespace switchyard::plugins::basic
{

/// Makes `analyzer.basic` instances; the keys are in README.md.
class BasicAnalyzerFactory : public plugin::AnalyzerFactory
{
public:
    std::string type() const override { return "analyzer.basic"; }
    std::unique_ptr<plugin::Analyzer> create(const Poco::Util::AbstractConfiguration& config,
                                             plugin::PluginContext& context) const override;
};

} // namespace switchyard::plugins::basic
