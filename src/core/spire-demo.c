/* spire-demo.c — realistic, deterministic Norwegian sample data
 *
 * Everything is drawn from two GRands seeded with the seed: one for the
 * content, one for the UUIDs.  Nothing reads the clock: the data is "as of"
 * a day derived from the seed, and every created_at/updated_at is derived
 * from the domain dates, so the same seed gives the same bytes.
 *
 * The data follows DESIGN.md: a challenge-driven accelerator (SmartOslo),
 * a need-first competition run by a state agency, a procurement-support
 * program (LUP), and — in the large set — more programs up to a national
 * open call with 4 000 applications.  Each cohort goes through its phases
 * as far as the day allows: applications are screened (gate criterion
 * "Formelle krav"), reviewed by three panel members (scored criteria on a
 * 1–7 scale, some N/A), ranked by the rubric's aggregation, decided with
 * written reasons, and the accepted startups go on to deals whose stage
 * history is kept as deal events.  One welfare-technology startup from the
 * SmartOslo cohort scales from one city district to many municipalities.
 *
 * Conflicts of interest: declared conflicts are recorded (and the panel
 * member's assignment declined) in decided cohorts; in the cohort under
 * evaluation a panel member employed by an applicant, and panel members
 * from bodies owning a challenge, are left for conflict detection to find.
 *
 * Gate criteria are not scored by the panel: an application that fails one
 * is set to "ineligible" at screening, with the reason in the decision.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "spire-demo.h"
#include "spire-error.h"
#include "spire-records.h"
#include "spire-job-private.h"
#include "spire-store-private.h"
#include "spire-validate.h"

#define UUID_LEN 37
#define MAX_CHALLENGES 8
#define MAX_PANEL 24
#define MAX_CRIT 8
#define MAX_SLOTS 6
#define REVIEWERS 3

typedef gint64 Stamp; /* seconds since julian day 0, UTC */

typedef enum
{
  PH_PLANNING,
  PH_OPEN,
  PH_SCREENING,
  PH_EVALUATION,
  PH_DECIDED,
  PH_RUNNING,
  PH_FOLLOW_UP,
  PH_CLOSED,
} Phase;

static const char *const phase_values[] = {
  "planning", "open", "screening", "evaluation", "decided", "running", "follow_up", "closed",
};

typedef enum
{
  ST_RECEIVED,
  ST_INELIGIBLE,
  ST_IN_REVIEW,
  ST_SHORTLISTED,
  ST_ACCEPTED,
  ST_WAITLISTED,
  ST_REJECTED,
  ST_WITHDRAWN,
} Status;

static const char *const status_values[] = {
  "received", "ineligible", "in_review", "shortlisted",
  "accepted", "waitlisted", "rejected", "withdrawn",
};

typedef enum
{
  FATE_OK,
  FATE_WITHDRAW_EARLY, /* before screening */
  FATE_INELIGIBLE,
  FATE_WITHDRAW_LATE,  /* after the reviews, before the decision */
} Fate;

typedef enum
{
  SLOT_DECLINED,
  SLOT_ASSIGNED,
  SLOT_DRAFT,
  SLOT_SUBMITTED,
} SlotState;

typedef enum
{
  CONFLICT_NONE,
  CONFLICT_EMPLOYEE, /* works for the applicant */
  CONFLICT_OWNER,    /* works for the body that owns the challenge */
  CONFLICT_DECLARED, /* declared by the panel member: family, competitor … */
} ConflictType;

typedef enum
{
  DS_DIALOGUE,
  DS_PILOT,
  DS_NEGOTIATION,
  DS_SIGNED,
  DS_DELIVERING,
  DS_SCALED,
  DS_NO_DEAL,
} DealStage;

static const char *const deal_stage_values[] = {
  "dialogue", "pilot", "negotiation", "signed", "delivering", "scaled", "no_deal",
};

/* Tables: public bodies */

typedef struct
{
  const char *name;
  const char *kind;
  const char *kommunenummer;
  const char *website;
  const char *mail; /* e-mail domain */
  int parent;       /* index in body_specs, or -1 */
  gboolean small;   /* part of the small set */
} BodySpec;

#define OSLO_DISTRICT(name, slug, mail, small) \
  { "Bydel " name, "city_district", "0301", \
    "https://www.oslo.kommune.no/bydeler/bydel-" slug "/", mail ".oslo.kommune.no", 0, small }
#define KOMMUNE(name, knr, host, small) \
  { name " kommune", "municipality", knr, "https://www." host, host, -1, small }

enum
{
  B_OSLO = 0,
  B_GRUNERLOKKA = 1,
  B_GAMLE_OSLO = 2,
  B_FROGNER = 3,
  B_ALNA = 4,
  B_BERGEN = 10,
  B_TRONDHEIM = 11,
  B_STAVANGER = 12,
  B_DRAMMEN = 13,
  B_SANDEFJORD = 14,
  B_BODO = 15,
  B_DIGDIR = 47,
  B_VEGVESEN = 48,
  B_HELSE_BERGEN = 56,
};

static const BodySpec body_specs[] = {
  /* 0 */ { "Oslo kommune", "municipality", "0301", "https://www.oslo.kommune.no",
            "oslo.kommune.no", -1, TRUE },
  /* 1 */ OSLO_DISTRICT ("Grünerløkka", "grunerlokka", "bga", TRUE),
  /* 2 */ OSLO_DISTRICT ("Gamle Oslo", "gamle-oslo", "bgo", TRUE),
  /* 3 */ OSLO_DISTRICT ("Frogner", "frogner", "bfr", TRUE),
  /* 4 */ OSLO_DISTRICT ("Alna", "alna", "bal", TRUE),
  /* 5 */ OSLO_DISTRICT ("Sagene", "sagene", "bsa", FALSE),
  /* 6 */ OSLO_DISTRICT ("St. Hanshaugen", "st-hanshaugen", "bsh", FALSE),
  /* 7 */ OSLO_DISTRICT ("Nordre Aker", "nordre-aker", "bna", FALSE),
  /* 8 */ OSLO_DISTRICT ("Stovner", "stovner", "bsr", FALSE),
  /* 9 */ OSLO_DISTRICT ("Søndre Nordstrand", "sondre-nordstrand", "bsn", FALSE),
  /* 10 */ KOMMUNE ("Bergen", "4601", "bergen.kommune.no", TRUE),
  /* 11 */ KOMMUNE ("Trondheim", "5001", "trondheim.kommune.no", TRUE),
  /* 12 */ KOMMUNE ("Stavanger", "1103", "stavanger.kommune.no", TRUE),
  /* 13 */ KOMMUNE ("Drammen", "3301", "drammen.kommune.no", TRUE),
  /* 14 */ KOMMUNE ("Sandefjord", "3907", "sandefjord.kommune.no", TRUE),
  /* 15 */ KOMMUNE ("Bodø", "1804", "bodo.kommune.no", TRUE),
  /* 16 */ KOMMUNE ("Tromsø", "5501", "tromso.kommune.no", FALSE),
  /* 17 */ KOMMUNE ("Kristiansand", "4204", "kristiansand.kommune.no", FALSE),
  /* 18 */ KOMMUNE ("Ålesund", "1508", "alesund.kommune.no", FALSE),
  /* 19 */ KOMMUNE ("Bærum", "3201", "baerum.kommune.no", FALSE),
  /* 20 */ KOMMUNE ("Asker", "3203", "asker.kommune.no", FALSE),
  /* 21 */ KOMMUNE ("Lillestrøm", "3205", "lillestrom.kommune.no", FALSE),
  /* 22 */ KOMMUNE ("Fredrikstad", "3107", "fredrikstad.kommune.no", FALSE),
  /* 23 */ KOMMUNE ("Sarpsborg", "3105", "sarpsborg.kommune.no", FALSE),
  /* 24 */ KOMMUNE ("Hamar", "3403", "hamar.kommune.no", FALSE),
  /* 25 */ KOMMUNE ("Lillehammer", "3405", "lillehammer.kommune.no", FALSE),
  /* 26 */ KOMMUNE ("Gjøvik", "3407", "gjovik.kommune.no", FALSE),
  /* 27 */ KOMMUNE ("Tønsberg", "3905", "tonsberg.kommune.no", FALSE),
  /* 28 */ KOMMUNE ("Larvik", "3909", "larvik.kommune.no", FALSE),
  /* 29 */ KOMMUNE ("Skien", "4003", "skien.kommune.no", FALSE),
  /* 30 */ KOMMUNE ("Porsgrunn", "4001", "porsgrunn.kommune.no", FALSE),
  /* 31 */ KOMMUNE ("Arendal", "4203", "arendal.kommune.no", FALSE),
  /* 32 */ KOMMUNE ("Sandnes", "1108", "sandnes.kommune.no", FALSE),
  /* 33 */ KOMMUNE ("Haugesund", "1106", "haugesund.kommune.no", FALSE),
  /* 34 */ KOMMUNE ("Molde", "1506", "molde.kommune.no", FALSE),
  /* 35 */ KOMMUNE ("Kristiansund", "1505", "kristiansund.kommune.no", FALSE),
  /* 36 */ KOMMUNE ("Steinkjer", "5006", "steinkjer.kommune.no", FALSE),
  /* 37 */ KOMMUNE ("Harstad", "5503", "harstad.kommune.no", FALSE),
  /* 38 */ KOMMUNE ("Narvik", "1806", "narvik.kommune.no", FALSE),
  /* 39 */ KOMMUNE ("Alta", "5601", "alta.kommune.no", FALSE),
  /* 40 */ KOMMUNE ("Kongsberg", "3303", "kongsberg.kommune.no", FALSE),
  /* 41 */ { "Vestland fylkeskommune", "county", NULL, "https://www.vestlandfylke.no",
             "vlfk.no", -1, TRUE },
  /* 42 */ { "Trøndelag fylkeskommune", "county", NULL, "https://www.trondelagfylke.no",
             "trondelagfylke.no", -1, FALSE },
  /* 43 */ { "Akershus fylkeskommune", "county", NULL, "https://www.akershus.no",
             "afk.no", -1, FALSE },
  /* 44 */ { "Troms fylkeskommune", "county", NULL, "https://www.tromsfylke.no",
             "tromsfylke.no", -1, FALSE },
  /* 45 */ { "Nordland fylkeskommune", "county", NULL, "https://www.nfk.no", "nfk.no", -1,
             FALSE },
  /* 46 */ { "Agder fylkeskommune", "county", NULL, "https://agderfk.no", "agderfk.no", -1,
             FALSE },
  /* 47 */ { "Digitaliseringsdirektoratet", "state_agency", NULL, "https://www.digdir.no",
             "digdir.no", -1, TRUE },
  /* 48 */ { "Statens vegvesen", "state_agency", NULL, "https://www.vegvesen.no",
             "vegvesen.no", -1, TRUE },
  /* 49 */ { "Arbeids- og velferdsetaten (Nav)", "state_agency", NULL, "https://www.nav.no",
             "nav.no", -1, FALSE },
  /* 50 */ { "Skatteetaten", "state_agency", NULL, "https://www.skatteetaten.no",
             "skatteetaten.no", -1, FALSE },
  /* 51 */ { "Helsedirektoratet", "state_agency", NULL, "https://www.helsedirektoratet.no",
             "helsedir.no", -1, FALSE },
  /* 52 */ { "Husbanken", "state_agency", NULL, "https://www.husbanken.no", "husbanken.no",
             -1, FALSE },
  /* 53 */ { "Statsbygg", "state_agency", NULL, "https://www.statsbygg.no", "statsbygg.no",
             -1, FALSE },
  /* 54 */ { "Kartverket", "state_agency", NULL, "https://www.kartverket.no", "kartverket.no",
             -1, FALSE },
  /* 55 */ { "Miljødirektoratet", "state_agency", NULL, "https://www.miljodirektoratet.no",
             "miljodir.no", -1, FALSE },
  /* 56 */ { "Helse Bergen HF", "health_trust", NULL, "https://helse-bergen.no",
             "helse-bergen.no", -1, TRUE },
  /* 57 */ { "Oslo universitetssykehus HF", "health_trust", NULL, "https://oslo-universitetssykehus.no",
             "ous-hf.no", -1, FALSE },
  /* 58 */ { "St. Olavs hospital HF", "health_trust", NULL, "https://stolav.no", "stolav.no",
             -1, FALSE },
  /* 59 */ { "Universitetssykehuset Nord-Norge HF", "health_trust", NULL, "https://unn.no",
             "unn.no", -1, FALSE },
  /* 60 */ { "Helse Stavanger HF", "health_trust", NULL, "https://helse-stavanger.no",
             "sus.no", -1, FALSE },
  /* 61 */ { "Sykehuset Innlandet HF", "health_trust", NULL, "https://sykehuset-innlandet.no",
             "sykehuset-innlandet.no", -1, FALSE },
  /* 62 */ { "Sørlandet sykehus HF", "health_trust", NULL, "https://sshf.no", "sshf.no", -1,
             FALSE },
  /* 63 */ { "Sykehjemsetaten", "other", "0301", "https://www.oslo.kommune.no/etater-foretak-og-ombud/sykehjemsetaten/",
             "sye.oslo.kommune.no", 0, FALSE },
};

/* Tables: programs */

typedef struct
{
  const char *name;
  const char *kind;
  const char *operator_name;
  const char *description;
  int owners[16]; /* bodies that own its challenges, -1 terminated */
} ProgramSpec;

static const ProgramSpec program_specs[] = {
  { "SmartOslo Akselerator", "accelerator", "Oslo Business Region",
    "Utfordringsdrevet akselerator der Oslo kommune og bydelene beskriver konkrete "
    "utfordringer, og oppstartsbedrifter tester løsningene sine sammen med dem i seks "
    "måneder. Målet er avtaler: innkjøp eller innovasjonspartnerskap med byen.",
    { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 63, -1 } },
  { "Behovsløftet", "need_first", "Direktoratet for forvaltning og økonomistyring (DFØ)",
    "Konkurranse der en offentlig virksomhet beskriver et behov, og oppstartsbedrifter "
    "foreslår løsninger. Vinneren får betalt for å utvikle en minimumsløsning på om lag "
    "seks måneder og beholder rettighetene. Kjøp av resultatet er en egen anskaffelse.",
    { 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, -1 } },
  { "Leverandørutvikling – innovative anskaffelser", "procurement_support",
    "Nasjonalt program for leverandørutvikling (NHO og KS)",
    "Støtte til offentlige virksomheter som vil anskaffe nye løsninger: markedsdialog før "
    "konkurransen, funksjonelle krav og innovasjonspartnerskap med faser, milepæler og "
    "opsjon på kjøp.",
    { 10, 11, 12, 13, 14, 15, 16, 17, 19, 22, 41, 42, 43, 56, 58, -1 } },
  { "Helseinnovasjon Vest", "accelerator", "Helse Bergen HF og Bergen kommune",
    "Akselerator for helse- og omsorgsteknologi med utfordringer fra sykehus, kommune og "
    "fylkeskommune på Vestlandet.",
    { 56, 10, 41, -1 } },
  { "Offentlig innovasjon – nasjonal åpen utlysning", "other",
    "Digitaliseringsdirektoratet og Innovasjon Norge",
    "Årlig åpen utlysning for oppstartsbedrifter med løsninger for offentlig sektor, uten "
    "forhåndsdefinerte utfordringer. De beste får tilskudd og matches med offentlige "
    "virksomheter.",
    { -1 } },
  { "Grønn omstilling Nord", "accelerator", "Tromsø kommune og Bodø kommune",
    "Akselerator for klima-, energi- og mobilitetsløsninger i Nord-Norge, med utfordringer "
    "fra kommuner, fylkeskommuner og UNN.",
    { 16, 15, 44, 45, 59, 37, 38, 39, -1 } },
};

