// SPDX-License-Identifier: EUPL-1.2
// Kumu-style and Gephi-style tables: reading connections and edges.

#include <map>
#include <set>

#include "kring/io/spreadsheet.h"
#include "spreadsheet_columns.h"

namespace kring {

namespace {

using namespace sheet;

// [SECTION] relations: Kumu connections and Gephi edges

struct RelationColumns {
    int from, to, type, direction, strength, weight, frequency, lastContact, mutual, note;
    std::vector<int> extra;

    RelationColumns(const CsvTable& t, bool gephi) {
        from = t.column(gephi ? Names(kSource) : Names(kFrom));
        to = t.column(gephi ? Names(kTarget) : Names(kTo));
        type = t.column(gephi ? Names(kGephiRelation) : Names(kKumuType));
        direction = t.column(gephi ? Names(kGephiDirection) : Names(kKumuDirection));
        strength = t.column(kStrength);
        weight = t.column(kWeight);
        frequency = t.column(kFrequency);
        lastContact = t.column(kLastContact);
        mutual = t.column(kMutual);
        note = t.column(kNote);
        std::set<int> known = {from,   to,        type,        direction, strength,
                               weight, frequency, lastContact, mutual,    note};
        if (gephi) known.insert({t.column(kGephiEdgeId), t.column(kTimeset)});
        for (int c = 0; c < static_cast<int>(t.header.size()); ++c)
            if (!known.count(c) && !t.header[static_cast<std::size_t>(c)].empty()) extra.push_back(c);
    }
};

// Turns a Gephi weight into a strength: 1–5 kept (rounded), other ranges scaled onto 1–5.
struct WeightScale {
    bool scale = false;
    double low = 1, high = 5;

