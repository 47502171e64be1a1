// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "BasicAnalyzer.h"

#include "ShannonEntropy.h"

#include <Poco/Crypto/DigestEngine.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include <sstream>
#include <streambuf>

namespace switchyard::plugins::basic
{
namespace
{

std::string digest(const std::string& algorithm, const std::string& content)
{
    Poco::Crypto::DigestEngine engine(algorithm);
    engine.update(content);
    return Poco::Crypto::DigestEngine::digestToHex(engine.digest());
}

plugin::FileFacts factsOf(const std::string& content, const std::string& name, const std::string& mediaType)
{
    plugin::FileFacts facts;
    facts.submitName = name;
    facts.fileSize = content.size();
    facts.md5 = digest("MD5", content);
    facts.sha1 = digest("SHA1", content);
    facts.sha256 = digest("SHA256", content);
    facts.sha512 = digest("SHA512", content);
    facts.mediaType = mediaType;
    return facts;
}

/// A report as node.local hands it to analyzers.
Poco::JSON::Object::Ptr emptyReport()
{
    Poco::JSON::Object::Ptr report = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    report->set("finalVerdict", support::Verdict().toJson());
    report->set("taskWarnings", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
    report->set("allTags", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
    report->set("allSignalGroups", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
    report->set("resources", Poco::JSON::Object::Ptr(new Poco::JSON::Object));
    return report;
}

/// A PE header (MZ stub pointing at "PE\0\0" and a PE32 optional header) followed by `body`.
std::string portableExecutable(const std::string& body)
{
    std::string image(0x200, '\0');
    image[0] = 'M';
    image[1] = 'Z';
    image[0x3c] = '\x80';
    image.replace(0x80, 4, std::string("PE\0\0", 4));
    image[0x84] = '\x4c'; // machine: i386
    image[0x85] = '\x01';
    image[0x86] = '\x01'; // one section
    image[0x94] = '\xe0'; // size of the optional header
    image[0x96] = '\x02'; // executable image
    image[0x97] = '\x01';
    image[0x98] = '\x0b'; // PE32
    image[0x99] = '\x01';
    image[0x98 + 68] = '\x02'; // GUI subsystem
    return image + body;
}

std::string highEntropyBytes(std::size_t size)
{
    std::string bytes;
    std::uint32_t state = 2463534242u;
    for (std::size_t i = 0; i < size; ++i)
    {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        bytes.push_back(static_cast<char>(state & 0xff));
    }
    return bytes;
}

std::vector<std::string> tagNames(const Poco::JSON::Object& report)
{
    std::vector<std::string> names;
    Poco::JSON::Array::Ptr tags = report.getArray("allTags");
    for (std::size_t i = 0; i < tags->size(); ++i)
        names.push_back(tags->getObject(i)->getObject("tag")->getValue<std::string>("name"));
    return names;
}

class BasicAnalyzerTest : public ::testing::Test
{
protected:
    Poco::JSON::Object::Ptr analyze(const std::string& content, const plugin::FileFacts& facts)
    {
        Poco::JSON::Object::Ptr report = emptyReport();
        std::istringstream stream(content);
        _analyzer.analyze(stream, facts, *report);
        return report;
    }

    BasicAnalyzer _analyzer{BasicSettings{}};
};

TEST_F(BasicAnalyzerTest, DescribesTheFileInResourcesUnderItsSha256)
{
    const std::string content = "just some plain words\n";
    const plugin::FileFacts facts = factsOf(content, "words.txt", "text/plain");
    Poco::JSON::Object::Ptr report = analyze(content, facts);

    Poco::JSON::Object::Ptr resource = report->getObject("resources")->getObject(facts.sha256);
    ASSERT_TRUE(resource);
    EXPECT_EQ(resource->getValue<std::string>("type"), "FILE");
    EXPECT_EQ(resource->getValue<std::string>("submitName"), "words.txt");
    EXPECT_EQ(resource->getValue<std::uint64_t>("fileSize"), content.size());
    EXPECT_EQ(resource->getObject("mediaType")->getValue<std::string>("string"), "text/plain");
    EXPECT_EQ(resource->getObject("mediaType")->getValue<int>("slash"), 4);
    Poco::JSON::Object::Ptr digests = resource->getObject("digests");
    EXPECT_EQ(digests->getValue<std::string>("MD5"), facts.md5);
    EXPECT_EQ(digests->getValue<std::string>("SHA-1"), facts.sha1);
    EXPECT_EQ(digests->getValue<std::string>("SHA-256"), facts.sha256);
    EXPECT_EQ(digests->getValue<std::string>("SHA-512"), facts.sha512);
    ShannonEntropy entropy;
    entropy.update(content.data(), content.size());
    EXPECT_DOUBLE_EQ(resource->getValue<double>("entropy"), BasicAnalyzer::rounded(entropy.bitsPerByte()));
    EXPECT_TRUE(tagNames(*report).empty());
    EXPECT_EQ(report->getObject("finalVerdict")->getValue<std::string>("verdict"), "NO_THREAT");
}

TEST_F(BasicAnalyzerTest, TagsAHighEntropyExecutableAndRaisesSuspicious)
{
    const std::string content = portableExecutable(highEntropyBytes(64 * 1024));
    Poco::JSON::Object::Ptr report = analyze(content, factsOf(content, "packed.exe", ""));

    EXPECT_EQ(tagNames(*report), (std::vector<std::string>{"executable", "high-entropy"}));
    Poco::JSON::Object::Ptr verdict = report->getObject("finalVerdict");
    EXPECT_EQ(verdict->getValue<std::string>("verdict"), "SUSPICIOUS");
    EXPECT_DOUBLE_EQ(verdict->getValue<double>("threatLevel"), 0.5);
    EXPECT_DOUBLE_EQ(verdict->getValue<double>("confidence"), 0.5);
}

TEST_F(BasicAnalyzerTest, EachTagHasTheDocumentedShape)
{
    const std::string content = portableExecutable("");
    const plugin::FileFacts facts = factsOf(content, "small.exe", "");
    Poco::JSON::Object::Ptr report = analyze(content, facts);

    Poco::JSON::Array::Ptr tags = report->getArray("allTags");
    ASSERT_EQ(tags->size(), 1u);
    std::ostringstream text;
    tags->getObject(0)->stringify(text);
    EXPECT_EQ(text.str(), "{\"source\":\"BASIC_ANALYZER\",\"sourceIdentifier\":\"" + facts.sha256 +
                              "\",\"isRootTag\":true,\"tag\":{\"name\":\"executable\",\"synonyms\":[],"
                              "\"descriptions\":[],\"verdict\":{\"verdict\":\"UNKNOWN\",\"threatLevel\":0,"
                              "\"confidence\":1}}}");
    EXPECT_EQ(report->getObject("finalVerdict")->getValue<std::string>("verdict"), "UNKNOWN");
}

TEST_F(BasicAnalyzerTest, DetectsTheMediaTypeWhenTheFactsHaveNone)
{
    const std::string content = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n";
    Poco::JSON::Object::Ptr report = analyze(content, factsOf(content, "a.pdf", ""));
    const std::string sha256 = digest("SHA256", content);
    EXPECT_EQ(report->getObject("resources")
                  ->getObject(sha256)
                  ->getObject("mediaType")
                  ->getValue<std::string>("string"),
              "application/pdf");
    EXPECT_EQ(tagNames(*report), (std::vector<std::string>{"document"}));
}

TEST_F(BasicAnalyzerTest, ComputesTheDigestsAndSizeTheFactsLack)
{
    const std::string content = "#!/bin/sh\necho hello\n";
    plugin::FileFacts facts;
    facts.submitName = "hello.sh";
    Poco::JSON::Object::Ptr report = analyze(content, facts);

    const std::string sha256 = digest("SHA256", content);
    Poco::JSON::Object::Ptr resource = report->getObject("resources")->getObject(sha256);
    ASSERT_TRUE(resource) << "keyed by the computed SHA-256";
    Poco::JSON::Object::Ptr digests = resource->getObject("digests");
    EXPECT_EQ(digests->getValue<std::string>("MD5"), digest("MD5", content));
    EXPECT_EQ(digests->getValue<std::string>("SHA-1"), digest("SHA1", content));
    EXPECT_EQ(digests->getValue<std::string>("SHA-512"), digest("SHA512", content));
    EXPECT_EQ(resource->getValue<std::uint64_t>("fileSize"), content.size());
    EXPECT_EQ(tagNames(*report), (std::vector<std::string>{"script"}));
    EXPECT_EQ(report->getArray("allTags")->getObject(0)->getValue<std::string>("sourceIdentifier"), sha256);
}

TEST_F(BasicAnalyzerTest, AnEmptyFileIsTaggedEmpty)
{
    Poco::JSON::Object::Ptr report = analyze("", factsOf("", "nothing", ""));
    EXPECT_EQ(tagNames(*report), (std::vector<std::string>{"empty"}));
    Poco::JSON::Object::Ptr resource = report->getObject("resources")->getObject(digest("SHA256", ""));
    EXPECT_EQ(resource->getValue<std::uint64_t>("fileSize"), 0u);
    EXPECT_EQ(resource->getValue<double>("entropy"), 0.0);
}

TEST_F(BasicAnalyzerTest, NeverLowersAVerdictAnotherAnalyzerRaised)
{
    const std::string content = "plain\n";
    Poco::JSON::Object::Ptr report = emptyReport();
    report->set("finalVerdict", support::Verdict(support::Verdict::Level::Malicious, 1.0).toJson());
    std::istringstream stream(content);
    _analyzer.analyze(stream, factsOf(content, "x.txt", "text/plain"), *report);
    EXPECT_EQ(report->getObject("finalVerdict")->getValue<std::string>("verdict"), "MALICIOUS");
}

TEST_F(BasicAnalyzerTest, AddsToWhatOtherAnalyzersWrote)
{
    const std::string content = "plain\n";
    const plugin::FileFacts facts = factsOf(content, "x.txt", "text/plain");
    Poco::JSON::Object::Ptr report = emptyReport();
    report->getArray("allTags")->add(std::string("from another analyzer"));
    Poco::JSON::Object::Ptr earlier = new Poco::JSON::Object;
    earlier->set("ocrText", "hello");
    report->getObject("resources")->set(facts.sha256, earlier);
    std::istringstream stream(content);
    _analyzer.analyze(stream, facts, *report);

    EXPECT_EQ(report->getArray("allTags")->size(), 1u);
    Poco::JSON::Object::Ptr resource = report->getObject("resources")->getObject(facts.sha256);
    EXPECT_EQ(resource->getValue<std::string>("ocrText"), "hello");
    EXPECT_EQ(resource->getValue<std::string>("type"), "FILE");
}

TEST_F(BasicAnalyzerTest, MakesTheArraysAndObjectsItNeedsWhenMissing)
{
    const std::string content = std::string(100, '\0');
    Poco::JSON::Object report;
    std::istringstream stream(content);
    _analyzer.analyze(stream, factsOf(content, "zeros", ""), report);
    EXPECT_TRUE(report.getArray("allTags"));
    EXPECT_TRUE(report.getObject("resources"));
    EXPECT_TRUE(report.getObject("finalVerdict"));
}

TEST_F(BasicAnalyzerTest, IsDeterministic)
{
    const std::string content = portableExecutable(highEntropyBytes(10000));
    const plugin::FileFacts facts = factsOf(content, "a.exe", "");
    std::ostringstream first;
    std::ostringstream second;
    analyze(content, facts)->stringify(first);
    analyze(content, facts)->stringify(second);
    EXPECT_EQ(first.str(), second.str());
}

TEST_F(BasicAnalyzerTest, AContentThatCannotBeReadFailsTheAnalysis)
{
    struct FailingBuffer : std::streambuf
    {
        int_type underflow() override { throw std::runtime_error("disk on fire"); }
    };
    FailingBuffer buffer;
    std::istream broken(&buffer);
    Poco::JSON::Object::Ptr report = emptyReport();
    EXPECT_THROW(_analyzer.analyze(broken, factsOf("", "x", ""), *report), Poco::ReadFileException);
}

} // namespace
} // namespace switchyard::plugins::basic
