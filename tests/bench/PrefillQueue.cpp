// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
//
// Fills a storage.sqlite database with queued submissions, through the plugin's own logic (its
// settings reader and SqliteStorage::addSubmissions, so the rows, the file records and the counters are
// exactly what the daemon writes), far faster than /submit could: large batches, one transaction
// and one fsync each. The daemon is then started on the same data folder.
//
//   switchyard-bench-prefill --data-dir D --count N [--database broker.db] [--batch 10000]
//       [--ids-file F] [--sample 10000]
//
// Every submission has its own file record (a 4 KiB binary that is never written: /submit-result
// reads no binary). All have priority 0, so a submission's place in the queue is its arrival
// order. --ids-file receives --sample submit IDs spread evenly over the whole queue (from the
// head to the tail), one a line, for the load generator. Prints one JSON line of figures.

#include "BenchArguments.h"
#include "SqliteStorage.h"
#include "SqliteStorageFactory.h"
#include "switchyard/plugin/ConfigReader.h"

#include <Poco/AutoPtr.h>
#include <Poco/Crypto/DigestEngine.h>
#include <Poco/Exception.h>
#include <Poco/FileStream.h>
#include <Poco/Logger.h>
#include <Poco/Stopwatch.h>
#include <Poco/UUIDGenerator.h>
#include <Poco/Util/MapConfiguration.h>

#include <iostream>

namespace
{

using namespace switchyard;

/// Errors in the block name the key as the daemon would. The storage is made without a
/// PluginContext (it needs none but its settings and a logger), so that this tool does not
/// follow every change of the kernel's side of an instance.
class PrefillErrors : public plugin::ConfigErrorReporter
{
public:
    [[noreturn]] void configError(const std::string& key, const std::string& reason) const override
    {
        throw Poco::InvalidArgumentException("switchyard.instances.store." + key + ": " + reason);
    }
};

std::string hexDigest(const std::string& algorithm, const std::string& content)
{
    Poco::Crypto::DigestEngine engine(algorithm);
    engine.update(content);
    return Poco::Crypto::DigestEngine::digestToHex(engine.digest());
}

int prefill(const bench::BenchArguments& arguments)
{
    const std::uint64_t count = static_cast<std::uint64_t>(arguments.integer("count", 0));
    const std::uint64_t batchSize =
        static_cast<std::uint64_t>(std::max<std::int64_t>(1, arguments.integer("batch", 10000)));
    const std::uint64_t sample =
        static_cast<std::uint64_t>(std::max<std::int64_t>(1, arguments.integer("sample", 10000)));
    const std::uint64_t sampleEvery = std::max<std::uint64_t>(1, count / sample);

    Poco::AutoPtr<Poco::Util::MapConfiguration> config = new Poco::Util::MapConfiguration;
    config->setString("path", arguments.text("database", "broker.db"));
    const PrefillErrors errors;
    const plugin::ConfigReader reader(*config, errors);
    auto storage = std::make_unique<plugins::sqlite::SqliteStorage>(
        plugins::sqlite::SqliteStorageFactory::readSettings(reader, arguments.required("data-dir")),
        Poco::Logger::get("switchyard.instances.store"));
    storage->start();

    std::unique_ptr<Poco::FileOutputStream> ids;
    if (!arguments.text("ids-file", "").empty())
        ids = std::make_unique<Poco::FileOutputStream>(arguments.text("ids-file", ""));

    Poco::UUIDGenerator& uuids = Poco::UUIDGenerator::defaultGenerator();
    Poco::Stopwatch stopwatch;
    stopwatch.start();
    std::uint64_t written = 0;
    while (written < count)
    {
        const std::uint64_t size = std::min(batchSize, count - written);
        std::vector<plugin::Submission> submissions(size);
        std::vector<plugin::FileFacts> files(size);
        for (std::uint64_t index = 0; index < size; ++index)
        {
            const std::string name = "bench-" + std::to_string(written + index) + ".bin";
            plugin::FileFacts& file = files[index];
            file.submitName = name;
            file.fileSize = 4096;
            // Digests of the name stand in for those of the content: right lengths, all distinct.
            file.sha256 = hexDigest("SHA256", name);
            file.md5 = file.sha256.substr(0, 32);
            file.sha1 = file.sha256.substr(0, 40);
            file.sha512 = file.sha256 + file.sha256;
            file.mediaType = "application/octet-stream";
            plugin::Submission& submission = submissions[index];
            submission.id = uuids.createRandom().toString();
            submission.submitName = name;
            submission.sha256 = file.sha256;
            submission.fileSize = file.fileSize;
            submission.mediaType = file.mediaType;
            submission.priority = 0;
            if (ids && (written + index) % sampleEvery == 0)
                *ids << submission.id << "\n";
        }
        storage->addSubmissions(submissions, files);
        written += size;
    }
    const double seconds = static_cast<double>(stopwatch.elapsed()) / 1e6;
    const std::uint64_t queued = storage->queueCount();
    storage->stop();
    if (ids)
        ids->close();
    std::cout << "{\"count\": " << written << ", \"queued\": " << queued << ", \"seconds\": " << seconds
              << ", \"perSecond\": " << (seconds > 0 ? static_cast<double>(written) / seconds : 0) << "}"
              << std::endl;
    return queued >= written ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    try
    {
        return prefill(switchyard::bench::BenchArguments(
            argc, argv, {"data-dir", "database", "count", "batch", "ids-file", "sample"}));
    }
    catch (const Poco::Exception& error)
    {
        std::cerr << "switchyard-bench-prefill: " << error.displayText() << "\n";
        return 1;
    }
}
