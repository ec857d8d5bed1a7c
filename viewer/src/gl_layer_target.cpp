// SPDX-License-Identifier: EUPL-1.2
#include "gl_layer_target.h"

#define GLFW_INCLUDE_GLEXT
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <cmath>
#include <cstdint>

#include "map_canvas.h"  // kCanvasPaper

namespace kring::viewer {

namespace {

// Framebuffer objects are OpenGL 3.0: looked up at run time, as the system's GL header and
// library promise only 1.x.
struct FramebufferApi {
    PFNGLGENFRAMEBUFFERSPROC gen = nullptr;
    PFNGLDELETEFRAMEBUFFERSPROC remove = nullptr;
    PFNGLBINDFRAMEBUFFERPROC bind = nullptr;
    PFNGLFRAMEBUFFERTEXTURE2DPROC attach = nullptr;
    PFNGLCHECKFRAMEBUFFERSTATUSPROC status = nullptr;

    bool load() {
        gen = reinterpret_cast<PFNGLGENFRAMEBUFFERSPROC>(glfwGetProcAddress("glGenFramebuffers"));
        remove = reinterpret_cast<PFNGLDELETEFRAMEBUFFERSPROC>(glfwGetProcAddress("glDeleteFramebuffers"));
        bind = reinterpret_cast<PFNGLBINDFRAMEBUFFERPROC>(glfwGetProcAddress("glBindFramebuffer"));
        attach = reinterpret_cast<PFNGLFRAMEBUFFERTEXTURE2DPROC>(glfwGetProcAddress("glFramebufferTexture2D"));
        status = reinterpret_cast<PFNGLCHECKFRAMEBUFFERSTATUSPROC>(glfwGetProcAddress("glCheckFramebufferStatus"));
        return gen && remove && bind && attach && status;
    }
};

FramebufferApi& api() {
    static FramebufferApi loaded;
    return loaded;
}

}  // namespace

GlLayerTarget::GlLayerTarget() { failed_ = !api().load(); }

GlLayerTarget::~GlLayerTarget() {
    if (framebuffer_) api().remove(1, &framebuffer_);
    if (texture_) glDeleteTextures(1, &texture_);
}

bool GlLayerTarget::resize(int width, int height) {
    if (framebuffer_ && width == width_ && height == height_) return true;
    GLint boundTexture = 0, boundFramebuffer = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &boundTexture);
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &boundFramebuffer);
    if (!texture_) glGenTextures(1, &texture_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    if (!framebuffer_) api().gen(1, &framebuffer_);
    api().bind(GL_FRAMEBUFFER, framebuffer_);
    api().attach(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
    const bool complete = api().status(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    api().bind(GL_FRAMEBUFFER, static_cast<GLuint>(boundFramebuffer));
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(boundTexture));
    width_ = width;
    height_ = height;
    return complete && glGetError() == GL_NO_ERROR;
}

void* GlLayerTarget::render(ImDrawList& list, Point origin, Point size) {
    if (failed_) return nullptr;
    const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
    const int width = static_cast<int>(std::lround(size.x * scale.x)), height = static_cast<int>(std::lround(size.y * scale.y));
    if (width <= 0 || height <= 0) return nullptr;
    while (glGetError() != GL_NO_ERROR) {}  // someone else's error is not ours
    if (!resize(width, height)) {
        failed_ = true;
        return nullptr;
    }
    ImDrawList* lists[] = {&list};
    ImDrawData data;
    data.Valid = true;
    data.CmdLists = lists;
    data.CmdListsCount = 1;
    data.TotalVtxCount = list.VtxBuffer.Size;
    data.TotalIdxCount = list.IdxBuffer.Size;
    data.DisplayPos = {static_cast<float>(origin.x), static_cast<float>(origin.y)};
    data.DisplaySize = {static_cast<float>(size.x), static_cast<float>(size.y)};
    data.FramebufferScale = scale;

    GLint boundFramebuffer = 0, viewport[4] = {};
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &boundFramebuffer);
    glGetIntegerv(GL_VIEWPORT, viewport);
    GLfloat clear[4] = {};
    glGetFloatv(GL_COLOR_CLEAR_VALUE, clear);
    const GLboolean scissor = glIsEnabled(GL_SCISSOR_TEST);
    api().bind(GL_FRAMEBUFFER, framebuffer_);
    glViewport(0, 0, width, height);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(kCanvasPaper[0], kCanvasPaper[1], kCanvasPaper[2], 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(&data);
    // An opaque picture: blending may have left alpha below one, which would let the paper
    // under the image show through and pale it.
    glDisable(GL_SCISSOR_TEST);
    glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);
    glClear(GL_COLOR_BUFFER_BIT);
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    api().bind(GL_FRAMEBUFFER, static_cast<GLuint>(boundFramebuffer));
    glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
    glClearColor(clear[0], clear[1], clear[2], clear[3]);
    if (scissor) glEnable(GL_SCISSOR_TEST);
    else glDisable(GL_SCISSOR_TEST);
    return reinterpret_cast<void*>(static_cast<std::intptr_t>(texture_));
}

}  // namespace kring::viewer
