// SPDX-License-Identifier: EUPL-1.2
// kring-view: the desktop viewer. Opens FILE.kring, or the city sample when none is given.
// [SECTION] options
// [SECTION] window and fonts
// [SECTION] input
// [SECTION] screenshot and frame benchmark
// [SECTION] main loop

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>
#include <stb_image_write.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <vector>

#include "app.h"
#include "gl_layer_target.h"
#include "i18n.h"
#include "input_queue.h"
#include "settings.h"

namespace {

using Clock = std::chrono::steady_clock;
using namespace kring::viewer;

// [SECTION] options

struct Options {
    std::string file;
    std::string screenshot;
    int frames = 3;
    int benchFrames = 0;
    std::string lang;
    float scale = 0;
    bool session = false;
    std::string panel;
    std::string size;
    int width = 1600, height = 900;
};

// "1280" (16:9) or "1280x720"; false when it is neither or out of range.
bool parseSize(const std::string& text, int& width, int& height) {
    int w = 0, h = 0;
    char x = 0;
    const int read = std::sscanf(text.c_str(), "%d%c%d", &w, &x, &h);
    if (read == 1) h = w * 9 / 16;
    else if (read != 3 || (x != 'x' && x != 'X')) return false;
    if (w < 320 || w > 8192 || h < 200 || h > 8192) return false;
    width = w;
    height = h;
    return true;
}

std::string defaultSample(const char* argv0) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path exe = fs::canonical(fs::path(argv0), ec);
    for (const fs::path& candidate : {exe.parent_path() / ".." / "samples" / "city.kring", fs::path(KRING_SAMPLE_CITY)})
        if (fs::exists(candidate, ec)) return fs::weakly_canonical(candidate, ec).string();
    return KRING_SAMPLE_CITY;
}

// [SECTION] window and fonts

void loadFonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    static const ImWchar extra[] = {0x0100, 0x017F,   // Latin Extended-A: ë, ï, é … and more
                                    0x2010, 0x205E,   // dashes, quotes, ellipsis
                                    0x2190, 0x21FF,   // arrows
                                    0x2212, 0x2212,   // minus sign
                                    0};
    builder.AddRanges(extra);
    static ImVector<ImWchar> ranges;
    ranges.clear();
    builder.BuildRanges(&ranges);
    const char* font = KRING_FONT_PATH;
    if (std::filesystem::exists(font)) {
        io.Fonts->AddFontFromFileTTF(font, 16.0f * scale, nullptr, ranges.Data);
    } else {
        ImFontConfig config;
        config.SizePixels = 13.0f * scale;
        io.Fonts->AddFontDefault(&config);
    }
}

