// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SystemInfoEndpoint.h"

#include "MemoryBlobStore.h"
#include "MemoryStorage.h"
#include "SystemInfoEndpointFactory.h"
#include "support/FakeHttpServerRequest.h"
#include "support/FakeHttpServerResponse.h"
#include "support/FakePluginContext.h"
#include "support/FakeRequestContext.h"
#include "support/LogCapture.h"
#include "support/PropertiesText.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <gtest/gtest.h>

#include <map>

namespace switchyard::plugins::systeminfo
{
namespace
{

// The in-memory implementations stand in for real ones; only their storage areas are made up.
class StorageWithAreas : public memory::MemoryStorage
{
public:
    explicit StorageWithAreas(std::vector<plugin::StorageArea> areas) : _areas(std::move(areas)) {}
    std::vector<plugin::StorageArea> storageAreas() const override { return _areas; }

private:
    std::vector<plugin::StorageArea> _areas;
};

class BlobStoreWithAreas : public memory::MemoryBlobStore
{
public:
    explicit BlobStoreWithAreas(std::vector<plugin::StorageArea> areas) : _areas(std::move(areas)) {}
    std::vector<plugin::StorageArea> storageAreas() const override { return _areas; }

private:
    std::vector<plugin::StorageArea> _areas;
};

std::vector<std::string> keysOf(const Poco::JSON::Object& object)
{
    std::vector<std::string> keys;
    object.getNames(keys);
    return keys;
}

void addQueued(plugin::Storage& storage, const std::vector<std::string>& ids)
{
    std::vector<plugin::Submission> submissions;
    for (const std::string& id : ids)
    {
        plugin::Submission submission;
        submission.id = id;
        submissions.push_back(submission);
    }
    storage.addSubmissions(submissions, {});
}

class SystemInfoEndpointTest : public ::testing::Test
{
protected:
    std::unique_ptr<plugin::Endpoint> create(const std::string& block = "")
    {
        return SystemInfoEndpointFactory().create(*tests::instanceBlock(block, "systemInfo"), _context);
    }

    /// Calls handle() with `parameters` for a key of `level` and returns the one answer it sent.
    tests::FakeRequestContext::Answer answer(plugin::Endpoint& endpoint,
                                             const std::map<std::string, std::string>& parameters = {},
                                             plugin::AccessLevel level = plugin::AccessLevel::Read)
    {
        tests::FakeHttpServerRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/system-info");
        tests::FakeHttpServerResponse response;
        tests::FakeRequestContext context(_context.logger(), level);
        for (const auto& [name, value] : parameters)
            context.mutableParameters().add(name, value);
        endpoint.handle(request, response, context);
        EXPECT_EQ(context.answers().size(), 1u);
        if (context.answers().empty())
            return {};
        return context.answers().front();
    }

