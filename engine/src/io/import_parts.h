// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What every importer shares while it builds its plan: the parts applied to the scratch
// network as they are made, the reservation of a file's id counters, and UTF-8 output.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kring/core/error.h"
#include "kring/io/import.h"
#include "kring/model/commands.h"
#include "kring/model/types.h"

namespace kring::detail {

// JSON that does not parse: "invalid JSON: " and the parser's message from "parse error" on.
inline Error invalidJson(const std::string& parserMessage, const std::string& name, int line) {
    const auto cut = parserMessage.find("parse error");
    return Error(ErrorKind::InvalidInput,
                 "invalid JSON: " + (cut == std::string::npos ? parserMessage : parserMessage.substr(cut)), name, line);
}

// Runs one row's (or node's) work; in collecting mode an error is recorded and the item skipped.
template <typename F>
inline bool guarded(ImportContext& context, F&& work) {
    if (!context.problems) {
        work();
        return true;
    }
    try {
        work();
        return true;
    } catch (const Error& e) {
        context.problems->push_back(e);
        return false;
    }
}

// Applies parts to the scratch network as they are made, and takes them back, newest first,
// when the plan is abandoned, so `work` is as it was.
class ImportParts {
public:
    ImportParts(Network& work, const std::string& file) : work_(work), file_(file) {}
    ImportParts(const ImportParts&) = delete;
    ImportParts& operator=(const ImportParts&) = delete;
    ~ImportParts() {
        if (done_) return;
        while (!parts_.empty()) {
            // A revert only undoes what its apply did; should it fail, carry on with the rest.
            try {
                parts_.back()->revert(work_);
            } catch (...) {
            }
            parts_.pop_back();
        }
    }
    // Applies a part; the model's checks run here, and their message gets the line.
    void add(CommandPtr c, int line) {
        try {
            c->apply(work_);
        } catch (const Error& e) {
            throw e.withLocation(file_, line);
        }
        parts_.push_back(std::move(c));
    }
    // The parts as one command ("Import FILE: what"); nullptr when there are none.
    CommandPtr finish(const std::string& what, const std::string& whatNl) {
        done_ = true;
        if (parts_.empty()) return nullptr;
        return std::make_unique<CompositeCommand>("Import " + file_ + ": " + what, file_ + " importeren: " + whatNl,
                                                  std::move(parts_));
    }

private:
    Network& work_;
    const std::string& file_;
    std::vector<CommandPtr> parts_;
    bool done_ = false;
};

// Raises the id counters to what the file had, so ids it once handed out stay unused.
class ReserveIdsCommand : public Command {
public:
    ReserveIdsCommand(NodeId node, RelationId relation, ContactId contact = 1)
        : node_(node), relation_(relation), contact_(contact) {}
    void apply(Network& net) override {
        while (net.nextNodeId() < node_) net.allocateNodeId();
        while (net.nextRelationId() < relation_) net.allocateRelationId();
        while (net.nextContactId() < contact_) net.allocateContactId();
    }
    void revert(Network&) override {}  // ids are never handed out twice: nothing to give back
    std::string description(Lang l) const override { return l == Lang::Nl ? "Ids reserveren" : "Reserve ids"; }

private:
    NodeId node_;
    RelationId relation_;
    ContactId contact_;
};

// Life domains as the project spells them (matched without regard to case); unknown ones are
// collected to join its list.
class DomainVocabulary {
public:
    explicit DomainVocabulary(const std::vector<std::string>& domains) {
        for (const auto& d : domains) byKey_.emplace(normaliseKey(d), d);
    }
    // The list in the project's spelling, without repeats.
    std::vector<std::string> canonical(const std::vector<std::string>& list) {
        std::vector<std::string> out;
        for (const auto& d : list) {
            auto [it, fresh] = byKey_.try_emplace(normaliseKey(d), d);
            if (fresh) added_.push_back(d);
            if (std::find(out.begin(), out.end(), it->second) == out.end()) out.push_back(it->second);
        }
        return out;
    }
    const std::vector<std::string>& added() const { return added_; }

private:
    std::map<std::string, std::string> byKey_;
    std::vector<std::string> added_;
};

// A file's project details (Kring JSON, Kring's GraphML and GEXF) brought into the project's.
// A project with nothing to lose (no nodes, relations, need or settings) takes them whole, but
// keeps its name unless `renamable`. Any other keeps its own name (unless `renamable`), domains,
// need and settings, and gains only the domains, needs and settings it lacks; `keepSetting`
// says which of the file's settings may come in at all. Every change is described in
// `report.projectChanges`, every value kept against the file in `report.notes`.
ProjectInfo mergeProjectDetails(const Network& work, const ProjectInfo& incoming, bool renamable,
                                const std::function<bool(const std::string&)>& keepSetting, ImportReport& report);

// Appends one code point as UTF-8.
inline void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Lines where the items of two top-level arrays of a JSON document start, for messages that
// name a line (nlohmann's DOM keeps no positions).
struct JsonItemLines {
    std::vector<int> first, second;
};

inline JsonItemLines jsonItemLines(std::string_view text, std::string_view first, std::string_view second) {
    JsonItemLines lines;
    int depth = 0, line = 1;
    bool inString = false, escaped = false, expectItem = false;
    std::string token, lastKey, array;
    for (const char c : text) {
        if (c == '\n') ++line;
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
                if (depth == 1) lastKey = token;
            } else if (depth == 1 && token.size() < 64) {
                token += c;
            }
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        if (depth == 2 && expectItem && c != ']' && (array == first || array == second)) {
            (array == first ? lines.first : lines.second).push_back(line);
            expectItem = false;
        }
        switch (c) {
            case '"':
                inString = true;
                token.clear();
                break;
            case '{':
            case '[':
                ++depth;
                if (depth == 2 && c == '[') {
                    array = lastKey;
                    expectItem = true;
                }
                break;
            case '}':
            case ']':
                if (depth == 2) array.clear();
                --depth;
                break;
            case ',':
                if (depth == 2) expectItem = true;
                break;
            default: break;
        }
    }
    return lines;
}

}  // namespace kring::detail
