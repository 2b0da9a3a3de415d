/* spire-demo-tables.c — the sample data's tables: names, places, texts
 *
 * Data only, in Norwegian as the sample data is: public bodies, programs,
 * sectors and their products, challenges, rubrics and criteria, the cohorts
 * of each size, the first evaluators, and the words the generator
 * (spire-demo.c) puts together into names and texts.  Indices into these
 * tables are part of the data: append, never reorder, or the same seed no
 * longer gives the same data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-demo-tables.h"

const char *const _spire_demo_phase_values[] = {
  "planning", "open", "screening", "evaluation", "decided", "running", "follow_up", "closed",
};

const char *const _spire_demo_status_values[] = {
  "received", "ineligible", "in_review", "shortlisted",
  "accepted", "waitlisted", "rejected", "withdrawn",
};

const char *const _spire_demo_deal_stage_values[] = {
  "dialogue", "pilot", "negotiation", "signed", "delivering", "scaled", "no_deal",
};

/* Tables: public bodies */

#define OSLO_DISTRICT(name, slug, mail, small) \
  { "Bydel " name, "city_district", "0301", \
    "https://www.oslo.kommune.no/bydeler/bydel-" slug "/", mail ".oslo.kommune.no", 0, small }

#define KOMMUNE(name, knr, host, small) \
  { name " kommune", "municipality", knr, "https://www." host, host, -1, small }

