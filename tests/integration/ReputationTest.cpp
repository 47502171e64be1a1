// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "BrokerDaemonTest.h"
#include "TestArchive.h"

#include <Poco/JSON/Array.h>
#include <gmock/gmock.h>

#include <chrono>
#include <set>
#include <thread>

namespace switchyard::testsupport
{
namespace
{

std::set<std::string> asSet(const Poco::JSON::Array::Ptr& array)
{
    std::set<std::string> items;
    for (std::size_t i = 0; i < array->size(); ++i)
        items.insert(array->getElement<std::string>(i));
    return items;
}

class ReputationTest : public BrokerDaemonTest
{
protected:
    void SetUp() override
    {
        additionalPlugins = "switchyard-reputation-hashlist, switchyard-endpoint-reputation";
        internalList =
            directory.write("internal.txt", "# the internal whitelist\n" + digest("MD5", known) + "\n");
        nsrlList = directory.write("nsrl.txt", digest("SHA1", known) + "  known.txt\n" +
                                                   digest("SHA256", knownMember) + "\n");
        startBroker(true, "switchyard.instances.internal.type = reputation.hashlist\n"
                          "switchyard.instances.internal.files = " +
                              internalList +
                              "\n"
                              "switchyard.instances.internal.reloadCheckMilliseconds = 50\n"
                              "switchyard.instances.nsrl.type = reputation.hashlist\n"
                              "switchyard.instances.nsrl.sourceName = NSRL\n"
                              "switchyard.instances.nsrl.files = " +
                              nsrlList +
                              "\n"
                              "switchyard.instances.reputation.type = endpoint.reputation\n"
                              "switchyard.instances.reputation.path = /reputation\n"
                              "switchyard.instances.reputation.auth = auth\n"
                              "switchyard.instances.reputation.uses = internal, nsrl\n"
                              "switchyard.instances.clean.type = endpoint.submit\n"
                              "switchyard.instances.clean.path = /submit-clean\n"
                              "switchyard.instances.clean.auth = auth\n"
                              "switchyard.instances.clean.uses = db, samples, internal, nsrl\n"
                              "switchyard.instances.clean.minFreeDiskMiB = 0\n");
    }

    HttpAnswer reputation(const MultipartBody& body)
    {
        Poco::Net::NameValueCollection headers;
        headers.set("X-Api-Key", ReadSecret);
        return httpsClient().post("/reputation", body.contentType(), body.text(), headers);
    }