    tests::FakePluginContext _context{"systemInfo"};
    const std::string _temp = Poco::Path::temp();
};

TEST_F(SystemInfoEndpointTest, AnswersGetWithReadLevel)
{
    const std::unique_ptr<plugin::Endpoint> endpoint = create();
    EXPECT_EQ(SystemInfoEndpointFactory().type(), "endpoint.system-info");
    EXPECT_EQ(endpoint->methods(), std::vector<std::string>({"GET"}));
    EXPECT_EQ(endpoint->requiredLevel(), plugin::AccessLevel::Read);
}

TEST_F(SystemInfoEndpointTest, AnswersWithTheDocumentedShape)
{
    const auto storage = std::make_shared<StorageWithAreas>(
        std::vector<plugin::StorageArea>{{"fsBrokerQueue", _temp}, {"fsBrokerResults", _temp}});
    const auto blobs =
        std::make_shared<BlobStoreWithAreas>(std::vector<plugin::StorageArea>{{"Samples", _temp}});
    _context.provide<plugin::Storage>("store", storage);
    _context.provide<plugin::BlobStore>("blobs", blobs);
    addQueued(*storage, {"a", "b", "c"});
    const std::unique_ptr<plugin::Endpoint> endpoint = create();

    const tests::FakeRequestContext::Answer sent = answer(*endpoint);

    EXPECT_EQ(sent.status, Poco::Net::HTTPResponse::HTTP_OK);
    ASSERT_TRUE(sent.body);
    EXPECT_EQ(keysOf(*sent.body), std::vector<std::string>({"versionInfo", "queueInfo", "memoryStats",
                                                            "freeDiscSpaceInMb", "processTime"}));
    const Poco::JSON::Object::Ptr versionInfo = sent.body->getObject("versionInfo");
    EXPECT_EQ(versionInfo->getValue<std::string>("name"), "switchyard");
    EXPECT_EQ(versionInfo->getValue<std::string>("version"), "9.8.7");
    EXPECT_EQ(versionInfo->getValue<std::string>("copyright"), "Copyright 2026 Switchyard contributors");
    EXPECT_EQ(sent.body->getObject("queueInfo")->getValue<int>("queueCount"), 3);
    const Poco::JSON::Object::Ptr memory = sent.body->getObject("memoryStats");
    EXPECT_GT(memory->getValue<Poco::UInt64>("usedMemory"), 0u);
    EXPECT_GT(memory->getValue<Poco::UInt64>("totalMemory"), memory->getValue<Poco::UInt64>("usedMemory"));
    EXPECT_LE(memory->getValue<Poco::UInt64>("freeMemory"), memory->getValue<Poco::UInt64>("totalMemory"));
    EXPECT_LE(memory->getValue<Poco::UInt64>("maxMemory"), memory->getValue<Poco::UInt64>("totalMemory"));
    const Poco::JSON::Object::Ptr disc = sent.body->getObject("freeDiscSpaceInMb");
    EXPECT_EQ(keysOf(*disc),
              std::vector<std::string>({"fsBrokerQueue", "fsBrokerResults", "Samples", "data", "fsTemp"}));
    EXPECT_GT(disc->getValue<Poco::UInt64>("fsTemp"), 0u);
}

TEST_F(SystemInfoEndpointTest, SumsTheQueuesOfEveryStorage)
{
    const auto first = std::make_shared<memory::MemoryStorage>();
    const auto second = std::make_shared<memory::MemoryStorage>();
    addQueued(*first, {"a", "b"});
    addQueued(*second, {"c", "d", "e"});
    second->claimNext({});
    _context.provide<plugin::Storage>("first", first);
    _context.provide<plugin::Storage>("second", second);

    const tests::FakeRequestContext::Answer sent = answer(*create());

    ASSERT_TRUE(sent.body);
    EXPECT_EQ(sent.body->getObject("queueInfo")->getValue<int>("queueCount"), 4);
}

TEST_F(SystemInfoEndpointTest, WorksWithoutStoragesOrBlobStores)
{
    const tests::FakeRequestContext::Answer sent = answer(*create());

    ASSERT_TRUE(sent.body);
    EXPECT_EQ(sent.body->getObject("queueInfo")->getValue<int>("queueCount"), 0);
    EXPECT_EQ(keysOf(*sent.body->getObject("freeDiscSpaceInMb")),
              std::vector<std::string>({"data", "fsTemp"}));
}

TEST_F(SystemInfoEndpointTest, ShowsTheConfiguredNameAndCopyright)
{
    const tests::FakeRequestContext::Answer sent = answer(
        *create("productName = broker\ncopyright = Copyright 2026 Example Corp., All Rights Reserved"));

    ASSERT_TRUE(sent.body);
    const Poco::JSON::Object::Ptr versionInfo = sent.body->getObject("versionInfo");
    EXPECT_EQ(versionInfo->getValue<std::string>("name"), "broker");
    EXPECT_EQ(versionInfo->getValue<std::string>("copyright"),
              "Copyright 2026 Example Corp., All Rights Reserved");
}

TEST_F(SystemInfoEndpointTest, RefusesAnEmptyNameOrCopyright)
{
    for (const std::string key : {"productName", "copyright"})
    {
        try
        {
            create(key + " =  ");
            ADD_FAILURE() << key << ": no error";
        }
        catch (const Poco::InvalidArgumentException& error)
        {
            EXPECT_EQ(error.message(),
                      "test.properties: switchyard.instances.systemInfo." + key + ": must not be empty");
        }
    }
}

TEST_F(SystemInfoEndpointTest, ShowsTheFirstOfTwoAreasWithOneName)
{
    _context.provide<plugin::Storage>(
        "store", std::make_shared<StorageWithAreas>(std::vector<plugin::StorageArea>{{"Samples", _temp}}));
    _context.provide<plugin::BlobStore>(
        "blobs",
        std::make_shared<BlobStoreWithAreas>(std::vector<plugin::StorageArea>{{"Samples", "/nonexistent"}}));
    const tests::LogCapture capture(_context.logger());

    const tests::FakeRequestContext::Answer sent = answer(*create());

    ASSERT_TRUE(sent.body);
    EXPECT_EQ(keysOf(*sent.body->getObject("freeDiscSpaceInMb")),
              std::vector<std::string>({"Samples", "data", "fsTemp"}));
    EXPECT_TRUE(capture.messages().empty()) << "the second Samples is not even examined";
}

TEST_F(SystemInfoEndpointTest, LeavesOutAndLogsAnAreaThatCannotBeExamined)
{
    _context.provide<plugin::BlobStore>("blobs",
                                        std::make_shared<BlobStoreWithAreas>(std::vector<plugin::StorageArea>{
                                            {"Samples", "/nonexistent/samples"}, {"Other", _temp}}));
    const tests::LogCapture capture(_context.logger());

    const tests::FakeRequestContext::Answer sent = answer(*create());

    ASSERT_TRUE(sent.body);
    EXPECT_EQ(keysOf(*sent.body->getObject("freeDiscSpaceInMb")),
              std::vector<std::string>({"Other", "data", "fsTemp"}));
    EXPECT_EQ(capture.messages(),
              std::vector<std::string>(
                  {"cannot determine the free space of storage area Samples at /nonexistent/samples"}));
}

TEST_F(SystemInfoEndpointTest, ReportsTheDataDirectory)
{
    _context.setDataDirectory("/nonexistent/data");
    const tests::LogCapture capture(_context.logger());

    const tests::FakeRequestContext::Answer sent = answer(*create());

    ASSERT_TRUE(sent.body);
    EXPECT_EQ(keysOf(*sent.body->getObject("freeDiscSpaceInMb")), std::vector<std::string>({"fsTemp"}));
    EXPECT_EQ(capture.messages().size(), 1u);
}

plugin::NodeView nodeView(const std::string& id, const std::string& state, std::uint32_t inFlight,
                          const std::string& systemInfo)
{
    plugin::NodeView view;
    view.id = id;
    view.address = "https://10.0.0.1:22001";
    view.state = state;
    view.healthy = state == "healthy";
    view.inFlight = inFlight;
    view.maxInFlight = 8;
    view.weight = 3;
    view.mediaTypes = {"application/pdf"};
    view.lastError = state == "healthy" ? "" : "connection refused";
    view.systemInfo = systemInfo;
    return view;
}

TEST_F(SystemInfoEndpointTest, ShowsEachAppServerToAnAdminWhenAsked)
{
    _context.mutableNodeDirectory().add(nodeView(
        "app1", "healthy", 2,
        R"({"versionInfo":{"name":"transform"},"queueInfo":{"activeCount":1,"queueCount":4},"secretStuff":1})"));
    _context.mutableNodeDirectory().add(nodeView("app2", "ejected", 0, ""));
    const std::unique_ptr<plugin::Endpoint> endpoint = create();

    const tests::FakeRequestContext::Answer plain = answer(*endpoint, {}, plugin::AccessLevel::Admin);
    ASSERT_TRUE(plain.body);
    EXPECT_FALSE(plain.body->has("appServers")) << "only when asked";

    const tests::FakeRequestContext::Answer sent =
        answer(*endpoint, {{"appServers", "true"}}, plugin::AccessLevel::Admin);
    ASSERT_EQ(sent.status, Poco::Net::HTTPResponse::HTTP_OK);
    const Poco::JSON::Array::Ptr servers = sent.body->getArray("appServers");
    ASSERT_TRUE(servers);
    ASSERT_EQ(servers->size(), 2u);
    const Poco::JSON::Object::Ptr first = servers->getObject(0);
    EXPECT_EQ(first->getValue<std::string>("appServerID"), "app1");
    EXPECT_EQ(first->getValue<std::string>("state"), "healthy");
    EXPECT_EQ(first->getValue<int>("inFlight"), 2);
    EXPECT_EQ(first->getValue<int>("maxInFlight"), 8);
    EXPECT_EQ(first->getValue<int>("weight"), 3);
    EXPECT_TRUE(first->isNull("lastError"));
    const Poco::JSON::Object::Ptr info = first->getObject("systemInfo");
    ASSERT_TRUE(info);
    EXPECT_EQ(info->getObject("queueInfo")->getValue<int>("activeCount"), 1);
    EXPECT_FALSE(info->has("secretStuff")) << "only the documented subset";
    const Poco::JSON::Object::Ptr second = servers->getObject(1);
    EXPECT_EQ(second->getValue<std::string>("state"), "ejected");
    EXPECT_EQ(second->getValue<std::string>("lastError"), "connection refused");
    EXPECT_TRUE(second->isNull("systemInfo")) << "no probe answered yet";

    const tests::FakeRequestContext::Answer limited =
        answer(*endpoint, {{"appServers", "true"}, {"appServersLimit", "1"}}, plugin::AccessLevel::Admin);
    EXPECT_EQ(limited.body->getArray("appServers")->size(), 1u);
}

TEST_F(SystemInfoEndpointTest, RefusesAppServersBelowAdminAndBadValues)
{
    _context.mutableNodeDirectory().add(nodeView("app1", "healthy", 0, ""));
    const std::unique_ptr<plugin::Endpoint> endpoint = create();

    const tests::FakeRequestContext::Answer read = answer(*endpoint, {{"appServers", "true"}});
    EXPECT_EQ(read.status, Poco::Net::HTTPResponse::HTTP_FORBIDDEN);
    EXPECT_EQ(read.body->getObject("error")->getValue<std::string>("code"), "INSUFFICIENT_LEVEL");
    EXPECT_EQ(answer(*endpoint, {{"appServers", "maybe"}}, plugin::AccessLevel::Admin).status,
              Poco::Net::HTTPResponse::HTTP_BAD_REQUEST);
    EXPECT_EQ(
        answer(*endpoint, {{"appServers", "true"}, {"appServersLimit", "-1"}}, plugin::AccessLevel::Admin)
            .status,
        Poco::Net::HTTPResponse::HTTP_BAD_REQUEST);
}

} // namespace
} // namespace switchyard::plugins::systeminfo
