// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "TaskQueue.h"

#include <Poco/Exception.h>
#include <gtest/gtest.h>

#include <future>

namespace switchyard::plugins::nodelocal
{
namespace
{

std::shared_ptr<const NodeTask> taskFor(const std::string& id, int priority, std::uint64_t sequence)
{
    auto task = std::make_shared<NodeTask>();
    task->id = id;
    task->priority = priority;
    task->sequence = sequence;
    return task;
}

void add(TaskQueue& queue, std::shared_ptr<const NodeTask> task)
{
    ASSERT_TRUE(queue.reserve());
    ASSERT_TRUE(queue.push(std::move(task)));
}

TEST(TaskQueueTest, HighestPriorityFirstThenArrivalOrder)
{
    TaskQueue queue(10);
    add(queue, taskFor("low-1", 0, 0));
    add(queue, taskFor("high-1", 100, 1));
    add(queue, taskFor("mid", 50, 2));
    add(queue, taskFor("low-2", 0, 3));
    add(queue, taskFor("high-2", 100, 4));
    std::vector<std::string> order;
    for (int i = 0; i < 5; ++i)
    {
        order.push_back(queue.pop()->id);
        queue.done();
    }
    EXPECT_EQ(order, (std::vector<std::string>{"high-1", "high-2", "mid", "low-1", "low-2"}));
}

TEST(TaskQueueTest, RefusesReservationsBeyondItsCapacity)
{
    TaskQueue queue(2);
    add(queue, taskFor("a", 0, 0));
    EXPECT_TRUE(queue.reserve());
    EXPECT_FALSE(queue.reserve()) << "one waiting and one reserved fill it";
    queue.cancelReservation();
    EXPECT_TRUE(queue.reserve());
    EXPECT_TRUE(queue.push(taskFor("b", 0, 1)));
    EXPECT_EQ(queue.waitingCount(), 2u);
    EXPECT_FALSE(queue.reserve());
}

TEST(TaskQueueTest, CountsWhatWorkersHoldAsActiveNotWaiting)
{
    TaskQueue queue(1);
    add(queue, taskFor("a", 0, 0));
    ASSERT_TRUE(queue.pop());
    EXPECT_EQ(queue.waitingCount(), 0u);
    EXPECT_EQ(queue.activeCount(), 1u);
    EXPECT_TRUE(queue.reserve()) << "a running task leaves its place free";
    queue.cancelReservation();
    queue.done();
    EXPECT_EQ(queue.activeCount(), 0u);
}

TEST(TaskQueueTest, PushNeedsAReservation)
{
    TaskQueue queue(1);
    EXPECT_THROW(queue.push(taskFor("a", 0, 0)), Poco::IllegalStateException);
}

TEST(TaskQueueTest, CloseWakesWorkersAndHandsBackWhatWaits)
{
    TaskQueue queue(5);
    std::future<std::shared_ptr<const NodeTask>> worker =
        std::async(std::launch::async, [&] { return queue.pop(); });
    ASSERT_EQ(worker.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout)
        << "waits for work";
    std::vector<std::shared_ptr<const NodeTask>> left = queue.close();
    ASSERT_EQ(worker.wait_for(std::chrono::seconds(10)), std::future_status::ready);
    EXPECT_EQ(worker.get(), nullptr);
    EXPECT_TRUE(left.empty());
    EXPECT_TRUE(queue.isClosed());
    EXPECT_FALSE(queue.reserve());
}

TEST(TaskQueueTest, CloseReturnsTheWaitingTasksAndRefusesAPushReservedBefore)
{
    TaskQueue queue(5);
    add(queue, taskFor("a", 0, 0));
    add(queue, taskFor("b", 10, 1));
    ASSERT_TRUE(queue.reserve());
    std::vector<std::shared_ptr<const NodeTask>> left = queue.close();
    ASSERT_EQ(left.size(), 2u);
    EXPECT_EQ(left[0]->id, "b");
    EXPECT_FALSE(queue.push(taskFor("c", 0, 2)));
    EXPECT_EQ(queue.pop(), nullptr);
}

} // namespace
} // namespace switchyard::plugins::nodelocal