/* Tables: sectors and what their startups make */

typedef struct
{
  const char *name;
  const char *naeringskode;
  const char *suffix; /* for startup names */
  const char *products[6];
} SectorSpec;

static const SectorSpec sector_specs[] = {
  { "Velferdsteknologi", "62.010", " Care",
    { "sensorbasert fallvarsling", "digitalt nattilsyn", "medisindispenser med påminnelser",
      "videobasert hjemmeoppfølging", "trygghetsalarm med GPS", NULL } },
  { "Mobilitet", "62.010", " Mobility",
    { "bestillingstransport i distriktene", "sanntidsdata for sykkelparkering",
      "ruteplanlegging for hjemmetjenesten", "app for trygg skolevei", "deling av tjenestebiler",
      NULL } },
  { "Energi", "71.129", " Energy",
    { "energistyring i kommunale bygg", "overvåking av solcelleanlegg",
      "smart lading av elbilparker", "styring av varmepumper med maskinlæring", NULL } },
  { "Utdanning", "62.010", " Læring",
    { "adaptiv lesestøtte", "digital leksehjelp", "språkopplæring for nyankomne",
      "læringsanalyse for lærere", NULL } },
  { "Helse", "72.190", " Health",
    { "digital pasientflyt i akuttmottaket", "sporing av medisinsk utstyr",
      "hjemmemåling av blodtrykk", "videotolking i helsetjenesten", NULL } },
  { "Sirkulærøkonomi", "38.320", " Circular",
    { "ombruksplattform for møbler", "fyllingssensorer i avfallsbeholdere",
      "matsvinnmåling i storkjøkken", "reparasjon og ombruk av IT-utstyr", NULL } },
  { "Klima og miljø", "71.129", " Klima",
    { "overvåking av overvann", "klimaregnskap for kommuner", "støymåling i byrom", NULL } },
  { "Smart by", "62.010", " City",
    { "digital tvilling av byrom", "smarte gatelys", "innbyggerdialog på kart", NULL } },
  { "Offentlig digitalisering", "62.010", " GovTech",
    { "automatisk arkivering", "chatbot for byggesaker", "klarspråksverktøy",
      "saksbehandlingsstøtte med kunstig intelligens", NULL } },
  { "Bygg og eiendom", "71.129", " Bygg",
    { "inneklimasensorer i skolebygg", "vedlikeholdsplanlegging med droner", NULL } },
  { "Sikkerhet og beredskap", "62.010", " Beredskap",
    { "varsling ved flom og skred", "kriseledelse på mobil", NULL } },
  { "Vann og avløp", "71.129", " Vann",
    { "lekkasjesøk i vannledninger", "prediktivt vedlikehold av avløpsnettet", NULL } },
};

enum { SECTOR_WELFARE = 0 };

/* Tables: challenges */

typedef struct
{
  const char *title;
  const char *need;
  int sector;
  const char *owner_kind;
} ChallengeSpec;

static const ChallengeSpec challenge_specs[] = {
  { "Færre fall blant hjemmeboende eldre",
    "Bydelen har over 1 200 brukere av hjemmetjenester. Fall er den vanligste årsaken til "
    "sykehusinnleggelse i gruppen. Vi trenger løsninger som varsler tidlig, uten kamera i "
    "hjemmet og uten mer dokumentasjon for de ansatte.", 0, "city_district" },
  { "Trygg natt uten unødige tilsynsbesøk",
    "Nattpatruljen gjør rundt 300 tilsyn hver natt, og de fleste vekker brukeren uten "
    "grunn. Vi ønsker et digitalt tilsyn som bare sender oss ut når det trengs.", 0,
    "city_district" },
  { "Mindre ensomhet blant eldre",
    "Hver tredje eldre over 80 i bydelen bor alene, og mange forteller om ensomhet. Vi "
    "søker løsninger som kobler eldre med frivillige og nabolag.", 0, "city_district" },
  { "Smartere avfallshenting",
    "Bilene henter fra beholdere som er halvfulle, mens andre renner over. Vi trenger "
    "bedre data om fyllingsgrad for å planlegge rutene.", 5, "city_district" },
  { "Trygg skolevei",
    "Foreldre kjører barna til skolen fordi veien oppleves som utrygg. Vi vil vite hvor "
    "barna går, hvor det er farlig, og hva som får flere til å gå eller sykle.", 1,
    "city_district" },
  { "Mindre matsvinn i sykehjemmene",
    "Sykehjemmene kaster rundt en femdel av maten som lages. Vi trenger måling og "
    "planlegging som reduserer svinnet uten at beboerne får dårligere mat.", 5, "other" },
  { "Energistyring i kommunale bygg",
    "Kommunen eier over 600 bygg, og mange varmes opp når de står tomme. Vi søker "
    "styring som kutter forbruket uten store investeringer i nye anlegg.", 2,
    "municipality" },
  { "Digital leksehjelp for alle elever",
    "Ikke alle elever har noen hjemme som kan hjelpe med leksene. Vi vil gi alle elever "
    "på mellomtrinnet tilgang til god leksehjelp på kveldstid.", 3, "municipality" },
  { "Lesestøtte for elever med lesevansker",
    "Om lag 15 prosent av elevene i videregående skole har lesevansker. Vi trenger verktøy "
    "som støtter dem i alle fag, ikke bare i norsktimene.", 3, "county" },
  { "Klimavennlig skoleskyss",
    "Skoleskyssen står for en stor del av fylkets utslipp fra transport. Vi ønsker "
    "løsninger som gir færre tomme seter og kortere kjøring.", 1, "county" },
  { "Ombruk av møbler og IT-utstyr",
    "Fylkeskommunen kaster utstyr som kunne vært brukt igjen. Vi søker en løsning for "
    "oversikt, ombruk og reparasjon på tvers av skolene.", 5, "county" },
  { "Prediktivt vedlikehold av veinettet",
    "Skader på veidekket oppdages sent og blir dyre å rette. Vi vil bruke data fra "
    "kjøretøy og sensorer til å planlegge vedlikehold før skadene oppstår.", 1,
    "state_agency" },
  { "Vinterdrift med mindre salt",
    "Hver vinter sprer vi store mengder salt som havner i natur og vassdrag. Vi søker "
    "løsninger som gir trygge veier med mindre salt.", 6, "state_agency" },
  { "Automatisk klassifisering av arkiv",
    "Saksbehandlerne bruker mye tid på å arkivere riktig. Vi trenger støtte som foreslår "
    "klassifisering og skjerming, og som kan forklares.", 8, "state_agency" },
  { "Enklere veiledning av brukere",
    "Mange henvendelser gjelder de samme spørsmålene. Vi vil gi brukerne gode svar døgnet "
    "rundt, på klart språk, uten å samle inn mer personopplysninger enn nødvendig.", 8,
    "state_agency" },
  { "Sporbart medisinsk utstyr",
    "Sykepleiere bruker mye tid på å lete etter pumper, senger og annet utstyr. Vi trenger "
    "sanntidsoversikt over hvor utstyret er og om det er rengjort.", 4, "health_trust" },
  { "Kortere ventetid i akuttmottaket",
    "Pasientene venter for lenge i akuttmottaket, særlig på kveldstid. Vi søker løsninger "
    "for bedre flyt fra triage til innleggelse.", 4, "health_trust" },
  { "Oppfølging av kronisk syke hjemme",
    "Mange pasienter med KOLS og hjertesvikt blir lagt inn igjen kort tid etter "
    "utskrivning. Vi vil følge dem opp hjemme og oppdage forverring tidlig.", 0,
    "health_trust" },
  { "Forutsigbar overvannshåndtering",
    "Kraftigere regnskyll gir oversvømte kjellere og veier. Vi trenger varsling og data "
    "som viser hvor overvannet tar veien.", 11, "municipality" },
  { "Færre lekkasjer i vannledningsnettet",
    "Nesten en tredel av drikkevannet lekker ut før det når abonnentene. Vi søker bedre "
    "metoder for å finne og prioritere lekkasjer.", 11, "municipality" },
  { "Lading av kommunale elbiler",
    "Kommunen har over 400 elbiler i hjemmetjenesten og driften. Lading i rushtiden gir "
    "høye nettleiekostnader. Vi trenger smartere lading.", 2, "municipality" },
  { "Godt inneklima i skolebygg",
    "Elever og lærere klager på dårlig luft og temperatur. Vi vil måle inneklimaet og "
    "styre ventilasjonen etter faktisk bruk.", 9, "municipality" },
  { "Varsling ved flom og skred",
    "Beredskapen trenger bedre varsling når flom og skred truer veier og bebyggelse.", 10,
    "state_agency" },
  { "Digital tvilling av byrommet",
    "Planleggere og innbyggere trenger et felles bilde av byrommet før vi bygger. Vi "
    "søker en digital tvilling som kan brukes i medvirkning.", 7, "municipality" },
  { "Tolking på video",
    "Pasienter og pårørende venter på tolk, og avtaler blir avlyst. Vi vil ha tolk "
    "tilgjengelig på video, raskt og trygt.", 4, "health_trust" },
};

/* Tables: rubrics */

typedef struct
{
  const char *name;
  const char *guidance;
  const char *strong; /* "Søkeren …" */
  const char *weak;
} CriterionSpec;

static const CriterionSpec criterion_specs[] = {
  { "Behovsforståelse",
    "Hvor godt forstår søkeren utfordringen, brukerne og oppdragsgiverens situasjon?",
    "viser god forståelse av brukernes hverdag", "beskriver behovet overfladisk" },
  { "Løsningens kvalitet",
    "Er løsningen gjennomarbeidet, brukervennlig og trygg å ta i bruk?",
    "har en gjennomarbeidet og brukervennlig løsning", "har en løsning som fortsatt er umoden" },
  { "Gjennomføringsevne",
    "Har teamet kapasitet, kompetanse og finansiering til å levere i programperioden?",
    "har et team som har levert lignende prosjekter før",
    "har lite kapasitet til å gjennomføre i programperioden" },
  { "Skaleringspotensial",
    "Kan løsningen tas i bruk av mange offentlige virksomheter uten stor tilpasning?",
    "kan enkelt tas i bruk i flere kommuner", "krever mye tilpasning for hver ny kunde" },
  { "Samfunnsnytte", "Hvilke gevinster gir løsningen for innbyggere, ansatte og miljø?",
    "gir tydelige gevinster for innbyggerne", "har uklare gevinster for innbyggerne" },
  { "Innovasjonshøyde", "Hvor nytt er dette sammenlignet med det som finnes i markedet?",
    "er klart nyskapende i norsk offentlig sektor",
    "ligner mye på løsninger som allerede finnes" },
  { "Teamets kompetanse", "Har teamet fagkompetansen og erfaringen oppgaven krever?",
    "har relevant fagkompetanse i teamet", "mangler erfaring med offentlige kunder" },
  { "Bærekraft og klimaeffekt", "Gir løsningen målbare kutt i utslipp og ressursbruk?",
    "gir målbare kutt i utslipp og ressursbruk", "sier lite om klimaeffekt" },
  { "Verdi for oppdragsgiver",
    "Hvor godt svarer løsningen på behovet oppdragsgiveren har beskrevet?",
    "svarer presist på oppdragsgiverens behov", "treffer bare deler av oppdragsgiverens behov" },
  { "Personvern og informasjonssikkerhet",
    "Er personvern og informasjonssikkerhet vurdert og ivaretatt?",
    "har et gjennomtenkt opplegg for personvern",
    "mangler en vurdering av personvernkonsekvenser" },
};

typedef struct
{
  int n;
  int criterion[MAX_CRIT];
  double weight[MAX_CRIT];
} RubricSpec;

enum { RUBRIC_ACCELERATOR, RUBRIC_NEED_FIRST, RUBRIC_PROCUREMENT, RUBRIC_LARGE };

static const RubricSpec rubric_specs[] = {
  { 5, { 0, 1, 2, 3, 4 }, { 25, 25, 20, 15, 15 } },
  { 4, { 0, 1, 2, 8 }, { 30, 30, 20, 20 } },
  { 6, { 0, 1, 5, 2, 9, 4 }, { 20, 25, 20, 15, 10, 10 } },
  { 8, { 0, 1, 2, 3, 4, 5, 6, 7 }, { 20, 20, 15, 10, 10, 10, 10, 5 } },
};

static const char scale_labels[] =
  "{\"1\": \"Svært svak\", \"2\": \"Svak\", \"3\": \"Nokså svak\", \"4\": \"Middels\", "
  "\"5\": \"God\", \"6\": \"Svært god\", \"7\": \"Fremragende\"}";

/* Tables: cohorts */

typedef struct
{
  int program;
  const char *name; /* followed by season and year */
  Phase phase;
  int years_back; /* closed cohorts: years before the follow-up ones */
  int n_apps;
  int seats;
  int n_challenges;
  int panel_size;
  const int *panel; /* indices of evaluator specs, or NULL: from the pool */
  int forced[2];    /* startups that fill the first two applications, or -1 */
  gboolean hero;    /* the cohort of the scaling story */
  gboolean blind;
  gboolean owner_on_panel;
  int rubric;
} CohortSpec;

/* The first evaluator persons (both sizes) */

typedef struct
{
  int body;           /* body_specs index, or -1 */
  int expert;         /* expert_orgs index, or -1 */
  int startup;        /* works for this startup, or -1 */
} EvaluatorSpec;

static const EvaluatorSpec evaluator_specs[] = {
  { B_OSLO, -1, -1 },        /* 0: chairs SmartOslo */
  { B_GRUNERLOKKA, -1, -1 }, /* 1: owns a challenge: conflict to detect */
  { B_FROGNER, -1, -1 },     /* 2 */
  { -1, 0, -1 },             /* 3: Oslo Business Region */
  { B_DIGDIR, -1, -1 },      /* 4: chairs Behovsløftet */
  { B_VEGVESEN, -1, -1 },    /* 5 */
  { B_HELSE_BERGEN, -1, -1 },/* 6 */
  { -1, -1, 1 },             /* 7: works for startup 1, which applies */
  { B_BERGEN, -1, -1 },      /* 8 */
};

static const struct
{
  const char *name;
  const char *domain;
} expert_orgs[] = {
  { "Oslo Business Region", "oslobusinessregion.no" },
  { "SINTEF", "sintef.no" },
  { "KS – Kommunesektorens organisasjon", "ks.no" },
  { "Innovasjon Norge", "innovasjonnorge.no" },
  { "NHO", "nho.no" },
  { "Forskningsrådet", "forskningsradet.no" },
  { "StartupLab", "startuplab.no" },
};

static const int panel_smartoslo_a[] = { 0, 1, 2, 3, 7, 8 };
static const int panel_smartoslo_b[] = { 0, 1, 3, 7, 2 };
static const int panel_need_a[] = { 4, 5, 6, 8 };
static const int panel_need_b[] = { 4, 5, 6 };
static const int panel_lup[] = { 8, 6, 3, 2 };

