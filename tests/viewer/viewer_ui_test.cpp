// SPDX-License-Identifier: EUPL-1.2
// kring-view's UI logic without a window: an ImGui context with no backend, fed scripted input.

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <stb_image.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "app.h"
#include "file_dialog.h"
#include "headless_ui.h"
#include "i18n.h"
#include "input_queue.h"
#include "kring/storage/project.h"
#include "support/builders.h"
#include "support/temp_dir.h"
#include "view_transform.h"

using namespace kring;
using namespace kring::viewer;
using namespace kring::test;
using namespace kring::viewer::test;

TEST_CASE("view transform: zoom keeps the point under the cursor, fit shows everything") {
    ViewTransform v;
    v.canvasOrigin = {100, 50};
    v.canvasSize = {800, 600};
    v.centre = {10, 20};
    v.zoom = 2;
    const Point cursor{300, 200};
    const Point before = v.toScene(cursor);
    v.zoomAt(cursor, 1.7);
    const Point after = v.toScene(cursor);
    CHECK(after.x == doctest::Approx(before.x));
    CHECK(after.y == doctest::Approx(before.y));
    const Point back = v.toScreen(v.toScene({123, 456}));
    CHECK(back.x == doctest::Approx(123));
    v.fit({-500, -100}, {500, 100});
    CHECK(v.visible({-499, -99}, {-498, -98}));
    CHECK(v.visible({498, 98}, {499, 99}));
    CHECK_FALSE(v.visible({2000, 2000}, {2001, 2001}));
}

TEST_CASE("viewer ui: clicking a node selects it, dragging a partner into another ring moves it, undoably") {
    TempDir dir;
    HeadlessUi ui;
    setLanguage(Lang::Nl);
    ViewerSettings settings;
    ViewerApp app(settings);
    REQUIRE(app.open(makeProject(dir)));
    ui.frame(app, {-100, -100}, false);
    ui.frame(app, {-100, -100}, false);
    REQUIRE_FALSE(app.scene().nodes.empty());

    const NodeId ggz = app.project()->network().findByName("GGZ Noord").front();
    REQUIRE(app.project()->network().node(ggz).ring == Ring::Second);
    const Point at = screenOf(app, ggz);
    ui.frame(app, at, false);
    ui.frame(app, at, true);
    ui.frame(app, at, false);

    // Drag it outwards to the middle of the "outside the neighbourhood" band.
    const SceneBand* outside = nullptr;
    for (const SceneBand& b : app.scene().bands)
        if (b.ring == Ring::Outside) outside = &b;
    REQUIRE(outside != nullptr);
    const SceneNode* node = app.scene().findNode(ggz);
    const double dx = node->centre.x - outside->centre.x, dy = node->centre.y - outside->centre.y;
    const double distance = std::hypot(dx, dy);
    const double target = (outside->innerRadius + outside->outerRadius) / 2;
    const Point drop = app.canvas().view().toScreen(
        {outside->centre.x + dx / distance * target, outside->centre.y + dy / distance * target});
    ui.frame(app, at, true);
    for (int step = 1; step <= 8; ++step)
        ui.frame(app, {at.x + (drop.x - at.x) * step / 8, at.y + (drop.y - at.y) * step / 8}, true);
    ui.frame(app, drop, false);
    CHECK(app.project()->network().node(ggz).ring == Ring::Outside);
    CHECK(app.project()->undoDescription(Lang::Nl).find("buiten de wijk") != std::string::npos);

    // Reopening shows the change: it was committed, not just drawn.
    CHECK(Project::open(app.project()->path()).network().node(ggz).ring == Ring::Outside);
}