const BodySpec _spire_demo_body_specs[] = {
  /* 0 */ { "Oslo kommune", "municipality", "0301", "https://www.oslo.kommune.no",
            "oslo.kommune.no", -1, TRUE },
  /* 1 */ OSLO_DISTRICT ("Grünerløkka", "grunerlokka", "bga", TRUE),
  /* 2 */ OSLO_DISTRICT ("Gamle Oslo", "gamle-oslo", "bgo", TRUE),
  /* 3 */ OSLO_DISTRICT ("Frogner", "frogner", "bfr", TRUE),
  /* 4 */ OSLO_DISTRICT ("Alna", "alna", "bal", TRUE),
  /* 5 */ OSLO_DISTRICT ("Sagene", "sagene", "bsa", FALSE),
  /* 6 */ OSLO_DISTRICT ("St. Hanshaugen", "st-hanshaugen", "bsh", TRUE),
  /* 7 */ OSLO_DISTRICT ("Nordre Aker", "nordre-aker", "bna", FALSE),
  /* 8 */ OSLO_DISTRICT ("Stovner", "stovner", "bsr", FALSE),
  /* 9 */ OSLO_DISTRICT ("Søndre Nordstrand", "sondre-nordstrand", "bsn", FALSE),
  /* 10 */ KOMMUNE ("Bergen", "4601", "bergen.kommune.no", TRUE),
  /* 11 */ KOMMUNE ("Trondheim", "5001", "trondheim.kommune.no", TRUE),
  /* 12 */ KOMMUNE ("Stavanger", "1103", "stavanger.kommune.no", TRUE),
  /* 13 */ KOMMUNE ("Drammen", "3301", "drammen.kommune.no", TRUE),
  /* 14 */ KOMMUNE ("Sandefjord", "3907", "sandefjord.kommune.no", TRUE),
  /* 15 */ KOMMUNE ("Bodø", "1804", "bodo.kommune.no", TRUE),
  /* 16 */ KOMMUNE ("Tromsø", "5501", "tromso.kommune.no", TRUE),
  /* 17 */ KOMMUNE ("Kristiansand", "4204", "kristiansand.kommune.no", TRUE),
  /* 18 */ KOMMUNE ("Ålesund", "1508", "alesund.kommune.no", TRUE),
  /* 19 */ KOMMUNE ("Bærum", "3201", "baerum.kommune.no", TRUE),
  /* 20 */ KOMMUNE ("Asker", "3203", "asker.kommune.no", TRUE),
  /* 21 */ KOMMUNE ("Lillestrøm", "3205", "lillestrom.kommune.no", TRUE),
  /* 22 */ KOMMUNE ("Fredrikstad", "3107", "fredrikstad.kommune.no", TRUE),
  /* 23 */ KOMMUNE ("Sarpsborg", "3105", "sarpsborg.kommune.no", TRUE),
  /* 24 */ KOMMUNE ("Hamar", "3403", "hamar.kommune.no", TRUE),
  /* 25 */ KOMMUNE ("Lillehammer", "3405", "lillehammer.kommune.no", TRUE),
  /* 26 */ KOMMUNE ("Gjøvik", "3407", "gjovik.kommune.no", TRUE),
  /* 27 */ KOMMUNE ("Tønsberg", "3905", "tonsberg.kommune.no", TRUE),
  /* 28 */ KOMMUNE ("Larvik", "3909", "larvik.kommune.no", TRUE),
  /* 29 */ KOMMUNE ("Skien", "4003", "skien.kommune.no", TRUE),
  /* 30 */ KOMMUNE ("Porsgrunn", "4001", "porsgrunn.kommune.no", TRUE),
  /* 31 */ KOMMUNE ("Arendal", "4203", "arendal.kommune.no", TRUE),
  /* 32 */ KOMMUNE ("Sandnes", "1108", "sandnes.kommune.no", TRUE),
  /* 33 */ KOMMUNE ("Haugesund", "1106", "haugesund.kommune.no", TRUE),
  /* 34 */ KOMMUNE ("Molde", "1506", "molde.kommune.no", TRUE),
  /* 35 */ KOMMUNE ("Kristiansund", "1505", "kristiansund.kommune.no", TRUE),
  /* 36 */ KOMMUNE ("Steinkjer", "5006", "steinkjer.kommune.no", TRUE),
  /* 37 */ KOMMUNE ("Harstad", "5503", "harstad.kommune.no", TRUE),
  /* 38 */ KOMMUNE ("Narvik", "1806", "narvik.kommune.no", TRUE),
  /* 39 */ KOMMUNE ("Alta", "5601", "alta.kommune.no", TRUE),
  /* 40 */ KOMMUNE ("Kongsberg", "3303", "kongsberg.kommune.no", TRUE),
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
  /* The welfare-technology solution's buyers (2024 kommunenummer) */
  /* 64 */ KOMMUNE ("Nordre Follo", "3207", "nordrefollo.kommune.no", TRUE),
  /* 65 */ KOMMUNE ("Ullensaker", "3209", "ullensaker.kommune.no", TRUE),
  /* 66 */ KOMMUNE ("Nesodden", "3212", "nesodden.kommune.no", TRUE),
  /* 67 */ KOMMUNE ("Lørenskog", "3222", "lorenskog.kommune.no", TRUE),
  /* 68 */ KOMMUNE ("Eidsvoll", "3240", "eidsvoll.kommune.no", TRUE),
  /* 69 */ KOMMUNE ("Halden", "3101", "halden.kommune.no", TRUE),
  /* 70 */ KOMMUNE ("Moss", "3103", "moss.kommune.no", TRUE),
  /* 71 */ KOMMUNE ("Indre Østfold", "3118", "indre-ostfold.kommune.no", TRUE),
  /* 72 */ KOMMUNE ("Ringerike", "3305", "ringerike.kommune.no", TRUE),
  /* 73 */ KOMMUNE ("Lier", "3312", "lier.kommune.no", TRUE),
  /* 74 */ KOMMUNE ("Øvre Eiker", "3314", "ovre-eiker.kommune.no", TRUE),
  /* 75 */ KOMMUNE ("Ringsaker", "3411", "ringsaker.kommune.no", TRUE),
  /* 76 */ KOMMUNE ("Elverum", "3420", "elverum.kommune.no", TRUE),
  /* 77 */ KOMMUNE ("Kongsvinger", "3401", "kongsvinger.kommune.no", TRUE),
  /* 78 */ KOMMUNE ("Horten", "3901", "horten.kommune.no", TRUE),
  /* 79 */ KOMMUNE ("Holmestrand", "3903", "holmestrand.kommune.no", TRUE),
  /* 80 */ KOMMUNE ("Færder", "3911", "faerder.kommune.no", TRUE),
  /* 81 */ KOMMUNE ("Notodden", "4005", "notodden.kommune.no", TRUE),
  /* 82 */ KOMMUNE ("Grimstad", "4202", "grimstad.kommune.no", TRUE),
  /* 83 */ KOMMUNE ("Lindesnes", "4205", "lindesnes.kommune.no", TRUE),
  /* 84 */ KOMMUNE ("Eigersund", "1101", "eigersund.kommune.no", TRUE),
  /* 85 */ KOMMUNE ("Karmøy", "1149", "karmoy.kommune.no", TRUE),
  /* 86 */ KOMMUNE ("Sola", "1124", "sola.kommune.no", TRUE),
  /* 87 */ KOMMUNE ("Askøy", "4627", "askoy.kommune.no", TRUE),
  /* 88 */ KOMMUNE ("Øygarden", "4626", "oygarden.kommune.no", TRUE),
  /* 89 */ KOMMUNE ("Stord", "4614", "stord.kommune.no", TRUE),
  /* 90 */ KOMMUNE ("Voss", "4621", "voss.kommune.no", TRUE),
  /* 91 */ KOMMUNE ("Sunnfjord", "4647", "sunnfjord.kommune.no", TRUE),
  /* 92 */ KOMMUNE ("Volda", "1577", "volda.kommune.no", TRUE),
  /* 93 */ KOMMUNE ("Stjørdal", "5035", "stjordal.kommune.no", TRUE),
  /* 94 */ KOMMUNE ("Levanger", "5037", "levanger.kommune.no", TRUE),
  /* 95 */ KOMMUNE ("Melhus", "5028", "melhus.kommune.no", TRUE),
  /* 96 */ KOMMUNE ("Rana", "1833", "rana.kommune.no", TRUE),
  /* 97 */ KOMMUNE ("Vefsn", "1824", "vefsn.kommune.no", TRUE),
  /* 98 */ KOMMUNE ("Senja", "5530", "senja.kommune.no", TRUE),
  /* 99 */ KOMMUNE ("Hammerfest", "5603", "hammerfest.kommune.no", TRUE),
};