#define P(a) a, { -1, -1 }
static const CohortSpec small_cohorts[] = {
  { 0, "SmartOslo Akselerator", PH_FOLLOW_UP, 0, 80, 4, 4, 6, panel_smartoslo_a, { 0, 1 },
    TRUE, FALSE, FALSE, RUBRIC_ACCELERATOR },
  { 0, "SmartOslo Akselerator", PH_EVALUATION, 0, 25, 5, 4, 5, panel_smartoslo_b, { 1, -1 },
    FALSE, TRUE, FALSE, RUBRIC_ACCELERATOR },
  { 1, "Behovsløftet", PH_CLOSED, 1, 20, 3, 3, 4, P (panel_need_a), FALSE, FALSE, TRUE,
    RUBRIC_NEED_FIRST },
  { 1, "Behovsløftet", PH_OPEN, 0, 10, 3, 3, 3, P (panel_need_b), FALSE, FALSE, TRUE,
    RUBRIC_NEED_FIRST },
  { 2, "Innovasjonspartnerskap helse og omsorg", PH_SCREENING, 0, 15, 6, 3, 4, P (panel_lup),
    FALSE, FALSE, TRUE, RUBRIC_PROCUREMENT },
  { 2, "Innovasjonspartnerskap klima og energi", PH_PLANNING, 0, 0, 6, 2, 0, P (NULL), FALSE,
    FALSE, TRUE, RUBRIC_PROCUREMENT },
};

static const CohortSpec large_cohorts[] = {
  { 0, "SmartOslo Akselerator", PH_CLOSED, 3, 70, 4, 4, 5, P (NULL), FALSE, FALSE, FALSE, RUBRIC_LARGE },
  { 0, "SmartOslo Akselerator", PH_CLOSED, 2, 85, 4, 4, 5, P (NULL), FALSE, FALSE, FALSE, RUBRIC_LARGE },
  { 0, "SmartOslo Akselerator", PH_CLOSED, 1, 90, 5, 4, 5, P (NULL), FALSE, FALSE, FALSE, RUBRIC_LARGE },
  { 0, "SmartOslo Akselerator", PH_FOLLOW_UP, 0, 80, 4, 4, 6, panel_smartoslo_a, { 0, 1 },
    TRUE, FALSE, FALSE, RUBRIC_LARGE },
  { 0, "SmartOslo Akselerator", PH_EVALUATION, 0, 110, 5, 4, 5, panel_smartoslo_b, { 1, -1 },
    FALSE, TRUE, FALSE, RUBRIC_LARGE },
  { 0, "SmartOslo Akselerator", PH_PLANNING, 0, 0, 5, 4, 0, P (NULL), FALSE, FALSE, FALSE, RUBRIC_LARGE },
  { 1, "Behovsløftet", PH_CLOSED, 2, 260, 6, 5, 6, P (NULL), FALSE, FALSE, TRUE, RUBRIC_LARGE },
  { 1, "Behovsløftet", PH_CLOSED, 1, 320, 6, 5, 6, P (NULL), FALSE, FALSE, TRUE, RUBRIC_LARGE },
  { 1, "Behovsløftet", PH_RUNNING, 0, 380, 8, 6, 7, P (NULL), FALSE, FALSE, TRUE, RUBRIC_LARGE },
  { 1, "Behovsløftet", PH_OPEN, 0, 60, 6, 5, 4, P (NULL), FALSE, FALSE, TRUE, RUBRIC_LARGE },
  { 2, "Innovasjonspartnerskap helse og omsorg", PH_CLOSED, 1, 230, 8, 5, 6, P (NULL), FALSE,
    FALSE, TRUE, RUBRIC_LARGE },
  { 2, "Innovasjonspartnerskap mobilitet", PH_FOLLOW_UP, 0, 260, 8, 5, 6, P (NULL), FALSE,
    FALSE, TRUE, RUBRIC_LARGE },
  { 2, "Innovasjonspartnerskap klima og energi", PH_SCREENING, 0, 90, 8, 4, 5, P (NULL), FALSE,
    FALSE, TRUE, RUBRIC_LARGE },
  { 3, "Helseinnovasjon Vest", PH_CLOSED, 1, 250, 6, 3, 5, P (NULL), FALSE, FALSE, FALSE, RUBRIC_LARGE },
  { 3, "Helseinnovasjon Vest", PH_FOLLOW_UP, 0, 300, 6, 3, 6, P (NULL), FALSE, FALSE, FALSE, RUBRIC_LARGE },
  { 3, "Helseinnovasjon Vest", PH_DECIDED, 0, 350, 8, 3, 6, P (NULL), FALSE, TRUE, FALSE, RUBRIC_LARGE },
  { 4, "Nasjonal åpen utlysning", PH_DECIDED, 0, 4000, 40, 0, 20, P (NULL), FALSE, TRUE, TRUE, RUBRIC_LARGE },
  { 5, "Grønn omstilling Nord", PH_CLOSED, 1, 400, 6, 5, 6, P (NULL), FALSE, FALSE, FALSE, RUBRIC_LARGE },
  { 5, "Grønn omstilling Nord", PH_FOLLOW_UP, 0, 2165, 12, 5, 10, P (NULL), FALSE, FALSE, FALSE, RUBRIC_LARGE },
  { 5, "Grønn omstilling Nord", PH_EVALUATION, 0, 500, 8, 5, 6, P (NULL), FALSE, FALSE, FALSE, RUBRIC_LARGE },
};
#undef P

typedef struct
{
  const CohortSpec *cohorts;
  guint n_cohorts;
  guint n_programs;
  guint n_startups;
  guint n_evaluators;
  guint n_deals;
  double p_conflict; /* a panel member declares a conflict for an application */
  double p_comment;  /* a score has a comment */
} SizeSpec;

static const SizeSpec sizes[] = {
  { small_cohorts, G_N_ELEMENTS (small_cohorts), 3, 120, 9, 20, 0.04, 0.25 },
  { large_cohorts, G_N_ELEMENTS (large_cohorts), 6, 7000, 60, 2000, 0.01, 0.06 },
};

/* Tables: words */

static const char *const first_names[] = {
  "Ingrid", "Kari", "Nora", "Emma", "Sofie", "Maja", "Ida", "Hanne", "Marit", "Silje",
  "Åse", "Solveig", "Ragnhild", "Thea", "Amalie", "Fatima", "Aisha", "Mona", "Tone", "Linn",
  "Camilla", "Hilde", "Eli", "Sigrid", "Astrid", "Vilde", "Lene", "Ola", "Lars", "Jakob",
  "Emil", "Magnus", "Henrik", "Olav", "Øyvind", "Knut", "Erik", "Jonas", "Sindre", "Håkon",
  "Bjørn", "Ahmed", "Ali", "Mohammed", "Tobias", "Anders", "Per", "Trond", "Geir", "Espen",
  "Kristoffer", "Eirik", "Sander", "Mathias", "Even", "Torbjørn", "Halvard", "Jørgen",
  "Sverre", "Yusuf", "Mari", "Ane", "Guro", "Synnøve", "Tuva", "Iselin", "Ole", "Rune",
};

static const char *const last_names[] = {
  "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
  "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
  "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen",
  "Lund", "Sørensen", "Bakken", "Strand", "Moen", "Solberg", "Aasen", "Østby", "Ødegård",
  "Aune", "Lie", "Rønning", "Brekke", "Haugland", "Sæther", "Vik", "Myhre", "Nygård",
  "Fjeld", "Tveit", "Holm", "Ali", "Khan", "Nguyen", "Ahmadi", "Mæland", "Øien", "Bråten",
  "Sandvik", "Lunde", "Ruud", "Engen", "Kaur", "Hussain", "Iversen", "Ek", "Årdal",
};

static const char *const name_stems[] = {
  "Nord", "Fjord", "Lys", "Vind", "Helse", "Mobil", "Smart", "Grønn", "Bølge", "Fjell",
  "Skog", "Elv", "Sol", "Havn", "Kyst", "Trygg", "Vel", "Omsorg", "Data", "Klima",
  "Sirkel", "Spor", "Nær", "Polar", "Aurora", "Fram", "Tinde", "Isbre", "Midnatt", "Sjø",
  "Berg", "Norrøn",
  /* sorted after Z: keep these last (N_AAA_STEMS) */
  "Ærlig", "Ærfugl", "Øko", "Ørn", "Østavind", "Åpen", "Åker", "Ås",
};
#define N_AAA_STEMS 8

static const char *const name_tails[] = {
  "lys", "vind", "data", "sans", "puls", "flyt", "vei", "nett", "bro", "kraft", "verk",
  "tun", "spor", "bit", "sky", "hav", "stein", "vakt", "hjem", "logikk", "sense", "link",
};

static const char *const name_suffixes[] = {
  "", "", " Tech", " Labs", " Analytics", " Systems", " Solutions", " Innovasjon",
  " Robotics", " Digital", " Norge", " Group",
};

static const char *const stage_values[] = { "idea", "prototype", "pilot", "market", "scaling" };
static const char *const stage_traction[] = {
  "et konsept og intervjuer med 14 brukere og ansatte",
  "en fungerende prototype som er testet med brukere",
  "pilotkunder i to kommuner",
  "betalende kunder i fem kommuner",
  "over 40 offentlige kunder og den første eksportkunden i Sverige",
};

static const char *const integrations[] = {
  "Gerica", "CosDoc", "Visma Flyt", "Public 360", "Elements", "Helseplattformen",
  "DIPS", "Acos WebSak", "ID-porten",
};

static const char *const heard_from[] = {
  "Nyhetsbrev fra Oslo Business Region", "LinkedIn", "Anbefalt av en kommune",
  "Innovasjon Norge", "Tidligere deltaker", "Doffin", "Leverandørkonferansen",
};

static const char *const confidential_texts[] = {
  "Vi er i samtaler med en investor om en emisjon på 8 MNOK. Verdsettelsen er ikke offentlig.",
  "Patentsøknaden for sensoralgoritmen er levert, men ikke publisert ennå.",
  "Piloten med {partner} er under taushetserklæring til den er evaluert.",
  "Omsetningen i år er 3,4 MNOK; vi går med underskudd til neste kvartal.",
  "Vi har fått en forespørsel om oppkjøp som vi har takket nei til.",
  "Prismodellen vår (per bruker per måned) er forretningshemmelighet.",
  "Kildekoden for analysemodulen er lisensiert fra et universitet; avtalen er konfidensiell.",
};

static const char *const ineligible_reasons[] = {
  "Oppfyller ikke de formelle kravene: selskapet har mer enn 50 ansatte.",
  "Oppfyller ikke de formelle kravene: søknaden mangler budsjett og beskrivelse av teamet.",
  "Oppfyller ikke de formelle kravene: selskapet er ikke registrert i Enhetsregisteret.",
  "Oppfyller ikke de formelle kravene: løsningen svarer ikke på noen av utfordringene i "
  "utlysningen.",
  "Oppfyller ikke de formelle kravene: søknaden kom etter fristen.",
};

static const char *const withdraw_reasons[] = {
  "Søkeren trakk søknaden per e-post: selskapet har fått investering og prioriterer "
  "andre markeder.",
  "Søkeren trakk søknaden fordi teamet ikke har kapasitet i programperioden.",
  "Søkeren trakk søknaden etter å ha blitt tatt opp i et annet program.",
  "Søkeren trakk søknaden og vil søke igjen neste år med en mer moden løsning.",
};

static const char *const declared_conflicts[][2] = {
  { "family", "Jurymedlemmets ektefelle er daglig leder i selskapet." },
  { "competitor", "Jurymedlemmet er rådgiver for et konkurrerende selskap." },
  { "owner", "Jurymedlemmet eier aksjer i selskapet." },
  { "other", "Jurymedlemmet har veiledet søkeren i søknadsarbeidet." },
};

static const char *const no_deal_reasons[] = {
  "oppdragsgiver prioriterte andre tiltak i budsjettet",
  "løsningen lot seg ikke integrere med fagsystemet",
  "piloten ga ikke de gevinstene vi håpet på",
  "anskaffelsen ble utsatt til neste år",
};

/* Run-time data */

typedef struct
{
  char uuid[UUID_LEN];
  char orgnr[10];
  const BodySpec *spec;
} Body;

typedef struct
{
  char uuid[UUID_LEN];
  const ProgramSpec *spec;
  const char *manager;
} Program;

typedef struct
{
  char uuid[UUID_LEN];
  char orgnr[10];
  const char *name;
  const char *short_name; /* without " AS" */
  const char *domain;
  const char *contact_name;
  char contact[UUID_LEN];
  const char *product;
  int sector;
  int employees;
  guint32 founded;
  const char *kommunenummer;
} Startup;

typedef struct
{
  char uuid[UUID_LEN];
  const char *name;
  int body;    /* index in d->bodies, or -1 */
  int startup; /* or -1 */
  double bias; /* harsh (< 0) or generous (> 0) */
} Evaluator;

typedef struct
{
  int panelist; /* index in the cohort's panel */
  SlotState state;
  ConflictType conflict;
  int declared; /* declared_conflicts index */
  int n_entered;
  double values[MAX_CRIT];
  double score;
  Stamp done;
} Slot;

typedef struct
{
  char uuid[UUID_LEN];
  int startup;
  int challenge; /* index in the cohort's challenges, or -1 */
  double quality;
  int stage;
  Fate fate;
  Status status;
  Stamp submitted;
  Stamp screened;  /* 0: not screened */
  Stamp withdrawn; /* 0: not withdrawn */
  int n_slots;
  Slot slots[MAX_SLOTS];
  double score;    /* aggregate of the submitted reviews, NAN */
  int rank;        /* 0-based among the ranked, -1 */
  gboolean shortlisted;
} App;

typedef struct
{
  const CohortSpec *spec;
  char uuid[UUID_LEN];
  const char *name;
  const Program *program;
  guint32 opens, deadline, starts, ends;
  guint32 shortlist_day, final_day;
  int n_challenges;
  struct
  {
    char uuid[UUID_LEN];
    int body;
    const ChallengeSpec *spec;
  } challenges[MAX_CHALLENGES];
  int n_panel;
  struct
  {
    char uuid[UUID_LEN];
    int person; /* index in d->evaluators */
  } panel[MAX_PANEL];
  int n_scorers;
  int scorers[MAX_PANEL];
  const RubricSpec *rubric;
  gboolean median;
  char criteria[MAX_CRIT][UUID_LEN];
  int n_apps;
  App *apps;
  int n_ranked;
  int *ranked; /* app indices, best first */
} Cohort;

typedef struct
{
  SpireStore *store;
  const SizeSpec *size;
  SpireSaveFlags flags;
  GRand *rand;
  GRand *ids;
  guint32 today;
  GCancellable *cancellable;
  SpireProgressFunc progress;
  gpointer progress_data;
  double estimate;
  double done;
  double reported;

  GStringChunk *strings;
  GHashTable *taken; /* names and organisation numbers in use */

  int body_index[G_N_ELEMENTS (body_specs)]; /* spec → d->bodies, or -1 */
  GArray *bodies;
  GArray *programs;
  GArray *startups;
  GArray *evaluators;
  char expert_orgnr[G_N_ELEMENTS (expert_orgs)][10];
  GPtrArray *cohorts;
  guint next_startup;
  guint *startup_order;
  guint n_deals;
  GArray *scalers; /* Scaler: startups with a signed deal */
} Demo;

typedef struct
{
  int startup;
  guint32 signed_on;
} Scaler;

/* Small helpers */

static int
rnd (Demo *d, int lo, int hi) /* lo ≤ n ≤ hi */
{
  return g_rand_int_range (d->rand, lo, hi + 1);
}

static double
unif (Demo *d)
{
  return g_rand_double (d->rand);
}

static gboolean
chance (Demo *d, double p)
{
  return g_rand_double (d->rand) < p;
}

