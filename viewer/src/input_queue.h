// SPDX-License-Identifier: EUPL-1.2
#pragma once

// An input queue in front of ImGui 1.86, which reads the mouse and keys as a state once per
// frame (1.87 added a queue of its own). A tap on a touch screen, a pen or a remote desktop
// delivers the move, the press and the release between two frames; read as a state, the
// press is lost or lands where the pointer was a frame before. The window system's events
// are queued here and handed to ImGui spread over frames: a move, then the press, then the
// release, each in a frame of its own, as ImGui 1.87 does with io.ConfigInputTrickleEventQueue.

#include <imgui.h>

#include <deque>
#include <vector>

namespace kring::viewer {

class InputQueue {
public:
    void mouseMoved(float x, float y);
    void mouseLeft();  // the pointer left the window
    void mouseButton(int button, bool down);
    void mouseWheel(float dx, float dy);
    // key: an index into io.KeysDown (the platform backend's key code).
    void key(int key, bool down);
    void character(unsigned int codePoint);
    // Which keys count as Ctrl, Shift, Alt and Super (left and right), in io.KeysDown indices.
    void setModifierKeys(std::vector<int> ctrl, std::vector<int> shift, std::vector<int> alt,
                         std::vector<int> super);

    // Gives ImGui this frame's share of the queued events. Call after the platform backend's
    // NewFrame (which reads the mouse state itself) and before ImGui::NewFrame. Returns whether
    // any event was applied: ImGui then needs a few more frames to show what it did.
    bool apply(ImGuiIO&);
    bool pending() const { return !events_.empty(); }

private:
    struct Event {
        enum class Type { MousePos, MouseButton, MouseWheel, Key, Char } type;
        float x = 0, y = 0;  // position, or wheel offsets
        int code = 0;        // button, key or code point
        bool down = false;
    };
    std::deque<Event> events_;
    ImVec2 mouse_{-FLT_MAX, -FLT_MAX};
    bool buttons_[5] = {};
    std::vector<int> ctrl_, shift_, alt_, super_;
};

}  // namespace kring::viewer
