// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <string_view>

namespace switchyard::plugin
{

class Authenticator;
class Storage;
class BlobStore;
class DispatchStrategy;
class NodeClient;
class Endpoint;
class Analyzer;
class ReputationSource;

/// The kinds of instance a plugin can provide. The first part of every type name is the
/// kind's name ("storage" in "storage.sqlite").
enum class PluginKind
{
    Auth,
    Storage,
    Blobs,
    Dispatch,
    Node,
    Endpoint,
    Analyzer,
    Reputation,
};

/// The kind's name as used in type names: "auth", "storage", "blobs", "dispatch", "node",
/// "endpoint", "analyzer", "reputation".
inline std::string_view kindName(PluginKind kind)
{
    switch (kind)
    {
    case PluginKind::Auth:
        return "auth";
    case PluginKind::Storage:
        return "storage";
    case PluginKind::Blobs:
        return "blobs";
    case PluginKind::Dispatch:
        return "dispatch";
    case PluginKind::Node:
        return "node";
    case PluginKind::Endpoint:
        return "endpoint";
    case PluginKind::Analyzer:
        return "analyzer";
    case PluginKind::Reputation:
        break;
    }
    return "reputation";
}

/// Maps an interface to its kind at compile time: `KindOf<Storage>::value`.
template <class Interface> struct KindOf;
template <> struct KindOf<Authenticator>
{
    static constexpr PluginKind value = PluginKind::Auth;
};
template <> struct KindOf<Storage>
{
    static constexpr PluginKind value = PluginKind::Storage;
};
template <> struct KindOf<BlobStore>
{
    static constexpr PluginKind value = PluginKind::Blobs;
};
template <> struct KindOf<DispatchStrategy>
{
    static constexpr PluginKind value = PluginKind::Dispatch;
};
template <> struct KindOf<NodeClient>
{
    static constexpr PluginKind value = PluginKind::Node;
};
template <> struct KindOf<Endpoint>
{
    static constexpr PluginKind value = PluginKind::Endpoint;
};
template <> struct KindOf<Analyzer>
{
    static constexpr PluginKind value = PluginKind::Analyzer;
};
template <> struct KindOf<ReputationSource>
{
    static constexpr PluginKind value = PluginKind::Reputation;
};

} // namespace switchyard::plugin
