// SPDX-License-Identifier: EUPL-1.2
// kring: the command-line front end over the engine. Exit status 0 on success, 1 on a user
// error (the message names the file, line and problem), 2 on wrong usage.

#include <iostream>
#include <map>

#include "cli.h"
#include "kring/core/error.h"

namespace kring::cli {

void say(const std::string& line) { std::cout << line << '\n'; }
void warn(const std::string& line) { std::cerr << line << '\n'; }

}  // namespace kring::cli

int main(int argc, char** argv) {
    using namespace kring;
    CLI::App app{"Kring: map, analyse and share the partner network of a sociaal wijkteam.", "kring"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "kring 0.1.0");
    app.footer("Run 'kring COMMAND --help' for the options of a command.");

    std::map<CLI::App*, cli::Handler> handlers;
    cli::Registry registry{[&](CLI::App* sub, cli::Handler h) { handlers[sub] = std::move(h); }};
    cli::addProjectCommands(app, registry);
    cli::addTransferCommands(app, registry);
    cli::addAnalysisCommands(app, registry);
    cli::addAssignCommands(app, registry);
    cli::addLayoutCommands(app, registry);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "kring: " << e.what() << "\nRun 'kring --help' for usage.\n";
        return 2;
    }

    for (const auto& [sub, handler] : handlers) {
        if (!sub->parsed()) continue;
        try {
            return handler();
        } catch (const Error& e) {
            std::cerr << "kring " << sub->get_name() << ": " << e.what() << '\n';
            return 1;
        } catch (const std::exception& e) {
            std::cerr << "kring " << sub->get_name() << ": unexpected error: " << e.what() << '\n';
            return 1;
        }
    }
    return 2;
}
