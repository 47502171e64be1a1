// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "SubmitEndpoint.h"

#include "ArchiveUnpacker.h"
#include "MediaTypeJson.h"
#include "MemberCategories.h"
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
                               std::shared_ptr<plugin::BlobStore> blobs,
                               std::vector<std::shared_ptr<plugin::ReputationSource>> whitelists)
    : _settings(settings), _storage(std::move(storage)), _blobs(std::move(blobs)),
      _whitelists(std::move(whitelists)), _downloader(_settings.url)
{
}

bool SubmitEndpoint::isWhitelisted(const plugin::FileFacts& facts) const
{
    std::vector<std::string> digests;
    for (const std::string* digest : {&facts.md5, &facts.sha1, &facts.sha256, &facts.sha512})
        if (!digest->empty())
            digests.push_back(*digest);
    for (const auto& source : _whitelists)
        if (!source->lookup(digests).whitelistedHashes.empty())
            return true;
    return false;
}

void SubmitEndpoint::acceptUnlessWhitelisted(Batch& batch, plugin::FileFacts facts) const
{
    if (batch.skipWhitelisted && isWhitelisted(facts))
    {
        batch.rejectedFiles->add(rejected(facts.submitName, batch.priority, "WHITELISTED"));
        // The binary stays known (and served by /file), it is only not queued.
        batch.files.push_back(std::move(facts));
        return;
    }
    batch.accept(std::move(facts));
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

Poco::JSON::Object::Ptr SubmitEndpoint::rejected(const std::string& submitName, int priority,
                                                 const std::string& reason)
{
    Poco::JSON::Object::Ptr entry = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    entry->set("submitName", submitName);
    entry->set("priority", priority);
    entry->set("positionInQueue", -1);
    entry->set("rejectedReason", reason);
    entry->set("isSourceFile", false);
    return entry;
}

Poco::JSON::Object::Ptr SubmitEndpoint::rejectedSource(const plugin::FileFacts& facts, int priority,
                                                       const std::string& reason)
{
    Poco::JSON::Object::Ptr entry = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    entry->set("ID", Poco::UUIDGenerator::defaultGenerator().createRandom().toString());
    entry->set("submitName", facts.submitName);
    entry->set("sha256", facts.sha256);
    entry->set("mediaType", support::MediaTypeJson::toJson(facts.mediaType));
    entry->set("priority", priority);
    entry->set("positionInQueue", -1);
    entry->set("rejectedReason", reason);
    entry->set("isSourceFile", true);
    return entry;
}

void SubmitEndpoint::Batch::accept(plugin::FileFacts facts)
{
    plugin::Submission submission;
    submission.id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    submission.submitName = facts.submitName;
    submission.sha256 = facts.sha256;
    submission.fileSize = facts.fileSize;
    submission.mediaType = facts.mediaType;
    submission.priority = priority;
    submission.options = options;
    Poco::JSON::Object::Ptr entry = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    entry->set("ID", submission.id);
    entry->set("submitName", submission.submitName);
    entry->set("sha256", submission.sha256);
    entry->set("mediaType", support::MediaTypeJson::toJson(submission.mediaType));
    entry->set("priority", priority);
    acceptedEntries.push_back(entry);
    submissions.push_back(std::move(submission));
    files.push_back(std::move(facts));
}

void SubmitEndpoint::addArchive(Batch& batch, plugin::FileFacts source, const std::string& password,
                                plugin::RequestContext& context)
{
    std::unique_ptr<std::istream> content = _blobs->open(source.sha256);
    if (!content)
        throw Poco::IllegalStateException("the blob store lost " + source.sha256 + " right after storing it");
    archive::ArchiveUnpacker unpacker(_settings.archive, *_blobs, _mediaTypes);
    archive::ArchiveOutcome outcome =
        unpacker.unpack(*content, source.fileSize, source.sha256, source.submitName, password);
    content.reset();
    const std::string sourceSha256 = source.sha256;
    batch.rejectedFiles->add(rejectedSource(source, batch.priority, outcome.sourceReason));
    batch.files.push_back(std::move(source));
    for (archive::ArchiveMember& member : outcome.members)
    {
        if (member.isSourceFile)
        {
            batch.rejectedFiles->add(rejectedSource(member.facts, batch.priority, member.rejectedReason));
            batch.files.push_back(std::move(member.facts));
        }
        else if (member.rejectedReason.empty())
            acceptUnlessWhitelisted(batch, std::move(member.facts));
        else
            batch.rejectedFiles->add(rejected(member.submitName, batch.priority, member.rejectedReason));
    }
    for (const std::string& warning : outcome.warnings)
        batch.warnings->add(warning);
    context.logger().information("request " + context.requestId() + ": archive " + sourceSha256 + ": " +
                                 outcome.sourceReason + ", " + std::to_string(outcome.members.size()) +
                                 " members, " + std::to_string(outcome.unpackedBytes) + " bytes unpacked");
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
    std::optional<bool> skipWhitelisted =
        reader.boolean("skipWhitelistedFiles", _settings.skipWhitelistedFiles);
    if (!priority || !skipWhitelisted)
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "INVALID_PARAMETER", reader.error());
        return;
    }
    if (parts.hasTooManyFiles())
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "INVALID_PARAMETER",
                          "at most " + std::to_string(_settings.maxFilesPerRequest) + " files per request");
        return;
    }
    if (const std::optional<std::string> url = reader.text("url"))
    {
        // Downloaded like an upload arrives; a refused or failed download refuses the request.
        UrlDownloader::Failure failure;
        std::unique_ptr<UploadedFile> file = _downloader.download(
            *url, isServerFull() ? nullptr : _blobs.get(), _settings.maxFileBytes, failure);
        if (!file)
        {
            context.logger().information("request " + context.requestId() + ": " + failure.message);
            context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, failure.code, failure.message);
            return;
        }
        parts.files().push_back(std::move(file));
    }
    if (parts.files().empty())
    {
        context.sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "MISSING_PARAMETER",
                          "a file part (a form-data part with a filename) or url is required");
        return;
    }

    const int queuePriority = static_cast<int>(*priority);
    Batch batch;
    batch.priority = queuePriority;
    batch.skipWhitelisted = *skipWhitelisted;
    batch.options = forwardedOptions(parameters);
    const std::string password = reader.text("password").value_or("");
    for (const auto& file : parts.files())
    {
        if (file->size() == 0)
            batch.rejectedFiles->add(rejected(file->submitName(), queuePriority, "EMPTY_FILE"));
        else if (file->isTooLarge())
            batch.rejectedFiles->add(rejected(file->submitName(), queuePriority, "TOO_LARGE_FILE"));
        else if (!file->writeError().empty())
        {
            context.logger().error("request " + context.requestId() + ": cannot store " + file->submitName() +
                                   ": " + file->writeError());
            batch.rejectedFiles->add(rejected(file->submitName(), queuePriority, "INTERNAL_ERROR"));
        }
        else if (!file->isStored())
            batch.rejectedFiles->add(rejected(file->submitName(), queuePriority, "SERVER_FULL"));
        else
        {
            plugin::FileFacts facts = file->commit();
            facts.submitName = file->submitName();
            facts.mediaType = _mediaTypes.detect(file->head().data(), file->head().size());
            if (batch.skipWhitelisted && isWhitelisted(facts))
                acceptUnlessWhitelisted(batch, std::move(facts));
            else if (_settings.archive.maxDepth > 0 && archive::MemberCategories::isArchive(facts.mediaType))
                addArchive(batch, std::move(facts), password, context);
            else
                batch.accept(std::move(facts));
        }
    }
    std::vector<plugin::Submission>& submissions = batch.submissions;
    std::vector<plugin::FileFacts>& files = batch.files;
    std::vector<Poco::JSON::Object::Ptr>& acceptedEntries = batch.acceptedEntries;
    Poco::JSON::Array::Ptr rejectedFiles = batch.rejectedFiles;

    if (!files.empty())
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
    body.set("submitWarnings", batch.warnings);
    context.sendJson(response, HTTPResponse::HTTP_OK, body);
}

} // namespace switchyard::plugins::submit
