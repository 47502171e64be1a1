// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "JsonWriter.h"

#include <charconv>

namespace switchyard::plugins::support
{

namespace
{

constexpr char Hex[] = "0123456789abcdef";
constexpr std::string_view Replacement = "\xEF\xBF\xBD"; // U+FFFD

// The length of the valid UTF-8 sequence starting at text[at], or 0 (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF).
std::size_t validSequenceLength(std::string_view text, std::size_t at)
{
    const auto byte = [&](std::size_t offset) { return static_cast<unsigned char>(text[at + offset]); };
    const auto continuation = [&](std::size_t offset)
    { return at + offset < text.size() && (byte(offset) & 0xC0) == 0x80; };
    const unsigned char lead = byte(0);
    if (lead >= 0xC2 && lead <= 0xDF)
        return continuation(1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF)
    {
        if (!continuation(1) || !continuation(2))
            return 0;
        if ((lead == 0xE0 && byte(1) < 0xA0) || (lead == 0xED && byte(1) > 0x9F))
            return 0;
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4)
    {
        if (!continuation(1) || !continuation(2) || !continuation(3))
            return 0;
        if ((lead == 0xF0 && byte(1) < 0x90) || (lead == 0xF4 && byte(1) > 0x8F))
            return 0;
        return 4;
    }
    return 0;
}

} // namespace

void JsonWriter::separate()
{
    if (_needsComma)
        _text += ',';
    _needsComma = true;
}

JsonWriter& JsonWriter::beginObject()
{
    separate();
    _text += '{';
    _needsComma = false;
    return *this;
}

JsonWriter& JsonWriter::endObject()
{
    _text += '}';
    _needsComma = true;
    return *this;
}

JsonWriter& JsonWriter::beginArray()
{
    separate();
    _text += '[';
    _needsComma = false;
    return *this;
}

JsonWriter& JsonWriter::endArray()
{
    _text += ']';
    _needsComma = true;
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name)
{
    separate();
    appendEscaped(name);
    _text += ':';
    _needsComma = false;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text)
{
    separate();
    appendEscaped(text);
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number)
{
    separate();
    char digits[24];
    auto [end, error] = std::to_chars(digits, digits + sizeof digits, number);
    _text.append(digits, end);
    return *this;
}

JsonWriter& JsonWriter::value(bool flag)
{
    separate();
    _text += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null()
{
    separate();
    _text += "null";
    return *this;
}

JsonWriter& JsonWriter::rawValue(std::string_view json)
{
    separate();
    _text += json;
    return *this;
}

void JsonWriter::appendEscaped(std::string_view text)
{
    _text.reserve(_text.size() + text.size() + 2);
    _text += '"';
    std::size_t plainFrom = 0;
    const auto flushPlain = [&](std::size_t upTo)
    { _text.append(text.data() + plainFrom, upTo - plainFrom); };
    for (std::size_t at = 0; at < text.size();)
    {
        const auto c = static_cast<unsigned char>(text[at]);
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\')
        {
            ++at;
            continue;
        }
        if (c >= 0x80)
        {
            std::size_t length = validSequenceLength(text, at);
            if (length > 0)
            {
                at += length;
                continue;
            }
            flushPlain(at);
            _text += Replacement;
            plainFrom = ++at;
            continue;
        }
        flushPlain(at);
        switch (c)
        {
        case '"':
            _text += "\\\"";
            break;
        case '\\':
            _text += "\\\\";
            break;
        case '\n':
            _text += "\\n";
            break;
        case '\r':
            _text += "\\r";
            break;
        case '\t':
            _text += "\\t";
            break;
        default:
            _text += "\\u00";
            _text += Hex[c >> 4];
            _text += Hex[c & 0xF];
        }
        plainFrom = ++at;
    }
    flushPlain(text.size());
    _text += '"';
}

} // namespace switchyard::plugins::support
