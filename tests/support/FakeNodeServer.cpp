// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "FakeNodeServer.h"

#include <Poco/Crypto/DigestEngine.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Thread.h>
#include <Poco/Timestamp.h>
#include <Poco/URI.h>
#include <Poco/UUIDGenerator.h>

#include <chrono>
#include <limits>
#include <sstream>

namespace switchyard::testsupport
{

namespace
{

std::int64_t nowMilliseconds()
{
    return Poco::Timestamp().epochMicroseconds() / 1000;
}

class FilePart : public Poco::Net::PartHandler
{
public:
    void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override
    {
        std::string disposition;
        Poco::Net::NameValueCollection parameters;
        Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition,
                                                  parameters);
        name = parameters.get("filename", "file");
        Poco::Crypto::DigestEngine sha256("SHA256");
        char buffer[65536];
        while (stream.read(buffer, sizeof buffer) || stream.gcount() > 0)
            sha256.update(buffer, static_cast<std::size_t>(stream.gcount()));
        digest = Poco::Crypto::DigestEngine::digestToHex(sha256.digest());
    }
    std::string name;
    std::string digest;
};

void sendJson(Poco::Net::HTTPServerResponse& response, int status, Poco::JSON::Object& body)
{
    std::ostringstream text;
    body.stringify(text);
    response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    response.setContentType("application/json");
    response.sendBuffer(text.str().data(), text.str().size());
}

} // namespace

class FakeNodeServer::Handler : public Poco::Net::HTTPRequestHandler
{
public:
    explicit Handler(FakeNodeServer& node) : _node(node) { _node.handlerStarted(); }
    ~Handler() override { _node.handlerFinished(); }
    Handler(const Handler&) = delete;
    Handler& operator=(const Handler&) = delete;

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override
    {
        if (_node._behaviour == Behaviour::Dead)
        {
            static_cast<Poco::Net::HTTPServerRequestImpl&>(request).socket().shutdown();
            throw Poco::Net::ConnectionResetException("the fake node is dead");
        }
        Poco::URI uri(request.getURI());
        if (uri.getPath() == "/scan")
            scan(request, response);
        else if (uri.getPath() == "/task")
            task(uri, response);
        else if (uri.getPath() == "/system-info")
        {
            Poco::JSON::Object body;
            Poco::JSON::Object::Ptr queue = new Poco::JSON::Object;
            queue->set("activeCount", 0);
            body.set("queueInfo", queue);
            sendJson(response, 200, body);
        }
        else
        {
            Poco::JSON::Object body;
            sendJson(response, 404, body);
        }
    }

private:
    void scan(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
    {
        ++_node._scanRequests;
        FilePart file;
        Poco::Net::HTMLForm form(request, request.stream(), file);
        // Read what the multipart reader left (epilogue, last chunk) so keep-alive goes on.
        request.stream().ignore(std::numeric_limits<std::streamsize>::max());
        if (_node._scanDelay > 0 && !_node.pause(_node._scanDelay))
            return;
        Behaviour behaviour = _node._behaviour;
        if (behaviour == Behaviour::Hang)
        {
            // Longer than any read timeout a test configures.
            _node.pause(8000);
            return;
        }
        if (behaviour == Behaviour::Fail500)
        {
            Poco::JSON::Object body;
            body.set("error", "the fake node fails on purpose");
            sendJson(response, 500, body);
            return;
        }
        if (behaviour == Behaviour::Busy503)
        {
            Poco::JSON::Object body;
            body.set("error", "the fake node is busy on purpose");
            sendJson(response, 503, body);
            return;
        }
        std::string taskId = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
        {
            std::lock_guard<std::mutex> lock(_node._mutex);
            _node._tasks[taskId] = Task{file.name, file.digest, nowMilliseconds() + _node._taskDuration};
            _node._accepted.push_back(file.name);
        }
        Poco::JSON::Object::Ptr reference = new Poco::JSON::Object;
        reference->set("name", "transform-file");
        reference->set("ID", taskId);
        reference->set("state", "IN_PROGRESS");
        Poco::JSON::Object::Ptr scanTask = new Poco::JSON::Object;
        scanTask->set("taskReference", reference);
        Poco::JSON::Array::Ptr tasks = new Poco::JSON::Array;
        tasks->add(scanTask);
        Poco::JSON::Object body;
        body.set("scanTasks", tasks);
        sendJson(response, 200, body);
    }

    void task(const Poco::URI& uri, Poco::Net::HTTPServerResponse& response)
    {
        std::string taskId;
        for (const auto& [name, value] : uri.getQueryParameters())
            if (name == "taskID")
                taskId = value;
        Task task;
        {
            std::lock_guard<std::mutex> lock(_node._mutex);
            auto found = _node._tasks.find(taskId);
            if (found == _node._tasks.end())
            {
                Poco::JSON::Object body;
                sendJson(response, 404, body);
                return;
            }
            task = found->second;
        }
        bool done = nowMilliseconds() >= task.finishesAt;
        Poco::JSON::Object::Ptr reference = new Poco::JSON::Object;
        reference->set("ID", taskId);
        reference->set("state", done ? "SUCCESS" : "IN_PROGRESS");
        Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
        result->set("taskReference", reference);
        result->set("submitName", task.submitName);
        result->set("sha256", task.sha256);
        result->set("allTags", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
        if (done)
        {
            Poco::JSON::Object::Ptr verdict = new Poco::JSON::Object;
            verdict->set("verdict", "NO_THREAT");
            verdict->set("threatLevel", 0.1);
            verdict->set("confidence", 1.0);
            result->set("finalVerdict", verdict);
        }
        Poco::JSON::Object body;
        body.set("result", result);
        sendJson(response, 200, body);
    }

    FakeNodeServer& _node;
};

class FakeNodeServer::Factory : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    explicit Factory(FakeNodeServer& node) : _node(node) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
    {
        return new Handler(_node);
    }

private:
    FakeNodeServer& _node;
};

FakeNodeServer::FakeNodeServer()
{
    start();
}

FakeNodeServer::~FakeNodeServer()
{
    stop();
}

void FakeNodeServer::start()
{
    if (_server)
        return;
    Poco::Net::ServerSocket socket;
    // A restarted node wants its old port; its old connections may hold it for a moment.
    for (int attempt = 0;; ++attempt)
    {
        try
        {
            socket.bind(Poco::Net::SocketAddress("127.0.0.1", _port), true, false);
            break;
        }
        catch (const Poco::Net::NetException&)
        {
            if (attempt >= 100)
                throw;
            socket = Poco::Net::ServerSocket();
            Poco::Thread::sleep(100);
        }
    }
    socket.listen(64);
    _port = socket.address().port();
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(16);
    params->setKeepAlive(true);
    _server = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), socket, params);
    _server->start();
}