TEST_CASE("viewer ui: at fit to window every partner of the city is named; selecting one focuses it") {
    TempDir dir;
    HeadlessUi ui;
    ViewerSettings settings;
    ViewerApp app(settings);
    // A copy: the viewer writes its view settings, never the built sample.
    std::filesystem::copy_file(KRING_SAMPLE_CITY, dir.file("city.kring"));
    REQUIRE(app.open(dir.file("city.kring")));
    for (int i = 0; i < 3; ++i) ui.frame(app, {-100, -100}, false);
    const Scene& scene = app.scene();
    REQUIRE(scene.nodes.size() > 100);
    std::size_t named = 0;
    for (const SceneNode& n : scene.nodes) named += !n.labelText.lines.empty() && n.labelVisible;
    CHECK(named == scene.nodes.size());
    CHECK(app.canvas().stats().labelsDrawn == scene.nodes.size());
    CHECK(std::any_of(scene.edges.begin(), scene.edges.end(), [](const SceneEdge& e) { return !e.curve.empty(); }));

    // Select a partner: its relations stay, the others and the unrelated nodes are dimmed.
    const NodeId ggd = app.project()->network().findByName("GGD Regio").front();
    const Point at = screenOf(app, ggd);
    ui.frame(app, at, false);
    ui.frame(app, at, true);
    ui.frame(app, at, false);
    ui.frame(app, {-100, -100}, false);
    const Scene& focused = app.scene();
    std::size_t lit = 0, dimmed = 0;
    for (const SceneEdge& e : focused.edges) {
        const bool touches = e.from == ggd || e.to == ggd;
        CHECK(e.dimmed != touches);
        (touches ? lit : dimmed)++;
    }
    CHECK(lit > 0);
    CHECK(dimmed > 0);
    CHECK_FALSE(focused.findNode(ggd)->dimmed);
}

TEST_CASE("viewer ui: a damaged file shows an error and keeps the open map") {
    TempDir dir;
    HeadlessUi ui;
    ViewerSettings settings;
    ViewerApp app(settings);
    REQUIRE(app.open(makeProject(dir)));
    const std::size_t nodes = app.project()->network().nodes().size();
    std::FILE* f = std::fopen(dir.file("kapot.kring").c_str(), "w");
    std::fputs("niet een project", f);
    std::fclose(f);
    CHECK_FALSE(app.open(dir.file("kapot.kring")));
    CHECK(app.lastError().find("kapot.kring") != std::string::npos);
    REQUIRE(app.project() != nullptr);
    CHECK(app.project()->network().nodes().size() == nodes);
    ui.frame(app, {10, 10}, false);  // the error dialog draws without trouble
}

TEST_CASE("viewer ui: every Dutch string differs from the English one where the words differ") {
    int same = 0;
    for (int i = 0; i < static_cast<int>(Text::Count_); ++i) {
        setLanguage(Lang::En);
        const std::string en = tr(static_cast<Text>(i));
        setLanguage(Lang::Nl);
        const std::string nl = tr(static_cast<Text>(i));
        CHECK_FALSE(nl.empty());
        if (en == nl) ++same;
    }
    // Words that are the same in both languages: Kring, Partners, Filters, Ring, Discipline, Alias.
    CHECK(same <= 6);
}

TEST_CASE("viewer screenshot under xvfb-run shows a map, not a blank window") {
    if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
        FAIL("xvfb-run is not installed (package xvfb); scripts/dev installs it");
        return;
    }
    TempDir dir;
    const std::string png = dir.file("shot.png");
    // Mesa's own allocations are not Kring's to fix: no leak check for the GL driver.
    const std::string command = "ASAN_OPTIONS=detect_leaks=0 xvfb-run -a -s '-screen 0 1920x1080x24' '" +
                                std::string(KRING_VIEW_BIN) + "' '" + makeProject(dir) + "' --screenshot '" + png +
                                "' --frames 4 --lang nl > '" + dir.file("out.txt") + "' 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load(png.c_str(), &w, &h, &channels, 4);
    REQUIRE(pixels != nullptr);
    CHECK(w >= 800);
    std::set<std::uint32_t> colours;
    std::size_t dark = 0;
    for (int i = 0; i < w * h; ++i) {
        const unsigned char* p = pixels + 4 * i;
        colours.insert(static_cast<std::uint32_t>(p[0] << 16 | p[1] << 8 | p[2]));
        if (p[0] + p[1] + p[2] < 200) ++dark;  // text and outlines
    }
    stbi_image_free(pixels);
    CHECK(colours.size() > 50);
    CHECK(dark > 500);
}

