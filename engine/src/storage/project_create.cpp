// SPDX-License-Identifier: EUPL-1.2
// Creating a project file: made in memory, then written whole the one safe way (core/files.h).

#include "kring/storage/project.h"

#include <filesystem>

#include "kring/core/files.h"

#include "storage/database.h"
#include "storage/rows.h"
#include "storage/schema.h"

namespace kring {

namespace fs = std::filesystem;
using rows::configure;
using rows::writeAll;

Project Project::create(const std::string& path, const std::string& name, CommandPtr first) {
    std::error_code ec;
    if (fs::exists(path, ec))
        throw Error(ErrorKind::InvalidInput, "already exists; choose another name or open it", path);
    ProjectInfo info = Network().info();
    info.name = name;
    Network network = Network::assemble(std::move(info), {}, {});
    if (first) first->apply(network);
    return createFrom(path, std::move(network), std::move(first));
}

Project Project::createFrom(const std::string& path, Network network, CommandPtr applied) {
    std::error_code ec;
    if (fs::exists(path, ec))
        throw Error(ErrorKind::InvalidInput, "already exists; choose another name or open it", path);
    // The project is made in memory, without a journal (there is nothing to roll back to), and
    // written as one file the safe way: forced to disk once, and named only when whole and only
    // if the name is still free (another process may have made the file since). So the file
    // under that name is always a complete project, and making it costs one sync instead of a
    // journal's several.
    FileWriter file(path, WriteOptions{Durability::Synced, false, true});
    {
        Database db;
        db.exec("PRAGMA journal_mode = OFF");
        Transaction t(db);
        for (std::string_view step : schema::kMigrations) db.exec(step);
        db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
        writeAll(db, network);
        t.commit();
        file.write(DatabaseImage(db).bytes());
    }
    file.commit();
    auto db = std::make_unique<Database>(path, false, false);
    configure(*db);
    Project p(path, std::move(db), Mode::ReadWrite);
    p.openedVersion_ = kSchemaVersion;
    p.network_ = std::move(network);
    p.network_.clearDirty();
    p.dataVersion_ = p.db_->queryInt("PRAGMA data_version");
    if (applied) p.history_.push(std::move(applied));
    return p;
}

}  // namespace kring