    const std::string known = "a file every analyst has seen before\n";
    const std::string knownMember = "a member of a known software package\n";
    std::string internalList;
    std::string nsrlList;
};

TEST_F(ReputationTest, ReputationAnswersPerSourceWithInvalidHashes)
{
    const std::string unknown = digest("SHA256", "never seen");
    HttpAnswer answer = reputation(MultipartBody()
                                       .field("hashes[]", digest("MD5", known))
                                       .field("hashes[]", Poco::toUpper(digest("SHA1", known)))
                                       .field("hashes[]", unknown)
                                       .field("hashes[]", "123"));
    ASSERT_EQ(answer.status, 200) << answer.body;
    auto results = answer.json()->getObject("reputationResults");
    ASSERT_TRUE(results->has("INTERNAL") && results->has("NSRL")) << answer.body;
    auto internal = results->getObject("INTERNAL");
    EXPECT_EQ(asSet(internal->getArray("whitelistedHashes")), std::set<std::string>{digest("MD5", known)});
    EXPECT_EQ(asSet(internal->getArray("invalidHashes")), std::set<std::string>{"123"});
    EXPECT_TRUE(internal->has("processTime"));
    auto nsrl = results->getObject("NSRL");
    EXPECT_EQ(asSet(nsrl->getArray("whitelistedHashes")), std::set<std::string>{digest("SHA1", known)});
    EXPECT_EQ(asSet(nsrl->getArray("invalidHashes")), std::set<std::string>{"123"});
    EXPECT_TRUE(answer.json()->has("processTime"));

    HttpAnswer none = reputation(MultipartBody().field("priority", "1"));
    ASSERT_EQ(none.status, 400) << none.body;
    EXPECT_EQ(none.json()->getObject("error")->getValue<std::string>("code"), "MISSING_PARAMETER");
}

TEST_F(ReputationTest, AHashListIsReloadedWhileTheBrokerRuns)
{
    const std::string later = "a file whitelisted later\n";
    const std::string hash = digest("SHA256", later);
    auto whitelisted = [&]
    {
        HttpAnswer answer = reputation(MultipartBody().field("hashes[]", hash));
        EXPECT_EQ(answer.status, 200) << answer.body;
        return asSet(answer.json()
                         ->getObject("reputationResults")
                         ->getObject("INTERNAL")
                         ->getArray("whitelistedHashes"));
    };
    EXPECT_TRUE(whitelisted().empty());
    HttpAnswer before = submit(MultipartBody().field("skipWhitelistedFiles", "true").file("later.txt", later),
                               "/submit-clean");
    ASSERT_EQ(before.status, 200) << before.body;
    EXPECT_EQ(before.json()->getArray("acceptedFiles")->size(), 1u);

    directory.write("internal.txt", digest("MD5", known) + "\n" + hash + "\n");
    bool reloaded = false;
    for (int attempt = 0; attempt < 100 && !reloaded; ++attempt)
    {
        std::this_thread::sleep_for(std::chrono::milliseconds(60));
        reloaded = whitelisted() == std::set<std::string>{hash};
    }
    EXPECT_TRUE(reloaded);
    HttpAnswer after = submit(MultipartBody().field("skipWhitelistedFiles", "true").file("later.txt", later),
                              "/submit-clean");
    ASSERT_EQ(after.status, 200) << after.body;
    EXPECT_EQ(after.json()->getArray("acceptedFiles")->size(), 0u);
    EXPECT_EQ(after.json()->getArray("rejectedFiles")->getObject(0)->getValue<std::string>("rejectedReason"),
              "WHITELISTED");
}

TEST_F(ReputationTest, SkipWhitelistedFilesRejectsFilesAndArchiveMembers)
{
    const std::string fresh = "a file nobody knows\n";
    TestArchive archive("zip");
    archive.file("known-member.txt", knownMember).file("fresh-member.txt", fresh);
    const std::string zip = archive.bytes();
    const MultipartBody body =
        MultipartBody().file("known.txt", known).file("fresh.txt", fresh).file("bundle.zip", zip);

    HttpAnswer kept = submit(body, "/submit-clean");
    ASSERT_EQ(kept.status, 200) << kept.body;
    EXPECT_EQ(kept.json()->getArray("acceptedFiles")->size(), 4u) << "skipWhitelistedFiles defaults to false";

    HttpAnswer skipped = submit(MultipartBody(body).field("skipWhitelistedFiles", "true"), "/submit-clean");
    ASSERT_EQ(skipped.status, 200) << skipped.body;
    auto accepted = skipped.json()->getArray("acceptedFiles");
    std::map<std::string, std::string> acceptedDigests;
    for (std::size_t i = 0; i < accepted->size(); ++i)
        acceptedDigests[accepted->getObject(i)->getValue<std::string>("submitName")] =
            accepted->getObject(i)->getValue<std::string>("sha256");
    EXPECT_EQ(acceptedDigests,
              (std::map<std::string, std::string>{{"fresh.txt", digest("SHA256", fresh)},
                                                  {"fresh-member.txt", digest("SHA256", fresh)}}));
    auto rejected = skipped.json()->getArray("rejectedFiles");
    std::map<std::string, std::string> reasons;
    for (std::size_t i = 0; i < rejected->size(); ++i)
        reasons[rejected->getObject(i)->getValue<std::string>("submitName")] =
            rejected->getObject(i)->getValue<std::string>("rejectedReason");
    EXPECT_EQ(reasons, (std::map<std::string, std::string>{{"known.txt", "WHITELISTED"},
                                                           {"known-member.txt", "WHITELISTED"},
                                                           {"bundle.zip", "ARCHIVE_UNPACKED"}}));
}

} // namespace
} // namespace switchyard::testsupport
