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

static const char *const migrations[] = {
  migration_1,
};

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
