// SPDX-License-Identifier: EUPL-1.2
// kring roles: the team database's group roles set up, a member's login role granted one of
// them or none, and who may do what. What each role may do is in access.cpp.

#include <array>

#include "kring/storage/postgres.h"
#include "storage/postgres/access.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/history.h"
#include "storage/postgres/team_schema.h"

namespace kring::postgres {

namespace {

// PostgreSQL's longest name (NAMEDATALEN - 1).
constexpr std::size_t kMaxRoleName = 63;

const std::string kDocs = "see docs/postgres.md, 'Setting up the team database'";

std::string quoted(const std::string& s) { return "'" + s + "'"; }


// The roles recorded, else named after the database: kring_noord → kring_noord_reader, …
TeamRoles teamRoles(pg::Connection& c) {
    if (auto recorded = pg::recordedRoles(c)) return *recorded;
    const std::string database = c.query("SELECT current_database()").text(0, 0);
    TeamRoles roles{database + "_reader", database + "_editor", database + "_residents"};
    if (roles.residents.size() > kMaxRoleName)
        throw Error(ErrorKind::InvalidInput,
                    "the database's name is too long to name its roles after (" + quoted(roles.residents) +
                        " is over 63 bytes); give the team's database a shorter name",
                    c.name());
    return roles;
}

std::array<const std::string*, 3> allOf(const TeamRoles& r) { return {&r.reader, &r.editor, &r.residents}; }

struct RoleFacts {
    bool exists = false;
    bool login = false;
    bool superuser = false;
    bool createRole = false;
};

RoleFacts factsOf(pg::Connection& c, const std::string& role) {
    const pg::Result r =
        c.query("SELECT rolcanlogin, rolsuper, rolcreaterole FROM pg_roles WHERE rolname = $1", {role});
    if (r.rows() == 0) return {};
    return {true, r.view(0, 0) == "t", r.view(0, 1) == "t", r.view(0, 2) == "t"};
}

std::string currentRole(pg::Connection& c) { return c.query("SELECT current_user").text(0, 0); }

// Whether `member` was granted `group` itself (not through another role).
bool grantedDirectly(pg::Connection& c, const std::string& group, const std::string& member) {
    return c.query(
                "SELECT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                "JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = $1 AND u.rolname = $2)",
                {group, member})
               .view(0, 0) == "t";
}

void grantRole(pg::Connection& c, const std::string& group, const std::string& member) {
    if (grantedDirectly(c, group, member)) return;
    c.exec("GRANT " + pg::quoteIdentifier(group) + " TO " + pg::quoteIdentifier(member),
           "cannot grant " + quoted(group) + " to " + quoted(member) +
               " (granting needs CREATEROLE, or ADMIN OPTION on the team's roles; " + kDocs + ")");
}

void revokeRole(pg::Connection& c, const std::string& group, const std::string& member) {
    if (!grantedDirectly(c, group, member)) return;
    c.exec("REVOKE " + pg::quoteIdentifier(group) + " FROM " + pg::quoteIdentifier(member),
           "cannot take " + quoted(group) + " back from " + quoted(member) +
               " (that needs CREATEROLE, or ADMIN OPTION on the team's roles; " + kDocs + ")");
    if (grantedDirectly(c, group, member))
        throw Error(ErrorKind::ReadOnly,
                    "cannot take " + quoted(group) + " back from " + quoted(member) +
                        ": another role granted it; the server's administrator can",
                    c.name());
}

// Creates what is missing and (re)grants everything, inside the caller's transaction.
void setUp(pg::Connection& c, const TeamRoles& roles) {
    const std::string self = currentRole(c);
    const RoleFacts facts = factsOf(c, self);
    const std::string owner = pg::tablesOwner(c);
    const bool ownsTables = c.query("SELECT pg_has_role($1, 'USAGE')", {owner}).view(0, 0) == "t";
    if (!ownsTables)
        throw Error(ErrorKind::ReadOnly,
                    "only the owner of the team's tables (" + quoted(owner) +
                        ") or the server's administrator may set up who may do what, and " + quoted(self) +
                        " is neither",
                    c.name());
    std::string missing;
    for (const std::string* role : allOf(roles)) {
        const RoleFacts group = factsOf(c, *role);
        if (!group.exists)
            missing += (missing.empty() ? "" : ", ") + quoted(*role);
        else if (group.login)
            throw Error(ErrorKind::InvalidInput,
                        "the server already has a login role named " + quoted(*role) +
                            ", the name of one of this team's group roles; rename that login role",
                        c.name());
    }
    if (!missing.empty() && !facts.superuser && !facts.createRole)
        throw Error(ErrorKind::ReadOnly,
                    "cannot create the team's roles (" + missing + "): " + quoted(self) +
                        " may not create roles; ask the server's administrator to run 'kring roles URI --setup' once, "
                        "or to give " +
                        quoted(self) + " CREATEROLE (" + kDocs + ")",
                    c.name());
    for (const std::string* role : allOf(roles))
        if (!factsOf(c, *role).exists)
            c.exec("CREATE ROLE " + pg::quoteIdentifier(*role) + " NOLOGIN", "cannot create the role " + quoted(*role));
    grantRole(c, roles.reader, roles.editor);
    grantRole(c, roles.reader, roles.residents);
    pg::installHistory(c);
    pg::applyAccess(c, roles);
}

bool isSetUp(pg::Connection& c, const TeamRoles& roles) {
    if (!pg::recordedRoles(c)) return false;
    for (const std::string* role : allOf(roles))
        if (!factsOf(c, *role).exists) return false;
    return true;
}

// A member's role as --grant and --revoke take it: a login role that is not the owner.
void checkMember(pg::Connection& c, const std::string& member, const TeamRoles& roles) {
    const RoleFacts facts = factsOf(c, member);
    if (!facts.exists)
        throw Error(ErrorKind::NotFound,
                    "there is no role " + quoted(member) +
                        " on the server; IT first creates each member's own login role (CREATE ROLE " +
                        pg::quoteIdentifier(member) + " LOGIN; " + kDocs + ")",
                    c.name());
    for (const std::string* role : allOf(roles))
        if (member == *role)
            throw Error(ErrorKind::InvalidInput, quoted(member) + " is one of the team's group roles, not a member's",
                        c.name());
    if (!facts.login)
        throw Error(ErrorKind::InvalidInput,
                    quoted(member) + " is not a login role; grant access to a member's own login role", c.name());
    if (facts.superuser)
        throw Error(ErrorKind::InvalidInput,
                    quoted(member) + " is a server administrator (superuser) and may already do everything", c.name());
    if (member == pg::tablesOwner(c))
        throw Error(ErrorKind::InvalidInput, quoted(member) + " owns the team's tables and may already do everything",
                    c.name());
}

// Connects in one transaction that holds the lock push also takes, so the two do not interleave.
struct Session {
    explicit Session(const std::string& uri) : c(uri), t(c) {
        pg::lockTeam(c);
        pg::requireTeam(c);
    }
    pg::Connection c;
    pg::Transaction t;
};

}  // namespace

