// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "FileDigester.h"
#include "switchyard/plugin/BlobWriter.h"
#include "switchyard/plugin/FileFacts.h"

#include <cstdint>
#include <memory>
#include <string>

namespace switchyard::plugins::submit
{

/// One file part of a /submit request on its way into the blob store: written and digested in
/// the same pass, invisible until commit(). Destroyed uncommitted, it leaves nothing behind.
class UploadedFile
{
public:
    /// How much of the start of the file is kept for media type detection.
    static constexpr std::size_t HeadBytes = 64 * 1024;

    /// `writer` may be null when the file is not to be stored (server full); the bytes are then
    /// only counted.
    UploadedFile(std::string submitName, std::unique_ptr<plugin::BlobWriter> writer, std::uint64_t maxBytes);

    /// Appends bytes: digests them and hands them to the writer while within the size bound.
    void append(const char* data, std::size_t size);

    /// Makes the content durable in the blob store and returns its facts (media type excluded).
    plugin::FileFacts commit();

    const std::string& submitName() const { return _submitName; }
    std::uint64_t size() const { return _size; }
    bool isTooLarge() const { return _tooLarge; }
    bool isStored() const { return _writer != nullptr; }
    /// Why writing failed ("" if it did not).
    const std::string& writeError() const { return _writeError; }
    const std::string& head() const { return _head; }

private:
    std::string _submitName;
    std::unique_ptr<plugin::BlobWriter> _writer;
    std::uint64_t _maxBytes;
    std::uint64_t _size = 0;
    bool _tooLarge = false;
    std::string _writeError;
    std::string _head;
    // SHA-256 comes from the blob writer, which names the content by it.
    support::FileDigester _digester{support::FileDigester::Md5 | support::FileDigester::Sha1 |
                                    support::FileDigester::Sha512};
};

} // namespace switchyard::plugins::submit
