// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "BasicAnalyzer.h"

#include "FileDigester.h"
#include "FileFactsJson.h"
#include "MediaTypeJson.h"
#include "ShannonEntropy.h"
#include "TagJson.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace switchyard::plugins::basic
{

namespace
{

constexpr std::size_t HeadBytes = 64 * 1024;

/// The tags themselves judge nothing; the verdict comes from the rules (BasicRules).
const support::Verdict TagVerdict(support::Verdict::Level::Unknown, 1.0);

unsigned missingDigests(const plugin::FileFacts& facts)
{
    unsigned algorithms = 0;
    if (facts.md5.empty())
        algorithms |= support::FileDigester::Md5;
    if (facts.sha1.empty())
        algorithms |= support::FileDigester::Sha1;
    if (facts.sha256.empty())
        algorithms |= support::FileDigester::Sha256;
    if (facts.sha512.empty())
        algorithms |= support::FileDigester::Sha512;
    return algorithms;
}

Poco::JSON::Array::Ptr arrayIn(Poco::JSON::Object& report, const std::string& key)
{
    Poco::JSON::Array::Ptr array = report.getArray(key);
    if (!array)
    {
        array = new Poco::JSON::Array;
        report.set(key, array);
    }
    return array;
}

Poco::JSON::Object::Ptr objectIn(Poco::JSON::Object& parent, const std::string& key)
{
    Poco::JSON::Object::Ptr object = parent.getObject(key);
    if (!object)
    {
        object = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        parent.set(key, object);
    }
    return object;
}

} // namespace

BasicAnalyzer::BasicAnalyzer(const BasicSettings& settings) : _rules(settings) {}

double BasicAnalyzer::rounded(double entropy)
{
    return std::round(entropy * 10000.0) / 10000.0;
}

void BasicAnalyzer::analyze(std::istream& content, const plugin::FileFacts& facts, Poco::JSON::Object& report)
{
    support::FileDigester digester(missingDigests(facts));
    ShannonEntropy entropy;
    std::string head;
    std::array<char, 64 * 1024> buffer{};
    while (content.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || content.gcount() > 0)
    {
        const auto size = static_cast<std::size_t>(content.gcount());
        digester.update(buffer.data(), size);
        entropy.update(buffer.data(), size);
        if (head.size() < HeadBytes)
            head.append(buffer.data(), std::min(size, HeadBytes - head.size()));
    }
    if (content.bad())
        throw Poco::ReadFileException("cannot read the file");

    plugin::FileFacts file = facts;
    digester.finish(file);
    file.fileSize = entropy.size();
    if (file.mediaType.empty())
        file.mediaType = _mediaTypes.detect(head.data(), head.size());

    const BasicRules::Findings findings =
        _rules.evaluate(file.mediaType, file.fileSize, entropy.bitsPerByte());

    Poco::JSON::Array::Ptr allTags = arrayIn(report, "allTags");
    for (const std::string& tag : findings.tags)
        allTags->add(support::TagJson::toJson(TagSource, file.sha256, true, tag, TagVerdict));

    // Another analyzer may have described the file already; its fields stay, ours are added.
    Poco::JSON::Object::Ptr resource = objectIn(*objectIn(report, "resources"), file.sha256);
    resource->set("type", "FILE");
    resource->set("submitName", file.submitName);
    resource->set("fileSize", Poco::UInt64(file.fileSize));
    resource->set("mediaType", support::MediaTypeJson::toJson(file.mediaType));
    resource->set("digests", support::FileFactsJson::digests(file));
    resource->set("entropy", rounded(entropy.bitsPerByte()));

    support::Verdict::raise(report, findings.verdict);
}

} // namespace switchyard::plugins::basic
