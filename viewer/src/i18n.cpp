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
    {"Log a contact", "Contact vastleggen"},
    {"Log a contact with %s", "Contact vastleggen met %s"},
    {"Log", "Vastleggen"},
    {"Date", "Datum"},
    {"Team member", "Teamlid"},
    {"Kind of contact", "Soort contact"},
    {"Initiative", "Initiatief"},
    {"Note", "Notitie"},
    {"about the partner, never about a resident", "over de partner, nooit over een bewoner"},
    {"Follow-up", "Vervolg"},
    {"YYYY-MM-DD, optional", "JJJJ-MM-DD, optioneel"},
    {"A contact note is about the partner, never about a resident: no names or circumstances of residents.", "Een contactnotitie gaat over de partner, nooit over een bewoner: geen namen of situaties van bewoners."},
    {"The date is not a date: write it as YYYY-MM-DD.", "De datum is geen datum: schrijf hem als JJJJ-MM-DD."},
    {"The date lies in the future: log a contact once it has happened.", "De datum ligt in de toekomst: leg een contact vast als het geweest is."},
    {"Choose the team member who was in touch.", "Kies het teamlid dat contact had."},
    {"The follow-up is not a date: write it as YYYY-MM-DD, or leave it empty.", "Het vervolg is geen datum: schrijf het als JJJJ-MM-DD, of laat het leeg."},
    {"The follow-up lies before the contact.", "Het vervolg ligt vóór het contact."},
    {"The note is longer than 500 characters: keep it to a short line about the partner.", "De notitie is langer dan 500 tekens: houd het bij een korte regel over de partner."},
    {"Contact logged", "Contact vastgelegd"},
    {"Last contacts", "Laatste contacten"},
    {"No contacts logged yet.", "Nog geen contacten vastgelegd."},
    {"How the relation is doing", "Hoe de relatie ervoor staat"},
    {"Contacts with this person count for %s.", "Contacten met deze persoon tellen mee voor %s."},
    {"Contact rhythm (days)", "Contactritme (dagen)"},
    {"Default: every %d days (%s)", "Standaard: elke %d dagen (%s)"},
    {"Set for this partner: every %d days", "Ingesteld voor deze partner: elke %d dagen"},
    {"Set", "Instellen"},
    {"Back to the default", "Terug naar standaard"},
    {"A rhythm is a whole number of days, at least 1.", "Een ritme is een heel aantal dagen, minstens 1."},
    {"My relations", "Mijn relaties"},
    {"Choose a team member", "Kies een teamlid"},
    {"This member owns no partners yet.", "Dit teamlid beheert nog geen partners."},
    {"%d partners, %d overdue", "%d partners, %d te laat"},
    {"Rhythm", "Ritme"},
    {"OVERDUE: %d days", "TE LAAT: %d dagen"},
    {"OVERDUE: 1 day", "TE LAAT: 1 dag"},
    {"due today", "vandaag"},
    {"in %d days", "over %d dagen"},
    {"in 1 day", "over 1 dag"},
    {"%d days", "%d dagen"},
    {"never", "nooit"},
    {"(on a relation)", "(bij een relatie)"},
    {"1 partner, %d overdue", "1 partner, %d te laat"},
    {"Health that changed", "Veranderde relatiegezondheid"}, {"Partners added, removed or changed", "Partners toegevoegd, verwijderd of gewijzigd"},
    {"worse", "achteruit"},
    {"Owners per team", "Beheerders per team"}, {"Owner for", "Beheerder voor"},
    {"Backup for", "Tweede beheerder voor"},
    {"Changed by %s: %s", "Gewijzigd door %s: %s"},
    {"The connection to the team database is lost; the map is read-only until it is back (trying again)",
     "De verbinding met de teamdatabase is verbroken; de kaart is alleen-lezen tot die terug is (opnieuw proberen)"},
    {"The connection to the team database is back", "De verbinding met de teamdatabase is terug"},
    {"The map is read-only while the connection to the team database is lost; nothing was changed",
     "De kaart is alleen-lezen zolang de verbinding met de teamdatabase verbroken is; er is niets gewijzigd"},
    {"Changes in the team database", "Wijzigingen in de teamdatabase"}, {"Refresh", "Vernieuwen"},
    {"(outside Kring)", "(buiten Kring)"},
    {"Changes to residents are not shown: your role may not read residents",
     "Wijzigingen aan bewoners staan er niet bij: uw rol mag geen bewoners lezen"},
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
