// SPDX-License-Identifier: EUPL-1.2
// kring push, pull: a project into the team's PostgreSQL database and back (docs/postgres.md).

#include <memory>
#include <string>

#include "cli.h"
#include "kring/storage/postgres.h"

namespace kring::cli {

namespace {

std::string summary(const postgres::TransferCounts& c) {
    return std::to_string(c.nodes) + " nodes, " + std::to_string(c.relations) + " relations, " +
           std::to_string(c.contacts) + " contact moments, " + std::to_string(c.snapshots) + " snapshots";
}

}  // namespace

void addTeamDatabaseCommands(CLI::App& app, Registry& registry) {
    {
        auto* sub = app.add_subcommand("push", "Copy a project into the team's PostgreSQL database");
        auto path = std::make_shared<std::string>();
        auto uri = std::make_shared<std::string>();
        auto replace = std::make_shared<bool>(false);
        sub->add_option("FILE", *path, "The project file (.kring)")->required();
        sub->add_option("URI", *uri, "The team database, e.g. postgresql://wijkteam@db.example.nl/kring")->required();
        sub->add_flag("--replace", *replace, "Replace the team already in the database");
        registry.add(sub, [path, uri, replace] {
            const auto counts = postgres::push(*path, *uri, *replace);
            say("Pushed '" + counts.name + "' to " + postgres::redactUri(*uri) + ": " + summary(counts));
            return 0;
        });
    }
    {
        auto* sub = app.add_subcommand("pull", "Write the team's PostgreSQL database as a project file");
        auto uri = std::make_shared<std::string>();
        auto path = std::make_shared<std::string>();
        auto force = std::make_shared<bool>(false);
        sub->add_option("URI", *uri, "The team database, e.g. postgresql://wijkteam@db.example.nl/kring")->required();
        sub->add_option("FILE", *path, "The project file to write (.kring)")->required();
        sub->add_flag("--force", *force, "Replace FILE when it exists");
        registry.add(sub, [uri, path, force] {
            const auto counts = postgres::pull(*uri, *path, *force);
            say("Pulled '" + counts.name + "' into " + *path + ": " + summary(counts));
            return 0;
        });
    }
}

}  // namespace kring::cli