TEST_CASE("file chooser: the desktop's chooser where installed, cancel keeps the dialog shut, Kring's own otherwise") {
    HeadlessUi ui;
    TempDir dir;
    // A stand-in for zenity that answers with a fixed path, or cancels when told so.
    const std::string bin = dir.file("bin");
    std::filesystem::create_directories(bin);
    const std::string script = bin + "/zenity";
    {
        std::ofstream out(script);
        out << "#!/bin/sh\n"
               "for a in \"$@\"; do echo \"$a\" >> \"" << dir.file("args.txt") << "\"; done\n"
               "[ -f \"" << dir.file("cancel") << "\" ] && exit 1\n"
               "echo /tmp/gekozen.kring\n";
    }
    std::filesystem::permissions(script, std::filesystem::perms::owner_all);
    const std::string oldPath = std::getenv("PATH") ? std::getenv("PATH") : "";
    const char* oldDisplay = std::getenv("DISPLAY");
    const std::string keptDisplay = oldDisplay ? oldDisplay : "";
    setenv("PATH", (bin + ":" + oldPath).c_str(), 1);
    setenv("DISPLAY", ":99", 1);

    auto chooseOnce = [&](FileDialog& d) {
        d.open(FileDialog::Purpose::Save, "Opslaan als", {".kring"}, "kopie.kring");
        ImGui::NewFrame();
        auto chosen = d.draw();
        ImGui::Render();
        return chosen;
    };
    FileDialog native;
    native.setPreferNative(true);
    CHECK(chooseOnce(native) == std::optional<std::string>("/tmp/gekozen.kring"));
    CHECK_FALSE(native.isOpen());
    std::ifstream argsFile(dir.file("args.txt"));
    const std::string args((std::istreambuf_iterator<char>(argsFile)), std::istreambuf_iterator<char>());
    CHECK(args.find("--save") != std::string::npos);
    CHECK(args.find("*.kring") != std::string::npos);
    CHECK(args.find("kopie.kring") != std::string::npos);

    std::ofstream(dir.file("cancel")) << "";
    CHECK_FALSE(chooseOnce(native).has_value());
    CHECK_FALSE(native.isOpen());  // cancelled: no second, ImGui chooser

    FileDialog own;  // not preferring the desktop's: Kring's chooser opens
    CHECK_FALSE(chooseOnce(own).has_value());
    CHECK(own.isOpen());

    setenv("PATH", oldPath.c_str(), 1);
    if (oldDisplay) setenv("DISPLAY", keptDisplay.c_str(), 1); else unsetenv("DISPLAY");
}

TEST_CASE("viewer ui: propose division previews a plan, applies it as one undoable step, and goes stale when the map changes") {
    TempDir dir;
    HeadlessUi ui;
    setLanguage(Lang::En);
    SmallTeam t;
    for (NodeId m : {t.anna, t.bram}) {
        Node member = t.net.node(m);
        member.hoursPerMonth = 8;
        UpdateNodeCommand(member).apply(t.net);
    }
    const std::string path = dir.file("division.kring");
    Project::createFrom(path, t.net);
    ViewerSettings settings;
    ViewerApp app(settings);
    REQUIRE(app.open(path));
    ui.frame(app, {-100, -100}, false);

    app.proposeDivision(true);
    const AssignmentPlan* plan = app.proposal();
    REQUIRE(plan != nullptr);
    REQUIRE(plan->assignments.size() == 3);  // the GP, the school and GGZ; residents are not owned
    for (const Assignment& a : plan->assignments) {
        CHECK((a.owner.member == t.anna || a.owner.member == t.bram));
        REQUIRE(a.backup.has_value());
        CHECK(a.backup->member != a.owner.member);
    }
    ui.frame(app, {-100, -100}, false);  // the preview draws
    const std::map<NodeId, NodeId> owners = [&] {
        std::map<NodeId, NodeId> m;
        for (const Assignment& a : plan->assignments) m[a.partner] = a.owner.member;
        return m;
    }();
    std::map<NodeId, NodeId> ownersBefore;
    for (const auto& [partner, owner] : owners) ownersBefore[partner] = app.project()->network().node(partner).owner;
    REQUIRE(app.applyProposal());
    CHECK(app.proposal() == nullptr);
    for (const auto& [partner, owner] : owners) CHECK(app.project()->network().node(partner).owner == owner);
    const std::string step = app.project()->undoDescription(Lang::En);
    CHECK_FALSE(step.empty());
    // One undo step takes the whole division back.
    REQUIRE(app.undo());
    for (const auto& [partner, owner] : ownersBefore) CHECK(app.project()->network().node(partner).owner == owner);
    REQUIRE(app.redo());

    app.proposeDivision(false);
    REQUIRE(app.proposal() != nullptr);
    Node renamed = app.project()->network().node(t.gp);
    renamed.name = "Huisartsen De Linde";
    REQUIRE(app.run(std::make_unique<UpdateNodeCommand>(renamed)));
    CHECK(app.proposal() == nullptr);  // stale: the map changed
    CHECK_FALSE(app.applyProposal());
}

