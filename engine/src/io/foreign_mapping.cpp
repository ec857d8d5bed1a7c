// SPDX-License-Identifier: EUPL-1.2
// From a foreign graph (GraphML, GEXF, DOT, Kumu JSON) to Kring's model, and the attribute
// names Kring's fields go by in those formats. docs/interchange.md describes both.
// [SECTION] mapping options
// [SECTION] text helpers for the readers
// [SECTION] attribute names
// [SECTION] writing Kring's fields
// [SECTION] project details
// [SECTION] reading attributes into fields
// [SECTION] building the plan

#include "kring/io/foreign_mapping.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>
#include <set>
#include <span>
#include <unordered_map>

#include "kring/core/error.h"
#include "kring/io/csv.h"
#include "kring/io/import.h"
#include "kring/layout/pins.h"
#include "kring/layout/ring_layout.h"
#include "kring/scene/scene.h"
#include "import_parts.h"

namespace kring {

namespace {

std::string quote(const std::string& s) {
    return "'" + s + "'";
}

std::string_view trimmedView(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
    return b == std::string_view::npos ? std::string_view() : s.substr(b, e - b + 1);
}

std::string trimmed(std::string_view s) {
    return std::string(trimmedView(s));
}

// Attribute names compared loosely: "Hours per month", "hoursPerMonth" and "hours_per_month" match.
std::string looseName(std::string_view s) {
    std::string out;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '\t') continue;
        out += static_cast<char>(u < 0x80 ? std::tolower(u) : u);
    }
    return out;
}

std::pair<std::string, std::string> splitPair(std::string_view pair, const char* option) {
    const auto eq = pair.rfind('=');
    if (eq == std::string_view::npos)
        throw Error(ErrorKind::InvalidInput,
                    std::string(option) + " needs VALUE=TARGET, e.g. 'Zorgaanbieder=organisation', not '" +
                        std::string(pair) + "'");
    std::string value = normaliseKey(pair.substr(0, eq)), target = trimmed(pair.substr(eq + 1));
    if (value.empty() || target.empty())
        throw Error(ErrorKind::InvalidInput, std::string(option) + " needs a value and a target in '" + std::string(pair) + "'");
    return {value, target};
}

}  // namespace

// [SECTION] mapping options

void ForeignMapping::addKind(std::string_view pair) {
    auto [value, target] = splitPair(pair, "--map");
    const auto kind = parseNodeKind(target);
    if (!kind)
        throw Error(ErrorKind::InvalidInput, "--map: unknown kind '" + target +
                                                 "'; use team, member, organisation, contact, informal or resident");
    kinds[value] = *kind;
}

void ForeignMapping::addRing(std::string_view pair) {
    auto [value, target] = splitPair(pair, "--map-ring");
    const auto ring = parseRing(target);
    if (!ring) throw Error(ErrorKind::InvalidInput, "--map-ring: unknown ring '" + target + "'; use 0, 1, 2, 3 or none");
    rings[value] = *ring;
}

void ForeignMapping::addType(std::string_view pair) {
    auto [value, target] = splitPair(pair, "--map-type");
    const auto type = parseRelationType(target);
    if (!type)
        throw Error(ErrorKind::InvalidInput,
                    "--map-type: unknown relation type '" + target + "'; use e.g. referral, signalling, collaboration");
    types[value] = *type;
}

bool ForeignMapping::empty() const {
    return kindFrom.empty() && ringFrom.empty() && typeFrom.empty() && kinds.empty() && rings.empty() && types.empty();
}

// [SECTION] text helpers for the readers

TextLines::TextLines(std::string_view text) {
    starts_.reserve(text.size() / 32 + 1);
    starts_.push_back(0);
    const char* begin = text.data();
    const char* end = begin + text.size();
    for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p))));)
        starts_.push_back(static_cast<std::size_t>(++p - begin));
}

int TextLines::lineOf(std::size_t offset) const {
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    return static_cast<int>(it - starts_.begin());
}

void requireUtf8(std::string_view text, const std::string& name, std::string_view advice) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        // Eight ASCII bytes at a time: most of a file is ASCII.
        if (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, s + i, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned int cp = 0;
        if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1Fu;
        else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0Fu;
        else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07u;
        bool ok = len != 0 && i + len <= n;
        for (std::size_t k = 1; ok && k < len; ++k) {
            ok = (s[i + k] & 0xC0) == 0x80;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 either.
        if (ok) ok = !(len == 2 && cp < 0x80) && !(len == 3 && cp < 0x800) && !(len == 4 && cp < 0x10000) &&
                     !(cp >= 0xD800 && cp <= 0xDFFF) && cp <= 0x10FFFF;
        if (!ok) {
            const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(i), '\n'));
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", c);
            throw Error(ErrorKind::InvalidInput,
                        std::string("the file is not valid UTF-8 (byte ") + hex + "); " + std::string(advice),
                        name, line);
        }
        i += len;
    }
}

namespace {

using detail::appendUtf8;

std::string utf16ToUtf8(std::string_view bytes, bool bigEndian, const std::string& name) {
    std::string out;
    out.reserve(bytes.size());
    int line = 1;
    auto unit = [&](std::size_t i) {
        const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
        return static_cast<std::uint32_t>(bigEndian ? (a << 8) | b : (b << 8) | a);
    };
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
        std::uint32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (i + 3 >= bytes.size() || unit(i + 2) < 0xDC00 || unit(i + 2) > 0xDFFF)
                throw Error(ErrorKind::InvalidInput, "the file is not valid UTF-16 (a broken surrogate pair)", name, line);
            cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
            i += 2;
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            throw Error(ErrorKind::InvalidInput, "the file is not valid UTF-16 (a lone surrogate)", name, line);
        }
        if (cp == '\n') ++line;
        appendUtf8(out, cp);
    }
    return out;
}

}  // namespace

