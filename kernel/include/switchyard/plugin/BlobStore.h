// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "switchyard/plugin/BlobWriter.h"
#include "switchyard/plugin/Component.h"
#include "switchyard/plugin/Factory.h"
#include "switchyard/plugin/StorageArea.h"

#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace switchyard::plugin
{

/// Content-addressed binaries, keyed by lower-case hex SHA-256. Kind "blobs".
/// Every method is thread-safe.
class BOOST_SYMBOL_VISIBLE BlobStore : public Component
{
public:
    /// Starts writing a new binary. OWNERSHIP: the caller owns the writer and must destroy it
    /// before this store is destroyed. Throws Poco::IOException if no space can be had.
    virtual std::unique_ptr<BlobWriter> createWriter() = 0;

    /// Opens a stored binary for reading, or returns nullptr if there is none under `sha256`.
    /// OWNERSHIP: as for createWriter. The stream reads a stable snapshot of the content.
    virtual std::unique_ptr<std::istream> open(const std::string& sha256) const = 0;

    /// The size of a stored binary, if present.
    virtual std::optional<std::uint64_t> size(const std::string& sha256) const = 0;

    /// Deletes a stored binary. Returns false if there was none. Readers that opened it before
    /// keep reading their snapshot.
    virtual bool remove(const std::string& sha256) = 0;

    /// The folders this store writes to (none for in-memory stores).
    virtual std::vector<StorageArea> storageAreas() const = 0;
};

using BlobStoreFactory = Factory<BlobStore>;

} // namespace switchyard::plugin
