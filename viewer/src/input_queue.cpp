// SPDX-License-Identifier: EUPL-1.2
#include "input_queue.h"

#include <algorithm>
#include <iterator>

namespace kring::viewer {

void InputQueue::mouseMoved(float x, float y) { events_.push_back({Event::Type::MousePos, x, y}); }

void InputQueue::mouseLeft() { events_.push_back({Event::Type::MousePos, -FLT_MAX, -FLT_MAX}); }

void InputQueue::mouseButton(int button, bool down) {
    if (button >= 0 && button < static_cast<int>(std::size(buttons_)))
        events_.push_back({Event::Type::MouseButton, 0, 0, button, down});
}

void InputQueue::mouseWheel(float dx, float dy) { events_.push_back({Event::Type::MouseWheel, dx, dy}); }

void InputQueue::key(int key, bool down) {
    constexpr int keys = static_cast<int>(sizeof(ImGuiIO::KeysDown) / sizeof(ImGuiIO::KeysDown[0]));
    if (key >= 0 && key < keys)
        events_.push_back({Event::Type::Key, 0, 0, key, down});
}

void InputQueue::character(unsigned int codePoint) {
    events_.push_back({Event::Type::Char, 0, 0, static_cast<int>(codePoint)});
}

void InputQueue::setModifierKeys(std::vector<int> ctrl, std::vector<int> shift, std::vector<int> alt,
                                 std::vector<int> super) {
    ctrl_ = std::move(ctrl);
    shift_ = std::move(shift);
    alt_ = std::move(alt);
    super_ = std::move(super);
}

bool InputQueue::apply(ImGuiIO& io) {
    // The rules of ImGui 1.87's trickling queue: a button changes in a frame of its own, after
    // the frame that moved the pointer there; a key changes once per frame, text waits for it.
    bool moved = false, buttonChanged = false, wheeled = false, keyChanged = false, typed = false;
    bool applied = false;
    while (!events_.empty()) {
        const Event& e = events_.front();
        bool stop = false;
        switch (e.type) {
            case Event::Type::MousePos:
                if ((stop = buttonChanged)) break;
                mouse_ = {e.x, e.y};
                moved = true;
                break;
            case Event::Type::MouseButton:
                if ((stop = buttonChanged || moved || wheeled)) break;
                buttonChanged = buttons_[e.code] != e.down;
                buttons_[e.code] = e.down;
                break;
            case Event::Type::MouseWheel:
                if ((stop = buttonChanged)) break;
                io.MouseWheelH += e.x;
                io.MouseWheel += e.y;
                wheeled = true;
                break;
            case Event::Type::Key:
                if ((stop = keyChanged || buttonChanged || typed)) break;
                io.KeysDown[e.code] = e.down;
                keyChanged = true;
                break;
            case Event::Type::Char:
                if ((stop = keyChanged || buttonChanged)) break;
                io.AddInputCharacter(static_cast<unsigned int>(e.code));
                typed = true;
                break;
        }
        if (stop) break;
        events_.pop_front();
        applied = true;
    }
    io.MousePos = mouse_;
    std::copy(std::begin(buttons_), std::end(buttons_), io.MouseDown);
    if (keyChanged) {
        auto any = [&](const std::vector<int>& keys) {
            return std::any_of(keys.begin(), keys.end(), [&](int k) { return io.KeysDown[k]; });
        };
        io.KeyCtrl = any(ctrl_);
        io.KeyShift = any(shift_);
        io.KeyAlt = any(alt_);
        io.KeySuper = any(super_);
    }
    return applied;
}

}  // namespace kring::viewer
