// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/BlobStore.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

namespace switchyard::tests
{

/// One implementation under the blob store contract.
struct BlobStoreContractParam
{
    /// A valid test name part.
    std::string name;
    /// Makes a fresh, empty store with its default bound.
    std::function<std::shared_ptr<plugin::BlobStore>()> make;
    /// Makes a fresh, empty store that holds at most `maxBytes`; empty when the implementation has
    /// no such bound (the bound tests are then skipped).
    std::function<std::shared_ptr<plugin::BlobStore>(std::uint64_t maxBytes)> makeBounded;
};

void PrintTo(const BlobStoreContractParam& param, std::ostream* out);

/// The behaviour BlobStore.h and BlobWriter.h promise: among it, that BlobWriter::commit() names
/// the content by its own SHA-256. Add an implementation with
///
///     INSTANTIATE_TEST_SUITE_P(Filesystem, BlobStoreContractTest,
///                              ::testing::Values(BlobStoreContractParam{"filesystem", make, {}}),
///                              BlobStoreContractTest::paramName);
class BlobStoreContractTest : public ::testing::TestWithParam<BlobStoreContractParam>
{
public:
    static std::string paramName(const ::testing::TestParamInfo<BlobStoreContractParam>& info);

    /// Lower-case hex SHA-256 of `content`.
    static std::string sha256Of(const std::string& content);

protected:
    void SetUp() override;

    /// Writes `content` (in a few chunks) to a new writer of `store` and commits it; returns what
    /// commit() returned.
    static std::string put(plugin::BlobStore& store, const std::string& content);

    /// Everything `stream` still has to read.
    static std::string readAll(std::istream& stream);

    std::shared_ptr<plugin::BlobStore> _store;
};

} // namespace switchyard::tests