std::string xmlAsUtf8(std::string_view bytes, const std::string& name, std::vector<std::string>& notes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
        const bool big = bytes[0] == '\xFE';
        bytes.remove_prefix(2);
        notes.push_back("the file was UTF-16; it was converted to UTF-8");
        std::string text = utf16ToUtf8(bytes, big, name);
        requireUtf8(text, name);
        return text;
    }
    if (bytes.size() >= 2 && (bytes[0] == '\0' || bytes[1] == '\0'))
        throw Error(ErrorKind::InvalidInput, "the file looks like UTF-16 without a byte-order mark; save it as UTF-8", name, 1);
    // The declaration's encoding, if any: <?xml version="1.0" encoding="ISO-8859-1"?>
    const std::string_view head = bytes.substr(0, std::min<std::size_t>(bytes.size(), 200));
    std::string encoding;
    if (head.substr(0, 5) == "<?xml") {
        const auto end = head.find("?>");
        const auto at = head.find("encoding", 0);
        if (at != std::string_view::npos && (end == std::string_view::npos || at < end)) {
            const auto q = head.find_first_of("\"'", at);
            if (q != std::string_view::npos) {
                const auto close = head.find(head[q], q + 1);
                if (close != std::string_view::npos) encoding = normaliseKey(head.substr(q + 1, close - q - 1));
            }
        }
    }
    if (encoding == "iso-8859-1" || encoding == "latin1" || encoding == "latin-1" || encoding == "windows-1252" ||
        encoding == "cp1252" || encoding == "iso-8859-15") {
        notes.push_back("the file was " + encoding + "; it was converted to UTF-8");
        return windows1252ToUtf8(bytes);
    }
    if (!encoding.empty() && encoding != "utf-8" && encoding != "utf8" && encoding != "us-ascii" && encoding != "ascii")
        throw Error(ErrorKind::InvalidInput,
                    "the file declares the encoding '" + encoding + "', which Kring does not read; save it as UTF-8", name, 1);
    requireUtf8(bytes, name);
    return std::string(bytes);
}

void requireJsonNesting(std::string_view text, const std::string& name) {
    std::size_t depth = 0;
    int line = 1;
    bool inString = false, escaped = false;
    for (const char c : text) {
        if (c == '\n') ++line;
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
            continue;
        }
        if (c == '"') inString = true;
        else if (c == '[' || c == '{') {
            if (++depth > kMaxForeignDepth)
                throw Error(ErrorKind::InvalidInput,
                            "the JSON nests deeper than " + std::to_string(kMaxForeignDepth) + " levels", name, line);
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
}

std::string shortestNumber(double v) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}

std::string foreignNodeId(NodeId id) {
    return "n" + std::to_string(id);
}
std::string foreignEdgeId(RelationId id) {
    return "e" + std::to_string(id);
}

namespace {

std::optional<std::uint64_t> kringIdOf(const std::string& foreign, char prefix) {
    if (foreign.size() < 2 || foreign.size() > 20 || foreign[0] != prefix) return std::nullopt;
    std::uint64_t id = 0;
    const auto [end, ec] = std::from_chars(foreign.data() + 1, foreign.data() + foreign.size(), id);
    if (ec != std::errc() || end != foreign.data() + foreign.size() || id == 0) return std::nullopt;
    return id;
}

// [SECTION] attribute names

enum class NodeRole {
    None, Label, Domains, TargetGroups, Tags, Notes, Discipline, Expertise, Hours, Signaller, Waiting,
    Involvement, Referral, Lead, Alias, Vulnerable, Owner, Backup, Priority, Visual,
};
enum class EdgeRole { None, Strength, Weight, Frequency, LastContact, Mutual, Note, Direction, Label, Visual };

const std::unordered_map<std::string, NodeRole>& nodeRoles() {
    static const std::unordered_map<std::string, NodeRole> roles = [] {
        std::unordered_map<std::string, NodeRole> m;
        auto add = [&](NodeRole r, std::initializer_list<const char*> names) {
            for (const char* n : names) m[looseName(n)] = r;
        };
        add(NodeRole::Label, {"label", "name", "naam", "title"});
        add(NodeRole::Domains, {"domains", "domain", "leefgebieden", "leefgebied"});
        add(NodeRole::TargetGroups, {"targetGroups", "target group", "doelgroepen", "doelgroep"});
        add(NodeRole::Tags, {"tags", "tag"});
        add(NodeRole::Notes, {"notes", "description", "beschrijving", "notities", "notitie"});
        add(NodeRole::Discipline, {"discipline"});
        add(NodeRole::Expertise, {"expertise"});
        add(NodeRole::Hours, {"hoursPerMonth", "hours", "uren", "uren per maand"});
        add(NodeRole::Signaller, {"signaller", "signaleerder", "signaler"});
        add(NodeRole::Waiting, {"waitingListWeeks", "waiting list", "wachtlijst", "wachtlijst (weken)"});
        add(NodeRole::Involvement, {"involvement", "betrokkenheid"});
        add(NodeRole::Referral, {"referral", "verwijzing"});
        add(NodeRole::Lead, {"lead", "regie"});
        add(NodeRole::Alias, {"alias"});
        add(NodeRole::Vulnerable, {"vulnerable", "kwetsbaar"});
        add(NodeRole::Owner, {"owner", "relatiebeheerder", "eigenaar", "beheerder"});
        add(NodeRole::Backup, {"backupOwner", "backup", "tweede beheerder"});
        add(NodeRole::Priority, {"priority", "prioriteit", "priorityOverride"});
        // Drawing data: Kring places and colours nodes itself.
        add(NodeRole::Visual, {"x", "y", "z", "r", "g", "b", "a", "size", "color", "colour", "shape", "width",
                               "height", "pos", "fillcolor", "style", "fontsize", "fontname", "fontcolor",
                               "fixedsize", "penwidth", "xlabel", "tooltip", "class", "image", "layer",
                               "peripheries", "margin", "labelloc", "orientation", "sides", "regular",
                               "distortion", "skew", "ordering", "id",
                               "_pos", "kumu position"});
        return m;
    }();
    return roles;
}

const std::unordered_map<std::string, EdgeRole>& edgeRoles() {
    static const std::unordered_map<std::string, EdgeRole> roles = [] {
        std::unordered_map<std::string, EdgeRole> m;
        auto add = [&](EdgeRole r, std::initializer_list<const char*> names) {
            for (const char* n : names) m[looseName(n)] = r;
        };
        add(EdgeRole::Strength, {"strength", "sterkte"});
        add(EdgeRole::Weight, {"weight", "gewicht", "value"});
        add(EdgeRole::Frequency, {"frequency", "frequentie"});
        add(EdgeRole::LastContact, {"lastContact", "laatste contact"});
        add(EdgeRole::Mutual, {"mutual", "wederzijds"});
        add(EdgeRole::Note, {"note", "notes", "description", "beschrijving", "notitie"});
        add(EdgeRole::Direction, {"direction", "richting"});
        add(EdgeRole::Label, {"label"});
        add(EdgeRole::Visual, {"color", "colour", "r", "g", "b", "a", "penwidth", "style", "arrowhead", "arrowtail",
                               "arrowsize", "dir", "tailport", "headport", "pos", "lp", "fontsize", "fontname",
                               "fontcolor", "constraint", "minlen", "len", "id", "class", "tooltip", "thickness",
                               "shape", "headlabel", "taillabel", "xlabel", "URL", "href", "decorator", "networkx_key"});
        return m;
    }();
    return roles;
}

constexpr const char* kKindDefaults[] = {"kind", "element type", "type", "soort", "category", "categorie"};
constexpr const char* kRingDefaults[] = {"ring"};
constexpr const char* kTypeDefaults[] = {"type", "connection type", "relation type", "relation", "relatie", "soort"};

constexpr std::string_view kFieldPrefix = "field:";

}  // namespace

