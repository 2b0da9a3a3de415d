/* spire-schema.c — the numbered migrations
 *
 * Migration N brings a database from user_version N-1 to N.  Each column of
 * a table is a field of its kind in spire-records.c, in the same order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-schema"

#include "config.h"

#include "spire-schema-private.h"
#include "spire-store.h"

#define COMMON                                                              \
  "  id INTEGER PRIMARY KEY,\n"                                             \
  "  uuid TEXT NOT NULL UNIQUE CHECK (length (uuid) = 36),\n"              \
  "  created_at TEXT NOT NULL,\n"                                           \
  "  updated_at TEXT NOT NULL,\n"

static const char migration_1[] =
  "CREATE TABLE public_bodies (\n" COMMON
  "  name TEXT NOT NULL CHECK (name <> ''),\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('municipality','city_district','county','state_agency','health_trust','other')),\n"
  "  orgnr TEXT CHECK (orgnr IS NULL OR (length (orgnr) = 9 AND orgnr NOT GLOB '*[^0-9]*')),\n"
  "  kommunenummer TEXT CHECK (kommunenummer IS NULL OR (length (kommunenummer) = 4 AND kommunenummer NOT GLOB '*[^0-9]*')),\n"
  "  parent TEXT REFERENCES public_bodies (uuid) ON DELETE RESTRICT ON UPDATE CASCADE,\n"
  "  website TEXT\n"
  ") STRICT;\n"
  "CREATE INDEX public_bodies_parent ON public_bodies (parent);\n"

  "CREATE TABLE programs (\n" COMMON
  "  name TEXT NOT NULL CHECK (name <> ''),\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('accelerator','need_first','procurement_support','other')),\n"
  "  operator TEXT,\n"
  "  description TEXT\n"
  ") STRICT;\n"

  "CREATE TABLE cohorts (\n" COMMON
  "  program TEXT NOT NULL REFERENCES programs (uuid) ON DELETE RESTRICT ON UPDATE CASCADE,\n"
  "  name TEXT NOT NULL CHECK (name <> ''),\n"
  "  phase TEXT NOT NULL CHECK (phase IN ('planning','open','screening','evaluation','decided','running','follow_up','closed')),\n"
  "  opens_on TEXT,\n"
  "  application_deadline TEXT,\n"
  "  starts_on TEXT,\n"
  "  ends_on TEXT,\n"
  "  seats INTEGER NOT NULL CHECK (seats > 0),\n"
  "  blind INTEGER NOT NULL DEFAULT 0 CHECK (blind IN (0, 1)),\n"
  "  owner_on_panel INTEGER NOT NULL DEFAULT 0 CHECK (owner_on_panel IN (0, 1)),\n"
  "  CHECK (application_deadline IS NULL OR starts_on IS NULL OR application_deadline <= starts_on),\n"
  "  CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on)\n"
  ") STRICT;\n"
  "CREATE INDEX cohorts_program ON cohorts (program);\n"

  "CREATE TABLE challenges (\n" COMMON
  "  cohort TEXT NOT NULL REFERENCES cohorts (uuid) ON DELETE RESTRICT ON UPDATE CASCADE,\n"
  "  owner TEXT NOT NULL REFERENCES public_bodies (uuid) ON DELETE RESTRICT ON UPDATE CASCADE,\n"
  "  title TEXT NOT NULL CHECK (title <> ''),\n"
  "  need TEXT,\n"
  "  video_url TEXT,\n"
  "  budget_hint INTEGER CHECK (budget_hint IS NULL OR budget_hint >= 0)\n"
  ") STRICT;\n"
  "CREATE INDEX challenges_cohort ON challenges (cohort);\n"
  "CREATE INDEX challenges_owner ON challenges (owner);\n"

  "CREATE TABLE startups (\n" COMMON
  "  name TEXT NOT NULL CHECK (name <> ''),\n"
  "  orgnr TEXT CHECK (orgnr IS NULL OR (length (orgnr) = 9 AND orgnr NOT GLOB '*[^0-9]*')),\n"
  "  organisasjonsform TEXT,\n"
  "  naeringskode TEXT,\n"
  "  founded TEXT,\n"
  "  employees INTEGER CHECK (employees IS NULL OR employees >= 0),\n"
  "  website TEXT,\n"
  "  kommunenummer TEXT CHECK (kommunenummer IS NULL OR (length (kommunenummer) = 4 AND kommunenummer NOT GLOB '*[^0-9]*')),\n"
  "  sector TEXT\n"
  ") STRICT;\n"
  "CREATE INDEX startups_orgnr ON startups (orgnr);\n"

  "CREATE TABLE persons (\n" COMMON
  "  name TEXT NOT NULL CHECK (name <> ''),\n"
  "  email TEXT,\n"
  "  phone TEXT,\n"
  "  organisation TEXT,\n"
  "  orgnr TEXT CHECK (orgnr IS NULL OR (length (orgnr) = 9 AND orgnr NOT GLOB '*[^0-9]*')),\n"
  "  startup TEXT REFERENCES startups (uuid) ON DELETE RESTRICT ON UPDATE CASCADE,\n"
  "  public_body TEXT REFERENCES public_bodies (uuid) ON DELETE RESTRICT ON UPDATE CASCADE\n"
  ") STRICT;\n"
  "CREATE INDEX persons_startup ON persons (startup);\n"
  "CREATE INDEX persons_public_body ON persons (public_body);\n"
  "CREATE INDEX persons_email ON persons (email);\n"

  "CREATE TABLE applications (\n" COMMON
  "  cohort TEXT NOT NULL REFERENCES cohorts (uuid) ON DELETE RESTRICT ON UPDATE CASCADE,\n"
  "  startup TEXT NOT NULL REFERENCES startups (uuid) ON DELETE RESTRICT ON UPDATE CASCADE,\n"
  "  challenge TEXT REFERENCES challenges (uuid) ON DELETE RESTRICT ON UPDATE CASCADE,\n"
  "  contact TEXT REFERENCES persons (uuid) ON DELETE RESTRICT ON UPDATE CASCADE,\n"
  "  title TEXT NOT NULL CHECK (title <> ''),\n"
  "  pitch TEXT,\n"
  "  solution TEXT,\n"
  "  stage TEXT CHECK (stage IS NULL OR stage IN ('idea','prototype','pilot','market','scaling')),\n"
  "  status TEXT NOT NULL CHECK (status IN ('received','ineligible','in_review','shortlisted','accepted','waitlisted','rejected','withdrawn')),\n"
  "  submitted_at TEXT,\n"
  "  extra TEXT CHECK (extra IS NULL OR json_valid (extra)),\n"
  "  confidential TEXT\n"
  ") STRICT;\n"
  "CREATE INDEX applications_cohort_status ON applications (cohort, status);\n"
  "CREATE INDEX applications_startup ON applications (startup);\n"
  "CREATE INDEX applications_challenge ON applications (challenge);\n"
  "CREATE INDEX applications_contact ON applications (contact);\n"

  "CREATE TABLE rubrics (\n" COMMON
  "  cohort TEXT NOT NULL UNIQUE REFERENCES cohorts (uuid) ON DELETE CASCADE ON UPDATE CASCADE,\n"
  "  scale_min INTEGER NOT NULL,\n"
  "  scale_max INTEGER NOT NULL,\n"
  "  scale_labels TEXT CHECK (scale_labels IS NULL OR json_valid (scale_labels)),\n"
  "  aggregation TEXT NOT NULL CHECK (aggregation IN ('mean','median')),\n"
  "  normalisation TEXT NOT NULL CHECK (normalisation IN ('none','per_evaluator')),\n"
  "  disagreement_threshold REAL,\n"
  "  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),\n"
  "  frozen_at TEXT,\n"
  "  CHECK (scale_max > scale_min)\n"
  ") STRICT;\n"

  "CREATE TABLE criteria (\n" COMMON
  "  rubric TEXT NOT NULL REFERENCES rubrics (uuid) ON DELETE CASCADE ON UPDATE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  name TEXT NOT NULL CHECK (name <> ''),\n"
  "  guidance TEXT,\n"
  "  weight REAL NOT NULL CHECK (weight >= 0),\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('scored','gate','not_counted'))\n"
  ") STRICT;\n"
  "CREATE INDEX criteria_rubric ON criteria (rubric, position);\n"

  "CREATE TABLE evaluators (\n" COMMON
  "  cohort TEXT NOT NULL REFERENCES cohorts (uuid) ON DELETE RESTRICT ON UPDATE CASCADE,\n"
  "  person TEXT NOT NULL REFERENCES persons (uuid) ON DELETE RESTRICT ON UPDATE CASCADE,\n"
  "  role TEXT NOT NULL CHECK (role IN ('chair','member','observer')),\n"
  "  token TEXT,\n"
  "  UNIQUE (cohort, person)\n"
  ") STRICT;\n"
  "CREATE INDEX evaluators_person ON evaluators (person);\n"

  "CREATE TABLE assignments (\n" COMMON
  "  evaluator TEXT NOT NULL REFERENCES evaluators (uuid) ON DELETE CASCADE ON UPDATE CASCADE,\n"
  "  application TEXT NOT NULL REFERENCES applications (uuid) ON DELETE CASCADE ON UPDATE CASCADE,\n"
  "  state TEXT NOT NULL CHECK (state IN ('assigned','drafted','submitted','declined')),\n"
  "  UNIQUE (evaluator, application)\n"
  ") STRICT;\n"
  "CREATE INDEX assignments_application ON assignments (application);\n"

  "CREATE TABLE conflicts (\n" COMMON
  "  evaluator TEXT NOT NULL REFERENCES evaluators (uuid) ON DELETE CASCADE ON UPDATE CASCADE,\n"
  "  application TEXT REFERENCES applications (uuid) ON DELETE CASCADE ON UPDATE CASCADE,\n"
  "  startup TEXT REFERENCES startups (uuid) ON DELETE CASCADE ON UPDATE CASCADE,\n"
  "  origin TEXT NOT NULL CHECK (origin IN ('declared','detected')),\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('owner','employee','family','competitor','other')),\n"
  "  reason TEXT,\n"
  "  confirmed INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),\n"
  "  CHECK (application IS NOT NULL OR startup IS NOT NULL)\n"
  ") STRICT;\n"
  "CREATE INDEX conflicts_evaluator ON conflicts (evaluator);\n"
  "CREATE INDEX conflicts_application ON conflicts (application);\n"
  "CREATE INDEX conflicts_startup ON conflicts (startup);\n"

  "CREATE TABLE reviews (\n" COMMON
  "  evaluator TEXT NOT NULL REFERENCES evaluators (uuid) ON DELETE RESTRICT ON UPDATE CASCADE,\n"
  "  application TEXT NOT NULL REFERENCES applications (uuid) ON DELETE RESTRICT ON UPDATE CASCADE,\n"
  "  state TEXT NOT NULL CHECK (state IN ('draft','submitted')),\n"
  "  recommendation TEXT CHECK (recommendation IS NULL OR recommendation IN ('yes','maybe','no')),\n"
  "  summary TEXT,\n"
  "  submitted_at TEXT,\n"
  "  rubric_version INTEGER,\n"
  "  stale INTEGER NOT NULL DEFAULT 0 CHECK (stale IN (0, 1)),\n"
  "  UNIQUE (evaluator, application)\n"
  ") STRICT;\n"
  "CREATE INDEX reviews_application ON reviews (application);\n"

  "CREATE TABLE scores (\n" COMMON
  "  review TEXT NOT NULL REFERENCES reviews (uuid) ON DELETE CASCADE ON UPDATE CASCADE,\n"
  "  criterion TEXT NOT NULL REFERENCES criteria (uuid) ON DELETE RESTRICT ON UPDATE CASCADE,\n"
  "  value REAL,\n"
  "  comment TEXT,\n"
  "  UNIQUE (review, criterion)\n"
  ") STRICT;\n"
  "CREATE INDEX scores_criterion ON scores (criterion);\n"

  "CREATE TABLE decisions (\n" COMMON
  "  application TEXT NOT NULL REFERENCES applications (uuid) ON DELETE CASCADE ON UPDATE CASCADE,\n"
  "  from_status TEXT,\n"
  "  to_status TEXT NOT NULL,\n"
  "  decided_by TEXT NOT NULL,\n"
  "  decided_at TEXT NOT NULL,\n"
  "  reason TEXT NOT NULL CHECK (reason <> ''),\n"
  "  rubric_version INTEGER\n"
  ") STRICT;\n"
  "CREATE INDEX decisions_application ON decisions (application, decided_at);\n"

  "CREATE TABLE deals (\n" COMMON
  "  startup TEXT NOT NULL REFERENCES startups (uuid) ON DELETE RESTRICT ON UPDATE CASCADE,\n"
  "  public_body TEXT NOT NULL REFERENCES public_bodies (uuid) ON DELETE RESTRICT ON UPDATE CASCADE,\n"
  "  application TEXT REFERENCES applications (uuid) ON DELETE SET NULL ON UPDATE CASCADE,\n"
  "  title TEXT,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('purchase','pilot','innovation_partnership','development_contract','framework_agreement','letter_of_intent')),\n"
  "  stage TEXT NOT NULL CHECK (stage IN ('dialogue','pilot','negotiation','signed','delivering','scaled','no_deal')),\n"
  "  value INTEGER CHECK (value IS NULL OR value >= 0),\n"
  "  expected_savings INTEGER CHECK (expected_savings IS NULL OR expected_savings >= 0),\n"
  "  realised_savings INTEGER CHECK (realised_savings IS NULL OR realised_savings >= 0),\n"
  "  procedure TEXT,\n"
  "  started_on TEXT,\n"
  "  signed_on TEXT\n"
  ") STRICT;\n"
  "CREATE INDEX deals_startup ON deals (startup);\n"
  "CREATE INDEX deals_public_body ON deals (public_body);\n"
  "CREATE INDEX deals_application ON deals (application);\n"

  "CREATE TABLE deal_events (\n" COMMON
  "  deal TEXT NOT NULL REFERENCES deals (uuid) ON DELETE CASCADE ON UPDATE CASCADE,\n"
  "  stage TEXT NOT NULL CHECK (stage IN ('dialogue','pilot','negotiation','signed','delivering','scaled','no_deal')),\n"
  "  date TEXT NOT NULL,\n"
  "  note TEXT\n"
  ") STRICT;\n"
  "CREATE INDEX deal_events_deal ON deal_events (deal, date);\n"

  "CREATE TABLE audit (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  at TEXT NOT NULL,\n"
  "  who TEXT NOT NULL,\n"
  "  entity TEXT NOT NULL,\n"
  "  entity_uuid TEXT,\n"
  "  action TEXT NOT NULL,\n"
  "  before TEXT,\n"
  "  after TEXT\n"
  ") STRICT;\n"
  "CREATE INDEX audit_entity ON audit (entity_uuid, id);\n";

/* A random (version 4) UUID, for rows made by a migration. */
#define SQL_UUID                                                                    \
  "lower (hex (randomblob (4)) || '-' || hex (randomblob (2)) || '-4' || "          \
  "substr (hex (randomblob (2)), 2) || '-' || substr ('89ab', 1 + abs (random ()) % 4, 1) || " \
  "substr (hex (randomblob (2)), 2) || '-' || hex (randomblob (6)))"

