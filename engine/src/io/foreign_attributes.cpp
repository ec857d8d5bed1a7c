// SPDX-License-Identifier: EUPL-1.2
// The names foreign attributes go by: the user's mapping options, the roles attribute names
// play when read, the attributes Kring's fields are written as, and Kring's project details
// in a graph attribute. docs/interchange.md describes them.
// [SECTION] names
// [SECTION] mapping options
// [SECTION] attribute names
// [SECTION] writing Kring's fields
// [SECTION] project details

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "kring/core/error.h"
#include "kring/io/foreign_mapping.h"
#include "foreign_reading.h"

namespace kring {

// [SECTION] names

namespace detail {

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

std::optional<std::uint64_t> kringIdOf(const std::string& foreign, char prefix) {
    if (foreign.size() < 2 || foreign.size() > 20 || foreign[0] != prefix) return std::nullopt;
    std::uint64_t id = 0;
    const auto [end, ec] = std::from_chars(foreign.data() + 1, foreign.data() + foreign.size(), id);
    if (ec != std::errc() || end != foreign.data() + foreign.size() || id == 0) return std::nullopt;
    return id;
}

}  // namespace detail

namespace {

using detail::looseName;
using detail::trimmed;

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


std::string joinBars(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& s : list) out += (out.empty() ? "" : "|") + s;
    return out;
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

std::string foreignNodeId(NodeId id) {
    return "n" + std::to_string(id);
}
std::string foreignEdgeId(RelationId id) {
    return "e" + std::to_string(id);
}

// [SECTION] attribute names

namespace detail {

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

}  // namespace detail

using detail::edgeRoles;
using detail::kFieldPrefix;
using detail::kKindDefaults;
using detail::kTypeDefaults;
using detail::nodeRoles;

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

}  // namespace kring
