// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "FileDigester.h"
#include "switchyard/plugin/BlobWriter.h"
#include "switchyard/plugin/FileFacts.h"

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <string>

namespace switchyard::plugins::support
{

/// Streams one binary into a BlobStore and digests it in the same pass: MD5, SHA-1 and SHA-512
/// here, SHA-256 by the store (BlobWriter::commit), which names content by it. Keeps the first
/// HeadBytes for media type detection. Nothing is visible in the store before commit();
/// destroyed uncommitted, it leaves nothing behind. Used from one thread.
class DigestingBlobWriter
{
public:
    /// How much of the start of the content is kept (MediaTypeDetector needs no more).
    static constexpr std::size_t HeadBytes = 64 * 1024;

    /// `writer` from BlobStore::createWriter(); it must not be null.
    explicit DigestingBlobWriter(std::unique_ptr<plugin::BlobWriter> writer);

    /// Appends bytes. Throws what BlobWriter::write throws (the writer is then unusable).
    void write(const char* data, std::size_t size);

    /// Appends everything `content` holds, from where it stands to its end, in 64 KiB pieces.
    /// Throws Poco::ReadFileException when `content` fails other than by reaching its end, and
    /// what write() throws.
    void writeAll(std::istream& content);

    /// Bytes written so far.
    std::uint64_t size() const { return _size; }

    /// The first (up to HeadBytes) bytes written.
    const std::string& head() const { return _head; }

    /// Makes the content durable and visible in the store and returns its facts: size and the
    /// four digests (submitName and mediaType are left for the caller). Throws what
    /// BlobWriter::commit throws, Poco::IllegalStateException when called twice.
    plugin::FileFacts commit();

private:
    std::unique_ptr<plugin::BlobWriter> _writer;
    FileDigester _digester{FileDigester::Md5 | FileDigester::Sha1 | FileDigester::Sha512};
    std::uint64_t _size = 0;
    std::string _head;
};

} // namespace switchyard::plugins::support