TEST_CASE("viewer ui: a startup session's large type is not saved as the general interface size") {
    TempDir dir;
    const std::string path = makeProject(dir);
    std::string ini;
    {
        HeadlessUi ui;
        ViewerSettings settings;
        registerSettingsHandler(settings);
        settings.uiScale = 1.25f;
        ViewerApp app(settings);
        REQUIRE(app.open(path));
        app.setSessionMode(true);
        REQUIRE(app.takeFontRebuild());
        ui.frame(app, {-100, -100}, false);
        CHECK(app.uiScale() == doctest::Approx(1.5f));
        CHECK(settings.uiScale == doctest::Approx(1.25f));
        ini = ImGui::SaveIniSettingsToMemory();  // what quitting in the session writes
        CHECK(ini.find("UiScale=1.25") != std::string::npos);
        CHECK(ini.find("UiScale=1.50") == std::string::npos);

        // Leaving the session gives back the size from before it.
        app.setSessionMode(false);
        CHECK(app.takeFontRebuild());
        ui.frame(app, {-100, -100}, false);
        CHECK(app.uiScale() == doctest::Approx(1.25f));
        CHECK(settings.uiScale == doctest::Approx(1.25f));
    }
    // The next start without --session reads the size the user had.
    HeadlessUi ui;
    ViewerSettings settings;
    registerSettingsHandler(settings);
    ImGui::LoadIniSettingsFromMemory(ini.c_str(), ini.size());
    ViewerApp app(settings);
    CHECK(app.uiScale() == doctest::Approx(1.25f));
    CHECK_FALSE(app.sessionMode());
}

namespace {

Point centreOf(const Panel& panel) {
    return {(panel.tabMin().x + panel.tabMax().x) / 2.0, (panel.tabMin().y + panel.tabMax().y) / 2.0};
}

// A tap: the pointer arrives, presses and lets go between two frames.
void tap(InputQueue& input, Point at, bool withMove = true) {
    if (withMove) input.mouseMoved(static_cast<float>(at.x), static_cast<float>(at.y));
    input.mouseButton(0, true);
    input.mouseButton(0, false);
}

}  // namespace

TEST_CASE("input queue: a move, press and release in one frame reach ImGui one per frame") {
    HeadlessUi ui;
    InputQueue& input = ui.input;
    ImGuiIO& io = ImGui::GetIO();
    tap(input, {40, 50});
    CHECK(input.apply(io));
    CHECK(io.MousePos.x == 40);
    CHECK_FALSE(io.MouseDown[0]);
    CHECK(input.apply(io));
    CHECK(io.MouseDown[0]);
    CHECK(input.apply(io));
    CHECK_FALSE(io.MouseDown[0]);
    CHECK_FALSE(input.pending());
    CHECK_FALSE(input.apply(io));
    CHECK(io.MousePos.x == 40);  // the pointer stays where it was last seen

    // A key pressed and let go within a frame is seen down for a frame, with its modifier.
    input.setModifierKeys({7}, {8}, {}, {});
    input.key(7, true);
    input.key(30, true);
    input.key(30, false);
    input.key(7, false);
    input.apply(io);
    CHECK(io.KeyCtrl);
    input.apply(io);
    CHECK(io.KeysDown[30]);
    CHECK(io.KeyCtrl);
    input.apply(io);
    CHECK_FALSE(io.KeysDown[30]);
    input.apply(io);
    CHECK_FALSE(io.KeyCtrl);
}

