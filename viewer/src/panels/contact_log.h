// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Logging a contact moment from the inspector in two clicks: "Log a contact" opens a popup
// filled in with today, the member who most likely was in touch, a meeting on the team's
// initiative; "Log" stores it as an AddContactCommand. What is typed is checked first, and a
// problem is shown in the popup, in the user's language, with nothing stored.

#include <imgui.h>

#include <optional>
#include <string>

#include "kring/model/network.h"
#include "viewer_context.h"

namespace kring::viewer {

// What the popup's fields hold, as typed.
struct ContactDraft {
    NodeId partner = kNoNode;
    std::string date;  // YYYY-MM-DD or the Dutch 23-11-2026
    NodeId member = kNoNode;
    ContactKind kind = ContactKind::Meeting;
    Initiative initiative = Initiative::Us;
    std::string note;
    std::string followUp;  // empty: none agreed
};

// The contact a draft describes, or why it cannot be logged (in the current language).
struct DraftCheck {
    std::optional<Contact> contact;  // id left 0: the caller allocates one
    std::string problem;
};
DraftCheck checkContactDraft(const Network&, const ContactDraft&, const Date& today);

// The member a new contact with this partner is filled in with: its owner, else the member who
// logged last in this session, else the member of its latest logged contact; kNoNode if none.
NodeId likelyMember(const Network&, NodeId partner, NodeId lastLogged);

class ContactLogPopup {
public:
    // Call where the button is drawn (same ID stack as draw()).
    void open(const ViewerContext&, NodeId partner);
    // The popup, while it is open. Returns true in the frame a contact was stored.
    bool draw(ViewerContext&);
    bool isOpen() const { return open_; }
    void reset() { open_ = false; }

    // Where the "Log" button was drawn last frame, in screen coordinates (for tests and scripts).
    ImVec2 storeButtonMin() const { return storeMin_; }
    ImVec2 storeButtonMax() const { return storeMax_; }
    // The message shown for the last refused attempt; empty when there is none.
    const std::string& problem() const { return problem_; }
    ContactDraft& draft() { return draft_; }

private:
    bool store(ViewerContext&);

    ContactDraft draft_;
    std::string problem_;
    NodeId lastLogged_ = kNoNode;  // the member of the last contact stored, for the next draft
    bool open_ = false;
    bool openRequested_ = false;
    ImVec2 storeMin_, storeMax_;
};

}  // namespace kring::viewer