static double
gauss (Demo *d, double mean, double sd)
{
  double u = 1.0 - g_rand_double (d->rand); /* (0, 1] */
  double v = g_rand_double (d->rand);

  return mean + sd * sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

#define PICK(d, array) ((array)[rnd ((d), 0, G_N_ELEMENTS (array) - 1)])

static const char *
keep (Demo *d, const char *s)
{
  return g_string_chunk_insert (d->strings, s);
}

static const char *
keep_take (Demo *d, char *s)
{
  const char *kept = g_string_chunk_insert (d->strings, s);

  g_free (s);
  return kept;
}

/* TRUE when @s was not in use yet; it is from now on. */
static gboolean
take (Demo *d, const char *s)
{
  if (g_hash_table_contains (d->taken, s))
    return FALSE;
  g_hash_table_add (d->taken, (gpointer) keep (d, s));
  return TRUE;
}

static Stamp
stamp (guint32 day, int seconds)
{
  return (Stamp) day * 86400 + seconds;
}

static guint32
stamp_day (Stamp t)
{
  return (guint32) (t / 86400);
}

static Stamp
stamp_on (Demo *d, guint32 day) /* during office hours */
{
  return stamp (day, rnd (d, 7 * 3600, 15 * 3600));
}

static void
format_day (guint32 day, char out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  g_snprintf (out, 11, "%04d-%02d-%02d", (int) g_date_get_year (&date),
              (int) g_date_get_month (&date), (int) g_date_get_day (&date));
}

static void
format_stamp (Stamp t, char out[21])
{
  char day[11];
  int s = (int) (t % 86400);

  format_day (stamp_day (t), day);
  g_snprintf (out, 21, "%sT%02d:%02d:%02dZ", day, s / 3600, s / 60 % 60, s % 60);
}

static int
day_year (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_get_year (&date);
}

static int
day_month (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_get_month (&date);
}

static void
set_day (SpireRecord *r, const char *field, guint32 day)
{
  char s[11];

  format_day (day, s);
  spire_record_set_text (r, field, s);
}

static void
set_stamp (SpireRecord *r, const char *field, Stamp t)
{
  char s[21];

  format_stamp (t, s);
  spire_record_set_text (r, field, s);
}

/* "5,4": numbers in texts are Norwegian whatever the locale. */
static void
format_decimal (double v, char out[G_ASCII_DTOSTR_BUF_SIZE])
{
  g_ascii_formatd (out, G_ASCII_DTOSTR_BUF_SIZE, "%.1f", v);
  for (char *p = out; *p; p++)
    if (*p == '.')
      *p = ',';
}

/* "1 250 000" */
static char *
format_thousands (gint64 v)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, v);
  GString *s = g_string_new (NULL);
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (s, ' ');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

static char *
capitalise (const char *s)
{
  char *out = g_strdup (s);

  out[0] = g_ascii_toupper (out[0]);
  return out;
}

/* Lower-case ASCII for host names and e-mail addresses: "Grønn Bølge" → "gronn-bolge" */
static char *
ascii_slug (const char *text, char sep)
{
  GString *s = g_string_new (NULL);
  gboolean pending = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));
      const char *add = NULL;
      char one[2] = { 0, 0 };

      switch (c)
        {
        case 0xe6: add = "ae"; break; /* æ */
        case 0xf8: add = "o"; break;  /* ø */
        case 0xe5: add = "a"; break;  /* å */
        case 0xe4: add = "a"; break;  /* ä */
        case 0xf6: add = "o"; break;  /* ö */
        case 0xfc: add = "u"; break;  /* ü */
        case 0xe9: case 0xe8: add = "e"; break;
        default:
          if (c < 128 && g_ascii_isalnum ((char) c))
            {
              one[0] = (char) c;
              add = one;
            }
          break;
        }
      if (add == NULL)
        {
          pending = s->len > 0;
          continue;
        }
      if (pending)
        g_string_append_c (s, sep);
      pending = FALSE;
      g_string_append (s, add);
    }
  return g_string_free (s, FALSE);
}

/* A version 4 UUID from the id stream */
static void
make_uuid (GRand *ids, char out[UUID_LEN])
{
  guint32 a = g_rand_int (ids);
  guint32 b = g_rand_int (ids);
  guint32 c = g_rand_int (ids);
  guint32 e = g_rand_int (ids);

  g_snprintf (out, UUID_LEN, "%08x-%04x-%04x-%04x-%04x%08x", a, b >> 16,
              (b & 0x0fffu) | 0x4000u, ((c >> 16) & 0x3fffu) | 0x8000u, c & 0xffffu, e);
}

static void
make_orgnr (Demo *d, char out[10])
{
  for (;;)
    {
      int check;

      out[0] = '9';
      for (int i = 1; i < 8; i++)
        out[i] = (char) ('0' + rnd (d, 0, 9));
      out[8] = '\0';
      check = spire_orgnr_check_digit (out);
      if (check < 0)
        continue;
      out[8] = (char) ('0' + check);
      out[9] = '\0';
      if (take (d, out))
        return;
    }
}

static const char *
make_phone (Demo *d)
{
  char s[32];

  g_snprintf (s, sizeof s, "+47 %d%02d %02d %03d", PICK (d, ((const int[]) { 4, 9 })),
              rnd (d, 0, 99), rnd (d, 0, 99), rnd (d, 0, 999));
  return keep (d, s);
}

static const char *
make_person_name (Demo *d, const char **first_out)
{
  const char *first = PICK (d, first_names);
  const char *last = PICK (d, last_names);
  char *name = g_strdup_printf ("%s %s", first, last);

  if (first_out)
    *first_out = first;
  return keep_take (d, name);
}

static char *
email_for (const char *first, const char *full_name, const char *domain)
{
  g_autofree char *local = ascii_slug (full_name ? full_name : first, '.');

  return g_strdup_printf ("%s@%s", local, domain);
}

/* Progress and cancellation */

static gboolean
set_cancelled (GError **error)
{
  g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED,
                       _("Creating the sample data was cancelled. Nothing was added."));
  return FALSE;
}

static void
report (Demo *d, double fraction)
{
  if (d->progress != NULL)
    d->progress (fraction, d->progress_data);
  d->reported = fraction;
}

static void
tick (Demo *d)
{
  double f;

  d->done += 1;
  f = MIN (d->done / d->estimate, 0.99);
  if (f >= d->reported + 0.01)
    report (d, f);
}

static SpireRecord *
new_record (Demo *d, const SpireKind *kind, char uuid[UUID_LEN])
{
  SpireRecord *r = spire_record_new (kind);
  char local[UUID_LEN];

  if (uuid == NULL)
    uuid = local;
  make_uuid (d->ids, uuid);
  spire_record_set_text (r, "uuid", uuid);
  return r;
}

/* Writes @record (and drops it) with the given times. */
static gboolean
put (Demo *d, SpireRecord *record, Stamp created, Stamp updated, GError **error)
{
  gboolean ok;

  if (g_cancellable_is_cancelled (d->cancellable))
    {
      g_object_unref (record);
      return set_cancelled (error);
    }
  set_stamp (record, "created_at", created);
  set_stamp (record, "updated_at", MAX (created, updated));
  ok = spire_store_save (d->store, record, d->flags, NULL, error);
  g_object_unref (record);
  if (ok)
    tick (d);
  return ok;
}

/* Public bodies, programs */

static gboolean
fill_bodies (Demo *d, GError **error)
{
  gboolean large = d->size == &sizes[SPIRE_DEMO_LARGE];

  for (guint i = 0; i < G_N_ELEMENTS (body_specs); i++)
    {
      const BodySpec *spec = &body_specs[i];
      Body b = { .spec = spec };
      SpireRecord *r;
      Stamp t = stamp_on (d, d->today - 2000 + rnd (d, 0, 60));

      d->body_index[i] = -1;
      if (!large && !spec->small)
        continue;
      make_orgnr (d, b.orgnr);
      r = new_record (d, &spire_kind_public_body, b.uuid);
      spire_record_set_text (r, "name", spec->name);
      spire_record_set_text (r, "kind", spec->kind);
      spire_record_set_text (r, "orgnr", b.orgnr);
      spire_record_set_text (r, "kommunenummer", spec->kommunenummer);
      spire_record_set_text (r, "website", spec->website);
      if (spec->parent >= 0)
        spire_record_set_text (r, "parent",
                               g_array_index (d->bodies, Body, d->body_index[spec->parent]).uuid);
      d->body_index[i] = (int) d->bodies->len;
      g_array_append_val (d->bodies, b);
      if (!put (d, r, t, t, error))
        return FALSE;
    }
  return TRUE;
}

static Body *
body_at (Demo *d, int index)
{
  return &g_array_index (d->bodies, Body, index);
}

static gboolean
fill_programs (Demo *d, GError **error)
{
  for (guint i = 0; i < d->size->n_programs; i++)
    {
      Program p = { .spec = &program_specs[i] };
      SpireRecord *r = new_record (d, &spire_kind_program, p.uuid);
      Stamp t = stamp_on (d, d->today - 1900 + rnd (d, 0, 30));

      p.manager = make_person_name (d, NULL);
      spire_record_set_text (r, "name", p.spec->name);
      spire_record_set_text (r, "kind", p.spec->kind);
      spire_record_set_text (r, "operator", p.spec->operator_name);
      spire_record_set_text (r, "description", p.spec->description);
      g_array_append_val (d->programs, p);
      if (!put (d, r, t, t + 86400 * rnd (d, 30, 900), error))
        return FALSE;
    }
  return TRUE;
}

/* Startups and their contact persons */

static const char *
startup_name (Demo *d, int index, int sector, const char **short_out)
{
  for (;;)
    {
      guint n = G_N_ELEMENTS (name_stems);
      /* Startup 2 always has a name sorted after Z, so the data shows it. */
      const char *stem = index == 2 ? name_stems[n - N_AAA_STEMS + rnd (d, 0, N_AAA_STEMS - 1)]
                                    : name_stems[rnd (d, 0, n - 1)];
      const char *suffix = chance (d, 0.25) ? sector_specs[sector].suffix : PICK (d, name_suffixes);
      g_autofree char *base = NULL;
      g_autofree char *full = NULL;

      if (chance (d, 0.7))
        base = g_strdup_printf ("%s%s%s", stem, PICK (d, name_tails), suffix);
      else if (*suffix)
        base = g_strdup_printf ("%s%s", stem, suffix);
      else
        continue;
      full = g_strdup_printf ("%s AS", base);
      if (!take (d, full))
        continue;
      *short_out = keep (d, base);
      return keep (d, full);
    }
}

static const char *
startup_kommunenummer (Demo *d)
{
  static const char *const weighted[] = {
    "0301", "0301", "0301", "0301", "0301", "4601", "4601", "5001", "5001", "1103",
    "5501", "3301", "3907", "4204", "1508", "1804", "3201", "3203", "3205", "1108",
  };

  return PICK (d, weighted);
}

static gboolean
fill_startups (Demo *d, GError **error)
{
  for (guint i = 0; i < d->size->n_startups; i++)
    {
      Startup s = { .founded = 0 };
      SpireRecord *r;
      const char *first;
      g_autofree char *slug = NULL;
      g_autofree char *web = NULL;
      g_autofree char *mail = NULL;
      /* 0 and 1 apply to SmartOslo a couple of years back */
      guint32 founded = d->today - (i < 2 ? rnd (d, 1200, 2500) : rnd (d, 200, 3600));
      Stamp t = stamp_on (d, d->today - rnd (d, 100, 1800));
      const SectorSpec *sector;
      int n_products = 0;

      s.sector = i == 0 ? SECTOR_WELFARE : rnd (d, 0, G_N_ELEMENTS (sector_specs) - 1);
      s.name = startup_name (d, (int) i, s.sector, &s.short_name);
      sector = &sector_specs[s.sector];
      while (sector->products[n_products])
        n_products++;
      s.product = sector->products[rnd (d, 0, n_products - 1)];
      /* Young companies are small. */
      s.employees = 1 + (int) (pow (unif (d), 2.2) * MIN (45.0, 3.0 + 7.0 * (d->today - founded) / 365.0));
      s.kommunenummer = startup_kommunenummer (d);
      make_orgnr (d, s.orgnr);
      slug = ascii_slug (s.short_name, '-');
      s.domain = keep_take (d, g_strdup_printf ("%s.no", slug));
      web = g_strdup_printf ("https://%s", s.domain);

      r = new_record (d, &spire_kind_startup, s.uuid);
      spire_record_set_text (r, "name", s.name);
      spire_record_set_text (r, "orgnr", s.orgnr);
      spire_record_set_text (r, "organisasjonsform", "AS");
      spire_record_set_text (r, "naeringskode", sector->naeringskode);
      s.founded = founded;
      set_day (r, "founded", founded);
      spire_record_set_int (r, "employees", s.employees);
      spire_record_set_text (r, "website", web);
      spire_record_set_text (r, "kommunenummer", s.kommunenummer);
      spire_record_set_text (r, "sector", sector->name);
      if (!put (d, r, t, t, error))
        return FALSE;

      /* The founder, who is the contact person */
      s.contact_name = make_person_name (d, &first);
      mail = email_for (first, NULL, s.domain);
      r = new_record (d, &spire_kind_person, s.contact);
      spire_record_set_text (r, "name", s.contact_name);
      spire_record_set_text (r, "email", mail);
      spire_record_set_text (r, "phone", make_phone (d));
      spire_record_set_text (r, "organisation", s.name);
      spire_record_set_text (r, "orgnr", s.orgnr);
      spire_record_set_text (r, "startup", s.uuid);
      if (!put (d, r, t, t, error))
        return FALSE;

      g_array_append_val (d->startups, s);
    }

  /* The order in which startups apply: 0 and 1 are placed by hand. */
  d->startup_order = g_new (guint, d->size->n_startups);
  for (guint i = 0; i < d->size->n_startups; i++)
    d->startup_order[i] = i;
  for (guint i = d->size->n_startups - 1; i > 2; i--)
    {
      guint j = 2 + (guint) rnd (d, 0, (int) i - 2);
      guint tmp = d->startup_order[i];

      d->startup_order[i] = d->startup_order[j];
      d->startup_order[j] = tmp;
    }
  d->next_startup = 2;
  return TRUE;
}

static Startup *
startup_at (Demo *d, int index)
{
  return &g_array_index (d->startups, Startup, index);
}

/* Panel members (persons) */

static gboolean
fill_evaluators (Demo *d, GError **error)
{
  gboolean large = d->size == &sizes[SPIRE_DEMO_LARGE];

  for (guint e = 0; e < G_N_ELEMENTS (expert_orgs); e++)
    make_orgnr (d, d->expert_orgnr[e]);

  for (guint i = 0; i < d->size->n_evaluators; i++)
    {
      EvaluatorSpec spec;
      Evaluator ev = { .body = -1, .startup = -1 };
      SpireRecord *r;
      const char *first, *org, *orgnr, *domain;
      g_autofree char *mail = NULL;
      Stamp t = stamp_on (d, d->today - rnd (d, 400, 1900));

      if (i < G_N_ELEMENTS (evaluator_specs))
        spec = evaluator_specs[i];
      else
        {
          spec.startup = -1;
          spec.expert = chance (d, 0.3) ? rnd (d, 0, G_N_ELEMENTS (expert_orgs) - 1) : -1;
          do
            spec.body = spec.expert < 0 ? rnd (d, 0, G_N_ELEMENTS (body_specs) - 1) : -1;
          while (spec.expert < 0 && d->body_index[spec.body] < 0);
        }
      g_assert (large || i < G_N_ELEMENTS (evaluator_specs));

      ev.name = make_person_name (d, &first);
      ev.bias = gauss (d, 0, 0.5);
      if (spec.body >= 0)
        {
          Body *b = body_at (d, d->body_index[spec.body]);

          ev.body = d->body_index[spec.body];
          org = b->spec->name;
          orgnr = b->orgnr;
          domain = b->spec->mail;
        }
      else if (spec.startup >= 0)
        {
          Startup *s = startup_at (d, spec.startup);

          ev.startup = spec.startup;
          org = s->name;
          orgnr = s->orgnr;
          domain = s->domain;
        }
      else
        {
          org = expert_orgs[spec.expert].name;
          orgnr = d->expert_orgnr[spec.expert];
          domain = expert_orgs[spec.expert].domain;
        }
      mail = email_for (first, ev.name, domain);

      r = new_record (d, &spire_kind_person, ev.uuid);
      spire_record_set_text (r, "name", ev.name);
      spire_record_set_text (r, "email", mail);
      spire_record_set_text (r, "phone", make_phone (d));
      spire_record_set_text (r, "organisation", org);
      spire_record_set_text (r, "orgnr", orgnr);
      if (ev.startup >= 0)
        spire_record_set_text (r, "startup", startup_at (d, ev.startup)->uuid);
      if (ev.body >= 0)
        spire_record_set_text (r, "public_body", body_at (d, ev.body)->uuid);
      g_array_append_val (d->evaluators, ev);
      if (!put (d, r, t, t, error))
        return FALSE;
    }
  return TRUE;
}