void applyScale(float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 4;
    style.FrameRounding = 3;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

// The window's size and place from last time; the place only when it is still on a monitor.
void restorePlacement(GLFWwindow* window, const WindowPlacement& saved) {
    if (saved.width <= 0) return;
    glfwSetWindowSize(window, saved.width, saved.height);
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    for (int i = 0; i < count; ++i) {
        int x = 0, y = 0, w = 0, h = 0;
        glfwGetMonitorWorkarea(monitors[i], &x, &y, &w, &h);
        if (saved.x >= x && saved.y >= y && saved.x < x + w - 40 && saved.y < y + h - 40) {
            glfwSetWindowPos(window, saved.x, saved.y);
            return;
        }
    }
}

void rememberPlacement(GLFWwindow* window, WindowPlacement& stored) {
    // Minimised or maximised, GLFW 3.3 does not say the size to come back to: keep the last one.
    if (glfwGetWindowAttrib(window, GLFW_ICONIFIED) || glfwGetWindowAttrib(window, GLFW_MAXIMIZED)) return;
    WindowPlacement now;
    glfwGetWindowPos(window, &now.x, &now.y);
    glfwGetWindowSize(window, &now.width, &now.height);
    if (now.width < 320 || now.height < 200 || now == stored) return;
    stored = now;
    ImGui::MarkIniSettingsDirty();
}

// [SECTION] input

// GLFW's events go into the InputQueue, which hands them to ImGui spread over frames; window
// focus and the pointer entering go to the backend as before.
InputQueue& inputOf(GLFWwindow* window) { return *static_cast<InputQueue*>(glfwGetWindowUserPointer(window)); }

void installInputCallbacks(GLFWwindow* window, InputQueue& input) {
    glfwSetWindowUserPointer(window, &input);
    input.setModifierKeys({GLFW_KEY_LEFT_CONTROL, GLFW_KEY_RIGHT_CONTROL}, {GLFW_KEY_LEFT_SHIFT, GLFW_KEY_RIGHT_SHIFT},
                          {GLFW_KEY_LEFT_ALT, GLFW_KEY_RIGHT_ALT}, {GLFW_KEY_LEFT_SUPER, GLFW_KEY_RIGHT_SUPER});
    glfwSetWindowFocusCallback(window, ImGui_ImplGlfw_WindowFocusCallback);
    glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int entered) {
        ImGui_ImplGlfw_CursorEnterCallback(w, entered);
        // While a button is held the pointer may leave the window and still drag.
        const bool held = glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS ||
                          glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS;
        if (!entered && !held) inputOf(w).mouseLeft();
    });
    glfwSetCursorPosCallback(window, [](GLFWwindow* w, double x, double y) {
        inputOf(w).mouseMoved(static_cast<float>(x), static_cast<float>(y));
    });
    glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int button, int action, int) {
        inputOf(w).mouseButton(button, action == GLFW_PRESS);
    });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double dx, double dy) {
        inputOf(w).mouseWheel(static_cast<float>(dx), static_cast<float>(dy));
    });
    glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int, int action, int) {
        if (action != GLFW_REPEAT) inputOf(w).key(key, action == GLFW_PRESS);
    });
    glfwSetCharCallback(window, [](GLFWwindow* w, unsigned int c) { inputOf(w).character(c); });
    double x = 0, y = 0;
    glfwGetCursorPos(window, &x, &y);
    input.mouseMoved(static_cast<float>(x), static_cast<float>(y));
}

// [SECTION] screenshot and frame benchmark

bool writeScreenshot(GLFWwindow* window, const std::string& path) {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    stbi_flip_vertically_on_write(1);  // OpenGL rows run bottom-up
    return stbi_write_png(path.c_str(), w, h, 4, pixels.data(), w * 4) != 0;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

}  // namespace

// [SECTION] main loop

