// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace switchyard::plugins::support
{

/// Writes JSON text straight into a string, for answers on a hot path (a /submit-result poll)
/// where building a Poco::JSON::Object and stringifying it costs more than the rest of the
/// request. The caller keeps the structure right (keys inside objects, balanced begin/end); the
/// writer places the commas and escapes strings. Text that is not valid UTF-8 is written with
/// U+FFFD in place of each bad byte, so the output is always valid JSON.
class JsonWriter
{
public:
    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();

    /// The name of the next member of the current object.
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(bool flag);
    JsonWriter& null();
    /// Inserts `json`, which must be one complete, valid JSON value.
    JsonWriter& rawValue(std::string_view json);

    /// The text written so far.
    const std::string& text() const { return _text; }
    std::string release() { return std::move(_text); }

private:
    void separate();
    void appendEscaped(std::string_view text);

    std::string _text;
    bool _needsComma = false;
};

} // namespace switchyard::plugins::support