static Evaluator *
evaluator_at (Demo *d, int index)
{
  return &g_array_index (d->evaluators, Evaluator, index);
}

/* Cohorts */

static void
plan_dates (Demo *d, Cohort *c)
{
  static const int offsets[][4] = {
    [PH_PLANNING] = { 130, 180, 225, 405 },
    [PH_OPEN] = { -20, 25, 70, 250 },
    [PH_SCREENING] = { -60, -6, 45, 225 },
    [PH_EVALUATION] = { -80, -30, 30, 210 },
    [PH_DECIDED] = { -110, -70, 14, 194 },
    [PH_RUNNING] = { -240, -190, -120, 60 },
    [PH_FOLLOW_UP] = { -620, -575, -520, -340 },
    [PH_CLOSED] = { -620, -575, -520, -340 },
  };
  Phase phase = c->spec->phase;
  int back = phase == PH_CLOSED ? 365 * c->spec->years_back + 90 : 0;
  int jitter = rnd (d, -4, 4);

  c->opens = d->today + offsets[phase][0] - back + jitter + rnd (d, -3, 0);
  c->deadline = d->today + offsets[phase][1] - back + jitter;
  c->starts = d->today + offsets[phase][2] - back + jitter + rnd (d, 0, 3);
  c->ends = d->today + offsets[phase][3] - back + jitter + rnd (d, 0, 3);
  if (phase == PH_DECIDED)
    c->final_day = d->today - rnd (d, 3, 10);
  else if (phase == PH_EVALUATION)
    c->final_day = d->today + 20;
  else
    c->final_day = c->starts - rnd (d, 7, 14);
  c->shortlist_day = phase == PH_EVALUATION ? d->today - 2 : c->final_day - rnd (d, 10, 16);
}

static gboolean
fill_cohort_record (Demo *d, Cohort *c, GError **error)
{
  const char *season;
  SpireRecord *r;
  Stamp created, updated;

  plan_dates (d, c);
  season = day_month (c->starts) <= 6 ? "vår" : "høst";
  {
    g_autofree char *name = g_strdup_printf ("%s %s %d", c->spec->name, season,
                                             day_year (c->starts));

    for (int n = 2; !take (d, name); n++)
      {
        g_free (name);
        name = g_strdup_printf ("%s %s %d (%d)", c->spec->name, season, day_year (c->starts), n);
      }
    c->name = keep (d, name);
  }
  r = new_record (d, &spire_kind_cohort, c->uuid);
  spire_record_set_text (r, "program", c->program->uuid);
  spire_record_set_text (r, "name", c->name);
  spire_record_set_text (r, "phase", phase_values[c->spec->phase]);
  set_day (r, "opens_on", c->opens);
  set_day (r, "application_deadline", c->deadline);
  set_day (r, "starts_on", c->starts);
  set_day (r, "ends_on", c->ends);
  spire_record_set_int (r, "seats", c->spec->seats);
  spire_record_set_bool (r, "blind", c->spec->blind);
  spire_record_set_bool (r, "owner_on_panel", c->spec->owner_on_panel);
  created = stamp_on (d, c->opens - rnd (d, 50, 70));
  updated = stamp_on (d, MIN (d->today - 1, c->spec->phase >= PH_DECIDED ? c->final_day
                                                                          : c->opens));
  return put (d, r, created, updated, error);
}

