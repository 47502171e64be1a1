// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "LocalNodeClient.h"

#include "DigestingBlobWriter.h"
#include "FileDigester.h"
#include "FreeDiskSpace.h"
#include "NodeSystemInfo.h"
#include "ProcessStatus.h"
#include "TaskReport.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/Logger.h>
#include <Poco/UUIDGenerator.h>

#include <algorithm>
#include <array>

namespace switchyard::plugins::nodelocal
{

namespace
{

/// Gives a queue reservation back unless it was used.
class Reservation
{
public:
    explicit Reservation(TaskQueue& queue) : _queue(queue) {}
    ~Reservation()
    {
        if (_held)
            _queue.cancelReservation();
    }
    Reservation(const Reservation&) = delete;
    Reservation& operator=(const Reservation&) = delete;

    /// The reservation is about to be used (TaskQueue::push takes it).
    void release() { _held = false; }

private:
    TaskQueue& _queue;
    bool _held = true;
};

} // namespace

LocalNodeClient::LocalNodeClient(LocalNodeSettings settings, std::shared_ptr<plugin::BlobStore> blobs,
                                 std::vector<std::shared_ptr<plugin::Analyzer>> analyzers,
                                 Poco::Logger& logger)
    : _settings(std::move(settings)), _blobs(std::move(blobs)), _runner(_blobs, std::move(analyzers)),
      _logger(logger), _table(_settings.taskTtlSeconds * 1000), _queue(_settings.maxQueuedTasks)
{
    if (!_settings.callback.url.empty())
        _callbacks = std::make_unique<CallbackSender>(_settings.callback, _settings.maxQueuedTasks, _logger);
}

LocalNodeClient::~LocalNodeClient()
{
    stop();
}

std::int64_t LocalNodeClient::now()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::int64_t LocalNodeClient::millisecondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start)
        .count();
}

plugin::NodeAnswer LocalNodeClient::answer(int status, std::string body)
{
    plugin::NodeAnswer answer;
    answer.answered = true;
    answer.statusCode = status;
    answer.body = std::move(body);
    return answer;
}

plugin::NodeAnswer LocalNodeClient::refusal(int status, const std::string& code, const std::string& message,
                                            std::chrono::steady_clock::time_point started)
{
    plugin::NodeAnswer refused =
        answer(status, TaskReport::errorBody(code, message, millisecondsSince(started)));
    refused.error = message;
    return refused;
}

std::chrono::milliseconds LocalNodeClient::sweepInterval() const
{
    return std::chrono::seconds(std::clamp<std::int64_t>(_settings.taskTtlSeconds, 1, 60));
}

void LocalNodeClient::start()
{
    if (_started.exchange(true))
        return;
    if (_callbacks)
        _callbacks->start();
    for (unsigned i = 0; i < _settings.workers; ++i)
        _workers.emplace_back([this] { work(); });
    _sweeper = std::thread([this] { sweepUntilStopped(); });
    _logger.information("node.local: " + std::to_string(_settings.workers) + " workers, " +
                        std::to_string(_runner.analyzerCount()) + " analyzers, up to " +
                        std::to_string(_settings.maxQueuedTasks) + " tasks waiting");
}

void LocalNodeClient::stop() noexcept
{
    if (_stopping.exchange(true))
        return;
    // Tasks that never ran are forgotten, not failed: their brokers then hear "no such task" and
    // hand the files out again, where a FAILED report would be final for a file never analysed.
    const std::vector<std::shared_ptr<const NodeTask>> left = _queue.close();
    for (const auto& task : left)
        _table.drop(task->id);
    {
        // Taken so that the sweeper is either waiting (and woken) or will see _stopping.
        std::lock_guard<std::mutex> lock(_sweepMutex);
    }
    _sweepWake.notify_all();
    for (std::thread& worker : _workers)
        worker.join();
    _workers.clear();
    if (_sweeper.joinable())
        _sweeper.join();
    if (_callbacks)
        _callbacks->stop();
    if (!left.empty())
        _logger.warning(
            std::to_string(left.size()) +
            " waiting tasks dropped: the node stopped before they ran (their brokers hand them out "
            "again)");
}

