// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/Storage.h"

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace switchyard::tests
{

/// One implementation under the storage contract: its name (a valid test name part) and how to make
/// a fresh, empty instance of it.
struct StorageContractParam
{
    std::string name;
    std::function<std::shared_ptr<plugin::Storage>()> make;
};

void PrintTo(const StorageContractParam& param, std::ostream* out);

/// The behaviour Storage.h promises, checked for any implementation. Add one with
///
///     INSTANTIATE_TEST_SUITE_P(Sqlite, StorageContractTest,
///                              ::testing::Values(StorageContractParam{"sqlite", &makeSqliteStorage}),
///                              StorageContractTest::paramName);
class StorageContractTest : public ::testing::TestWithParam<StorageContractParam>
{
public:
    static std::string paramName(const ::testing::TestParamInfo<StorageContractParam>& info);

protected:
    void SetUp() override;

    /// A new submission with the given id and priority and some fields set.
    static plugin::Submission submission(const std::string& id, int priority = 0);

    /// Adds one submission and returns its sequence.
    std::uint64_t add(const std::string& id, int priority = 0);

    /// Claims until the queue is empty and returns the ids in claim order.
    std::vector<std::string> claimAll();

    /// The state of a known submission.
    plugin::SubmissionState stateOf(const std::string& id) const;

    std::shared_ptr<plugin::Storage> _storage;
};

} // namespace switchyard::tests