int main(int argc, char** argv) {
    const auto started = Clock::now();
    Options o;
    CLI::App cli{"kring-view: the Kring partner map viewer", "kring-view"};
    cli.add_option("FILE", o.file, "The project to open: a .kring file or a team database (postgresql://…); default: the city sample");
    cli.add_option("--screenshot", o.screenshot, "Render, write the window as PNG to this file and exit");
    cli.add_option("--frames", o.frames, "Frames to render before the screenshot")->check(CLI::Range(1, 100000));
    cli.add_option("--bench-frames", o.benchFrames,
                   "Render N frames while panning and zooming, print frame times and exit")
        ->check(CLI::Range(1, 1000000));
    cli.add_option("--lang", o.lang, "Interface language (default: from LANG)")->check(CLI::IsMember({"nl", "en"}));
    cli.add_option("--scale", o.scale, "Interface size, e.g. 1.5 on a projector")->check(CLI::Range(0.5, 4.0));
    cli.add_option("--panel", o.panel, "The sidebar panel to show first: inspector, partners, gaps, owners, …");
    cli.add_flag("--session", o.session, "Start in startup-session mode (quick add, large type)");
    cli.add_option("--size", o.size, "Window size in pixels: WIDTH (16:9) or WIDTHxHEIGHT, from 320x200")
        ->check([](const std::string& text) {
            int w = 0, h = 0;
            return parseSize(text, w, h) ? std::string() : "expected WIDTH or WIDTHxHEIGHT, from 320x200 to 8192x8192";
        });
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e) == 0 ? 0 : 2;
    }
    if (o.file.empty()) o.file = defaultSample(argv[0]);

    glfwSetErrorCallback([](int, const char*) {});
    if (!glfwInit()) {
        std::cerr << "kring-view: no display available (is DISPLAY set?). Run it on a desktop, or under xvfb-run "
                     "for a screenshot; the kring command line works without one.\n";
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);  // shown once it has the size and place it had last time
    if (!o.size.empty()) parseSize(o.size, o.width, o.height);
    GLFWwindow* window = glfwCreateWindow(o.width, o.height, "Kring", nullptr, nullptr);
    if (!window) {
        std::cerr << "kring-view: cannot open a window with OpenGL 3.3 on this display.\n";
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(o.benchFrames > 0 || !o.screenshot.empty() ? 0 : 1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ViewerSettings settings;
    registerSettingsHandler(settings);
    static const std::string iniPath = settingsFilePath();
    ImGui::GetIO().IniFilename = o.benchFrames > 0 || !o.screenshot.empty() ? nullptr : iniPath.c_str();
    if (ImGui::GetIO().IniFilename) ImGui::LoadIniSettingsFromDisk(iniPath.c_str());

    setLanguage(!o.lang.empty() ? (o.lang == "nl" ? kring::Lang::Nl : kring::Lang::En)
                                : settings.language.value_or(languageFromEnvironment()));
    if (ImGui::GetIO().IniFilename && o.size.empty()) restorePlacement(window, settings.window);
    glfwShowWindow(window);
    float contentScale = 1.0f;
    glfwGetWindowContentScale(window, &contentScale, nullptr);  // HiDPI
    if (o.scale > 0) settings.uiScale = o.scale;

    ViewerApp app(settings);
    app.setSessionMode(o.session);
    // KRING_FILE_DIALOG=imgui keeps Kring's own chooser even where zenity or kdialog is installed.
    const char* dialog = std::getenv("KRING_FILE_DIALOG");
    app.setNativeDialogs(o.benchFrames == 0 && o.screenshot.empty() && !(dialog && std::string(dialog) == "imgui"));
    float appliedScale = contentScale * app.uiScale();
    loadFonts(appliedScale);
    applyScale(appliedScale);
    ImGui_ImplGlfw_InitForOpenGL(window, false);
    InputQueue input;
    installInputCallbacks(window, input);
    ImGui_ImplOpenGL3_Init("#version 330");
    // The map's static picture is kept in a texture and moved while panning and zooming.
    auto layerTarget = std::make_unique<GlLayerTarget>();
    app.canvas().setLayerTarget(layerTarget.get());

    app.open(o.file);
    if (!o.panel.empty() && !app.showPanel(o.panel)) {
        std::cerr << "kring-view: --panel " << o.panel << ": no such panel; the panels are";
        for (const auto& panel : app.panels()) std::cerr << ' ' << panel->id();
        std::cerr << '\n';
        return 2;
    }
    if (!app.project() && (!o.screenshot.empty() || o.benchFrames > 0)) {
        std::cerr << "kring-view: " << app.lastError() << '\n';
        return 1;
    }

    const bool batch = !o.screenshot.empty() || o.benchFrames > 0;
    const int totalFrames = o.benchFrames > 0 ? o.benchFrames : o.frames;
    std::vector<double> frameMs, cpuMs;
    double firstFrameMs = 0;
    int frame = 0;
    int settleFrames = 0;
    bool fullscreen = false;
    int windowed[4] = {100, 100, o.width, o.height};
    while (!glfwWindowShouldClose(window) && !app.quitRequested()) {
        if (app.fullscreenRequested() != fullscreen) {
            // Fullscreen for the projector in a startup session; back to the window it was.
            fullscreen = app.fullscreenRequested();
            if (GLFWmonitor* monitor = glfwGetPrimaryMonitor(); fullscreen && monitor) {
                glfwGetWindowPos(window, &windowed[0], &windowed[1]);
                glfwGetWindowSize(window, &windowed[2], &windowed[3]);
                const GLFWvidmode* mode = glfwGetVideoMode(monitor);
                glfwSetWindowMonitor(window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
            } else if (!fullscreen) {
                glfwSetWindowMonitor(window, nullptr, windowed[0], windowed[1], windowed[2], windowed[3], 0);
            }
        }
        if (ImGui::GetIO().IniFilename && !fullscreen) rememberPlacement(window, settings.window);
        // Idle: block until something happens, instead of drawing 60 unchanged frames a second;
        // but not while queued input waits for its frame or ImGui is still showing what it did,
        // and not for long when the map waits to be drawn sharp again after moving.
        if (batch || input.pending() || settleFrames > 0)
            glfwPollEvents();
        else if (app.canvas().redrawPending())
            glfwWaitEventsTimeout(0.02);
        else
            glfwWaitEventsTimeout(0.5);
        if (app.takeFontRebuild()) {
            appliedScale = contentScale * app.uiScale();
            loadFonts(appliedScale);
            applyScale(appliedScale);
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        const auto frameStart = Clock::now();
        if (o.benchFrames > 0 && frame > 0) {
            // Pan back and forth and zoom in and out around where the map opened, as a user
            // exploring a large map does; the map stays in view, so every frame draws it.
            auto& view = app.canvas().view();
            const double sweep = (frame / 40) % 2 == 0 ? 1.0 : -1.0;
            view.panBy(7.0 * sweep, 3.0 * sweep);
            const kring::Point middle{view.canvasOrigin.x + view.canvasSize.x / 2, view.canvasOrigin.y + view.canvasSize.y / 2};
            view.zoomAt(middle, (frame / 60) % 2 == 0 ? 1.01 : 1.0 / 1.01);
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        // A click takes effect a frame after the release (a tab switches, a popup opens), and
        // hover follows the pointer a frame late: a few frames more after every event.
        if (input.apply(ImGui::GetIO()))
            settleFrames = 3;
        else if (settleFrames > 0)
            --settleFrames;
        ImGui::NewFrame();
        app.frame();
        ImGui::Render();
        const auto cpuDone = Clock::now();
        int w = 0, h = 0;
        glfwGetFramebufferSize(window, &w, &h);
        glViewport(0, 0, w, h);
        glClearColor(kring::viewer::kCanvasPaper[0], kring::viewer::kCanvasPaper[1], kring::viewer::kCanvasPaper[2], 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        if (batch) glFinish();  // count the GPU's work in the frame time
        ++frame;
        if (!o.screenshot.empty() && frame >= totalFrames) {
            if (!writeScreenshot(window, o.screenshot)) {
                std::cerr << "kring-view: cannot write " << o.screenshot << '\n';
                return 1;
            }
            std::cout << "Wrote " << o.screenshot << '\n';
            break;
        }
        glfwSwapBuffers(window);
        if (app.fontRebuildPending()) settleFrames = std::max(settleFrames, 1);  // the new size now, not at the next event
        const auto frameEnd = Clock::now();
        if (frame == 1) firstFrameMs = std::chrono::duration<double, std::milli>(frameEnd - started).count();
        if (o.benchFrames > 0) {
            frameMs.push_back(std::chrono::duration<double, std::milli>(frameEnd - frameStart).count());
            cpuMs.push_back(std::chrono::duration<double, std::milli>(cpuDone - frameStart).count());
            if (frame >= totalFrames) break;
        }
    }
    if (o.benchFrames > 0) {
        const auto* p = app.project();
        std::printf("kring-view frame benchmark: %s, %zu nodes, %d frames at %dx%d\n", o.file.c_str(),
                    p ? p->network().nodes().size() : 0, frame, o.width, o.height);
        std::printf("  start to first frame: %.1f ms\n", firstFrameMs);
        std::printf("  whole frame: median %.2f ms, p95 %.2f ms\n", percentile(frameMs, 0.5), percentile(frameMs, 0.95));
        std::printf("  CPU part:    median %.2f ms, p95 %.2f ms\n", percentile(cpuMs, 0.5), percentile(cpuMs, 0.95));
    }
    app.canvas().setLayerTarget(nullptr);
    layerTarget.reset();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