plugin::NodeAnswer LocalNodeClient::scan(const plugin::NodeRequest& request)
{
    const auto started = std::chrono::steady_clock::now();
    if (request.content == nullptr)
        throw Poco::InvalidArgumentException("NodeRequest::content must not be null");
    if (_stopping)
    {
        ++_refused;
        return refusal(503, "UNAVAILABLE", "the node is stopping", started);
    }
    if (!_queue.reserve())
    {
        ++_refused;
        return refusal(503, "UNAVAILABLE",
                       "the node is busy: " + std::to_string(_settings.maxQueuedTasks) + " tasks are waiting",
                       started);
    }
    Reservation reservation(_queue);

    auto task = std::make_shared<NodeTask>();
    std::shared_lock<std::shared_mutex> fileGuard(_files, std::defer_lock);
    bool wroteCopy = false;
    try
    {
        fileGuard.lock();
        if (!request.sha256.empty() && _blobs->size(request.sha256) == request.fileSize)
        {
            // The store holds these bytes already (the embedded node shares the broker's store,
            // or the file came before): digest what comes, for the report and to check it is
            // what was announced, and store nothing again.
            const std::string head = digestWithoutStoring(*request.content, task->facts);
            task->facts.mediaType = _mediaTypes.detect(head.data(), head.size());
        }
        else
        {
            fileGuard.unlock();
            support::DigestingBlobWriter writer(_blobs->createWriter());
            writer.writeAll(*request.content);
            fileGuard.lock();
            task->facts = writer.commit();
            wroteCopy = true;
            task->facts.mediaType = _mediaTypes.detect(writer.head().data(), writer.head().size());
        }
    }
    catch (const Poco::ReadFileException& error)
    {
        _logger.error("scan of " + request.submitName + ": " + error.displayText());
        return refusal(500, "INTERNAL_ERROR", "cannot read the file", started);
    }
    catch (const Poco::IOException& error)
    {
        ++_refused;
        _logger.warning("scan of " + request.submitName + ": cannot store the file: " + error.displayText());
        return refusal(503, "UNAVAILABLE", "the node cannot store the file now", started);
    }
    catch (const Poco::Exception& error)
    {
        _logger.error("scan of " + request.submitName + ": " + error.displayText());
        return refusal(500, "INTERNAL_ERROR", "cannot store the file", started);
    }
    if ((!request.sha256.empty() && request.sha256 != task->facts.sha256) ||
        (request.fileSize != 0 && request.fileSize != task->facts.fileSize))
    {
        fileGuard.unlock();
        if (wroteCopy)
            removeUnreferencedFile(task->facts.sha256);
    }
    if (!request.sha256.empty() && request.sha256 != task->facts.sha256)
        return refusal(400, "INVALID_PARAMETER",
                       "the content does not match sha256 " + request.sha256 + " (it is " +
                           task->facts.sha256 + ")",
                       started);
    if (request.fileSize != 0 && request.fileSize != task->facts.fileSize)
        return refusal(400, "INVALID_PARAMETER",
                       "the content has " + std::to_string(task->facts.fileSize) + " bytes, not " +
                           std::to_string(request.fileSize),
                       started);

    task->id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    task->submitId = request.submitId;
    task->facts.submitName = request.submitName;
    task->priority = std::clamp(request.priority, 0, 100);
    task->options = request.options;
    task->sequence = _sequence++;
    _table.add(task);
    fileGuard.unlock();

    reservation.release();
    if (!_queue.push(task))
    {
        ++_refused;
        TaskRunner::Outcome outcome;
        outcome.state = TaskState::Failed;
        outcome.analysed = TaskReport::emptyReport();
        outcome.failure = "the node stopped before the task ran";
        complete(*task, outcome, 0);
        return refusal(503, "UNAVAILABLE", "the node is stopping", started);
    }
    ++_accepted;
    _logger.debug("task " + task->id + ": " + task->facts.submitName + " (" + task->facts.sha256 + ", " +
                  std::to_string(task->facts.fileSize) + " bytes, " + task->facts.mediaType + ") queued");
    return answer(200, TaskReport::scanAnswer(*task, millisecondsSince(started)));
}

