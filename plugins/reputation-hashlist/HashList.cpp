// SPDX-License-Identifier: Apache-2.0
// Copyright Switchyard contributors
#include "HashList.h"

#include "HashText.h"

#include <Poco/Exception.h>

#include <fstream>

namespace switchyard::plugins::hashlist
{

HashList HashList::read(const std::vector<std::string>& files)
{
    HashList list;
    for (const std::string& file : files)
    {
        std::ifstream in(file);
        if (!in)
            throw Poco::FileException("cannot read the hash list", file);
        std::string line;
        while (std::getline(in, line))
        {
            const std::string text = support::HashText::normalize(line);
            if (text.empty() || text[0] == '#')
                continue;
            const std::string hash = text.substr(0, text.find_first_of(" \t"));
            if (support::HashText::isHash(hash))
                list._hashes.insert(hash);
            else
                ++list._malformed;
        }
        if (in.bad())
            throw Poco::FileException("cannot read the hash list", file);
    }
    return list;
}

} // namespace switchyard::plugins::hashlist