// [SECTION] writing Kring's fields

const std::vector<AttributeSpec>& kringNodeAttributes() {
    static const std::vector<AttributeSpec> specs = {
        {"kind", AttributeType::String},        {"ring", AttributeType::String},
        {"domains", AttributeType::String},     {"targetGroups", AttributeType::String},
        {"tags", AttributeType::String},        {"notes", AttributeType::String},
        {"discipline", AttributeType::String},  {"expertise", AttributeType::String},
        {"hoursPerMonth", AttributeType::Double}, {"signaller", AttributeType::String},
        {"waitingListWeeks", AttributeType::Int}, {"involvement", AttributeType::String},
        {"referral", AttributeType::String},    {"lead", AttributeType::String},
        {"alias", AttributeType::String},       {"vulnerable", AttributeType::Bool},
        {"owner", AttributeType::String},       {"backupOwner", AttributeType::String},
        {"priority", AttributeType::Double},
    };
    return specs;
}

const std::vector<AttributeSpec>& kringRelationAttributes() {
    static const std::vector<AttributeSpec> specs = {
        {"type", AttributeType::String},      {"strength", AttributeType::Int}, {"frequency", AttributeType::String},
        {"lastContact", AttributeType::String}, {"mutual", AttributeType::Bool}, {"note", AttributeType::String},
    };
    return specs;
}

std::string fieldAttributeName(const std::string& field) {
    const std::string loose = looseName(field);
    const bool taken = nodeRoles().count(loose) || edgeRoles().count(loose) || loose == "kind" || loose == "ring" ||
                       loose == "type" || loose == "weight" || loose.rfind(looseName(kFieldPrefix), 0) == 0 ||
                       std::any_of(std::begin(kKindDefaults), std::end(kKindDefaults),
                                   [&](const char* n) { return looseName(n) == loose; }) ||
                       std::any_of(std::begin(kTypeDefaults), std::end(kTypeDefaults),
                                   [&](const char* n) { return looseName(n) == loose; });
    return taken ? std::string(kFieldPrefix) + field : field;
}

namespace {

std::string joinBars(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& s : list) out += (out.empty() ? "" : "|") + s;
    return out;
}

std::vector<std::string> splitBars(std::string_view s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        const auto bar = s.find('|', start);
        std::string item = trimmed(s.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
        if (!item.empty() && std::find(out.begin(), out.end(), item) == out.end()) out.push_back(std::move(item));
        if (bar == std::string_view::npos) break;
        start = bar + 1;
    }
    return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> kringNodeValues(const Node& n) {
    std::vector<std::pair<std::string, std::string>> v;
    auto put = [&](const char* key, std::string value) {
        if (!value.empty()) v.emplace_back(key, std::move(value));
    };
    put("kind", std::string(toKey(n.kind)));
    const bool teamSide = n.kind == NodeKind::Team || n.kind == NodeKind::Member;
    if (n.ring != Ring::None || teamSide) put("ring", std::string(toKey(n.ring)));
    put("domains", joinBars(n.domains));
    put("targetGroups", joinBars(n.targetGroups));
    put("tags", joinBars(n.tags));
    put("notes", n.notes);
    put("discipline", n.discipline);
    put("expertise", joinBars(n.expertise));
    if (n.hoursPerMonth != 0) put("hoursPerMonth", shortestNumber(n.hoursPerMonth));
    if (n.signaller != SignallerRole::None) put("signaller", std::string(toKey(n.signaller)));
    if (n.waitingListWeeks) put("waitingListWeeks", std::to_string(*n.waitingListWeeks));
    put("involvement", n.agreements.involvement);
    put("referral", n.agreements.referral);
    put("lead", n.agreements.lead);
    if (n.kind != NodeKind::Resident) put("alias", n.alias);
    if (n.vulnerable) put("vulnerable", "true");
    if (n.owner != kNoNode) put("owner", foreignNodeId(n.owner));
    if (n.backupOwner != kNoNode) put("backupOwner", foreignNodeId(n.backupOwner));
    if (n.priorityOverride) put("priority", shortestNumber(*n.priorityOverride));
    for (const auto& [k, value] : n.fields) v.emplace_back(fieldAttributeName(k), value);
    return v;
}

std::vector<std::pair<std::string, std::string>> kringRelationValues(const Relation& r) {
    std::vector<std::pair<std::string, std::string>> v;
    v.emplace_back("type", std::string(toKey(r.type)));
    v.emplace_back("strength", std::to_string(r.strength));
    if (r.frequency != Frequency::Unknown) v.emplace_back("frequency", std::string(toKey(r.frequency)));
    if (r.lastContact) v.emplace_back("lastContact", r.lastContact->iso());
    if (r.mutual) v.emplace_back("mutual", "true");
    if (!r.note.empty()) v.emplace_back("note", r.note);
    for (const auto& [k, value] : r.fields) v.emplace_back(fieldAttributeName(k), value);
    return v;
}

// [SECTION] project details

std::string projectToJson(const Network& net) {
    nlohmann::ordered_json j;
    j["format"] = "kring";
    j["name"] = net.info().name;
    j["domains"] = net.info().domains;
    nlohmann::ordered_json need = nlohmann::ordered_json::object();
    for (const auto& [d, w] : net.info().need) need[d] = w;
    j["need"] = need;
    nlohmann::ordered_json settings = nlohmann::ordered_json::object();
    for (const auto& [k, v] : net.info().settings) settings[k] = v;
    j["settings"] = settings;
    j["nextNodeId"] = net.nextNodeId();
    j["nextRelationId"] = net.nextRelationId();
    return j.dump();
}

void projectFromJson(std::string_view text, ForeignGraph& into, const std::string& name, int line) {
    auto fail = [&](const std::string& what) {
        throw Error(ErrorKind::InvalidInput, "Kring's project details: " + what, name, line);
    };
    requireJsonNesting(text, name);
    nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) fail("not valid JSON");
    ProjectInfo info;
    try {
        if (j.contains("name")) info.name = j.at("name").get<std::string>();
        info.domains = j.contains("domains") ? j.at("domains").get<std::vector<std::string>>() : defaultDomains();
        if (j.contains("need"))
            for (const auto& [d, w] : j.at("need").items()) info.need[d] = w.get<double>();
        if (j.contains("settings"))
            for (const auto& [k, v] : j.at("settings").items()) info.settings[k] = v.get<std::string>();
        if (j.contains("nextNodeId")) into.nextNodeId = j.at("nextNodeId").get<NodeId>();
        if (j.contains("nextRelationId")) into.nextRelationId = j.at("nextRelationId").get<RelationId>();
    } catch (const nlohmann::json::exception&) {
        fail("a value has the wrong type");
    }
    into.project = std::move(info);
    into.writtenByKring = true;
}