plugin::NodeAnswer LocalNodeClient::task(const std::string& taskId, bool all)
{
    const auto started = std::chrono::steady_clock::now();
    std::optional<TaskTable::Found> found = _table.find(taskId, all, now());
    if (!found)
        return refusal(404, "NOT_FOUND",
                       "no such task: unknown, or expired " + std::to_string(_settings.taskTtlSeconds) +
                           " s after it finished",
                       started);
    const std::string report = found->state == TaskState::InProgress
                                   ? TaskReport::toText(*TaskReport::inProgress(*found->task, all))
                                   : std::move(found->report);
    return answer(200, TaskReport::taskAnswer(report, millisecondsSince(started)));
}

plugin::NodeAnswer LocalNodeClient::systemInfo()
{
    const auto started = std::chrono::steady_clock::now();
    NodeSystemInfo::Figures figures;
    figures.name = _settings.productName;
    figures.version = _settings.version;
    figures.copyright = _settings.copyright;
    figures.activeCount = _queue.activeCount();
    figures.queueCount = _queue.waitingCount();
    figures.completedCount = _table.completedCount();
    try
    {
        const support::ProcessStatus::Figures process = support::ProcessStatus().read();
        figures.usedMemoryBytes = process.residentBytes;
        figures.freeMemoryBytes = process.availableBytes;
        figures.totalMemoryBytes = process.totalBytes;
        figures.maxMemoryBytes = process.maximumBytes;
        figures.activeThreads = process.threads;
    }
    catch (const Poco::Exception& error)
    {
        _logger.error("system-info: " + error.displayText());
        return refusal(500, "INTERNAL_ERROR", "cannot read the process figures", started);
    }

    std::vector<plugin::StorageArea> areas = _blobs->storageAreas();
    areas.push_back({"data", _settings.dataDirectory});
    figures.freeDiscSpaceBytes = support::FreeDiskSpace::ofAreas(areas, _logger);

    figures.counters = {{"tasksAccepted", _accepted},
                        {"tasksSucceeded", _succeeded},
                        {"tasksFailed", _failed},
                        {"tasksRefused", _refused},
                        {"tasksExpired", _table.expiredCount()}};
    if (_callbacks)
    {
        figures.counters.emplace_back("callbacksSent", _callbacks->sentCount());
        figures.counters.emplace_back("callbacksFailed", _callbacks->failedCount());
    }

    Poco::JSON::Object::Ptr document = NodeSystemInfo::build(figures);
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("processTime", millisecondsSince(started));
    std::vector<std::string> names;
    document->getNames(names);
    for (const std::string& name : names)
        body.set(name, document->get(name));
    return answer(200, TaskReport::toText(body));
}

void LocalNodeClient::work()
{
    while (std::shared_ptr<const NodeTask> task = _queue.pop())
    {
        const auto started = std::chrono::steady_clock::now();
        try
        {
            const TaskRunner::Outcome outcome = _runner.run(*task, _stopping);
            if (outcome.interrupted)
                // Not analysed to the end because the node stops: forgotten like a waiting task,
                // so that its broker hands the file out again.
                _table.drop(task->id);
            else
                complete(*task, outcome, millisecondsSince(started));
        }
        catch (const std::exception& error)
        {
            recordBroken(*task, error.what());
        }
        catch (...)
        {
            recordBroken(*task, "unknown exception");
        }
        _queue.done();
    }
}

