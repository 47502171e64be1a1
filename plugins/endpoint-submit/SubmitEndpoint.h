// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include "MediaTypeDetector.h"
#include "SubmitSettings.h"
#include "UrlDownloader.h"
#include "switchyard/plugin/BlobStore.h"
#include "switchyard/plugin/Endpoint.h"
#include "switchyard/plugin/ReputationSource.h"
#include "switchyard/plugin/Storage.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/NameValueCollection.h>

#include <memory>

namespace switchyard::plugins::submit
{

class UploadedFile;

/// POST /submit: files in a multipart/form-data body are streamed into the blob store and
/// digested in the same pass, then queued durably, all in one storage transaction; the
/// answer lists accepted and rejected files. Nothing of a refused request stays behind.
class SubmitEndpoint : public plugin::Endpoint
{
public:
    /// `whitelists`: the reputation sources `skipWhitelistedFiles` consults (may be empty).
    SubmitEndpoint(SubmitSettings settings, std::shared_ptr<plugin::Storage> storage,
                   std::shared_ptr<plugin::BlobStore> blobs,
                   std::vector<std::shared_ptr<plugin::ReputationSource>> whitelists = {});

    // switchyard::plugin::Endpoint
    std::vector<std::string> methods() const override { return {"POST"}; }
    plugin::AccessLevel requiredLevel() const override { return plugin::AccessLevel::Submit; }
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                plugin::RequestContext& context) override;

    /// True when new files cannot be taken: the queue is at its bound or a blob storage area
    /// is below the free-space floor.
    bool isServerFull() const;

private:
    /// The options a submission carries to its node: password, skipWhitelistedFiles,
    /// transformOpt.*.
    static std::map<std::string, std::string>
    forwardedOptions(const Poco::Net::NameValueCollection& parameters);

    /// What one request adds: the submissions to queue, the binaries to record, the answer's
    /// entries.
    struct Batch
    {
        int priority = 0;
        bool skipWhitelisted = false;
        std::map<std::string, std::string> options;
        std::vector<plugin::Submission> submissions;
        std::vector<plugin::FileFacts> files;
        std::vector<Poco::JSON::Object::Ptr> acceptedEntries;
        Poco::JSON::Array::Ptr rejectedFiles = new Poco::JSON::Array;
        Poco::JSON::Array::Ptr warnings = new Poco::JSON::Array;

        /// Adds a stored file to be queued under a fresh submit ID.
        void accept(plugin::FileFacts facts);
    };

    /// Unpacks a stored archive into `batch`: the archive as a source file, each member
    /// accepted or rejected, nested archives as source files followed by their members.
    void addArchive(Batch& batch, plugin::FileFacts source, const std::string& password,
                    plugin::RequestContext& context);

    /// True when a whitelist source lists one of the file's digests.
    bool isWhitelisted(const plugin::FileFacts& facts) const;

    /// Queues `facts` into `batch`, or rejects it with WHITELISTED when the batch skips
    /// whitelisted files and it is one.
    void acceptUnlessWhitelisted(Batch& batch, plugin::FileFacts facts) const;

    static Poco::JSON::Object::Ptr rejected(const std::string& submitName, int priority,
                                            const std::string& reason);

    /// The entry of an archive whose members were unpacked (or could not be): it keeps an ID
    /// and its binary.
    static Poco::JSON::Object::Ptr rejectedSource(const plugin::FileFacts& facts, int priority,
                                                  const std::string& reason);

    SubmitSettings _settings;
    std::shared_ptr<plugin::Storage> _storage;
    std::shared_ptr<plugin::BlobStore> _blobs;
    std::vector<std::shared_ptr<plugin::ReputationSource>> _whitelists;
    support::MediaTypeDetector _mediaTypes;
    UrlDownloader _downloader;
};

} // namespace switchyard::plugins::submit