void FakeNodeServer::stop()
{
    if (!_server)
        return;
    {
        std::lock_guard<std::mutex> lock(_lifeMutex);
        _stopping = true;
    }
    _lifeChanged.notify_all();
    _server->stopAll(true);
    {
        std::unique_lock<std::mutex> lock(_lifeMutex);
        _lifeChanged.wait(lock, [this] { return _activeHandlers == 0; });
        _stopping = false;
    }
    _server.reset();
    std::lock_guard<std::mutex> lock(_mutex);
    _tasks.clear();
}

void FakeNodeServer::handlerStarted()
{
    std::lock_guard<std::mutex> lock(_lifeMutex);
    ++_activeHandlers;
}

void FakeNodeServer::handlerFinished()
{
    {
        std::lock_guard<std::mutex> lock(_lifeMutex);
        --_activeHandlers;
    }
    _lifeChanged.notify_all();
}

bool FakeNodeServer::pause(int milliseconds)
{
    std::unique_lock<std::mutex> lock(_lifeMutex);
    return !_lifeChanged.wait_for(lock, std::chrono::milliseconds(milliseconds),
                                  [this] { return _stopping; });
}

void FakeNodeServer::kill()
{
    _behaviour = Behaviour::Dead;
    std::lock_guard<std::mutex> lock(_mutex);
    _tasks.clear();
}

std::vector<std::string> FakeNodeServer::acceptedNames() const
{
    std::lock_guard<std::mutex> lock(_mutex);
    return _accepted;
}

std::size_t FakeNodeServer::acceptedCount() const
{
    std::lock_guard<std::mutex> lock(_mutex);
    return _accepted.size();
}

} // namespace switchyard::testsupport