void setUpRoles(const std::string& uri) {
    Session s(uri);
    setUp(s.c, teamRoles(s.c));
    s.t.commit();
}

void grantAccess(const std::string& uri, const std::string& member, Access access, bool residents) {
    Session s(uri);
    const TeamRoles roles = teamRoles(s.c);
    checkMember(s.c, member, roles);
    if (!isSetUp(s.c, roles)) setUp(s.c, roles);
    const bool editor = access == Access::Editor;
    // The editor role holds the reader's rights already.
    for (const auto& [role, wanted] : {std::pair{&roles.reader, !editor}, std::pair{&roles.editor, editor},
                                       std::pair{&roles.residents, residents}}) {
        if (wanted)
            grantRole(s.c, *role, member);
        else
            revokeRole(s.c, *role, member);
    }
    s.t.commit();
}

bool revokeAccess(const std::string& uri, const std::string& member) {
    Session s(uri);
    const auto roles = pg::recordedRoles(s.c);
    if (!roles) throw Error(ErrorKind::NotFound, "has no roles set up yet, so nobody holds one", s.c.name());
    checkMember(s.c, member, *roles);
    bool held = false;
    for (const std::string* role : allOf(*roles)) {
        held = held || grantedDirectly(s.c, *role, member);
        revokeRole(s.c, *role, member);
    }
    s.t.commit();
    return held;
}

AccessReport listAccess(const std::string& uri) {
    pg::Connection c(uri);
    pg::Transaction t(c, "BEGIN READ ONLY");
    pg::requireTeam(c);
    AccessReport report;
    report.owner = pg::tablesOwner(c);
    report.roles = pg::recordedRoles(c);
    if (report.roles && !isSetUp(c, *report.roles)) report.roles.reset();
    // Without roles only the owner and the administrators may use the team.
    const std::string has = report.roles ? "pg_has_role(r.oid, $2, 'USAGE'), pg_has_role(r.oid, $3, 'USAGE'), "
                                           "pg_has_role(r.oid, $4, 'USAGE')"
                                         : "false, false, false";
    std::vector<std::string> params{report.owner};
    if (report.roles)
        params.insert(params.end(), {report.roles->reader, report.roles->editor, report.roles->residents});
    const pg::Result r = c.query("SELECT r.rolname, r.rolname = $1, r.rolsuper, " + has +
                                     ", r.rolcanlogin, has_database_privilege(r.oid, current_database(), 'CONNECT') "
                                     "FROM pg_roles r WHERE r.rolname NOT LIKE 'pg\\_%' " +
                                     (report.roles ? "AND r.rolname NOT IN ($2, $3, $4) " : "") + "ORDER BY r.rolname",
                                 params);
    for (int i = 0; i < r.rows(); ++i) {
        MemberAccess m;
        m.role = r.text(i, 0);
        m.owner = r.view(i, 1) == "t";
        m.administrator = r.view(i, 2) == "t";
        m.reader = r.view(i, 3) == "t";
        m.editor = r.view(i, 4) == "t";
        m.residents = r.view(i, 5) == "t";
        m.canLogin = r.view(i, 6) == "t";
        m.canConnect = r.view(i, 7) == "t";
        const bool listed = m.owner || (m.administrator ? m.canLogin : m.reader || m.editor || m.residents);
        if (listed) report.members.push_back(std::move(m));
    }
    t.commit();
    return report;
}

}  // namespace kring::postgres
