// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SubmitEndpoint.h"

#include "MediaTypeJson.h"
#include "MultipartFormReader.h"
#include "RequestParameters.h"
#include "UploadPartHandler.h"
#include "switchyard/plugin/RequestContext.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/MediaType.h>
#include <Poco/String.h>
#include <Poco/UUIDGenerator.h>

#include <sys/statvfs.h>

namespace switchyard::plugins::submit
{

using Poco::Net::HTTPResponse;

namespace
{

std::uint64_t freeBytes(const std::string& path)
{
    struct statvfs info
    {
    };
    if (::statvfs(path.c_str(), &info) != 0)
        return 0;
    return static_cast<std::uint64_t>(info.f_bavail) * info.f_frsize;
}

} // namespace

SubmitEndpoint::SubmitEndpoint(SubmitSettings settings, std::shared_ptr<plugin::Storage> storage,
                               std::shared_ptr<plugin::BlobStore> blobs)
    : _settings(settings), _storage(std::move(storage)), _blobs(std::move(blobs))
{
}

bool SubmitEndpoint::isServerFull() const
{
    if (_settings.maxQueued > 0 && _storage->queueCount() >= _settings.maxQueued)
        return true;
    for (const auto& area : _blobs->storageAreas())
        if (freeBytes(area.path) < _settings.minFreeDiskBytes)
            return true;
    return false;
}

std::map<std::string, std::string>
SubmitEndpoint::forwardedOptions(const Poco::Net::NameValueCollection& parameters)
{
    std::map<std::string, std::string> options;
    for (const auto& [name, value] : parameters)
        if (name == "password" || name == "skipWhitelistedFiles" || name.rfind("transformOpt.", 0) == 0)
            options.emplace(name, value);
    return options;
}

Poco::JSON::Object::Ptr SubmitEndpoint::rejected(const UploadedFile& file, int priority,
                                                 const std::string& reason)
{
    Poco::JSON::Object::Ptr entry = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    entry->set("submitName", file.submitName());
    entry->set("priority", priority);
    entry->set("positionInQueue", -1);
    entry->set("rejectedReason", reason);
    entry->set("isSourceFile", false);
    return entry;
}

void SubmitEndpoint::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                            plugin::RequestContext& context)
{
    UploadPartHandler parts(isServerFull() ? nullptr : _blobs.get(), _settings);
    Poco::Net::HTMLForm form;
    if (!support::MultipartFormReader::read(request, response, context, parts, form))
        return;
    const Poco::Net::NameValueCollection parameters = support::MultipartFormReader::parameters(context, form);
    support::RequestParameters reader(parameters);
    std::optional<std::int64_t> priority = reader.integer("priority", 0, 0, 100);
    std::optional<bool> skipWhitelisted = reader.boolean("skipWhitelistedFiles", false);
    if (!priority || !skipWhitelisted)
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "INVALID_PARAMETER", reader.error());
        return;
    }
    if (reader.text("url"))
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "INVALID_PARAMETER",
                          "url submission is not available on this broker; send the file itself");
        return;
    }
    if (parts.hasTooManyFiles())
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "INVALID_PARAMETER",
                          "at most " + std::to_string(_settings.maxFilesPerRequest) + " files per request");
        return;
    }
    if (parts.files().empty())
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "MISSING_PARAMETER",
                          "a file part (a form-data part with a filename) is required");
        return;
    }

    const int queuePriority = static_cast<int>(*priority);
    const std::map<std::string, std::string> options = forwardedOptions(parameters);
    std::vector<plugin::Submission> submissions;
    std::vector<plugin::FileFacts> files;
    Poco::JSON::Array::Ptr rejectedFiles = new Poco::JSON::Array;
    std::vector<Poco::JSON::Object::Ptr> acceptedEntries;
    for (const auto& file : parts.files())
    {
        if (file->size() == 0)
            rejectedFiles->add(rejected(*file, queuePriority, "EMPTY_FILE"));
        else if (file->isTooLarge())
            rejectedFiles->add(rejected(*file, queuePriority, "TOO_LARGE_FILE"));
        else if (!file->writeError().empty())
        {
            context.logger().error("request " + context.requestId() + ": cannot store " + file->submitName() +
                                   ": " + file->writeError());
            rejectedFiles->add(rejected(*file, queuePriority, "INTERNAL_ERROR"));
        }
        else if (!file->isStored())
            rejectedFiles->add(rejected(*file, queuePriority, "SERVER_FULL"));
        else
        {
            plugin::FileFacts facts = file->commit();
            facts.mediaType = _mediaTypes.detect(file->head().data(), file->head().size());
            plugin::Submission submission;
            submission.id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
            submission.submitName = file->submitName();
            submission.sha256 = facts.sha256;
            submission.fileSize = facts.fileSize;
            submission.mediaType = facts.mediaType;
            submission.priority = queuePriority;
            submission.options = options;
            Poco::JSON::Object::Ptr entry = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            entry->set("ID", submission.id);
            entry->set("submitName", submission.submitName);
            entry->set("sha256", submission.sha256);
            entry->set("mediaType", support::MediaTypeJson::toJson(submission.mediaType));
            entry->set("priority", queuePriority);
            acceptedEntries.push_back(entry);
            submissions.push_back(std::move(submission));
            files.push_back(std::move(facts));
        }
    }

    if (!submissions.empty())
    {
        try
        {
            _storage->addSubmissions(submissions, files);
        }
        catch (const Poco::IOException& error)
        {
            context.logger().error("request " + context.requestId() +
                                   ": storage refused: " + error.displayText());
            response.set("Retry-After", "5");
            context.sendError(response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "UNAVAILABLE",
                              "storage is unavailable; nothing was queued");
            return;
        }
    }
    Poco::JSON::Array::Ptr acceptedFiles = new Poco::JSON::Array;
    for (std::size_t i = 0; i < acceptedEntries.size(); ++i)
    {
        acceptedEntries[i]->set("positionInQueue", _storage->positionInQueue(submissions[i].id));
        acceptedFiles->add(acceptedEntries[i]);
    }
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("acceptedFiles", acceptedFiles);
    body.set("rejectedFiles", rejectedFiles);
    body.set("submitWarnings", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
    context.sendJson(response, HTTPResponse::HTTP_OK, body);
}

} // namespace switchyard::plugins::submit
