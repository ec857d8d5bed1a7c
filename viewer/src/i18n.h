// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The viewer's words in Dutch and English. Every string the user sees goes through tr().

#include <string>

#include "kring/model/types.h"

namespace kring::viewer {

enum class Text {
    AppTitle,
    MenuFile, MenuNew, MenuOpen, MenuSaveAs, MenuImport, MenuExport, MenuQuit,
    MenuEdit, MenuUndo, MenuRedo, MenuDelete,
    MenuView, MenuFit, MenuLanguage, MenuUiScale, MenuSessionMode, MenuFullscreen,
    MenuPanels,
    PanelInspector, PanelPartners, PanelLegend, PanelProfile, PanelSnapshots, PanelFilters,
    Name, Kind, Ring, Domains, Owner, Backup, Notes, Tags, Discipline, Hours, Signaller, WaitingList,
    Involvement, Referral, Lead, Alias, Vulnerable, Strength, RelationType, Frequency, LastContact, Mutual,
    From, To, NoSelection, Search, Nodes, Relations, ShowResidents, MinStrength, All, Nobody,
    Apply, Cancel, Close, Save, Path, Error, NothingToUndo, NothingToRedo, Undone, Redone,
    SnapshotName, SaveSnapshot, Compare, Need, NoProject, ExportDone, DateFormatHint,
    QuickAddHint, Add, RingChanged, Selected,
    PanelGaps, NoGaps, GapsNotRun, MinSeverity, SuggestedAction,
    PanelOwners, OwnedRelation, OwnedRelations, HoursShort, Unowned, ReassignTo,
    ProposeDivision, WithBackups, ProposalSummary, ApplyDivision, Discard, Partner, Why, NotAssigned,
    ProposalStale, Bundling, OwnerView, MapDisplay,
    MenuOpenRecent, ClearRecent,
    // The contact log (inspector) and My relations.
    LogContact, LogContactWith, LogStore, ContactDate, TeamMember, ContactKindLabel, Initiative, ContactNote,
    ContactNoteHint, FollowUp, OptionalDateHint, ContactPrivacy, DateNotADate, DateInFuture, ChooseMember,
    FollowUpNotADate, FollowUpBeforeDate, NoteTooLong, ContactLogged, RecentContacts, NoContactsYet,
    RelationshipHealth, ContactsCountFor, ContactRhythm, RhythmDefault, RhythmOwn, SetRhythm, RhythmToDefault,
    RhythmNotPositive, PanelMyRelations, ChooseTeamMember, NoOwnedPartners, MyRelationsSummary, Rhythm,
    DaysOverdue, DayOverdue, DueToday, DueInDays, DueInDay, EveryDays, Never, TypedOnRelation,
    MyRelationsSummaryOne,
    HealthChanged, ChangedPartners, GotWorse,
    OwnersPerTeam, OwnerForTeam, BackupForTeam,
    // A team database.
    ChangedBy, ConnectionLost, ConnectionBack, ReadOnlyWhileOffline, TeamHistory, HistoryRefresh,
    OutsideKring, ResidentsHiddenInHistory,
    Count_,
};

void setLanguage(Lang);
Lang language();
const char* tr(Text);

// LANG=nl_NL.UTF-8 and the like give Dutch; anything else English.
Lang languageFromEnvironment();

}  // namespace kring::viewer