Scene interchangeScene(const Network& net) {
    LayoutOptions options;
    options.pinned = pinnedPositions(net.info());
    const Layout layout = RingLayout().run(net, options);
    SceneFilter filter;
    filter.includeResidents = true;  // the export view has already left them out unless asked
    SceneStyle style;
    style.ownerBadges = false;
    return buildScene(net, layout, style, filter);
}

namespace {

// [SECTION] reading attributes into fields

using detail::DomainVocabulary;

// Fails with the element's line.
struct Where {
    const std::string& file;
    int line;
    [[noreturn]] void fail(const std::string& what) const { throw Error(ErrorKind::InvalidInput, what, file, line); }

    std::optional<double> number(const std::string& text, const char* what) const {
        std::string t = trimmed(text);
        if (t.empty()) return std::nullopt;
        std::replace(t.begin(), t.end(), ',', '.');
        if (t.front() == '+') t.erase(0, 1);
        double v = 0;
        const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        if (ec != std::errc() || end != t.data() + t.size() || !std::isfinite(v))
            fail(std::string(what) + " must be a number, not " + quote(text));
        return v;
    }
    std::optional<int> whole(const std::string& text, const char* what) const {
        const auto v = number(text, what);
        if (!v) return std::nullopt;
        if (*v != std::floor(*v) || std::fabs(*v) > 1e6) fail(std::string(what) + " must be a whole number, not " + quote(text));
        return static_cast<int>(*v);
    }
    bool yesNo(const std::string& text, const char* what) const {
        const std::string k = normaliseKey(text);
        if (k == "true" || k == "1" || k == "yes" || k == "ja" || k == "waar" || k == "x") return true;
        if (k.empty() || k == "false" || k == "0" || k == "no" || k == "nee" || k == "onwaar") return false;
        fail(std::string(what) + " must be true or false, not " + quote(text));
    }
};

// Works out each distinct text once: a file repeats the same attribute names and values on
// every node and edge.
template <typename T>
class Memo {
public:
    template <typename F>
    const T& get(const std::string& key, F&& compute) {
        auto it = cache_.find(key);
        if (it == cache_.end()) it = cache_.emplace(key, compute(key)).first;
        return it->second;
    }

private:
    std::unordered_map<std::string, T> cache_;
};

// Which attribute a kind, ring or type is taken from: the one the user named, else the first of
// the defaults present. An attribute's rank is its place in that list; -1 when not in it.
class Chooser {
public:
    Chooser(const std::string& chosen, std::span<const char* const> defaults) {
        if (!chosen.empty()) {
            names_.push_back(looseName(chosen));
        } else {
            for (const char* d : defaults) names_.push_back(looseName(d));
        }
    }
    const std::string* pick(const std::map<std::string, std::string>& attributes, std::string* nameOut) {
        const std::string* best = nullptr;
        int bestRank = -1;
        for (const auto& [k, v] : attributes) {
            const int r = rank_.get(k, [this](const std::string& key) {
                const auto at = std::find(names_.begin(), names_.end(), looseName(key));
                return at == names_.end() ? -1 : static_cast<int>(at - names_.begin());
            });
            if (r >= 0 && (bestRank < 0 || r < bestRank)) {
                best = &v;
                bestRank = r;
                *nameOut = k;
            }
        }
        return best;
    }

private:
    std::vector<std::string> names_;
    Memo<int> rank_;
};

std::string stripFieldPrefix(const std::string& key) {
    return key.rfind(kFieldPrefix, 0) == 0 ? key.substr(kFieldPrefix.size()) : key;
}

// Counts "value → meaning" for the report.
class Tally {
public:
    void count(const std::string& value, std::string meaning) { ++counts_[{value, std::move(meaning)}]; }
    bool empty() const { return counts_.empty(); }
    std::string describe() const {
        std::string out;
        std::size_t shown = 0;
        for (const auto& [key, n] : counts_) {
            if (shown++ == 8) {
                out += ", …";
                break;
            }
            out += (out.empty() ? "" : ", ") + quote(key.first) + " → " + key.second + " (" + std::to_string(n) + ")";
        }
        return out;
    }

private:
    std::map<std::pair<std::string, std::string>, std::size_t> counts_;
};

using detail::ReserveIdsCommand;

template <typename F>
bool guarded(ImportContext& context, F&& work) {
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

// Control characters (other than tab and line ends) cannot be written to XML: they are dropped on
// the way in, so what is imported can always be exported. Attributes without a name are dropped.
void cleanString(std::string& s) {
    s.erase(std::remove_if(s.begin(), s.end(),
                           [](char c) {
                               const auto u = static_cast<unsigned char>(c);
                               return (u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F;
                           }),
            s.end());
}

bool needsCleaning(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F;
    });
}

void cleanAttributes(std::map<std::string, std::string>& attributes) {
    bool dirty = false;
    for (auto& [key, value] : attributes) {
        if (needsCleaning(value)) cleanString(value);
        dirty = dirty || needsCleaning(key) || key.find_first_not_of(" \t\r\n") == std::string::npos;
    }
    if (!dirty) return;
    std::map<std::string, std::string> clean;
    for (const auto& [name, text] : attributes) {
        std::string key = name, value = text;
        cleanString(key);
        cleanString(value);
        if (!trimmed(key).empty()) clean.emplace(std::move(key), std::move(value));
    }
    attributes = std::move(clean);
}

void cleanText(ForeignGraph& g) {
    for (ForeignNode& n : g.nodes) {
        cleanString(n.label);
        n.label = trimmed(n.label);
        cleanAttributes(n.attributes);
    }
    for (ForeignEdge& e : g.edges) cleanAttributes(e.attributes);
}

std::string quotedNames(const std::set<std::string>& names) {
    std::string out;
    std::size_t shown = 0;
    for (const auto& n : names) {
        if (shown++ == 12) {
            out += ", … (" + std::to_string(names.size()) + " in all)";
            break;
        }
        out += (out.empty() ? "" : ", ") + quote(n);
    }
    return out;
}

}  // namespace

