// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Inside io/: what Kring's attribute names for the interchange formats (foreign_attributes.cpp),
// the readers' text helpers (foreign_text.cpp) and the plan that maps a foreign graph onto the
// model (foreign_mapping.cpp) share: loose names, the roles foreign attribute names play, and
// the small helpers the plan reads values with.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kring/core/error.h"
#include "kring/io/foreign_mapping.h"

namespace kring::detail {

// [SECTION] names

std::string quote(const std::string& s);
std::string_view trimmedView(std::string_view s);
std::string trimmed(std::string_view s);
// Attribute names compared loosely: "Hours per month", "hoursPerMonth" and "hours_per_month" match.
std::string looseName(std::string_view s);
// "a|b| a" → {"a", "b"}: trimmed, without repeats.
std::vector<std::string> splitBars(std::string_view s);
// Kring's own id from "n12" (prefix 'n') or "e7" (prefix 'e'); nullopt for anything else.
std::optional<std::uint64_t> kringIdOf(const std::string& foreign, char prefix);

// [SECTION] the roles of attribute names

enum class NodeRole {
    None, Label, Domains, TargetGroups, Tags, Notes, Discipline, Expertise, Hours, Signaller, Waiting,
    Involvement, Referral, Lead, Alias, Vulnerable, Owner, Backup, Priority, Visual,
};
enum class EdgeRole { None, Strength, Weight, Frequency, LastContact, Mutual, Note, Direction, Label, Visual };

const std::unordered_map<std::string, NodeRole>& nodeRoles();
const std::unordered_map<std::string, EdgeRole>& edgeRoles();

inline constexpr const char* kKindDefaults[] = {"kind", "element type", "type", "soort", "category", "categorie"};
inline constexpr const char* kRingDefaults[] = {"ring"};
inline constexpr const char* kTypeDefaults[] = {"type", "connection type", "relation type", "relation", "relatie", "soort"};

inline constexpr std::string_view kFieldPrefix = "field:";

// [SECTION] reading values

// Control characters (other than tab and line ends) cannot be written to XML: they are dropped on
// the way in, so what is imported can always be exported. Attributes without a name are dropped.
void cleanText(ForeignGraph& g);
void cleanString(std::string& s);

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

inline std::string stripFieldPrefix(const std::string& key) {
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


}  // namespace kring::detail