/* Version 2: three facts that version 1 kept only in the audit log, which a
 * spire-backup does not carry, become records of their own:
 *   - screenings: the office's answer to a gate criterion per application
 *     (was: audit entries "screening" on the application);
 *   - conflicts.dismissed_*: a dismissed detected conflict stays as a row
 *     (was: the row deleted, and an audit entry "dismiss" on the conflict);
 *   - packages: the evaluation packages exported from this database, by
 *     which a score sheet is recognised (was: audit entries
 *     "export-package" on the evaluator).
 * What a version-1 database recorded in its audit log is carried over; an
 * entry that no longer fits (its application, criterion, evaluator …
 * deleted since, or damaged) is left out rather than failing the
 * migration.  The audit entries themselves stay: they are the history. */
static const char migration_2[] =
  "CREATE TABLE screenings (\n" COMMON
  "  application TEXT NOT NULL REFERENCES applications (uuid) ON DELETE CASCADE ON UPDATE CASCADE,\n"
  "  criterion TEXT NOT NULL REFERENCES criteria (uuid) ON DELETE RESTRICT ON UPDATE CASCADE,\n"
  "  passed INTEGER NOT NULL DEFAULT 0 CHECK (passed IN (0, 1)),\n"
  "  note TEXT,\n"
  "  decided_by TEXT NOT NULL,\n"
  "  decided_at TEXT NOT NULL,\n"
  "  rubric_version INTEGER,\n"
  "  UNIQUE (application, criterion)\n"
  ") STRICT;\n"
  /* The UNIQUE index serves look-ups by application (its first column);
   * this one keeps the RESTRICT check on deleting a criterion cheap. */
  "CREATE INDEX screenings_criterion ON screenings (criterion);\n"

  "ALTER TABLE conflicts ADD COLUMN dismissed_at TEXT;\n"
  "ALTER TABLE conflicts ADD COLUMN dismissed_by TEXT;\n"
  "ALTER TABLE conflicts ADD COLUMN dismiss_reason TEXT\n"
  "  CHECK (dismissed_at IS NULL OR (origin = 'detected' AND confirmed = 0\n"
  "                                  AND dismiss_reason IS NOT NULL AND dismiss_reason <> ''));\n"

  "CREATE TABLE packages (\n" COMMON
  "  evaluator TEXT NOT NULL REFERENCES evaluators (uuid) ON DELETE CASCADE ON UPDATE CASCADE,\n"
  "  cohort TEXT NOT NULL REFERENCES cohorts (uuid) ON DELETE RESTRICT ON UPDATE CASCADE,\n"
  "  rubric_version INTEGER NOT NULL CHECK (rubric_version >= 1),\n"
  "  criteria TEXT CHECK (criteria IS NULL OR json_valid (criteria)),\n"
  "  applications TEXT CHECK (applications IS NULL OR json_valid (applications)),\n"
  "  exported_by TEXT,\n"
  "  exported_at TEXT NOT NULL\n"
  ") STRICT;\n"
  "CREATE INDEX packages_evaluator ON packages (evaluator);\n"
  "CREATE INDEX packages_cohort ON packages (cohort);\n"

  /* Screening answers: the latest per application and gate. */
  "INSERT INTO screenings (uuid, created_at, updated_at, application, criterion, passed, note,\n"
  "                        decided_by, decided_at, rubric_version)\n"
  "SELECT " SQL_UUID ", a.at, a.at, a.entity_uuid, json_extract (a.after, '$.criterion'),\n"
  "       json_extract (a.after, '$.passed') IS 1,\n"
  "       CASE WHEN json_type (a.after, '$.note') = 'text' THEN json_extract (a.after, '$.note') END,\n"
  "       a.who, a.at,\n"
  "       CASE WHEN json_type (a.after, '$.rubric_version') = 'integer'\n"
  "            THEN json_extract (a.after, '$.rubric_version') END\n"
  "FROM audit a\n"
  "WHERE a.id IN (SELECT max (id) FROM audit\n"
  "               WHERE entity = 'application' AND action = 'screening' AND json_valid (after)\n"
  "               GROUP BY entity_uuid, json_extract (after, '$.criterion'))\n"
  "  AND EXISTS (SELECT 1 FROM applications x WHERE x.uuid = a.entity_uuid)\n"
  "  AND EXISTS (SELECT 1 FROM criteria x WHERE x.uuid = json_extract (a.after, '$.criterion'));\n"

  /* Dismissed conflicts: back as rows, from the copy the audit entry kept. */
  "INSERT INTO conflicts (uuid, created_at, updated_at, evaluator, application, startup, origin,\n"
  "                       kind, reason, confirmed, dismissed_at, dismissed_by, dismiss_reason)\n"
  "SELECT d.entity_uuid,\n"
  "       CASE WHEN json_type (d.after, '$.created_at') = 'text'\n"
  "            THEN json_extract (d.after, '$.created_at') ELSE d.at END,\n"
  "       d.at, json_extract (d.after, '$.evaluator'), json_extract (d.after, '$.application'),\n"
  "       json_extract (d.after, '$.startup'), 'detected', json_extract (d.after, '$.kind'),\n"
  "       CASE WHEN json_type (d.after, '$.reason') = 'text' THEN json_extract (d.after, '$.reason') END,\n"
  "       0, d.at, d.who, json_extract (d.after, '$.dismiss_reason')\n"
  "FROM audit d\n"
  "WHERE d.id IN (SELECT max (id) FROM audit\n"
  "               WHERE entity = 'conflict' AND action = 'dismiss' AND json_valid (after)\n"
  "               GROUP BY entity_uuid)\n"
  "  AND length (d.entity_uuid) = 36\n"
  "  AND NOT EXISTS (SELECT 1 FROM conflicts x WHERE x.uuid = d.entity_uuid)\n"
  "  AND json_type (d.after, '$.evaluator') = 'text'\n"
  "  AND EXISTS (SELECT 1 FROM evaluators x WHERE x.uuid = json_extract (d.after, '$.evaluator'))\n"
  "  AND (json_type (d.after, '$.application') IS NOT 'text'\n"
  "       OR EXISTS (SELECT 1 FROM applications x WHERE x.uuid = json_extract (d.after, '$.application')))\n"
  "  AND (json_type (d.after, '$.startup') IS NOT 'text'\n"
  "       OR EXISTS (SELECT 1 FROM startups x WHERE x.uuid = json_extract (d.after, '$.startup')))\n"
  "  AND (json_type (d.after, '$.application') = 'text' OR json_type (d.after, '$.startup') = 'text')\n"
  "  AND json_extract (d.after, '$.kind') IN ('owner','employee','family','competitor','other')\n"
  "  AND json_type (d.after, '$.dismiss_reason') = 'text'\n"
  "  AND json_extract (d.after, '$.dismiss_reason') <> '';\n"

  /* Exported packages. */
  "INSERT INTO packages (uuid, created_at, updated_at, evaluator, cohort, rubric_version, criteria,\n"
  "                      applications, exported_by, exported_at)\n"
  "SELECT json_extract (r.after, '$.package'), r.at, r.at, r.entity_uuid,\n"
  "       json_extract (r.after, '$.cohort'), json_extract (r.after, '$.rubric_version'),\n"
  "       CASE WHEN json_type (r.after, '$.criteria') = 'array'\n"
  "            THEN json_extract (r.after, '$.criteria') END,\n"
  "       CASE WHEN json_type (r.after, '$.applications') = 'array'\n"
  "            THEN json_extract (r.after, '$.applications') END,\n"
  "       r.who,\n"
  "       CASE WHEN json_type (r.after, '$.exported_at') = 'text'\n"
  "            THEN json_extract (r.after, '$.exported_at') ELSE r.at END\n"
  "FROM audit r\n"
  "WHERE r.id IN (SELECT max (id) FROM audit\n"
  "               WHERE entity = 'evaluator' AND action = 'export-package' AND json_valid (after)\n"
  "               GROUP BY json_extract (after, '$.package'))\n"
  "  AND json_type (r.after, '$.package') = 'text'\n"
  "  AND length (json_extract (r.after, '$.package')) = 36\n"
  "  AND NOT EXISTS (SELECT 1 FROM packages x WHERE x.uuid = json_extract (r.after, '$.package'))\n"
  "  AND json_type (r.after, '$.rubric_version') = 'integer'\n"
  "  AND json_extract (r.after, '$.rubric_version') >= 1\n"
  "  AND EXISTS (SELECT 1 FROM evaluators x WHERE x.uuid = r.entity_uuid)\n"
  "  AND EXISTS (SELECT 1 FROM cohorts x WHERE x.uuid = json_extract (r.after, '$.cohort'));\n";