    int strength(double w) const {
        if (!scale) return static_cast<int>(std::lround(w));
        if (high <= low) return 3;
        return kMinStrength +
               static_cast<int>(std::lround((w - low) / (high - low) * (kMaxStrength - kMinStrength)));
    }
};

ImportPlan planRelations(std::string_view text, const std::string& name, Network& work,
                         ImportContext& context, bool gephi) {
    const CsvTable table = parseCsv(text, name);
    requireCellSizes(table, name);
    const RelationColumns cols(table, gephi);
    if (cols.from < 0 || cols.to < 0)
        throw Error(ErrorKind::InvalidInput,
                    gephi ? "an edge table needs 'Source' and 'Target' columns"
                          : "a connections table needs 'From' and 'To' columns (Dutch: 'Van' and 'Naar')",
                    name, table.headerLine);
    ImportReport report;
    report.source = name;
    report.format = gephi ? ImportFormat::GephiEdges : ImportFormat::KumuConnections;
    noteEncoding(table, report);

    // Weights (Gephi's are any number) count where no strength is given; they are scaled
    // over the file's range when any lies outside 1–5. Bad weights are reported by their row.
    WeightScale scale;
    if (cols.weight >= 0) {
        std::vector<double> weights;
        for (std::size_t i = 0; i < table.rows.size(); ++i) {
            const Row row{table, i, name};
            if (!row.cell(cols.strength).empty()) continue;
            try {
                if (auto w = row.number(cols.weight, "the weight")) weights.push_back(*w);
            } catch (const Error&) {
            }
        }
        if (!weights.empty()) {
            const auto [lo, hi] = std::minmax_element(weights.begin(), weights.end());
            scale.low = *lo;
            scale.high = *hi;
            scale.scale = *lo < kMinStrength || *hi > kMaxStrength;
            if (scale.scale)
                report.notes.push_back("weights " + formatNumber(scale.low) + " to " +
                                       formatNumber(scale.high) + " were scaled to strengths 1 to 5");
        }
    }

    std::size_t unknownTypes = 0;
    PlanBuilder builder(work, name);
    for (std::size_t i = 0; i < table.rows.size(); ++i)
        guarded(context, [&] {
            const Row row{table, i, name};
            const std::string fromText = row.cell(cols.from);
            const std::string toText = row.cell(cols.to);
            const std::string fromName(gephi ? "Source" : "From"), toName(gephi ? "Target" : "To");
            if (fromText.empty()) row.fail(q(fromName) + " is empty");
            // Kumu fans `a|b` out into one relation per target.
            const std::vector<std::string> targets =
                gephi ? std::vector<std::string>{toText} : splitList(toText);
            if (toText.empty() || targets.empty()) row.fail(q(toName) + " is empty");

            Relation r;
            r.from = resolve(fromText, work, context, row, "the relation refers to unknown partner");
            if (const std::string t = row.cell(cols.type); !t.empty()) {
                if (auto parsed = parseRelationType(t)) {
                    r.type = *parsed;
                } else {
                    r.fields["type"] = t;
                    ++unknownTypes;
                }
            }
            if (const std::string d = normaliseKey(row.cell(cols.direction)); !d.empty()) {
                if (d == "undirected" || d == "mutual" || d == "wederzijds" || d == "ongericht")
                    r.mutual = true;
                else if (d != "directed" && d != "gericht")
                    row.fail("direction must be directed or undirected, not " + q(row.cell(cols.direction)));
            }
            if (auto s = row.whole(cols.strength, "strength")) {
                if (*s < kMinStrength || *s > kMaxStrength)
                    row.fail("strength must be 1 to 5, not " + std::to_string(*s));
                r.strength = *s;
            } else if (auto w = row.number(cols.weight, "the weight")) {
                r.strength = std::clamp(scale.strength(*w), kMinStrength, kMaxStrength);
            }
            if (const std::string f = row.cell(cols.frequency); !f.empty()) {
                const auto parsed = parseFrequency(f);
                if (!parsed)
                    row.fail("unknown contact frequency " + q(f) +
                             " (use weekly, monthly, quarterly, yearly or rarely)");
                r.frequency = *parsed;
            }
            if (const std::string d = row.cell(cols.lastContact); !d.empty()) {
                r.lastContact = parseDate(d);
                if (!r.lastContact)
                    row.fail("last contact " + q(d) + " is not a date (use 2026-11-23 or 23-11-2026)");
            }
            if (auto m = row.yesNo(cols.mutual, "mutual")) r.mutual = *m;
            r.note = row.cell(cols.note);
            for (int c : cols.extra)
                if (std::string value = row.cell(c); !value.empty())
                    r.fields[table.header[static_cast<std::size_t>(c)]] = std::move(value);
            for (const auto& target : targets) {
                Relation one = r;
                one.to = resolve(target, work, context, row, "the relation refers to unknown partner");
                one.id = work.allocateRelationId();
                builder.add(std::make_unique<AddRelationCommand>(std::move(one)), row.line());
                ++report.relationsAdded;
            }
        });
    if (unknownTypes)
        report.notes.push_back(
            std::to_string(unknownTypes) +
            " relation(s) had a type Kring does not know; they became collaborations and kept "
            "the original as field 'type'");
    if (!cols.extra.empty()) {
        std::vector<std::string> kept;
        for (int c : cols.extra) kept.push_back(table.header[static_cast<std::size_t>(c)]);
        report.notes.push_back("kept column(s) " + quotedList(kept) + " as plain fields");
    }
    const std::string counts = std::to_string(report.relationsAdded);
    return builder.finish(std::move(report), counts + " relations", counts + " relaties");
}

}  // namespace

ImportPlan planKumuConnections(std::string_view text, const std::string& name, Network& work,
                               ImportContext& context) {
    return planRelations(text, name, work, context, false);
}
ImportPlan planGephiEdges(std::string_view text, const std::string& name, Network& work,
                          ImportContext& context) {
    return planRelations(text, name, work, context, true);
}

}  // namespace kring