void LocalNodeClient::recordBroken(const NodeTask& task, const std::string& reason)
{
    // Only building the report itself could fail; the task must not stay in progress. This
    // report is written out by hand, so it cannot fail too.
    _logger.error("task " + task.id + ": cannot build its report: " + reason);
    const std::string report = "{\"taskReference\":{\"name\":\"" + std::string(TaskReport::TaskName) +
                               "\",\"ID\":\"" + task.id +
                               "\",\"state\":\"FAILED\"},\"overallState\":\"FAILED\",\"finalVerdict\":"
                               "{\"verdict\":\"UNKNOWN\",\"threatLevel\":0,\"confidence\":0}}";
    _table.finish(task.id, TaskState::Failed, report, report, now());
    ++_failed;
}

void LocalNodeClient::complete(const NodeTask& task, const TaskRunner::Outcome& outcome,
                               std::int64_t processTime)
{
    Poco::JSON::Object::Ptr report =
        TaskReport::finished(task, outcome.state, *outcome.analysed, outcome.opcount, processTime);
    std::string full = TaskReport::toText(*report);
    std::string highLevel = TaskReport::toText(*TaskReport::highLevel(*report));
    const std::string callbackReport = _callbacks ? full : std::string();
    // In the table first: a broker that asks for the task on receiving the callback finds it done.
    if (!_table.finish(task.id, outcome.state, std::move(full), std::move(highLevel), now()))
        _logger.error("task " + task.id + " finished but is not in progress");
    if (_callbacks)
        _callbacks->post(task.id, callbackReport);
    if (outcome.state == TaskState::Success)
    {
        ++_succeeded;
        _logger.debug("task " + task.id + ": SUCCESS in " + std::to_string(processTime) + " ms");
    }
    else
    {
        ++_failed;
        _logger.warning("task " + task.id + " (" + task.facts.sha256 + "): FAILED: " + outcome.failure);
    }
}

void LocalNodeClient::sweepUntilStopped()
{
    std::unique_lock<std::mutex> lock(_sweepMutex);
    while (!_stopping)
    {
        _sweepWake.wait_for(lock, sweepInterval(), [this] { return _stopping.load(); });
        if (_stopping)
            break;
        lock.unlock();
        try
        {
            sweep();
        }
        catch (const std::exception& error)
        {
            _logger.error(std::string("sweeping expired tasks failed: ") + error.what());
        }
        lock.lock();
    }
}

std::string LocalNodeClient::digestWithoutStoring(std::istream& content, plugin::FileFacts& facts)
{
    support::FileDigester digester;
    std::string head;
    std::array<char, 64 * 1024> buffer{};
    while (content.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || content.gcount() > 0)
    {
        const auto size = static_cast<std::size_t>(content.gcount());
        digester.update(buffer.data(), size);
        if (head.size() < support::DigestingBlobWriter::HeadBytes)
            head.append(buffer.data(), std::min(size, support::DigestingBlobWriter::HeadBytes - head.size()));
        facts.fileSize += size;
    }
    if (content.bad())
        throw Poco::ReadFileException("cannot read the content to scan");
    digester.finish(facts);
    return head;
}

void LocalNodeClient::removeUnreferencedFile(const std::string& sha256)
{
    // Only a node that owns its files deletes them; the embedded node shares the broker's.
    if (!_settings.removeExpiredFiles)
        return;
    std::unique_lock<std::shared_mutex> lock(_files);
    if (_table.refersTo(sha256))
        return;
    try
    {
        _blobs->remove(sha256);
    }
    catch (const Poco::Exception& error)
    {
        _logger.warning("cannot delete the refused file " + sha256 + ": " + error.displayText());
    }
}

void LocalNodeClient::sweep()
{
    if (!_settings.removeExpiredFiles)
    {
        _table.expire(now());
        return;
    }
    std::unique_lock<std::shared_mutex> lock(_files);
    for (const std::string& sha256 : _table.expire(now()))
    {
        try
        {
            _blobs->remove(sha256);
        }
        catch (const Poco::Exception& error)
        {
            _logger.warning("cannot delete the expired file " + sha256 + ": " + error.displayText());
        }
    }
}

} // namespace switchyard::plugins::nodelocal