static gboolean
fill_challenges (Demo *d, Cohort *c, GError **error)
{
  int owners[32], n_owners = 0;
  int order[G_N_ELEMENTS (challenge_specs)];
  int n = G_N_ELEMENTS (challenge_specs);

  for (const int *o = c->program->spec->owners; *o >= 0; o++)
    if (d->body_index[*o] >= 0)
      owners[n_owners++] = d->body_index[*o];
  if (n_owners == 0)
    return TRUE;

  for (int i = 0; i < n; i++)
    order[i] = i;
  for (int i = n - 1; i > 0; i--)
    {
      int j = rnd (d, 0, i), tmp = order[i];

      order[i] = order[j];
      order[j] = tmp;
    }

  for (int k = 0; k < n && c->n_challenges < c->spec->n_challenges; k++)
    {
      const ChallengeSpec *spec = &challenge_specs[order[k]];
      int fitting[32], n_fitting = 0;
      SpireRecord *r;
      char video[64];
      static const char letters[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
      Stamp t;

      for (int o = 0; o < n_owners; o++)
        if (g_str_equal (body_at (d, owners[o])->spec->kind, spec->owner_kind))
          fitting[n_fitting++] = owners[o];
      if (n_fitting == 0)
        continue;

      c->challenges[c->n_challenges].spec = spec;
      c->challenges[c->n_challenges].body = fitting[rnd (d, 0, n_fitting - 1)];
      r = new_record (d, &spire_kind_challenge, c->challenges[c->n_challenges].uuid);
      spire_record_set_text (r, "cohort", c->uuid);
      spire_record_set_text (r, "owner", body_at (d, c->challenges[c->n_challenges].body)->uuid);
      spire_record_set_text (r, "title", spec->title);
      spire_record_set_text (r, "need", spec->need);
      if (chance (d, 0.8))
        {
          if (chance (d, 0.6))
            {
              int len = g_snprintf (video, sizeof video, "https://www.youtube.com/watch?v=");

              for (int i = 0; i < 11; i++)
                video[len + i] = letters[rnd (d, 0, sizeof letters - 2)];
              video[len + 11] = '\0';
            }
          else
            g_snprintf (video, sizeof video, "https://vimeo.com/%d", rnd (d, 100000000, 999999999));
          spire_record_set_text (r, "video_url", video);
        }
      if (chance (d, 0.85))
        spire_record_set_int (r, "budget_hint", (gint64) rnd (d, 5, 60) * 50000 * 100);
      c->n_challenges++;
      t = stamp_on (d, c->opens - rnd (d, 20, 40));
      if (!put (d, r, t, t + 86400 * rnd (d, 0, 15), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_rubric (Demo *d, Cohort *c, GError **error)
{
  gboolean large = d->size == &sizes[SPIRE_DEMO_LARGE];
  char rubric_uuid[UUID_LEN];
  SpireRecord *r;
  Stamp t = stamp_on (d, c->opens - rnd (d, 10, 20));
  Stamp frozen = stamp (c->deadline + 1, 9 * 3600);

  c->rubric = &rubric_specs[large ? RUBRIC_LARGE : c->spec->rubric];
  c->median = chance (d, 0.35);
  r = new_record (d, &spire_kind_rubric, rubric_uuid);
  spire_record_set_text (r, "cohort", c->uuid);
  spire_record_set_int (r, "scale_min", 1);
  spire_record_set_int (r, "scale_max", 7);
  spire_record_set_text (r, "scale_labels", scale_labels);
  spire_record_set_text (r, "aggregation", c->median ? "median" : "mean");
  spire_record_set_text (r, "normalisation", chance (d, 0.4) ? "per_evaluator" : "none");
  spire_record_set_real (r, "disagreement_threshold", PICK (d, ((const double[]) { 1.0, 1.25, 1.5 })));
  spire_record_set_int (r, "version", 1);
  if (c->spec->phase >= PH_SCREENING)
    set_stamp (r, "frozen_at", frozen);
  if (!put (d, r, t, c->spec->phase >= PH_SCREENING ? frozen : t, error))
    return FALSE;

  /* The gate first: screening checks it before anyone scores. */
  r = new_record (d, &spire_kind_criterion, NULL);
  spire_record_set_text (r, "rubric", rubric_uuid);
  spire_record_set_int (r, "position", 0);
  spire_record_set_text (r, "name", "Formelle krav");
  spire_record_set_text (r, "guidance",
                         "Selskapet er registrert i Enhetsregisteret, har færre enn 50 ansatte "
                         "og har levert alle obligatoriske vedlegg. Oppfylles ikke kravene, "
                         "vurderes søknaden ikke videre.");
  spire_record_set_real (r, "weight", 0);
  spire_record_set_text (r, "kind", "gate");
  if (!put (d, r, t, t, error))
    return FALSE;

  for (int i = 0; i < c->rubric->n; i++)
    {
      const CriterionSpec *spec = &criterion_specs[c->rubric->criterion[i]];

      r = new_record (d, &spire_kind_criterion, c->criteria[i]);
      spire_record_set_text (r, "rubric", rubric_uuid);
      spire_record_set_int (r, "position", i + 1);
      spire_record_set_text (r, "name", spec->name);
      spire_record_set_text (r, "guidance", spec->guidance);
      spire_record_set_real (r, "weight", c->rubric->weight[i]);
      spire_record_set_text (r, "kind", "scored");
      if (!put (d, r, t, t, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_panel (Demo *d, Cohort *c, guint *pool_cursor, const guint *pool, GError **error)
{
  int size = c->spec->panel_size;

  for (int i = 0; i < size; i++)
    {
      int person;
      const char *role;
      SpireRecord *r;
      Stamp t = stamp_on (d, c->opens - rnd (d, 5, 15));
      gboolean again;

      if (c->spec->panel != NULL)
        person = c->spec->panel[i];
      else
        do
          {
            person = (int) pool[*pool_cursor % d->size->n_evaluators];
            *pool_cursor += 1;
            again = FALSE;
            for (int k = 0; k < c->n_panel; k++)
              again |= c->panel[k].person == person;
          }
        while (again);

      role = i == 0 ? "chair" : (size >= 5 && i == size - 1) ? "observer" : "member";
      c->panel[c->n_panel].person = person;
      if (!g_str_equal (role, "observer"))
        c->scorers[c->n_scorers++] = c->n_panel;
      r = new_record (d, &spire_kind_evaluator, c->panel[c->n_panel].uuid);
      spire_record_set_text (r, "cohort", c->uuid);
      spire_record_set_text (r, "person", evaluator_at (d, person)->uuid);
      spire_record_set_text (r, "role", role);
      c->n_panel++;
      if (!put (d, r, t, t, error))
        return FALSE;
    }
  return TRUE;
}

/* Applications: first planned in memory (reviews decide the ranking, and
 * the ranking decides the status), then written. */

static double
review_score (const Cohort *c, const Slot *s)
{
  double sum = 0, weights = 0;

  for (int k = 0; k < s->n_entered; k++)
    if (!isnan (s->values[k]))
      {
        sum += c->rubric->weight[k] * s->values[k];
        weights += c->rubric->weight[k];
      }
  return weights > 0 ? sum / weights : NAN;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
aggregate (const Cohort *c, const App *a)
{
  double scores[MAX_SLOTS];
  int n = 0;

  for (int i = 0; i < a->n_slots; i++)
    if (a->slots[i].state == SLOT_SUBMITTED && !isnan (a->slots[i].score))
      scores[n++] = a->slots[i].score;
  if (n == 0)
    return NAN;
  if (c->median)
    {
      qsort (scores, n, sizeof (double), compare_doubles);
      return n % 2 ? scores[n / 2] : (scores[n / 2 - 1] + scores[n / 2]) / 2;
    }
  else
    {
      double sum = 0;

      for (int i = 0; i < n; i++)
        sum += scores[i];
      return sum / n;
    }
}

static ConflictType
conflict_between (Demo *d, const Cohort *c, const App *a, int panelist)
{
  const Evaluator *ev = evaluator_at (d, c->panel[panelist].person);

  if (ev->startup >= 0 && ev->startup == a->startup)
    return CONFLICT_EMPLOYEE;
  if (!c->spec->owner_on_panel && a->challenge >= 0 && ev->body >= 0 &&
      ev->body == c->challenges[a->challenge].body)
    return CONFLICT_OWNER;
  return CONFLICT_NONE;
}

static void
plan_reviews (Demo *d, Cohort *c, App *a, int *rotation)
{
  Phase phase = c->spec->phase;
  int m = c->n_scorers;
  int chosen = 0;
  gboolean declare_random = chance (d, d->size->p_conflict);
  Stamp assigned = a->screened + 86400 + rnd (d, 0, 3600);
  guint32 review_end = c->shortlist_day - 1;
  double offsets[MAX_CRIT];

  for (int k = 0; k < c->rubric->n; k++)
    offsets[k] = gauss (d, 0, 0.6);

  for (int j = 0; j < m && chosen < REVIEWERS; j++)
    {
      int panelist = c->scorers[(*rotation + j) % m];
      ConflictType conflict = conflict_between (d, c, a, panelist);
      int left = m - j - 1; /* candidates after this one */
      Slot *s = &a->slots[a->n_slots];

      /* Decided cohorts dealt with known conflicts; the cohort under
       * evaluation still has them for conflict detection to find. */
      if (conflict != CONFLICT_NONE && phase < PH_DECIDED)
        conflict = CONFLICT_NONE;
      if (conflict == CONFLICT_NONE && declare_random && chosen == 1)
        {
          conflict = CONFLICT_DECLARED;
          declare_random = FALSE;
        }
      if (conflict != CONFLICT_NONE && left < REVIEWERS - chosen)
        conflict = CONFLICT_NONE; /* nobody else could take it */
      if (conflict == CONFLICT_OWNER)
        continue; /* the manager kept them off it when assigning */

      memset (s, 0, sizeof *s);
      s->panelist = panelist;
      s->conflict = conflict;
      s->score = NAN;
      a->n_slots++;
      if (conflict != CONFLICT_NONE)
        {
          s->state = SLOT_DECLINED;
          s->declared = rnd (d, 0, G_N_ELEMENTS (declared_conflicts) - 1);
          s->done = assigned + rnd (d, 3600, 86400);
          continue;
        }
      chosen++;

      if (phase == PH_EVALUATION)
        {
          double u = unif (d);

          s->state = u < 0.8 ? SLOT_SUBMITTED : u < 0.9 ? SLOT_DRAFT : SLOT_ASSIGNED;
        }
      else
        s->state = SLOT_SUBMITTED;

      if (s->state == SLOT_ASSIGNED)
        continue;
      s->n_entered = s->state == SLOT_SUBMITTED ? c->rubric->n : rnd (d, 1, c->rubric->n - 1);
      {
        double bias = evaluator_at (d, c->panel[panelist].person)->bias;
        int n_na = 0;

        for (int k = 0; k < s->n_entered; k++)
          {
            double v = round (a->quality + bias + offsets[k] + gauss (d, 0, 0.7));

            s->values[k] = CLAMP (v, 1, 7);
            if (chance (d, 0.04) && n_na + 1 < s->n_entered)
              {
                s->values[k] = NAN; /* "not applicable" */
                n_na++;
              }
          }
      }
      s->score = review_score (c, s);
      {
        guint32 from = stamp_day (assigned) + 1;
        guint32 to = MAX (from, review_end);

        s->done = stamp (from + rnd (d, 0, (int) (to - from)), rnd (d, 8 * 3600, 22 * 3600));
      }
    }
  *rotation = (*rotation + REVIEWERS) % m;
}

static int
rank_order (gconstpointer a, gconstpointer b, gpointer data)
{
  const App *apps = data;
  const App *x = &apps[*(const int *) a], *y = &apps[*(const int *) b];

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return *(const int *) a - *(const int *) b;
}

/* The next startup in the rotation that existed by @founded_by, preferring
 * one of @sector (-1: any) found a little further on; never one that
 * already applied to the cohort. */
static int
next_applicant (Demo *d, gboolean *used, int sector, guint32 founded_by)
{
  guint n = d->size->n_startups - 2; /* 0 and 1 are placed by hand */
  guint pos = d->next_startup;
  gint64 pick = -1, first_fit = -1;
  guint tmp;
  int s;

  for (guint k = 0; k < n; k++)
    {
      guint p = 2 + (pos - 2 + k) % n;
      int candidate = (int) d->startup_order[p];

      if (used[candidate] || startup_at (d, candidate)->founded > founded_by)
        continue;
      if (first_fit < 0)
        first_fit = p;
      if (sector < 0 || startup_at (d, candidate)->sector == sector)
        {
          pick = p;
          break;
        }
      if (k >= 40)
        break;
    }
  if (pick < 0)
    pick = first_fit >= 0 ? first_fit : pos;
  tmp = d->startup_order[pos];
  d->startup_order[pos] = d->startup_order[pick];
  d->startup_order[pick] = tmp;
  s = (int) d->startup_order[pos];
  d->next_startup = 2 + (pos - 2 + 1) % n;
  used[s] = TRUE;
  return s;
}

static void
plan_applications (Demo *d, Cohort *c)
{
  Phase phase = c->spec->phase;
  int n = c->spec->n_apps;
  guint32 last_submit = MIN (c->deadline, d->today - 1);
  int rotation = rnd (d, 0, MAX (c->n_scorers, 1) - 1);
  g_autofree gboolean *used = g_new0 (gboolean, d->size->n_startups);

  used[0] = used[1] = TRUE;
  c->n_apps = n;
  c->apps = g_new0 (App, MAX (n, 1));
  c->ranked = g_new0 (int, MAX (n, 1));

  for (int i = 0; i < n; i++)
    {
      App *a = &c->apps[i];
      gboolean hero = c->spec->hero && i == 0;
      double u;
      guint32 day;

      a->rank = -1;
      a->score = NAN;
      a->challenge = c->n_challenges > 0 ? rnd (d, 0, c->n_challenges - 1) : -1;
      if (i < 2 && c->spec->forced[i] >= 0)
        {
          int sector;

          a->startup = c->spec->forced[i];
          sector = startup_at (d, a->startup)->sector;
          for (int k = 0; k < c->n_challenges; k++)
            if (c->challenges[k].spec->sector == sector)
              a->challenge = k;
        }
      else
        {
          /* Most who apply to a challenge work in its field. */
          int sector = a->challenge >= 0 && chance (d, 0.85)
                         ? c->challenges[a->challenge].spec->sector : -1;

          a->startup = next_applicant (d, used, sector, c->opens - 60);
        }

      a->quality = hero ? 7.4 : gauss (d, 4.2, 1.0);
      u = unif (d);
      a->stage = u < 0.1 ? 0 : u < 0.4 ? 1 : u < 0.7 ? 2 : u < 0.92 ? 3 : 4;
      if (hero)
        a->stage = 2;

      /* Many apply in the last days. */
      day = last_submit - (guint32) floor ((last_submit - c->opens) * pow (unif (d), 2.5));
      a->submitted = stamp (day, rnd (d, 7 * 3600, 21 * 3600 + 3599));

      u = unif (d);
      a->fate = u < 0.02 ? FATE_WITHDRAW_EARLY
              : u < 0.07 ? FATE_INELIGIBLE
              : u < 0.08 ? FATE_WITHDRAW_LATE
                         : FATE_OK;
      if (n >= 8 && i == n - 1)
        a->fate = FATE_INELIGIBLE;
      if (n >= 8 && i == n - 2)
        a->fate = FATE_WITHDRAW_EARLY;
      if (i < 2)
        a->fate = FATE_OK;

      a->status = ST_RECEIVED;
      if (phase == PH_OPEN)
        {
          if (a->fate == FATE_WITHDRAW_EARLY && stamp_day (a->submitted) + 1 < d->today)
            {
              a->withdrawn = stamp (stamp_day (a->submitted) + 1 +
                                      rnd (d, 0, d->today - stamp_day (a->submitted) - 2),
                                    rnd (d, 8 * 3600, 16 * 3600));
              a->status = ST_WITHDRAWN;
            }
          continue;
        }

      {
        guint32 screen_day = c->deadline + rnd (d, 1, 10);

        if (a->fate == FATE_WITHDRAW_EARLY)
          {
            guint32 from = stamp_day (a->submitted);
            guint32 to = MIN (screen_day, d->today) - 1;

            a->withdrawn = stamp (from + rnd (d, 0, MAX ((int) to - (int) from, 0)),
                                  rnd (d, 8 * 3600, 16 * 3600));
            a->withdrawn = MAX (a->withdrawn, a->submitted + 3600);
            a->status = ST_WITHDRAWN;
            continue;
          }
        if (screen_day >= d->today)
          continue; /* not screened yet */
        a->screened = stamp_on (d, screen_day);
      }
      if (a->fate == FATE_INELIGIBLE)
        {
          a->status = ST_INELIGIBLE;
          continue;
        }
      a->status = ST_IN_REVIEW;
      if (phase < PH_EVALUATION)
        continue;

      plan_reviews (d, c, a, &rotation);
      a->score = aggregate (c, a);
      if (a->fate == FATE_WITHDRAW_LATE)
        {
          a->withdrawn = stamp (c->shortlist_day - 1, rnd (d, 8 * 3600, 16 * 3600));
          a->status = ST_WITHDRAWN;
        }
    }

  if (phase < PH_EVALUATION)
    return;

  /* Rank what can be ranked: in the cohort under evaluation, the
   * applications whose three reviews are in. */
  for (int i = 0; i < n; i++)
    {
      App *a = &c->apps[i];
      int submitted = 0;

      if (a->status != ST_IN_REVIEW || isnan (a->score))
        continue;
      for (int k = 0; k < a->n_slots; k++)
        submitted += a->slots[k].state == SLOT_SUBMITTED;
      if (submitted < REVIEWERS)
        continue;
      c->ranked[c->n_ranked++] = i;
    }
  g_qsort_with_data (c->ranked, c->n_ranked, sizeof (int), rank_order, c->apps);

  if (c->spec->hero)
    {
      /* The scaling story needs its startup accepted: it scores highest
       * anyway, this only makes sure of it. */
      for (int r = 0; r < c->n_ranked; r++)
        if (c->ranked[r] == 0)
          {
            memmove (&c->ranked[1], &c->ranked[0], r * sizeof (int));
            c->ranked[0] = 0;
            break;
          }
    }

  if (phase == PH_EVALUATION)
    {
      int n_short = MAX (1, c->n_ranked / 3);

      for (int r = 0; r < c->n_ranked; r++)
        {
          App *a = &c->apps[c->ranked[r]];

          a->rank = r;
          if (r < n_short)
            {
              a->status = ST_SHORTLISTED;
              a->shortlisted = TRUE;
            }
        }
      return;
    }

  {
    int seats = MIN (c->spec->seats, c->n_ranked);
    int waitlist = MAX (1, c->spec->seats / 2);
    int n_short = MIN (2 * c->spec->seats + 2, c->n_ranked);

    for (int r = 0; r < c->n_ranked; r++)
      {
        App *a = &c->apps[c->ranked[r]];

        a->rank = r;
        a->shortlisted = r < n_short;
        a->status = r < seats ? ST_ACCEPTED : r < seats + waitlist ? ST_WAITLISTED : ST_REJECTED;
      }
  }
}

static const char *
weakest_criterion (const Cohort *c, const App *a, gboolean strongest)
{
  double best = strongest ? -1 : 99;
  int at = 0;

  for (int k = 0; k < c->rubric->n; k++)
    {
      double sum = 0;
      int n = 0;

      for (int i = 0; i < a->n_slots; i++)
        if (a->slots[i].state == SLOT_SUBMITTED && !isnan (a->slots[i].values[k]))
          {
            sum += a->slots[i].values[k];
            n++;
          }
      if (n > 0 && (strongest ? sum / n > best : sum / n < best))
        {
          best = sum / n;
          at = k;
        }
    }
  return criterion_specs[c->rubric->criterion[at]].name;
}

/* Screening and withdrawals are the program manager's; shortlists and the
 * final ranking the panel's (with_rubric), signed by its chair. */
static gboolean
put_decision (Demo *d, const Cohort *c, const App *a, Status from, Status to, Stamp at,
              const char *reason, gboolean with_rubric, GError **error)
{
  SpireRecord *r = new_record (d, &spire_kind_decision, NULL);
  g_autofree char *chair = NULL;

  if (with_rubric && c->n_panel > 0)
    chair = g_strdup_printf ("%s (juryleder)", evaluator_at (d, c->panel[0].person)->name);
  spire_record_set_text (r, "application", a->uuid);
  spire_record_set_text (r, "from_status", status_values[from]);
  spire_record_set_text (r, "to_status", status_values[to]);
  spire_record_set_text (r, "decided_by", chair ? chair : c->program->manager);
  set_stamp (r, "decided_at", at);
  spire_record_set_text (r, "reason", reason);
  if (with_rubric)
    spire_record_set_int (r, "rubric_version", 1);
  return put (d, r, at, at, error);
}

static gboolean
write_decisions (Demo *d, const Cohort *c, const App *a, GError **error)
{
  char score[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *reason = NULL;
  g_autofree char *best = g_utf8_strdown (weakest_criterion (c, a, TRUE), -1);
  g_autofree char *worst = g_utf8_strdown (weakest_criterion (c, a, FALSE), -1);
  Stamp shortlist_at = stamp (c->shortlist_day, 14 * 3600 + rnd (d, 0, 3600));
  Stamp final_at = stamp (c->final_day, 13 * 3600 + rnd (d, 0, 3600));

  if (a->fate == FATE_WITHDRAW_EARLY && a->withdrawn)
    return put_decision (d, c, a, ST_RECEIVED, ST_WITHDRAWN, a->withdrawn,
                         PICK (d, withdraw_reasons), FALSE, error);
  if (!a->screened)
    return TRUE;
  if (a->status == ST_INELIGIBLE)
    return put_decision (d, c, a, ST_RECEIVED, ST_INELIGIBLE, a->screened,
                         PICK (d, ineligible_reasons), FALSE, error);
  if (!put_decision (d, c, a, ST_RECEIVED, ST_IN_REVIEW, a->screened,
                     "Oppfyller de formelle kravene og går videre til juryen.", FALSE, error))
    return FALSE;
  if (a->status == ST_WITHDRAWN)
    return put_decision (d, c, a, ST_IN_REVIEW, ST_WITHDRAWN, a->withdrawn,
                         PICK (d, withdraw_reasons), FALSE, error);
  if (a->rank < 0)
    return TRUE;

  format_decimal (a->score, score);
  if (a->shortlisted)
    {
      reason = g_strdup_printf ("Blant de høyest rangerte etter første vurderingsrunde "
                                "(nr. %d av %d, poengsum %s). Inviteres til pitch for juryen.",
                                a->rank + 1, c->n_ranked, score);
      if (!put_decision (d, c, a, ST_IN_REVIEW, ST_SHORTLISTED, shortlist_at, reason, TRUE,
                         error))
        return FALSE;
      g_clear_pointer (&reason, g_free);
    }

  switch (a->status)
    {
    case ST_ACCEPTED:
      reason = g_strdup_printf ("Juryen innstilte søknaden som nr. %d av %d (poengsum %s). "
                                "Sterkest på %s.", a->rank + 1, c->n_ranked, score, best);
      break;
    case ST_WAITLISTED:
      reason = g_strdup_printf ("Rangert som nr. %d av %d (poengsum %s). Står på venteliste "
                                "og får plass hvis noen trekker seg.", a->rank + 1,
                                c->n_ranked, score);
      break;
    case ST_REJECTED:
      reason = g_strdup_printf ("Rangert som nr. %d av %d (poengsum %s). Juryen la vekt på "
                                "svakere %s enn de som ble tatt opp.", a->rank + 1,
                                c->n_ranked, score, worst);
      break;
    default:
      return TRUE;
    }
  return put_decision (d, c, a, a->shortlisted ? ST_SHORTLISTED : ST_IN_REVIEW, a->status,
                       final_at, reason, TRUE, error);
}

static char *
review_summary (Demo *d, const Cohort *c, const Slot *s, const char *recommendation)
{
  int best = 0, worst = 0;
  g_autofree char *strong = NULL;

  for (int k = 1; k < s->n_entered; k++)
    {
      if (isnan (s->values[k]))
        continue;
      if (isnan (s->values[best]) || s->values[k] > s->values[best])
        best = k;
      if (isnan (s->values[worst]) || s->values[k] < s->values[worst])
        worst = k;
    }
  strong = g_strdup_printf ("Søkeren %s", criterion_specs[c->rubric->criterion[best]].strong);
  if (best == worst)
    return g_strdup_printf ("%s.", strong);
  return g_strdup_printf (
    "%s, men %s.%s", strong, criterion_specs[c->rubric->criterion[worst]].weak,
    recommendation == NULL ? ""
    : g_str_equal (recommendation, "yes") ? " Anbefales tatt opp."
    : g_str_equal (recommendation, "maybe") ? " Kan være aktuell hvis det blir ledige plasser."
                                            : " Anbefales ikke.");
}

static gboolean
write_reviews (Demo *d, const Cohort *c, const App *a, GError **error)
{
  Stamp assigned = a->screened + 86400;

  for (int i = 0; i < a->n_slots; i++)
    {
      const Slot *s = &a->slots[i];
      const char *panelist = c->panel[s->panelist].uuid;
      const char *recommendation = NULL;
      static const char *const assignment_states[] = { "declined", "assigned", "drafted", "submitted" };
      char review_uuid[UUID_LEN];
      SpireRecord *r;
      Stamp started;

      r = new_record (d, &spire_kind_assignment, NULL);
      spire_record_set_text (r, "evaluator", panelist);
      spire_record_set_text (r, "application", a->uuid);
      spire_record_set_text (r, "state", assignment_states[s->state]);
      if (!put (d, r, assigned, s->state == SLOT_ASSIGNED ? assigned : s->done, error))
        return FALSE;

      if (s->state == SLOT_DECLINED)
        {
          const char *kind, *reason;

          if (s->conflict == CONFLICT_EMPLOYEE)
            {
              kind = "employee";
              reason = "Jurymedlemmet er ansatt i selskapet som søker.";
            }
          else if (s->conflict == CONFLICT_OWNER)
            {
              kind = "other";
              reason = "Jurymedlemmet er ansatt hos virksomheten som eier utfordringen "
                       "(samme organisasjonsnummer).";
            }
          else
            {
              kind = declared_conflicts[s->declared][0];
              reason = declared_conflicts[s->declared][1];
            }
          r = new_record (d, &spire_kind_conflict, NULL);
          spire_record_set_text (r, "evaluator", panelist);
          spire_record_set_text (r, "application", a->uuid);
          spire_record_set_text (r, "startup", startup_at (d, a->startup)->uuid);
          spire_record_set_text (r, "origin", s->conflict == CONFLICT_DECLARED ? "declared"
                                                                               : "detected");
          spire_record_set_text (r, "kind", kind);
          spire_record_set_text (r, "reason", reason);
          spire_record_set_bool (r, "confirmed", TRUE);
          if (!put (d, r, s->done, s->done, error))
            return FALSE;
          continue;
        }
      if (s->state == SLOT_ASSIGNED)
        continue;

      if (s->state == SLOT_SUBMITTED)
        recommendation = s->score >= 5.3 ? "yes" : s->score >= 4.2 ? "maybe" : "no";
      else if (chance (d, 0.5))
        recommendation = "maybe";

      started = MIN (assigned + rnd (d, 3600, 2 * 86400), s->done);
      r = new_record (d, &spire_kind_review, review_uuid);
      spire_record_set_text (r, "evaluator", panelist);
      spire_record_set_text (r, "application", a->uuid);
      spire_record_set_text (r, "state", s->state == SLOT_SUBMITTED ? "submitted" : "draft");
      spire_record_set_text (r, "recommendation", recommendation);
      if (s->state == SLOT_SUBMITTED || chance (d, 0.5))
        {
          g_autofree char *summary = review_summary (d, c, s, recommendation);

          spire_record_set_text (r, "summary", summary);
        }
      if (s->state == SLOT_SUBMITTED)
        set_stamp (r, "submitted_at", s->done);
      spire_record_set_int (r, "rubric_version", 1);
      if (!put (d, r, started, s->done, error))
        return FALSE;

      for (int k = 0; k < s->n_entered; k++)
        {
          const CriterionSpec *crit = &criterion_specs[c->rubric->criterion[k]];

          r = new_record (d, &spire_kind_score, NULL);
          spire_record_set_text (r, "review", review_uuid);
          spire_record_set_text (r, "criterion", c->criteria[k]);
          spire_record_set_real (r, "value", s->values[k]);
          if (isnan (s->values[k]))
            spire_record_set_text (r, "comment", "Ikke relevant for denne søknaden.");
          else if (chance (d, d->size->p_comment))
            {
              g_autofree char *comment =
                capitalise (s->values[k] >= 5 ? crit->strong : crit->weak);
              g_autofree char *sentence = g_strdup_printf ("%s.", comment);

              spire_record_set_text (r, "comment", sentence);
            }
          if (!put (d, r, started, s->done, error))
            return FALSE;
        }
    }
  return TRUE;
}

static char *
application_extra (Demo *d, const Startup *s, const Cohort *c)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  char employees[16];

  g_snprintf (employees, sizeof employees, "%d", s->employees);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "Antall ansatte");
  json_builder_add_string_value (b, employees);
  if (chance (d, 0.7))
    {
      g_autofree char *turnover = format_thousands ((gint64) rnd (d, 0, 120) * 50000);
      g_autofree char *value = g_strdup_printf ("%s kr", turnover);

      json_builder_set_member_name (b, "Omsetning i fjor");
      json_builder_add_string_value (b, value);
    }
  json_builder_set_member_name (b, "Har dere offentlige kunder i dag?");
  json_builder_add_string_value (b, chance (d, 0.45) ? "Ja" : "Nei");
  if (chance (d, 0.5))
    {
      json_builder_set_member_name (b, "Hvordan hørte dere om programmet?");
      json_builder_add_string_value (b, PICK (d, heard_from));
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static gboolean
write_application (Demo *d, Cohort *c, App *a, GError **error)
{
  const Startup *s = startup_at (d, a->startup);
  SpireRecord *r = new_record (d, &spire_kind_application, a->uuid);
  g_autofree char *product = capitalise (s->product);
  g_autofree char *title = NULL;
  g_autofree char *pitch = NULL;
  g_autofree char *solution = NULL;
  g_autofree char *extra = NULL;
  const char *partner;
  Stamp updated = a->submitted;

  if (a->challenge >= 0)
    {
      partner = body_at (d, c->challenges[a->challenge].body)->spec->name;
      title = g_strdup_printf ("%s for %s", product, partner);
    }
  else
    {
      title = g_strdup (product);
      partner = "offentlige virksomheter";
    }
  pitch = g_strdup_printf ("%s tilbyr %s. Vi har %s, og vil teste løsningen i full skala "
                           "sammen med %s.", s->short_name, s->product,
                           stage_traction[a->stage], partner);
  solution = g_strdup_printf ("Løsningen består av %s med et enkelt grensesnitt for "
                              "ansatte og innbyggere. Data lagres i Norge og behandles i "
                              "tråd med personvernforordningen; vi integrerer mot %s via "
                              "åpne grensesnitt. Prismodellen er abonnement per virksomhet.",
                              s->product, PICK (d, integrations));
  extra = application_extra (d, s, c);

  spire_record_set_text (r, "cohort", c->uuid);
  spire_record_set_text (r, "startup", s->uuid);
  if (a->challenge >= 0)
    spire_record_set_text (r, "challenge", c->challenges[a->challenge].uuid);
  spire_record_set_text (r, "contact", s->contact);
  spire_record_set_text (r, "title", title);
  spire_record_set_text (r, "pitch", pitch);
  spire_record_set_text (r, "solution", solution);
  spire_record_set_text (r, "stage", stage_values[a->stage]);
  spire_record_set_text (r, "status", status_values[a->status]);
  set_stamp (r, "submitted_at", a->submitted);
  spire_record_set_text (r, "extra", extra);
  if (chance (d, 0.3))
    {
      GString *text = g_string_new (PICK (d, confidential_texts));
      g_autofree char *filled = NULL;

      g_string_replace (text, "{partner}", partner, 0);
      filled = g_string_free (text, FALSE);
      spire_record_set_text (r, "confidential", filled);
    }

  if (a->withdrawn)
    updated = a->withdrawn;
  else if (a->rank >= 0 && c->spec->phase >= PH_DECIDED)
    updated = stamp (c->final_day, 14 * 3600);
  else if (a->shortlisted)
    updated = stamp (c->shortlist_day, 15 * 3600);
  else if (a->screened)
    updated = a->screened;
  return put (d, r, MAX (a->submitted - rnd (d, 600, 5 * 86400), stamp (c->opens, 7 * 3600)),
              updated, error);
}

static gboolean
fill_applications (Demo *d, Cohort *c, GError **error)
{
  plan_applications (d, c);
  for (int i = 0; i < c->n_apps; i++)
    {
      App *a = &c->apps[i];

      if (!write_application (d, c, a, error) || !write_decisions (d, c, a, error) ||
          !write_reviews (d, c, a, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_cohorts (Demo *d, GError **error)
{
  guint *pool = g_new (guint, d->size->n_evaluators);
  guint pool_cursor = 0;
  gboolean ok = TRUE;

  for (guint i = 0; i < d->size->n_evaluators; i++)
    pool[i] = i;
  for (guint i = d->size->n_evaluators - 1; i > 0; i--)
    {
      guint j = (guint) rnd (d, 0, (int) i), tmp = pool[i];

      pool[i] = pool[j];
      pool[j] = tmp;
    }

  for (guint i = 0; ok && i < d->size->n_cohorts; i++)
    {
      Cohort *c = g_new0 (Cohort, 1);

      c->spec = &d->size->cohorts[i];
      c->program = &g_array_index (d->programs, Program, c->spec->program);
      g_ptr_array_add (d->cohorts, c);
      ok = fill_cohort_record (d, c, error) && fill_challenges (d, c, error) &&
           fill_rubric (d, c, error) && fill_panel (d, c, &pool_cursor, pool, error) &&
           fill_applications (d, c, error);
    }
  g_free (pool);
  return ok;
}

/* Deals */

/* The procedure as one of the codes (deals.procedure); NULL for a letter
 * of intent, which is no procurement yet. */
static const char *
procedure_code_for (const char *kind, gint64 value_nok)
{
  if (g_str_equal (kind, "innovation_partnership"))
    return "innovation_partnership";
  if (g_str_equal (kind, "development_contract"))
    return "pre_commercial";
  if (g_str_equal (kind, "letter_of_intent"))
    return NULL;
  if (g_str_equal (kind, "pilot") || value_nok < 1300000)
    return "direct_award";
  if (value_nok >= 2300000 && g_str_equal (kind, "framework_agreement"))
    return "competition_with_negotiation";
  return "open_competition";
}

static const char *
procedure_for (const char *kind, gint64 value_nok)
{
  if (g_str_equal (kind, "innovation_partnership"))
    return "Innovasjonspartnerskap, kunngjort i Doffin og TED";
  if (g_str_equal (kind, "development_contract"))
    return "Konkurranse om utviklingskontrakt (førkommersiell anskaffelse)";
  if (g_str_equal (kind, "pilot"))
    return "Pilotavtale under nasjonal terskelverdi";
  if (g_str_equal (kind, "letter_of_intent"))
    return "Intensjonsavtale, ingen anskaffelse ennå";
  if (value_nok < 1300000)
    return "Direkte anskaffelse under nasjonal terskelverdi";
  if (value_nok < 2300000)
    return "Konkurranse etter anskaffelsesforskriften del I";
  if (g_str_equal (kind, "framework_agreement"))
    return "Konkurranse med forhandling over EØS-terskelverdi";
  return "Åpen anbudskonkurranse over EØS-terskelverdi";
}

static gboolean
add_deal (Demo *d, int startup, int body, const App *app, const char *kind, DealStage final,
          guint32 start, gint64 value_nok, GError **error)
{
  const Startup *s = startup_at (d, startup);
  const Body *b = body_at (d, body);
  DealStage path[8];
  guint32 days[8];
  int n = 0;
  int span = 0;
  char deal_uuid[UUID_LEN];
  SpireRecord *r;
  g_autofree char *product = capitalise (s->product);
  g_autofree char *title = g_strdup_printf ("%s – %s (%s)", product, b->spec->name,
                                            s->short_name);
  gint64 expected = -1, realised = -1;
  int signed_at = -1;

  if (d->n_deals >= d->size->n_deals)
    return TRUE;

  path[n++] = DS_DIALOGUE;
  if (final == DS_NO_DEAL)
    {
      if (chance (d, 0.4))
        path[n++] = DS_PILOT;
      if (chance (d, 0.5))
        path[n++] = DS_NEGOTIATION;
      path[n++] = DS_NO_DEAL;
    }
  else
    {
      if (final == DS_PILOT || (final > DS_PILOT && (g_str_equal (kind, "pilot") || chance (d, 0.3))))
        path[n++] = DS_PILOT;
      for (DealStage st = DS_NEGOTIATION; st <= final; st++)
        path[n++] = st;
    }

  /* Dates: steps of two weeks to three months, all before today. */
  days[0] = 0;
  for (int i = 1; i < n; i++)
    {
      days[i] = days[i - 1] + rnd (d, 14, path[i] == DS_SCALED ? 240 : 90);
      span = (int) days[i];
    }
  if (start + span >= d->today)
    {
      int room = (int) d->today - 1 - (int) start;

      if (room < 7 * n)
        {
          start = d->today - 1 - 7 * n;
          room = 7 * n;
        }
      for (int i = 1; i < n; i++)
        days[i] = (guint32) MAX ((gint64) days[i] * room / MAX (span, 1), days[i - 1] + 1);
    }
  for (int i = 0; i < n; i++)
    {
      days[i] += start;
      if (path[i] == DS_SIGNED)
        signed_at = i;
    }

  if (!g_str_equal (kind, "letter_of_intent"))
    expected = value_nok * rnd (d, 5, 40) / 10;
  if (final == DS_DELIVERING || final == DS_SCALED)
    realised = expected * rnd (d, 2, final == DS_SCALED ? 12 : 6) / 10;

  r = new_record (d, &spire_kind_deal, deal_uuid);
  spire_record_set_text (r, "startup", s->uuid);
  spire_record_set_text (r, "public_body", b->uuid);
  if (app != NULL)
    spire_record_set_text (r, "application", app->uuid);
  spire_record_set_text (r, "title", title);
  spire_record_set_text (r, "kind", kind);
  spire_record_set_text (r, "stage", deal_stage_values[final]);
  if (value_nok > 0)
    spire_record_set_int (r, "value", value_nok * 100);
  if (expected >= 0)
    spire_record_set_int (r, "expected_savings", expected * 100);
  if (realised >= 0)
    spire_record_set_int (r, "realised_savings", realised * 100);
  spire_record_set_text (r, "procedure_note", procedure_for (kind, value_nok));
  spire_record_set_text (r, "procedure", procedure_code_for (kind, value_nok));
  set_day (r, "started_on", days[0]);
  if (signed_at >= 0)
    set_day (r, "signed_on", days[signed_at]);
  if (!put (d, r, stamp_on (d, days[0]), stamp_on (d, days[n - 1]), error))
    return FALSE;
  d->n_deals++;
  {
    g_autofree char *pair = g_strdup_printf ("deal %d %d", startup, body);

    take (d, pair);
  }

  for (int i = 0; i < n; i++)
    {
      const char *note;
      g_autofree char *made = NULL;

      switch (path[i])
        {
        case DS_DIALOGUE:
          note = made = g_strdup_printf ("Første møte med %s.", b->spec->name);
          break;
        case DS_PILOT:
          note = made = g_strdup_printf ("Pilot startet med %d brukere.", rnd (d, 2, 12) * 5);
          break;
        case DS_NEGOTIATION:
          note = "Forhandler om pris, databehandleravtale og opsjoner.";
          break;
        case DS_SIGNED:
          note = "Avtalen er signert.";
          break;
        case DS_DELIVERING:
          note = "Leveransen er i gang.";
          break;
        case DS_SCALED:
          note = "Tatt i bruk i hele virksomheten.";
          break;
        case DS_NO_DEAL:
        default:
          note = made = g_strdup_printf ("Ingen avtale: %s.", PICK (d, no_deal_reasons));
          break;
        }
      r = new_record (d, &spire_kind_deal_event, NULL);
      spire_record_set_text (r, "deal", deal_uuid);
      spire_record_set_text (r, "stage", deal_stage_values[path[i]]);
      set_day (r, "date", days[i]);
      spire_record_set_text (r, "note", note);
      if (!put (d, r, stamp_on (d, days[i]), stamp_on (d, days[i]), error))
        return FALSE;
    }

  if (signed_at >= 0 && final != DS_NO_DEAL)
    {
      Scaler scaler = { startup, days[signed_at] };

      g_array_append_val (d->scalers, scaler);
    }
  return TRUE;
}

static int
deal_body_for (Demo *d, const Cohort *c, const App *a)
{
  if (a->challenge >= 0)
    return c->challenges[a->challenge].body;
  for (;;)
    {
      int b = rnd (d, 0, (int) d->bodies->len - 1);

      if (g_str_equal (body_at (d, b)->spec->kind, "municipality"))
        return b;
    }
}

/* DESIGN.md: of the SmartOslo cohort, two signed and two were still
 * negotiating; the welfare-technology startup began with one city district
 * and went on to many municipalities, each buying small. */
static gboolean
fill_hero_deals (Demo *d, const Cohort *c, GError **error)
{
  static const struct
  {
    int body;
    const char *kind;
    DealStage stage;
  } spread[] = {
    { B_BERGEN, "purchase", DS_DELIVERING },
    { B_TRONDHEIM, "purchase", DS_SIGNED },
    { B_DRAMMEN, "purchase", DS_DELIVERING },
    { B_SANDEFJORD, "purchase", DS_SIGNED },
    { B_STAVANGER, "purchase", DS_DIALOGUE },
    { B_BODO, "letter_of_intent", DS_NEGOTIATION },
  };
  const int *rk = c->ranked;
  const App *hero = &c->apps[0];
  int accepted = 0;

  for (int r = 0; r < c->n_ranked; r++)
    accepted += c->apps[rk[r]].status == ST_ACCEPTED;
  if (hero->status != ST_ACCEPTED || accepted < 4 || c->n_ranked < accepted + 3)
    return TRUE; /* the specs make this impossible */

  if (!add_deal (d, hero->startup, d->body_index[B_GRUNERLOKKA], hero, "purchase", DS_SCALED,
                 c->starts + 20, rnd (d, 35, 55) * 10000, error) ||
      !add_deal (d, hero->startup, d->body_index[B_OSLO], hero, "framework_agreement",
                 DS_DELIVERING, c->ends - 30, rnd (d, 40, 60) * 100000, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (spread); i++)
    if (!add_deal (d, hero->startup, d->body_index[spread[i].body], NULL, spread[i].kind,
                   spread[i].stage, d->today - rnd (d, 120, 330), rnd (d, 100, 150) * 100,
                   error))
      return FALSE;

  {
    const App *second = &c->apps[rk[1]], *third = &c->apps[rk[2]], *fourth = &c->apps[rk[3]];
    const App *waiting = &c->apps[rk[accepted]];
    const App *rejected = &c->apps[rk[accepted + 2]];

    return add_deal (d, second->startup, d->body_index[B_OSLO], second,
                     "innovation_partnership", DS_SIGNED, c->ends - 60,
                     rnd (d, 50, 90) * 100000, error) &&
           add_deal (d, second->startup, deal_body_for (d, c, second), second, "pilot",
                     DS_PILOT, d->today - rnd (d, 60, 120), rnd (d, 15, 40) * 10000, error) &&
           add_deal (d, third->startup, deal_body_for (d, c, third), third, "purchase",
                     DS_NEGOTIATION, c->ends - 20, rnd (d, 8, 20) * 100000, error) &&
           add_deal (d, fourth->startup, deal_body_for (d, c, fourth), fourth, "pilot",
                     DS_NEGOTIATION, c->ends - 10, rnd (d, 20, 50) * 10000, error) &&
           add_deal (d, waiting->startup, deal_body_for (d, c, waiting), waiting, "pilot",
                     DS_PILOT, c->ends, rnd (d, 10, 30) * 10000, error) &&
           add_deal (d, rejected->startup, deal_body_for (d, c, rejected), rejected,
                     "letter_of_intent", DS_NO_DEAL, c->ends - 40, rnd (d, 5, 20) * 10000,
                     error);
  }
}

static DealStage
stage_by_age (Demo *d, const Cohort *c)
{
  static const DealStage decided[] = { DS_DIALOGUE, DS_DIALOGUE, DS_PILOT };
  static const DealStage running[] = { DS_DIALOGUE, DS_PILOT, DS_PILOT, DS_NEGOTIATION, DS_NO_DEAL };
  static const DealStage follow_up[] = { DS_NEGOTIATION, DS_SIGNED, DS_SIGNED, DS_DELIVERING,
                                         DS_NO_DEAL };
  static const DealStage closed[] = { DS_SIGNED, DS_DELIVERING, DS_DELIVERING, DS_SCALED,
                                      DS_NO_DEAL, DS_NO_DEAL };

  switch (c->spec->phase)
    {
    case PH_DECIDED:
      return PICK (d, decided);
    case PH_RUNNING:
      return PICK (d, running);
    case PH_FOLLOW_UP:
      return PICK (d, follow_up);
    default:
      return PICK (d, closed);
    }
}

static const char *
kind_for_program (Demo *d, const Cohort *c)
{
  const char *pk = c->program->spec->kind;

  if (g_str_equal (pk, "need_first"))
    return "development_contract";
  if (g_str_equal (pk, "procurement_support"))
    return chance (d, 0.6) ? "innovation_partnership" : "framework_agreement";
  if (g_str_equal (pk, "accelerator"))
    return PICK (d, ((const char *const[]) { "purchase", "purchase", "pilot",
                                             "innovation_partnership" }));
  return PICK (d, ((const char *const[]) { "purchase", "pilot", "letter_of_intent" }));
}

static gint64
value_for_kind (Demo *d, const char *kind)
{
  if (g_str_equal (kind, "innovation_partnership"))
    return (gint64) rnd (d, 30, 250) * 100000;
  if (g_str_equal (kind, "framework_agreement"))
    return (gint64) rnd (d, 20, 120) * 100000;
  if (g_str_equal (kind, "development_contract"))
    return (gint64) rnd (d, 5, 15) * 100000;
  if (g_str_equal (kind, "pilot"))
    return (gint64) rnd (d, 10, 50) * 10000;
  if (g_str_equal (kind, "letter_of_intent"))
    return 0;
  return (gint64) rnd (d, 2, 120) * 10000;
}

static gboolean
fill_deals (Demo *d, GError **error)
{
  for (guint i = 0; i < d->cohorts->len; i++)
    {
      const Cohort *c = g_ptr_array_index (d->cohorts, i);

      if (c->spec->phase < PH_DECIDED || c->n_ranked == 0)
        continue;
      if (c->spec->hero)
        {
          if (!fill_hero_deals (d, c, error))
            return FALSE;
          continue;
        }
      for (int r = 0; r < c->n_ranked; r++)
        {
          const App *a = &c->apps[c->ranked[r]];
          const char *kind = kind_for_program (d, c);
          guint32 start = c->spec->phase == PH_DECIDED ? d->today - rnd (d, 1, 20)
                                                       : c->starts + rnd (d, 10, 90);

          if (a->status == ST_ACCEPTED)
            {
              DealStage stage = stage_by_age (d, c);

              /* Winning a need-first competition is the development
               * contract: it is signed, then delivered. */
              if (g_str_equal (kind, "development_contract"))
                stage = c->spec->phase == PH_DECIDED  ? DS_NEGOTIATION
                        : c->spec->phase == PH_RUNNING ? DS_SIGNED
                                                       : DS_DELIVERING;
              if (!add_deal (d, a->startup, deal_body_for (d, c, a), a, kind, stage, start,
                             value_for_kind (d, kind), error))
                return FALSE;
              /* After a need-first competition, buying the result is a
               * separate procurement. */
              if (g_str_equal (kind, "development_contract") && c->spec->phase >= PH_FOLLOW_UP &&
                  chance (d, 0.6) &&
                  !add_deal (d, a->startup, deal_body_for (d, c, a), a, "purchase",
                             PICK (d, ((const DealStage[]) { DS_DIALOGUE, DS_NEGOTIATION,
                                                             DS_SIGNED, DS_NO_DEAL })),
                             c->ends + rnd (d, 10, 60), rnd (d, 5, 40) * 100000, error))
                return FALSE;
            }
          else if (a->status == ST_WAITLISTED && chance (d, 0.5))
            {
              if (!add_deal (d, a->startup, deal_body_for (d, c, a), a, "pilot",
                             chance (d, 0.5) ? DS_DIALOGUE : DS_NO_DEAL, start,
                             value_for_kind (d, "pilot"), error))
                return FALSE;
            }
        }
    }

  /* Solutions spread: others buy what one body has signed for. */
  while (d->n_deals < d->size->n_deals)
    {
      static const DealStage stages[] = { DS_DIALOGUE, DS_NEGOTIATION, DS_SIGNED, DS_SIGNED,
                                          DS_DELIVERING, DS_DELIVERING, DS_DELIVERING,
                                          DS_SCALED, DS_NO_DEAL };
      int startup, body;
      gboolean small_buy = chance (d, 0.6);
      guint32 start;

      if (d->scalers->len == 0)
        {
          startup = rnd (d, 0, (int) d->size->n_startups - 1);
          start = startup_at (d, startup)->founded + 180;
        }
      else
        {
          const Scaler *sc = &g_array_index (d->scalers, Scaler, rnd (d, 0, (int) d->scalers->len - 1));

          startup = sc->startup;
          start = sc->signed_on + 30;
        }
      start = MIN (MAX (start + rnd (d, 0, 600), d->today - 900), d->today - 30);
      for (int tries = 0;; tries++)
        {
          g_autofree char *pair = NULL;

          body = rnd (d, 0, (int) d->bodies->len - 1);
          if (g_str_equal (body_at (d, body)->spec->kind, "state_agency") && chance (d, 0.8))
            continue;
          pair = g_strdup_printf ("deal %d %d", startup, body);
          if (tries > 20 || !g_hash_table_contains (d->taken, pair))
            break;
        }

      if (!add_deal (d, startup, body, NULL,
                     small_buy ? "purchase"
                               : PICK (d, ((const char *const[]) { "purchase", "pilot",
                                                                   "framework_agreement",
                                                                   "innovation_partnership" })),
                     PICK (d, stages), start,
                     small_buy ? rnd (d, 100, 150) * 100 : rnd (d, 5, 90) * 10000, error))
        return FALSE;
    }
  return TRUE;
}

/* The whole */

static double
estimate_records (const SizeSpec *size)
{
  double n = G_N_ELEMENTS (body_specs) + size->n_programs + 2.0 * size->n_startups +
             size->n_evaluators + 4.5 * size->n_deals;
  int scored = size == &sizes[SPIRE_DEMO_LARGE] ? 8 : 5;

  for (guint i = 0; i < size->n_cohorts; i++)
    {
      const CohortSpec *c = &size->cohorts[i];
      double per_app = 1 + 1;

      if (c->phase >= PH_EVALUATION)
        per_app += 1.2 + 3 + 3 * (1 + scored);
      n += 10 + c->panel_size + c->n_apps * per_app;
    }
  return n;
}

static void
demo_free (Demo *d)
{
  g_clear_pointer (&d->rand, g_rand_free);
  g_clear_pointer (&d->ids, g_rand_free);
  g_clear_pointer (&d->strings, g_string_chunk_free);
  g_clear_pointer (&d->taken, g_hash_table_destroy);
  g_clear_pointer (&d->bodies, g_array_unref);
  g_clear_pointer (&d->programs, g_array_unref);
  g_clear_pointer (&d->startups, g_array_unref);
  g_clear_pointer (&d->evaluators, g_array_unref);
  g_clear_pointer (&d->scalers, g_array_unref);
  g_clear_pointer (&d->startup_order, g_free);
  if (d->cohorts)
    {
      for (guint i = 0; i < d->cohorts->len; i++)
        {
          Cohort *c = g_ptr_array_index (d->cohorts, i);

          g_free (c->apps);
          g_free (c->ranked);
          g_free (c);
        }
      g_clear_pointer (&d->cohorts, g_ptr_array_unref);
    }
}

/* The UUID stream: the same for the same seed in an empty database; when
 * sample data is added to a database that already holds some (force), a
 * stream whose first UUID is not in use yet.  The content follows the seed
 * alone, so forcing the same seed again adds a second copy under new UUIDs. */
static GRand *
id_stream (SpireStore *store, guint32 seed)
{
  for (guint32 round = 0;; round++)
    {
      const guint32 words[] = { seed, round, 0x53504952 /* "SPIR" */ };
      GRand *ids = g_rand_new_with_seed_array (words, G_N_ELEMENTS (words));
      GRand *probe = g_rand_copy (ids);
      char first[UUID_LEN];

      make_uuid (probe, first);
      g_rand_free (probe);
      if (!spire_store_exists (store, &spire_kind_public_body, first))
        return ids;
      g_rand_free (ids);
    }
}

static gboolean
fill (SpireStore *store, guint32 seed, SpireDemoSize size, gboolean force,
      SpireProgressFunc progress, gpointer progress_data, GCancellable *cancellable,
      GError **error)
{
  Demo d = { 0 };
  GDate day;
  gboolean ok;
  g_autofree char *after = NULL;

  if (!spire_store_begin (store, error))
    return FALSE;
  if (!force && spire_store_count (store, &spire_kind_program, NULL, NULL) > 0)
    {
      spire_store_rollback (store);
      g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_NOT_EMPTY,
                           _("The database already holds programs, so no sample data was "
                             "added. Open an empty database, or add the sample data anyway "
                             "(--force on the command line)."));
      return FALSE;
    }

  d.store = store;
  d.size = &sizes[size];
  d.flags = SPIRE_SAVE_NO_AUDIT | SPIRE_SAVE_KEEP_TIMES;
  if (size == SPIRE_DEMO_LARGE)
    d.flags |= SPIRE_SAVE_NO_VALIDATE; /* built valid; the small set proves it */
  d.rand = g_rand_new_with_seed (seed);
  d.ids = id_stream (store, seed);
  d.cancellable = cancellable;
  d.progress = progress;
  d.progress_data = progress_data;
  d.estimate = estimate_records (d.size);
  d.strings = g_string_chunk_new (64 * 1024);
  d.taken = g_hash_table_new (g_str_hash, g_str_equal);
  d.bodies = g_array_new (FALSE, TRUE, sizeof (Body));
  d.programs = g_array_new (FALSE, TRUE, sizeof (Program));
  d.startups = g_array_new (FALSE, TRUE, sizeof (Startup));
  d.evaluators = g_array_new (FALSE, TRUE, sizeof (Evaluator));
  d.scalers = g_array_new (FALSE, TRUE, sizeof (Scaler));
  d.cohorts = g_ptr_array_new ();

  /* "Today" for the data: a day in 2025 that depends on the seed. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2025);
  d.today = g_date_get_julian (&day) + (guint32) rnd (&d, 0, 364);

  report (&d, 0.0);
  ok = fill_bodies (&d, error) && fill_programs (&d, error) && fill_startups (&d, error) &&
       fill_evaluators (&d, error) && fill_cohorts (&d, error) && fill_deals (&d, error);
  if (ok)
    {
      after = g_strdup_printf ("{\"seed\": %u, \"size\": \"%s\"}", (guint) seed,
                               size == SPIRE_DEMO_LARGE ? "large" : "small");
      ok = spire_store_audit (store, "database", NULL, "demo", NULL, after, error);
    }
  demo_free (&d);

  if (!ok)
    {
      spire_store_rollback (store);
      return FALSE;
    }
  return spire_store_commit (store, error);
}

gboolean
spire_demo_fill (SpireStore *store, guint32 seed, SpireDemoSize size, gboolean force,
                 SpireProgressFunc progress, gpointer progress_data, GCancellable *cancellable,
                 GError **error)
{
  gboolean ok;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);
  g_return_val_if_fail (size == SPIRE_DEMO_SMALL || size == SPIRE_DEMO_LARGE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_is_cancelled (cancellable))
    return set_cancelled (error);

  /* The store keeps statement journals in memory and a large page cache:
   * the large set's one transaction stays off the disk until commit. */
  ok = fill (store, seed, size, force, progress, progress_data, cancellable, error);
  if (ok && progress != NULL)
    progress (1.0, progress_data);
  return ok;
}

/* Async */

typedef struct
{
  guint32 seed;
  SpireDemoSize size;
  gboolean force;
} FillData;

static gboolean
fill_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  FillData *d = data;

  return spire_demo_fill (store, d->seed, d->size, d->force, _spire_job_progress, job,
                          _spire_job_get_cancellable (job), error);
}

void
spire_demo_fill_async (SpireStore *store, guint32 seed, SpireDemoSize size, gboolean force,
                       GCancellable *cancellable, SpireProgressFunc progress,
                       gpointer progress_data, GAsyncReadyCallback callback, gpointer user_data)
{
  FillData *d = g_new0 (FillData, 1);

  d->seed = seed;
  d->size = size;
  d->force = force;
  _spire_job_run (store, spire_demo_fill_async, fill_job, d, g_free, NULL, cancellable,
                  progress, progress_data, callback, user_data);
}

gboolean
spire_demo_fill_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  return _spire_job_finish (store, result, spire_demo_fill_async, NULL, error);
}
