// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

namespace switchyard::plugins::sqlite
{

/// Keeps Poco's SQLite connector ("sqlite") registered while it lives: the constructor calls
/// Poco::Data::SQLite::Connector::registerConnector(), the destructor unregisterConnector().
/// Poco's SessionFactory counts registrations, so the connector is removed when the last holder
/// (the last open instance) is gone, and never under another one's feet.
class ConnectorRegistration
{
public:
    ConnectorRegistration();
    ~ConnectorRegistration();
    ConnectorRegistration(const ConnectorRegistration&) = delete;
    ConnectorRegistration& operator=(const ConnectorRegistration&) = delete;
};

} // namespace switchyard::plugins::sqlite