/* Follow-up (DESIGN.md, "Follow-up"): solutions, phases, gains, thresholds,
 * stage probabilities per program, what a cohort cost.  The old free-text
 * procedure becomes procedure_note; procedure is now one of the codes, read
 * from the texts Spire's own sample data wrote where it can be. */
static const char migration_3[] =
  "ALTER TABLE cohorts ADD COLUMN invested INTEGER CHECK (invested IS NULL OR invested >= 0);\n"

  "CREATE TABLE solutions (\n" COMMON
  "  startup TEXT NOT NULL REFERENCES startups (uuid) ON DELETE RESTRICT ON UPDATE CASCADE,\n"
  "  name TEXT NOT NULL CHECK (name <> ''),\n"
  "  description TEXT\n"
  ") STRICT;\n"
  "CREATE INDEX solutions_startup ON solutions (startup);\n"

  "ALTER TABLE deals RENAME COLUMN procedure TO procedure_note;\n"
  "ALTER TABLE deals ADD COLUMN procedure TEXT CHECK (procedure IS NULL OR procedure IN\n"
  "  ('direct_award','open_competition','restricted_competition','competition_with_negotiation',\n"
  "   'innovation_partnership','pre_commercial','design_contest','framework_call_off','mvp_contract'));\n"
  "ALTER TABLE deals ADD COLUMN solution TEXT REFERENCES solutions (uuid) ON DELETE SET NULL ON UPDATE CASCADE;\n"
  "ALTER TABLE deals ADD COLUMN lost_reason TEXT;\n"
  "ALTER TABLE deals ADD COLUMN option_value INTEGER CHECK (option_value IS NULL OR option_value >= 0);\n"
  "ALTER TABLE deals ADD COLUMN option_exercised INTEGER NOT NULL DEFAULT 0 CHECK (option_exercised IN (0, 1));\n"
  "CREATE INDEX deals_solution ON deals (solution);\n"
  "CREATE INDEX deals_stage ON deals (stage);\n"
  "UPDATE deals SET procedure = CASE\n"
  "  WHEN procedure_note LIKE 'Innovasjonspartnerskap%' THEN 'innovation_partnership'\n"
  "  WHEN procedure_note LIKE '%førkommersiell%' THEN 'pre_commercial'\n"
  "  WHEN procedure_note LIKE 'Direkte anskaffelse%' THEN 'direct_award'\n"
  "  WHEN procedure_note LIKE 'Konkurranse med forhandling%' THEN 'competition_with_negotiation'\n"
  "  WHEN procedure_note LIKE 'Åpen anbudskonkurranse%' THEN 'open_competition'\n"
  "  WHEN procedure_note LIKE 'Konkurranse etter anskaffelsesforskriften%' THEN 'open_competition'\n"
  "  END;\n"
  "UPDATE deals SET lost_reason = (SELECT e.note FROM deal_events e WHERE e.deal = deals.uuid\n"
  "                                AND e.stage = 'no_deal' ORDER BY e.date DESC LIMIT 1)\n"
  "  WHERE stage = 'no_deal';\n"

  "CREATE TABLE deal_phases (\n" COMMON
  "  deal TEXT NOT NULL REFERENCES deals (uuid) ON DELETE CASCADE ON UPDATE CASCADE,\n"
  "  position INTEGER NOT NULL CHECK (position >= 1),\n"
  "  name TEXT NOT NULL CHECK (name <> ''),\n"
  "  planned_on TEXT,\n"
  "  actual_on TEXT,\n"
  "  max_cost INTEGER CHECK (max_cost IS NULL OR max_cost >= 0),\n"
  "  cost INTEGER CHECK (cost IS NULL OR cost >= 0),\n"
  "  state TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned','passed','stopped'))\n"
  ") STRICT;\n"
  "CREATE INDEX deal_phases_deal ON deal_phases (deal, position);\n"

  "CREATE TABLE gains (\n" COMMON
  "  deal TEXT NOT NULL REFERENCES deals (uuid) ON DELETE CASCADE ON UPDATE CASCADE,\n"
  "  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('efficiency','quality','other_actors')),\n"
  "  description TEXT,\n"
  "  baseline INTEGER,\n"
  "  expected INTEGER CHECK (expected IS NULL OR expected >= 0),\n"
  "  realised INTEGER CHECK (realised IS NULL OR realised >= 0),\n"
  "  owner TEXT\n"
  ") STRICT;\n"
  "CREATE INDEX gains_deal ON gains (deal, year);\n"

  "CREATE TABLE procurement_thresholds (\n" COMMON
  "  scope TEXT NOT NULL CHECK (scope IN ('regulation','national','eea_state','eea_other',\n"
  "                                       'building_works','health_social')),\n"
  "  amount INTEGER NOT NULL CHECK (amount > 0),\n"
  "  valid_from TEXT NOT NULL,\n"
  "  UNIQUE (scope, valid_from)\n"
  ") STRICT;\n"
  /* GLOSSARY.md: the values in force from 2024, excl. VAT, in øre. */
  /* The 2024 values are built into Spire (spire-thresholds.c); a row here
   * adds a value in force from its date (next year's, a corrected one). */
  "CREATE TABLE stage_probabilities (\n" COMMON
  "  program TEXT NOT NULL REFERENCES programs (uuid) ON DELETE CASCADE ON UPDATE CASCADE,\n"
  "  stage TEXT NOT NULL CHECK (stage IN ('dialogue','pilot','negotiation','signed','delivering','scaled','no_deal')),\n"
  "  percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),\n"
  "  UNIQUE (program, stage)\n"
  ") STRICT;\n";

