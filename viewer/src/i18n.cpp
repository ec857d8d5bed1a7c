// SPDX-License-Identifier: EUPL-1.2
#include "i18n.h"

#include <array>
#include <cstdlib>
#include <cstring>

namespace kring::viewer {

namespace {

struct Entry {
    const char* en;
    const char* nl;
};

// In the order of the Text enum; the static_assert below keeps the two the same length.
constexpr Entry kTexts[] = {
    {"Kring", "Kring"},
    {"File", "Bestand"}, {"New…", "Nieuw…"}, {"Open…", "Openen…"}, {"Save as…", "Opslaan als…"},
    {"Import…", "Importeren…"}, {"Export…", "Exporteren…"}, {"Quit", "Afsluiten"},
    {"Edit", "Bewerken"}, {"Undo", "Ongedaan maken"}, {"Redo", "Opnieuw"}, {"Delete", "Verwijderen"},
    {"View", "Beeld"}, {"Fit to window", "Passend maken"}, {"Language", "Taal"}, {"Interface size", "Grootte"},
    {"Startup session", "Startbijeenkomst"}, {"Full screen", "Volledig scherm"},
    {"Panels", "Panelen"},
    {"Inspector", "Eigenschappen"}, {"Partners", "Partners"}, {"Legend", "Legenda"},
    {"Profile", "Wijkprofiel"}, {"Snapshots", "Versies"}, {"Filters", "Filters"},
    {"Name", "Naam"}, {"Kind", "Soort"}, {"Ring", "Ring"}, {"Life domains", "Leefgebieden"},
    {"Owner", "Relatiebeheerder"}, {"Backup", "Tweede beheerder"}, {"Notes", "Notities"}, {"Tags", "Labels"},
    {"Discipline", "Discipline"}, {"Hours per month", "Uren per maand"}, {"Signaller", "Signaleerder"},
    {"Waiting list (weeks)", "Wachtlijst (weken)"}, {"How involved", "Betrokkenheid"},
    {"Referral", "Verwijzing"}, {"Lead", "Regie"}, {"Alias", "Alias"}, {"Vulnerable", "Kwetsbaar"},
    {"Strength", "Sterkte"}, {"Relation type", "Soort relatie"}, {"Contact frequency", "Contactfrequentie"},
    {"Last contact", "Laatste contact"}, {"Mutual", "Wederzijds"},
    {"From", "Van"}, {"To", "Naar"}, {"Nothing selected", "Niets geselecteerd"}, {"Search", "Zoeken"},
    {"Nodes", "Knooppunten"}, {"Relations", "Relaties"}, {"Show residents", "Bewoners tonen"},
    {"Minimum strength", "Minimale sterkte"}, {"All", "Alle"}, {"Nobody", "Niemand"},
    {"Apply", "Toepassen"}, {"Cancel", "Annuleren"}, {"Close", "Sluiten"}, {"Save", "Opslaan"},
    {"Path", "Pad"}, {"Error", "Fout"}, {"Nothing to undo", "Niets ongedaan te maken"},
    {"Nothing to redo", "Niets opnieuw te doen"}, {"Undone", "Ongedaan gemaakt"}, {"Redone", "Opnieuw gedaan"},
    {"Snapshot name", "Naam van de versie"}, {"Save snapshot", "Versie opslaan"}, {"Compare", "Vergelijken"},
    {"Need", "Behoefte"}, {"No project open", "Geen project geopend"}, {"Exported", "Geëxporteerd"},
    {"YYYY-MM-DD", "JJJJ-MM-DD"},
    {"Type a name, Tab for kind and ring, Enter to add", "Typ een naam, Tab voor soort en ring, Enter om toe te voegen"},
    {"Add", "Toevoegen"}, {"Moved to another ring", "Naar een andere ring verplaatst"}, {"selected", "geselecteerd"},
    {"Gaps", "Hiaten"}, {"No gaps found", "Geen hiaten gevonden"}, {"Not checked", "Niet gecontroleerd"},
    {"Minimum severity", "Minimale ernst"}, {"Suggested action", "Voorstel"},
    {"Owners", "Beheer"}, {"relation", "relatie"}, {"relations", "relaties"}, {"h", "u"}, {"Without an owner", "Zonder relatiebeheerder"},
    {"Reassign to", "Overdragen aan"},
    {"Propose division", "Verdeling voorstellen"}, {"with backups", "met tweede beheerder"},
    {"%zu changes, %zu partners without an owner", "%zu wijzigingen, %zu partners zonder beheerder"},
    {"Apply division", "Verdeling toepassen"}, {"Discard", "Verwerpen"}, {"Partner", "Samenwerkingspartner"},
    {"Why", "Waarom"}, {"Not assigned", "Niet toegewezen"},
    {"The map changed since this proposal; propose again.", "De kaart is veranderd sinds dit voorstel; stel opnieuw voor."},
    {"Edge bundling", "Bundeling van relaties"}, {"Owner view", "Beheerdersweergave"}, {"Map", "Kaart"},
    {"Open recent", "Recent geopend"}, {"Clear list", "Lijst wissen"},
    {"Owners per team", "Beheerders per team"}, {"Owner for", "Beheerder voor"},
    {"Backup for", "Tweede beheerder voor"},
};
static_assert(std::size(kTexts) == static_cast<std::size_t>(Text::Count_), "one entry per Text");

// The one piece of process-wide UI state: the language chosen at start or in the View menu.
Lang& current() {
    static Lang lang = Lang::En;
    return lang;
}

}  // namespace

void setLanguage(Lang l) { current() = l; }
Lang language() { return current(); }

const char* tr(Text t) {
    const Entry& e = kTexts[static_cast<std::size_t>(t)];
    return current() == Lang::Nl ? e.nl : e.en;
}

Lang languageFromEnvironment() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(var);
        if (value && *value) return std::strncmp(value, "nl", 2) == 0 ? Lang::Nl : Lang::En;
    }
    return Lang::En;
}

}  // namespace kring::viewer