/* Near Oslo first, then the rest of the country, faster and faster. */
const int _spire_demo_welfare_buyers[] = {
  19, 20, 64, 13, 21, 10, 67, 11, 65, 22, 32, 27, 72, 17, 23, 68,
  12, 78, 14, 24, 73, 87, 25, 69, 33, 90, 26, 79, 16, 28, 74, 88,
  29, 84, 30, 94, 31, 85, 34, 66, 35, 92, 36, 75, 37, 96, 40, 82,
  15, 98, 38, 91, 39, 71, 80,
};

/* Tables: programs */

const ProgramSpec _spire_demo_program_specs[] = {
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

const SectorSpec _spire_demo_sector_specs[] = {
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

/* Tables: challenges */

const ChallengeSpec _spire_demo_challenge_specs[] = {
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

const CriterionSpec _spire_demo_criterion_specs[] = {
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

const RubricSpec _spire_demo_rubric_specs[] = {
  { 5, { 0, 1, 2, 3, 4 }, { 25, 25, 20, 15, 15 } },
  { 4, { 0, 1, 2, 8 }, { 30, 30, 20, 20 } },
  { 6, { 0, 1, 5, 2, 9, 4 }, { 20, 25, 20, 15, 10, 10 } },
  { 8, { 0, 1, 2, 3, 4, 5, 6, 7 }, { 20, 20, 15, 10, 10, 10, 10, 5 } },
};

const char _spire_demo_scale_labels[] =
  "{\"1\": \"Svært svak\", \"2\": \"Svak\", \"3\": \"Nokså svak\", \"4\": \"Middels\", "
  "\"5\": \"God\", \"6\": \"Svært god\", \"7\": \"Fremragende\"}";

/* Tables: cohorts */

/* The first evaluator persons (both sizes) */

const EvaluatorSpec _spire_demo_evaluator_specs[] = {
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

const ExpertOrg _spire_demo_expert_orgs[] = {
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

const SizeSpec _spire_demo_sizes[] = {
  { small_cohorts, G_N_ELEMENTS (small_cohorts), 1, 1, FALSE, 3, 120, 9, 100, 0.04, 0.25 },
  { large_cohorts, G_N_ELEMENTS (large_cohorts), 1, 1, TRUE, 6, 7000, 60, 2000, 0.01, 0.06 },
  /* 10 × 20 cohorts: 10 × 6 000 + 40 000 applications */
  { large_cohorts, G_N_ELEMENTS (large_cohorts), 10, 10, TRUE, 6, 70000, 600, 20000, 0.01, 0.06 },
};

/* Tables: words */

const char *const _spire_demo_first_names[] = {
  "Ingrid", "Kari", "Nora", "Emma", "Sofie", "Maja", "Ida", "Hanne", "Marit", "Silje",
  "Åse", "Solveig", "Ragnhild", "Thea", "Amalie", "Fatima", "Aisha", "Mona", "Tone", "Linn",
  "Camilla", "Hilde", "Eli", "Sigrid", "Astrid", "Vilde", "Lene", "Ola", "Lars", "Jakob",
  "Emil", "Magnus", "Henrik", "Olav", "Øyvind", "Knut", "Erik", "Jonas", "Sindre", "Håkon",
  "Bjørn", "Ahmed", "Ali", "Mohammed", "Tobias", "Anders", "Per", "Trond", "Geir", "Espen",
  "Kristoffer", "Eirik", "Sander", "Mathias", "Even", "Torbjørn", "Halvard", "Jørgen",
  "Sverre", "Yusuf", "Mari", "Ane", "Guro", "Synnøve", "Tuva", "Iselin", "Ole", "Rune",
};

const char *const _spire_demo_last_names[] = {
  "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
  "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
  "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen",
  "Lund", "Sørensen", "Bakken", "Strand", "Moen", "Solberg", "Aasen", "Østby", "Ødegård",
  "Aune", "Lie", "Rønning", "Brekke", "Haugland", "Sæther", "Vik", "Myhre", "Nygård",
  "Fjeld", "Tveit", "Holm", "Ali", "Khan", "Nguyen", "Ahmadi", "Mæland", "Øien", "Bråten",
  "Sandvik", "Lunde", "Ruud", "Engen", "Kaur", "Hussain", "Iversen", "Ek", "Årdal",
};

const char *const _spire_demo_name_stems[] = {
  "Nord", "Fjord", "Lys", "Vind", "Helse", "Mobil", "Smart", "Grønn", "Bølge", "Fjell",
  "Skog", "Elv", "Sol", "Havn", "Kyst", "Trygg", "Vel", "Omsorg", "Data", "Klima",
  "Sirkel", "Spor", "Nær", "Polar", "Aurora", "Fram", "Tinde", "Isbre", "Midnatt", "Sjø",
  "Berg", "Norrøn",
  /* sorted after Z: keep these last (N_AAA_STEMS) */
  "Ærlig", "Ærfugl", "Øko", "Ørn", "Østavind", "Åpen", "Åker", "Ås",
};

const char *const _spire_demo_name_tails[] = {
  "lys", "vind", "data", "sans", "puls", "flyt", "vei", "nett", "bro", "kraft", "verk",
  "tun", "spor", "bit", "sky", "hav", "stein", "vakt", "hjem", "logikk", "sense", "link",
};

const char *const _spire_demo_name_suffixes[] = {
  "", "", " Tech", " Labs", " Analytics", " Systems", " Solutions", " Innovasjon",
  " Robotics", " Digital", " Norge", " Group",
};

const char *const _spire_demo_stage_values[] = { "idea", "prototype", "pilot", "market", "scaling" };

const char *const _spire_demo_stage_traction[] = {
  "et konsept og intervjuer med 14 brukere og ansatte",
  "en fungerende prototype som er testet med brukere",
  "pilotkunder i to kommuner",
  "betalende kunder i fem kommuner",
  "over 40 offentlige kunder og den første eksportkunden i Sverige",
};

const char *const _spire_demo_integrations[] = {
  "Gerica", "CosDoc", "Visma Flyt", "Public 360", "Elements", "Helseplattformen",
  "DIPS", "Acos WebSak", "ID-porten",
};

const char *const _spire_demo_heard_from[] = {
  "Nyhetsbrev fra Oslo Business Region", "LinkedIn", "Anbefalt av en kommune",
  "Innovasjon Norge", "Tidligere deltaker", "Doffin", "Leverandørkonferansen",
};

const char *const _spire_demo_confidential_texts[] = {
  "Vi er i samtaler med en investor om en emisjon på 8 MNOK. Verdsettelsen er ikke offentlig.",
  "Patentsøknaden for sensoralgoritmen er levert, men ikke publisert ennå.",
  "Piloten med {partner} er under taushetserklæring til den er evaluert.",
  "Omsetningen i år er 3,4 MNOK; vi går med underskudd til neste kvartal.",
  "Vi har fått en forespørsel om oppkjøp som vi har takket nei til.",
  "Prismodellen vår (per bruker per måned) er forretningshemmelighet.",
  "Kildekoden for analysemodulen er lisensiert fra et universitet; avtalen er konfidensiell.",
};

const char *const _spire_demo_ineligible_reasons[] = {
  "Oppfyller ikke de formelle kravene: selskapet har mer enn 50 ansatte.",
  "Oppfyller ikke de formelle kravene: søknaden mangler budsjett og beskrivelse av teamet.",
  "Oppfyller ikke de formelle kravene: selskapet er ikke registrert i Enhetsregisteret.",
  "Oppfyller ikke de formelle kravene: løsningen svarer ikke på noen av utfordringene i "
  "utlysningen.",
  "Oppfyller ikke de formelle kravene: søknaden kom etter fristen.",
};

const char *const _spire_demo_withdraw_reasons[] = {
  "Søkeren trakk søknaden per e-post: selskapet har fått investering og prioriterer "
  "andre markeder.",
  "Søkeren trakk søknaden fordi teamet ikke har kapasitet i programperioden.",
  "Søkeren trakk søknaden etter å ha blitt tatt opp i et annet program.",
  "Søkeren trakk søknaden og vil søke igjen neste år med en mer moden løsning.",
};

const char *const _spire_demo_declared_conflicts[][2] = {
  { "family", "Jurymedlemmets ektefelle er daglig leder i selskapet." },
  { "competitor", "Jurymedlemmet er rådgiver for et konkurrerende selskap." },
  { "owner", "Jurymedlemmet eier aksjer i selskapet." },
  { "other", "Jurymedlemmet har veiledet søkeren i søknadsarbeidet." },
};

const char *const _spire_demo_no_deal_reasons[] = {
  "oppdragsgiver prioriterte andre tiltak i budsjettet",
  "løsningen lot seg ikke integrere med fagsystemet",
  "piloten ga ikke de gevinstene vi håpet på",
  "anskaffelsen ble utsatt til neste år",
};

/* Tables: the follow-up's stories */

const SolutionSpec _spire_demo_hero_solution = {
  "Trygg hjemme – digitalt tilsyn",
  "Sensorer i hjemmet og varsling til hjemmetjenesten: digitalt nattilsyn i stedet for "
  "fysiske besøk, fallvarsling og oversikt over aktivitet. Kjøpes per bruker, uten "
  "installasjon hos kommunen.",
};

/* An innovation partnership's development, in phases (LUP's model). */
const PhaseSpec _spire_demo_partnership_phases[] = {
  { "Behovsavklaring", 10 },
  { "Utvikling av prototype", 45 },
  { "Pilotering", 30 },
  { "Skalering", 15 },
};

const char *const _spire_demo_gain_descriptions[] = {
  "Færre fysiske tilsynsbesøk om natten",
  "Spart tid i saksbehandlingen",
  "Lavere energikostnader i byggene",
  "Færre kjørte kilometer i tjenesten",
  "Mindre overtid og innleie",
  "Færre innleggelser og reinnleggelser",
};

const char *const _spire_demo_gain_owners[] = {
  "Enhetsleder hjemmetjenesten",
  "Kommunalsjef helse og omsorg",
  "Økonomisjef",
  "Avdelingsleder drift",
  "Prosjektleder gevinstrealisering",
};