// [SECTION] building the plan

ImportPlan planForeignGraph(ForeignGraph g, const std::string& name, Network& work, ImportContext& context,
                            ImportFormat format) {
    cleanText(g);
    ImportReport report;
    report.source = name;
    report.format = format;
    report.notes = g.notes;
    const ForeignMapping& mapping = context.mapping;
    // Lookups by distinct name or value, so a 30,000-edge file parses each only once.
    Chooser kindChooser(mapping.kindFrom, kKindDefaults), ringChooser(mapping.ringFrom, kRingDefaults),
        typeChooser(mapping.typeFrom, kTypeDefaults);
    Memo<NodeRole> nodeRoleMemo;
    Memo<EdgeRole> edgeRoleMemo;
    Memo<std::optional<NodeKind>> kindMemo;
    Memo<std::optional<Ring>> ringMemo;
    Memo<std::optional<RelationType>> typeMemo;
    Memo<std::optional<Frequency>> frequencyMemo;
    auto nodeRoleOf = [&](const std::string& key) {
        return nodeRoleMemo.get(key, [](const std::string& k) {
            const auto it = nodeRoles().find(looseName(k));
            return it == nodeRoles().end() ? NodeRole::None : it->second;
        });
    };
    auto edgeRoleOf = [&](const std::string& key) {
        return edgeRoleMemo.get(key, [](const std::string& k) {
            const auto it = edgeRoles().find(looseName(k));
            return it == edgeRoles().end() ? EdgeRole::None : it->second;
        });
    };
    auto kindOf = [&](const std::string& v) { return kindMemo.get(v, [](const std::string& t) { return parseNodeKind(t); }); };
    auto ringOf = [&](const std::string& v) { return ringMemo.get(v, [](const std::string& t) { return parseRing(t); }); };
    auto typeOf = [&](const std::string& v) {
        return typeMemo.get(v, [](const std::string& t) { return parseRelationType(t); });
    };
    auto frequencyOf = [&](const std::string& v) {
        return frequencyMemo.get(v, [](const std::string& t) { return parseFrequency(t); });
    };

    // Ids: unique nodes, edges between known nodes.
    std::unordered_map<std::string, std::size_t> nodeIndex;
    nodeIndex.reserve(g.nodes.size());
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        const ForeignNode& n = g.nodes[i];
        if (n.id.empty()) throw Error(ErrorKind::InvalidInput, "a node has no id", name, n.line);
        auto [it, fresh] = nodeIndex.emplace(n.id, i);
        if (!fresh)
            throw Error(ErrorKind::InvalidInput,
                        "node id " + quote(n.id) + " is used twice (also on line " +
                            std::to_string(g.nodes[it->second].line) + ")",
                        name, n.line);
    }
    // Each edge's ends as places in g.nodes, looked up once.
    std::vector<std::pair<std::size_t, std::size_t>> edgeEnds;
    edgeEnds.reserve(g.edges.size());
    for (const ForeignEdge& e : g.edges) {
        auto indexOf = [&](const std::string& end) {
            const auto it = nodeIndex.find(end);
            if (it == nodeIndex.end())
                throw Error(ErrorKind::InvalidInput,
                            (e.id.empty() ? std::string("an edge") : "edge " + quote(e.id)) +
                                " refers to unknown node " + quote(end),
                            name, e.line);
            return it->second;
        };
        const std::size_t source = indexOf(e.source);
        edgeEnds.emplace_back(source, indexOf(e.target));
    }

    // Kring's own ids survive a round trip into an empty network.
    const bool emptyTarget = work.nodes().empty() && work.relations().empty();
    bool keepIds = g.writtenByKring && emptyTarget;
    std::vector<NodeId> nodeIds(g.nodes.size(), kNoNode);
    std::vector<RelationId> edgeIds(g.edges.size(), 0);
    if (keepIds) {
        std::set<std::uint64_t> seenNodes, seenEdges;
        for (std::size_t i = 0; keepIds && i < g.nodes.size(); ++i) {
            const auto id = kringIdOf(g.nodes[i].id, 'n');
            keepIds = id && seenNodes.insert(*id).second;
            if (keepIds) nodeIds[i] = *id;
        }
        for (std::size_t i = 0; keepIds && i < g.edges.size(); ++i) {
            const auto id = kringIdOf(g.edges[i].id, 'e');
            keepIds = id && seenEdges.insert(*id).second;
            if (keepIds) edgeIds[i] = *id;
        }
    }

    detail::ImportParts parts(work, name);
    ProjectInfo info = work.info();
    if (g.project) {
        // A new project's name is the file name Kring gave it until a project file names it.
        const bool renamable = info.name.empty() || context.placeholderName;
        // Pins refer to the file's node ids, which only hold when those are kept.
        info = detail::mergeProjectDetails(
            work, *g.project, renamable, [&](const std::string& k) { return keepIds || k.rfind("layout.pin.", 0) != 0; },
            report);
    }
    DomainVocabulary vocabulary(info.domains);

    // First pass: every node to a Kring node (owners later: they may come further down).
    struct Entry {
        Node node;
        std::size_t index = 0;  // in g.nodes
        const ForeignNode* source = nullptr;
        std::string owner, backup;
        bool applied = false;
    };
    std::vector<Entry> entries;
    entries.reserve(g.nodes.size());
    Tally kindTally, ringTally;
    std::set<std::string> kept, kindAttributes, ringAttributes, unknownRings;
    std::size_t untyped = 0, unknownKinds = 0;
    bool drawing = g.drawingIgnored;
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        guarded(context, [&] {
            ForeignNode& f = g.nodes[i];
            const Where at{name, f.line};
            requireValueSize(f.label, name, f.line, "node " + quote(f.id), "label");
            for (const auto& [key, value] : f.attributes) requireValueSize(value, name, f.line, "node " + quote(f.id), key);
            Entry e;
            e.index = i;
            e.source = &f;
            Node& n = e.node;
            n.id = keepIds ? nodeIds[i] : work.allocateNodeId();
            if (!f.color.empty()) f.attributes.emplace("color", f.color);

            std::string kindAttr, ringAttr;
            const std::string* kindValue = kindChooser.pick(f.attributes, &kindAttr);
            const std::string* ringValue = ringChooser.pick(f.attributes, &ringAttr);
            if (kindValue && !trimmedView(*kindValue).empty()) {
                kindAttributes.insert(kindAttr);
                const auto m = mapping.kinds.empty() ? mapping.kinds.end() : mapping.kinds.find(normaliseKey(*kindValue));
                if (m != mapping.kinds.end()) {
                    n.kind = m->second;
                    kindTally.count(trimmed(*kindValue), std::string(toKey(n.kind)));
                } else if (auto k = kindOf(*kindValue)) {
                    n.kind = *k;
                    if (!g.writtenByKring) kindTally.count(trimmed(*kindValue), std::string(toKey(n.kind)));
                } else {
                    n.kind = NodeKind::Organisation;
                    n.fields[stripFieldPrefix(kindAttr)] = trimmed(*kindValue);
                    ++unknownKinds;
                }
            } else {
                ++untyped;
            }
            const bool teamSide = n.kind == NodeKind::Team || n.kind == NodeKind::Member;
            bool ringSet = false;
            if (ringValue) {
                ringAttributes.insert(ringAttr);
                const std::string key = normaliseKey(*ringValue);
                if (auto m = mapping.rings.find(key); m != mapping.rings.end()) {
                    n.ring = m->second;
                    ringTally.count(trimmed(*ringValue), std::string(toKey(n.ring)));
                    ringSet = true;
                } else if (auto r = ringOf(*ringValue)) {
                    n.ring = *r;
                    ringSet = !key.empty();
                    if (ringSet && !g.writtenByKring) ringTally.count(trimmed(*ringValue), std::string(toKey(n.ring)));
                } else {
                    n.fields[stripFieldPrefix(ringAttr)] = trimmed(*ringValue);
                    unknownRings.insert(trimmed(*ringValue));
                }
            }
            if (teamSide && !ringSet && n.ring == Ring::None) n.ring = Ring::Team;

            std::string label = f.label;
            std::string alias;
            for (const auto& [key, value] : f.attributes) {
                if (key == kindAttr || key == ringAttr) continue;
                const NodeRole r = nodeRoleOf(key);
                switch (r) {
                    case NodeRole::Label:
                        if (label.empty()) label = trimmed(value);
                        else if (trimmedView(value) != label) n.fields[key] = value;
                        break;
                    case NodeRole::Domains: n.domains = vocabulary.canonical(splitBars(value)); break;
                    case NodeRole::TargetGroups: n.targetGroups = splitBars(value); break;
                    case NodeRole::Tags: n.tags = splitBars(value); break;
                    case NodeRole::Notes: n.notes = value; break;
                    case NodeRole::Discipline: n.discipline = trimmed(value); break;
                    case NodeRole::Expertise: n.expertise = vocabulary.canonical(splitBars(value)); break;
                    case NodeRole::Hours: n.hoursPerMonth = at.number(value, "hours per month").value_or(0); break;
                    case NodeRole::Signaller:
                        if (auto s = parseSignallerRole(value)) n.signaller = *s;
                        else n.fields[key] = value;
                        break;
                    case NodeRole::Waiting: n.waitingListWeeks = at.whole(value, "the waiting list (weeks)"); break;
                    case NodeRole::Involvement: n.agreements.involvement = value; break;
                    case NodeRole::Referral: n.agreements.referral = value; break;
                    case NodeRole::Lead: n.agreements.lead = value; break;
                    case NodeRole::Alias: alias = trimmed(value); break;
                    case NodeRole::Vulnerable: n.vulnerable = at.yesNo(value, "vulnerable"); break;
                    case NodeRole::Owner: e.owner = trimmed(value); break;
                    case NodeRole::Backup: e.backup = trimmed(value); break;
                    case NodeRole::Priority: n.priorityOverride = at.number(value, "the priority"); break;
                    case NodeRole::Visual: drawing = true; break;
                    case NodeRole::None:
                        if (!trimmedView(value).empty()) {
                            const std::string field = stripFieldPrefix(key);
                            n.fields[field] = value;
                            kept.insert(field);
                        }
                        break;
                }
            }
            if (label.empty()) {
                label = f.id;  // NetworkX writes names as ids
                cleanString(label);
                label = trimmed(label);
                if (label.empty()) label = "node " + std::to_string(i + 1);
            }
            if (n.kind == NodeKind::Resident) {
                n.alias = alias.empty() ? label : alias;
            } else {
                n.name = label;
                n.alias = alias;
            }
            entries.push_back(std::move(e));
        });
    }

    if (const auto& added = vocabulary.added(); !added.empty()) {
        for (const auto& d : added) info.domains.push_back(d);
        std::string list;
        for (const auto& d : added) list += (list.empty() ? "" : ", ") + quote(d);
        report.notes.push_back("added life domain(s) " + list + " to the project's list");
        report.projectChanges.push_back("added life domain(s) " + list);
    }
    if (info.name != work.info().name) context.placeholderName = false;
    if (!(info == work.info())) {
        parts.add(std::make_unique<SetProjectInfoCommand>(info), 0);
        report.projectInfoChanged = true;
    }

    // Second pass: add the nodes. The Kring id of each node of the file that was added, by its
    // place in g.nodes (kNoNode for the others).
    std::vector<NodeId> imported(g.nodes.size(), kNoNode);
    for (Entry& e : entries)
        guarded(context, [&] {
            const NodeId id = e.node.id;
            parts.add(std::make_unique<AddNodeCommand>(std::move(e.node)), e.source->line);
            e.applied = true;
            imported[e.index] = id;
            ++report.nodesAdded;
        });

    // Third pass: owners, by the file's id or by name.
    auto resolveMember = [&](const std::string& ref, const Where& at, const char* role) {
        NodeId id = kNoNode;
        if (auto it = nodeIndex.find(ref); it != nodeIndex.end() && imported[it->second] != kNoNode) {
            id = imported[it->second];
        } else {
            const auto found = work.findByName(ref);
            if (found.size() > 1) at.fail("the " + std::string(role) + " " + quote(ref) + " is ambiguous: several nodes have that name");
            if (found.empty()) at.fail("the " + std::string(role) + " refers to unknown team member " + quote(ref));
            id = found.front();
        }
        const Node& m = work.node(id);
        if (m.kind != NodeKind::Member)
            at.fail("the " + std::string(role) + " " + quote(m.displayName()) + " is not a team member");
        return id;
    };
    for (const Entry& e : entries)
        guarded(context, [&] {
            if (!e.applied || (e.owner.empty() && e.backup.empty())) return;
            const Where at{name, e.source->line};
            const NodeId owner = e.owner.empty() ? kNoNode : resolveMember(e.owner, at, "owner");
            const NodeId backup = e.backup.empty() ? kNoNode : resolveMember(e.backup, at, "backup owner");
            parts.add(makeSetOwner(work, imported[e.index], owner, backup), e.source->line);
        });

    // Relations: weights outside 1–5 are scaled onto strengths over the file's range.
    double low = 1, high = 5;
    bool scale = false;
    {
        bool any = false;
        for (const ForeignEdge& e : g.edges) {
            std::optional<double> w;
            bool strength = false;
            for (const auto& [key, value] : e.attributes) {
                const EdgeRole role = edgeRoleOf(key);
                if (role == EdgeRole::Strength && !trimmedView(value).empty()) strength = true;
                if (role == EdgeRole::Weight) {
                    std::string t = trimmed(value);
                    std::replace(t.begin(), t.end(), ',', '.');
                    double v = 0;
                    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
                    if (ec == std::errc() && end == t.data() + t.size() && std::isfinite(v)) w = v;
                }
            }
            if (strength || !w) continue;
            low = any ? std::min(low, *w) : *w;
            high = any ? std::max(high, *w) : *w;
            any = true;
        }
        scale = any && (low < kMinStrength || high > kMaxStrength);
        if (scale)
            report.notes.push_back("weights " + shortestNumber(low) + " to " + shortestNumber(high) +
                                   " were scaled to strengths 1 to 5");
    }
    auto strengthOf = [&](double w) {
        if (!scale) return static_cast<int>(std::lround(w));
        if (high <= low) return 3;
        return kMinStrength + static_cast<int>(std::lround((w - low) / (high - low) * (kMaxStrength - kMinStrength)));
    };

    Tally typeTally;
    std::set<std::string> keptEdge, typeAttributes;
    std::size_t loops = 0, untypedEdges = 0, unknownTypes = 0;
    for (std::size_t i = 0; i < g.edges.size(); ++i)
        guarded(context, [&] {
            const ForeignEdge& f = g.edges[i];
            const Where at{name, f.line};
            for (const auto& [key, value] : f.attributes) requireValueSize(value, name, f.line, "edge " + quote(f.id), key);
            const NodeId from = imported[edgeEnds[i].first], to = imported[edgeEnds[i].second];
            if (from == kNoNode || to == kNoNode)
                at.fail("the edge's node was not imported (see the problem on its own line)");
            if (from == to) {
                ++loops;
                return;
            }
            Relation r;
            r.id = keepIds ? edgeIds[i] : work.allocateRelationId();
            r.from = from;
            r.to = to;
            r.mutual = f.undirected;
            std::string typeAttr;
            const std::string* typeValue = typeChooser.pick(f.attributes, &typeAttr);
            bool typed = false;
            if (typeValue && !trimmedView(*typeValue).empty()) {
                typeAttributes.insert(typeAttr);
                const auto m = mapping.types.empty() ? mapping.types.end() : mapping.types.find(normaliseKey(*typeValue));
                if (m != mapping.types.end()) {
                    r.type = m->second;
                    typeTally.count(trimmed(*typeValue), std::string(toKey(r.type)));
                    typed = true;
                } else if (auto t = typeOf(*typeValue)) {
                    r.type = *t;
                    if (!g.writtenByKring) typeTally.count(trimmed(*typeValue), std::string(toKey(r.type)));
                    typed = true;
                } else {
                    r.fields[stripFieldPrefix(typeAttr)] = trimmed(*typeValue);
                    ++unknownTypes;
                }
            }
            std::optional<double> weight;
            bool hasStrength = false;
            for (const auto& [key, value] : f.attributes) {
                if (key == typeAttr) continue;
                const EdgeRole er = edgeRoleOf(key);
                switch (er) {
                    case EdgeRole::Strength:
                        if (auto s = at.whole(value, "the strength")) {
                            if (*s < kMinStrength || *s > kMaxStrength)
                                at.fail("strength must be 1 to 5, not " + std::to_string(*s));
                            r.strength = *s;
                            hasStrength = true;
                        }
                        break;
                    case EdgeRole::Weight: weight = at.number(value, "the weight"); break;
                    case EdgeRole::Frequency:
                        if (trimmedView(value).empty()) break;
                        if (auto fr = frequencyOf(value)) r.frequency = *fr;
                        else r.fields[key] = value;
                        break;
                    case EdgeRole::LastContact:
                        if (trimmedView(value).empty()) break;
                        r.lastContact = parseDate(trimmed(value));
                        if (!r.lastContact) at.fail("last contact " + quote(value) + " is not a date (use 2026-11-23)");
                        break;
                    case EdgeRole::Mutual: r.mutual = r.mutual || at.yesNo(value, "mutual"); break;
                    case EdgeRole::Note: r.note = value; break;
                    case EdgeRole::Direction: {
                        const std::string d = normaliseKey(value);
                        if (d == "undirected" || d == "mutual" || d == "wederzijds" || d == "ongericht") r.mutual = true;
                        break;
                    }
                    case EdgeRole::Label: {
                        const std::string t = trimmed(value);
                        if (t.empty()) break;
                        const auto parsed = typeOf(t);
                        if (!typed && parsed) {
                            r.type = *parsed;
                            typed = true;
                        } else if (!(typed && parsed == r.type)) {
                            r.fields[key] = value;
                            keptEdge.insert(key);
                        }
                        break;
                    }
                    case EdgeRole::Visual: break;
                    case EdgeRole::None:
                        if (!trimmedView(value).empty()) {
                            const std::string field = stripFieldPrefix(key);
                            r.fields[field] = value;
                            keptEdge.insert(field);
                        }
                        break;
                }
            }
            if (!hasStrength && weight) r.strength = std::clamp(strengthOf(*weight), kMinStrength, kMaxStrength);
            if (!typed && !typeValue) ++untypedEdges;
            parts.add(std::make_unique<AddRelationCommand>(std::move(r)), f.line);
            ++report.relationsAdded;
        });
    if (keepIds) parts.add(std::make_unique<ReserveIdsCommand>(g.nextNodeId, g.nextRelationId), 0);

    // What was mapped and what was kept, in plain words.
    if (!kindTally.empty())
        report.notes.push_back("kinds from " + quotedNames(kindAttributes) + ": " + kindTally.describe());
    if (unknownKinds)
        report.notes.push_back(std::to_string(unknownKinds) + " node(s) had a kind Kring does not know; they became "
                               "organisations and kept the value as a plain field (map values with --map VALUE=KIND)");
    if (untyped && !g.nodes.empty())
        report.notes.push_back(std::to_string(untyped) + " node(s) had no kind" +
                               (mapping.kindFrom.empty() ? std::string(" (no attribute 'kind', 'type' or 'element type')")
                                                         : " (no attribute " + quote(mapping.kindFrom) + ")") +
                               "; they became organisations (choose one with --kind-from ATTR)");
    if (!ringTally.empty()) report.notes.push_back("rings from " + quotedNames(ringAttributes) + ": " + ringTally.describe());
    if (!unknownRings.empty())
        report.notes.push_back("ring value(s) " + quotedNames(unknownRings) +
                               " are not rings 0 to 3; those nodes have no ring and kept the value as a plain field "
                               "(map values with --map-ring VALUE=RING)");
    if (!mapping.ringFrom.empty() && ringAttributes.empty())
        report.notes.push_back("no node has the attribute " + quote(mapping.ringFrom) + " named by --ring-from");
    if (!mapping.kindFrom.empty() && kindAttributes.empty())
        report.notes.push_back("no node has the attribute " + quote(mapping.kindFrom) + " named by --kind-from");
    if (!typeTally.empty())
        report.notes.push_back("relation types from " + quotedNames(typeAttributes) + ": " + typeTally.describe());
    if (unknownTypes)
        report.notes.push_back(std::to_string(unknownTypes) + " relation(s) had a type Kring does not know; they became "
                               "collaborations and kept the value as a plain field (map values with --map-type VALUE=TYPE)");
    if (untypedEdges && !g.writtenByKring)
        report.notes.push_back(std::to_string(untypedEdges) + " relation(s) had no type; they became collaborations");
    if (loops) report.notes.push_back(std::to_string(loops) + " edge(s) from a node to itself were skipped");
    if (!kept.empty() && !g.writtenByKring) report.notes.push_back("kept node attribute(s) " + quotedNames(kept) + " as plain fields");
    if (!keptEdge.empty() && !g.writtenByKring)
        report.notes.push_back("kept edge attribute(s) " + quotedNames(keptEdge) + " as plain fields");
    if (drawing && !g.writtenByKring)
        report.notes.push_back("positions, colours and shapes in the file were not used: Kring places nodes by ring "
                               "and colours them by kind");

    ImportPlan plan;
    const std::string en = std::to_string(report.nodesAdded) + " nodes, " + std::to_string(report.relationsAdded) + " relations";
    const std::string nl =
        std::to_string(report.nodesAdded) + " knooppunten, " + std::to_string(report.relationsAdded) + " relaties";
    plan.command = parts.finish(en, nl);
    plan.report = std::move(report);
    return plan;
}

}  // namespace kring
