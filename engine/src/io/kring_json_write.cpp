// SPDX-License-Identifier: EUPL-1.2
// Writing Kring JSON (the format: kring_json.cpp, which reads it). Fields at their default value
// are left out, keys come in a fixed order and numbers in their shortest exact form, so writing
// is deterministic and export → import → export is byte-identical.

#include <map>
#include <nlohmann/json.hpp>

#include "kring/io/kring_json.h"

namespace kring {

namespace {

using Json = nlohmann::ordered_json;

void putList(Json& j, const char* key, const std::vector<std::string>& list) {
    if (!list.empty()) j[key] = list;
}

void putText(Json& j, const char* key, const std::string& text) {
    if (!text.empty()) j[key] = text;
}

void putFields(Json& j, const std::map<std::string, std::string>& fields) {
    if (fields.empty()) return;
    Json f = Json::object();
    for (const auto& [k, v] : fields) f[k] = v;
    j["fields"] = f;
}

Json nodeToJson(const Node& n) {
    Json j;
    j["id"] = n.id;
    j["kind"] = toKey(n.kind);
    putText(j, "name", n.name);
    if (n.ring != Ring::None) j["ring"] = toKey(n.ring);
    putList(j, "domains", n.domains);
    putList(j, "targetGroups", n.targetGroups);
    putList(j, "tags", n.tags);
    putText(j, "notes", n.notes);
    putText(j, "discipline", n.discipline);
    putList(j, "expertise", n.expertise);
    if (n.hoursPerMonth != 0) j["hoursPerMonth"] = n.hoursPerMonth;
    if (n.signaller != SignallerRole::None) j["signaller"] = toKey(n.signaller);
    if (n.waitingListWeeks) j["waitingListWeeks"] = *n.waitingListWeeks;
    if (!n.agreements.empty()) {
        Json a;
        putText(a, "involvement", n.agreements.involvement);
        putText(a, "referral", n.agreements.referral);
        putText(a, "lead", n.agreements.lead);
        j["agreements"] = a;
    }
    putText(j, "alias", n.alias);
    if (n.vulnerable) j["vulnerable"] = true;
    if (n.owner != kNoNode) j["owner"] = n.owner;
    if (n.backupOwner != kNoNode) j["backupOwner"] = n.backupOwner;
    if (!n.teamOwners.empty()) {
        Json list = Json::array();
        for (const TeamOwnership& t : n.teamOwners) {
            Json o;
            o["team"] = t.team;
            if (t.owner != kNoNode) o["owner"] = t.owner;
            if (t.backup != kNoNode) o["backupOwner"] = t.backup;
            list.push_back(std::move(o));
        }
        j["teamOwners"] = std::move(list);
    }
    if (n.priorityOverride) j["priorityOverride"] = *n.priorityOverride;
    if (n.rhythmDays) j["rhythmDays"] = *n.rhythmDays;
    putFields(j, n.fields);
    return j;
}

Json relationToJson(const Relation& r) {
    Json j;
    j["id"] = r.id;
    j["from"] = r.from;
    j["to"] = r.to;
    j["type"] = toKey(r.type);
    j["strength"] = r.strength;
    if (r.frequency != Frequency::Unknown) j["frequency"] = toKey(r.frequency);
    if (r.lastContact) j["lastContact"] = r.lastContact->iso();
    if (r.mutual) j["mutual"] = true;
    putText(j, "note", r.note);
    putFields(j, r.fields);
    return j;
}

Json contactToJson(const Contact& c) {
    Json j;
    j["id"] = c.id;
    j["date"] = c.date.iso();
    j["member"] = c.member;
    j["partner"] = c.partner;
    j["kind"] = toKey(c.kind);
    j["initiative"] = toKey(c.initiative);
    putText(j, "note", c.note);
    if (c.followUp) j["followUp"] = c.followUp->iso();
    return j;
}

}  // namespace

std::string writeKringJson(const Network& net) {
    Json root;
    root["format"] = "kring";
    root["version"] = kKringJsonVersion;
    Json project;
    project["name"] = net.info().name;
    project["domains"] = net.info().domains;
    Json need = Json::object();
    for (const auto& [domain, weight] : net.info().need) need[domain] = weight;
    project["need"] = need;
    Json settings = Json::object();
    for (const auto& [k, v] : net.info().settings) settings[k] = v;
    project["settings"] = settings;
    project["nextNodeId"] = net.nextNodeId();
    project["nextRelationId"] = net.nextRelationId();
    if (!net.contacts().empty()) project["nextContactId"] = net.nextContactId();
    root["project"] = project;
    Json nodes = Json::array();
    for (const Node& n : net.nodes()) nodes.push_back(nodeToJson(n));
    root["nodes"] = nodes;
    Json relations = Json::array();
    for (const Relation& r : net.relations()) relations.push_back(relationToJson(r));
    root["relations"] = relations;
    if (!net.contacts().empty()) {
        Json contacts = Json::array();
        for (const Contact& c : net.contacts()) contacts.push_back(contactToJson(c));
        root["contacts"] = contacts;
    }
    return root.dump(2) + "\n";
}

}  // namespace kring