TEST_CASE("viewer ui: taps delivered within one frame switch sidebar tabs and select nodes, every time") {
    TempDir dir;
    HeadlessUi ui;
    setLanguage(Lang::En);
    ViewerSettings settings;
    ViewerApp app(settings);
    REQUIRE(app.open(makeProject(dir)));
    for (int i = 0; i < 3; ++i) ui.queuedFrame(app);
    const auto& panels = app.panels();
    REQUIRE(panels.size() >= 2);
    REQUIRE(app.visiblePanel() == panels.front().get());

    // Between two tabs ten times, the move, press and release of each tap within one frame.
    for (int round = 0; round < 10; ++round) {
        const Panel& target = *panels[round % 2 == 0 ? 1 : 0];
        tap(ui.input, centreOf(target));
        for (int i = 0; i < 5; ++i) ui.queuedFrame(app);
        CHECK(app.visiblePanel() == &target);
    }
    // Every tab in turn, with the pointer already on it: press and release in one frame.
    for (const auto& panel : panels) {
        const Point at = centreOf(*panel);
        ui.input.mouseMoved(static_cast<float>(at.x), static_cast<float>(at.y));
        ui.queuedFrame(app);
        tap(ui.input, at, false);
        for (int i = 0; i < 4; ++i) ui.queuedFrame(app);
        CHECK(app.visiblePanel() == panel.get());
    }

    // A node on the map, tapped: selected.
    const NodeId ggz = app.project()->network().findByName("GGZ Noord").front();
    tap(ui.input, screenOf(app, ggz));
    for (int i = 0; i < 4; ++i) ui.queuedFrame(app);
    CHECK(app.selection() == std::set<NodeId>{ggz});
}

TEST_CASE("viewer ui: at the default width every tab shows its whole name, in Dutch and in English") {
    TempDir dir;
    const std::string project = makeProject(dir);
    for (const Lang lang : {Lang::Nl, Lang::En}) {
        HeadlessUi ui;
        setLanguage(lang);
        ViewerSettings settings;
        ViewerApp app(settings);
        REQUIRE(app.open(project));
        for (int i = 0; i < 3; ++i) ui.queuedFrame(app);
        float right = 0;
        for (const auto& panel : app.panels()) {
            INFO(panel->name());
            // A tab's box holds its whole name, and no tab is scrolled out of the bar.
            CHECK(panel->tabMax().x - panel->tabMin().x >= ImGui::CalcTextSize(panel->name()).x);
            CHECK(panel->tabMin().x >= right - 0.5f);
            right = panel->tabMax().x;
        }
        CHECK(right <= ImGui::GetIO().DisplaySize.x);
    }
    setLanguage(Lang::En);
}

TEST_CASE("viewer ui: dragging the splitter widens the sidebar, and the width is remembered") {
    TempDir dir;
    HeadlessUi ui;
    ViewerSettings settings;
    registerSettingsHandler(settings);
    ViewerApp app(settings);
    REQUIRE(app.open(makeProject(dir)));
    ui.frame(app, {-100, -100}, false);
    ui.frame(app, {-100, -100}, false);
    const float tabsLeft = app.panels().front()->tabMin().x;
    const Point grip{1600 - ViewerApp::kDefaultSidebarWidth - 3, 400};
    ui.frame(app, grip, false);
    ui.frame(app, grip, true);
    for (int step = 1; step <= 4; ++step) ui.frame(app, {grip.x - 50 * step, grip.y}, true);
    ui.frame(app, {grip.x - 200, grip.y}, false);
    ui.frame(app, {-100, -100}, false);
    CHECK(settings.sidebarWidth == doctest::Approx(ViewerApp::kDefaultSidebarWidth + 200));
    CHECK(app.panels().front()->tabMin().x == doctest::Approx(tabsLeft - 200));
    const std::string ini = ImGui::SaveIniSettingsToMemory();
    CHECK(ini.find("SidebarWidth=700") != std::string::npos);

    // Never wider than two thirds of the window: the map keeps its room.
    ui.frame(app, {grip.x - 200, grip.y}, true);
    for (int step = 1; step <= 10; ++step) ui.frame(app, {grip.x - 200 - 100 * step, grip.y}, true);
    ui.frame(app, {100, grip.y}, false);
    CHECK(settings.sidebarWidth <= doctest::Approx(1600.0 * 2 / 3));
}