/* Privacy (DESIGN.md, "Privacy, innsyn and the audit trail"): how long a
 * cohort keeps the personal data of applicants not accepted. */
static const char migration_4[] =
  "ALTER TABLE cohorts ADD COLUMN retention_months INTEGER\n"
  "  CHECK (retention_months IS NULL OR retention_months >= 0);\n";

/* Innsyn (DESIGN.md, "Privacy, innsyn and the audit trail"): each request
 * for access answered, who asked, when it came and was answered, what was
 * given and what was withheld (JSON arrays, spire-privacy.h). */
static const char migration_5[] =
  "CREATE TABLE innsyn_requests (\n" COMMON
  "  requester TEXT NOT NULL CHECK (requester <> ''),\n"
  "  received_on TEXT NOT NULL,\n"
  "  answered_on TEXT,\n"
  "  application TEXT REFERENCES applications (uuid) ON DELETE SET NULL ON UPDATE CASCADE,\n"
  "  cohort TEXT REFERENCES cohorts (uuid) ON DELETE SET NULL ON UPDATE CASCADE,\n"
  "  given TEXT,\n"
  "  withheld TEXT\n"
  ") STRICT;\n"
  "CREATE INDEX innsyn_requests_application ON innsyn_requests (application);\n"
  "CREATE INDEX innsyn_requests_cohort ON innsyn_requests (cohort);\n";

static const char *const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
};

/* SPIRE_SCHEMA_VERSION names the last migration. */
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SPIRE_SCHEMA_VERSION);

static const char *extra_migration; /* tests only */

void
_spire_schema_set_extra_migration (const char *sql)
{
  extra_migration = sql;
}

guint
_spire_schema_n_migrations (void)
{
  return G_N_ELEMENTS (migrations) + (extra_migration ? 1 : 0);
}

const char *
_spire_schema_migration (guint version)
{
  g_return_val_if_fail (version >= 1 && version <= _spire_schema_n_migrations (), NULL);

  if (version > G_N_ELEMENTS (migrations))
    return extra_migration;
  return migrations[version - 1];
}
