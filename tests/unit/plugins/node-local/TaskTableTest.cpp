// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "TaskTable.h"

#include <Poco/Exception.h>
#include <gtest/gtest.h>

namespace switchyard::plugins::nodelocal
{
namespace
{

std::shared_ptr<const NodeTask> taskFor(const std::string& id, const std::string& sha256)
{
    auto task = std::make_shared<NodeTask>();
    task->id = id;
    task->facts.sha256 = sha256;
    return task;
}

TEST(TaskTableTest, FindsATaskInProgressWithoutAReport)
{
    TaskTable table(1000);
    table.add(taskFor("t1", "f1"));
    std::optional<TaskTable::Found> found = table.find("t1", true, 0);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->state, TaskState::InProgress);
    EXPECT_EQ(found->task->id, "t1");
    EXPECT_TRUE(found->report.empty());
    EXPECT_EQ(table.inProgressCount(), 1u);
}

TEST(TaskTableTest, KnowsNothingOfAnUnknownTask)
{
    TaskTable table(1000);
    EXPECT_FALSE(table.find("nope", true, 0));
}

TEST(TaskTableTest, RefusesATaskIdTwice)
{
    TaskTable table(1000);
    table.add(taskFor("t1", "f1"));
    EXPECT_THROW(table.add(taskFor("t1", "f2")), Poco::ExistsException);
}

TEST(TaskTableTest, GivesTheFullOrHighLevelReportOfAFinishedTask)
{
    TaskTable table(1000);
    table.add(taskFor("t1", "f1"));
    EXPECT_TRUE(table.finish("t1", TaskState::Success, "{\"full\":1}", "{\"high\":1}", 50));
    EXPECT_EQ(table.find("t1", true, 60)->report, "{\"full\":1}");
    EXPECT_EQ(table.find("t1", false, 60)->report, "{\"high\":1}");
    EXPECT_EQ(table.find("t1", false, 60)->state, TaskState::Success);
    EXPECT_EQ(table.inProgressCount(), 0u);
    EXPECT_EQ(table.finishedCount(), 1u);
    EXPECT_EQ(table.completedCount(), 1u);
}

TEST(TaskTableTest, FinishesATaskOnce)
{
    TaskTable table(1000);
    table.add(taskFor("t1", "f1"));
    EXPECT_TRUE(table.finish("t1", TaskState::Failed, "{}", "{}", 0));
    EXPECT_FALSE(table.finish("t1", TaskState::Success, "{}", "{}", 0));
    EXPECT_FALSE(table.finish("unknown", TaskState::Success, "{}", "{}", 0));
    EXPECT_EQ(table.find("t1", true, 0)->state, TaskState::Failed);
}

TEST(TaskTableTest, AFinishedTaskExpiresAfterItsTimeToLive)
{
    TaskTable table(1000);
    table.add(taskFor("t1", "f1"));
    table.finish("t1", TaskState::Success, "{}", "{}", 5000);
    EXPECT_TRUE(table.find("t1", true, 5999));
    EXPECT_FALSE(table.find("t1", true, 6000)) << "expired, even before a sweep";
    EXPECT_TRUE(table.expire(5999).empty());
    EXPECT_EQ(table.finishedCount(), 1u);
    EXPECT_EQ(table.expire(6000), (std::vector<std::string>{"f1"}));
    EXPECT_EQ(table.finishedCount(), 0u);
    EXPECT_EQ(table.expiredCount(), 1u);
    EXPECT_FALSE(table.refersTo("f1"));
}

TEST(TaskTableTest, ATaskInProgressNeverExpires)
{
    TaskTable table(0);
    table.add(taskFor("t1", "f1"));
    EXPECT_TRUE(table.expire(1'000'000'000).empty());
    EXPECT_TRUE(table.find("t1", true, 1'000'000'000));
}

TEST(TaskTableTest, AFileIsUnreferencedWhenItsLastTaskExpires)
{
    TaskTable table(100);
    table.add(taskFor("t1", "shared"));
    table.add(taskFor("t2", "shared"));
    table.add(taskFor("t3", "alone"));
    table.finish("t1", TaskState::Success, "{}", "{}", 0);
    table.finish("t3", TaskState::Success, "{}", "{}", 0);
    EXPECT_EQ(table.expire(100), (std::vector<std::string>{"alone"}));
    EXPECT_TRUE(table.refersTo("shared"));
    table.finish("t2", TaskState::Success, "{}", "{}", 200);
    EXPECT_EQ(table.expire(300), (std::vector<std::string>{"shared"}));
    EXPECT_FALSE(table.refersTo("shared"));
}

TEST(TaskTableTest, DropsATaskThatWillNeverRunAndItsFileReference)
{
    TaskTable table(1000);
    table.add(taskFor("waiting", "f1"));
    table.add(taskFor("other", "f1"));
    table.add(taskFor("done", "f2"));
    ASSERT_TRUE(table.finish("done", TaskState::Success, "{}", "{}", 0));

    EXPECT_TRUE(table.drop("waiting"));
    EXPECT_FALSE(table.find("waiting", true, 0)) << "its broker hears the task is unknown";
    EXPECT_EQ(table.inProgressCount(), 1u);
    EXPECT_TRUE(table.refersTo("f1")) << "another task still has the file";
    EXPECT_TRUE(table.drop("other"));
    EXPECT_FALSE(table.refersTo("f1"));
    EXPECT_FALSE(table.drop("done")) << "a finished task keeps its report";
    EXPECT_TRUE(table.find("done", true, 0));
    EXPECT_FALSE(table.drop("unknown"));
    EXPECT_EQ(table.completedCount(), 1u);
}

} // namespace
} // namespace switchyard::plugins::nodelocal