TEST_CASE("viewer ui: a tiny window, scale 4, 2,000 partners with names of 300 characters: every panel draws") {
    TempDir dir;
    SmallTeam t;
    const std::string longName(300, 'x');
    Network& net = t.net;
    for (int i = 0; i < 2000; ++i) {
        const NodeId p = addNode(net, NodeKind::Organisation, std::to_string(i) + " " + longName,
                                 i % 3 == 0 ? Ring::First : i % 3 == 1 ? Ring::Second : Ring::Outside);
        if (i % 4 == 0) addRelation(net, p, i % 8 == 0 ? t.anna : t.bram);
    }
    Node anna = net.node(t.anna);
    anna.name = "Anna " + longName;
    UpdateNodeCommand(anna).apply(net);
    const std::string path = dir.file("groot.kring");
    Project::createFrom(path, net);

    HeadlessUi ui;
    ImGui::GetIO().DisplaySize = {320, 240};
    ViewerSettings settings;
    settings.uiScale = 4.0f;
    ViewerApp app(settings);
    REQUIRE(app.open(path));
    app.proposeDivision(true);
    for (Lang lang : {Lang::Nl, Lang::En}) {
        setLanguage(lang);
        for (const auto& panel : app.panels()) {
            REQUIRE(app.showPanel(panel->id()));
            for (int i = 0; i < 3; ++i) ui.frame(app, {300, 120}, false);
            CHECK(app.visiblePanel() == panel.get());
            // The sidebar stays inside the window, and the map keeps a third of it.
            const ImGuiWindow* sidebar = ImGui::FindWindowByName("##sidebar");
            REQUIRE(sidebar != nullptr);
            CHECK(sidebar->Pos.x >= 320.0f / 3 - 1);
            CHECK(sidebar->Pos.x + sidebar->Size.x <= 320.0f);
        }
    }
    CHECK(app.proposal() != nullptr);
    // Scale 4 in a window of 240 pixels high would leave no room: it is drawn at scale 1.
    CHECK(app.uiScale() == doctest::Approx(1.0f));
}

TEST_CASE("viewer settings: window placement and recent files survive a restart; File › Open recent reopens") {
    TempDir dir;
    const std::string first = makeProject(dir);
    const std::string second = dir.file("tweede.kring");
    std::filesystem::copy_file(first, second);
    std::string ini;
    {
        HeadlessUi ui;
        ViewerSettings settings;
        registerSettingsHandler(settings);
        ViewerApp app(settings);
        REQUIRE(app.open(first));
        REQUIRE(app.open(second));
        REQUIRE(app.open(first));
        settings.window = {40, 60, 1280, 720};
        ui.frame(app, {-100, -100}, false);
        REQUIRE(settings.recentFiles.size() == 2);  // each once, the latest first
        CHECK(settings.recentFiles[0] == std::filesystem::absolute(first).string());
        CHECK(settings.recentFiles[1] == std::filesystem::absolute(second).string());
        ini = ImGui::SaveIniSettingsToMemory();
    }
    HeadlessUi ui;
    ViewerSettings settings;
    registerSettingsHandler(settings);
    ImGui::LoadIniSettingsFromMemory(ini.c_str(), ini.size());
    CHECK(settings.window == WindowPlacement{40, 60, 1280, 720});
    REQUIRE(settings.recentFiles.size() == 2);
    CHECK(settings.recentFiles[1] == std::filesystem::absolute(second).string());

    for (int i = 0; i < 12; ++i) settings.addRecentFile("/tmp/project" + std::to_string(i) + ".kring");
    CHECK(settings.recentFiles.size() == ViewerSettings::kMaxRecentFiles);
    CHECK(settings.recentFiles.front() == "/tmp/project11.kring");
}
