/* test-privacy.c — erase a person (no byte left in the file or its WAL),
 * retention by date, the audit trail by record, person and day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "spire-schema-private.h"
#include "test-helpers.h"

#define NAME "Synnøve Kvitravn"
#define EMAIL "synnove@kvitravn.no"
#define PHONE "+47 912 34 567"
#define PHONE_DIGITS "+4791234567"

typedef struct
{
  SpireRecord *cohort, *startup, *person, *other, *application, *decision;
} World;

static void
world_clear (World *w)
{
  g_clear_object (&w->cohort);
  g_clear_object (&w->startup);
  g_clear_object (&w->person);
  g_clear_object (&w->other);
  g_clear_object (&w->application);
  g_clear_object (&w->decision);
}

static void
update (SpireStore *store, SpireRecord *r, const char *field, const char *value)
{
  g_autoptr (GError) error = NULL;

  spire_record_set_text (r, field, value);
  spire_store_update (store, r, &error);
  g_assert_no_error (error);
}

static void
make_world (SpireStore *store, World *w)
{
  g_autoptr (SpireRecord) program = test_make (store, &spire_kind_program, "name", "SmartOslo",
                                               "kind", "accelerator", NULL);

  w->cohort = test_make (store, &spire_kind_cohort, "program", spire_record_get_uuid (program),
                         "name", "Kull 2026", "phase", "evaluation", "seats", (gint64) 4, NULL);
  w->startup = test_make (store, &spire_kind_startup, "name", "Kvitravn AS", NULL);
  w->person = test_make (store, &spire_kind_person, "name", NAME, "email", EMAIL, "phone",
                         "+47 900 00 000", "startup", spire_record_get_uuid (w->startup), NULL);
  update (store, w->person, "phone", PHONE); /* the audit trail holds both */
  w->other = test_make (store, &spire_kind_person, "name", "Ola Nordmann", "email",
                        "ola@nordmann.no", NULL);
  w->application = test_make (
    store, &spire_kind_application, "cohort", spire_record_get_uuid (w->cohort), "startup",
    spire_record_get_uuid (w->startup), "contact", spire_record_get_uuid (w->person), "title",
    "Sensorplattform", "status", "received", "pitch",
    "Daglig leder synnøve Kvitravn (" EMAIL ", " PHONE_DIGITS ") og Ola Nordmann.", "extra",
    "{\"Daglig leder\": \"" NAME "\"}", NULL);
  update (store, w->application, "status", "in_review");
  w->decision = test_make (store, &spire_kind_decision, "application",
                           spire_record_get_uuid (w->application), "to_status", "in_review",
                           "decided_by", "Programleder", "decided_at", "2026-03-01T10:00:00Z",
                           "reason", "Ringte " NAME " på " PHONE ".", NULL);
}

static gboolean
bytes_contain (GBytes *bytes, const char *needle)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return data != NULL && memmem (data, len, needle, strlen (needle)) != NULL;
}

/* Whether @needle occurs in the raw bytes of the database or its -wal. */
static gboolean
file_contains (const char *path, const char *needle)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr (GBytes) main_bytes = test_file_bytes (path);
  g_autoptr (GBytes) wal_bytes = NULL;

  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    wal_bytes = test_file_bytes (wal);
  return bytes_contain (main_bytes, needle) || (wal_bytes && bytes_contain (wal_bytes, needle));
}

static gboolean
has_trace (SpirePersonTraces *traces, const char *table, const char *uuid, const char *field)
{
  for (guint i = 0; i < traces->items->len; i++)
    {
      SpirePersonTrace *t = traces->items->pdata[i];

      if (g_str_equal (t->table, table) && g_str_equal (t->field, field) &&
          (uuid == NULL || g_str_equal (t->uuid, uuid)))
        return TRUE;
    }
  return FALSE;
}

static void
test_dry_run (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  g_autoptr (SpirePersonTraces) traces = NULL;
  g_autoptr (GPtrArray) audit_before = NULL;
  g_autoptr (GPtrArray) audit_after = NULL;
  g_autoptr (SpireRecord) person = NULL;
  g_autoptr (SpireRecord) application = NULL;
  World w = { 0 };

  make_world (store, &w);
  audit_before = spire_store_list_audit (store, NULL, 0, &error);
  g_assert_true (spire_person_erase (store, spire_record_get_uuid (w.person), TRUE, &traces,
                                     &error));
  g_assert_no_error (error);
  g_assert_true (has_trace (traces, "persons", spire_record_get_uuid (w.person), "name"));
  g_assert_true (has_trace (traces, "persons", spire_record_get_uuid (w.person), "email"));
  g_assert_true (has_trace (traces, "persons", spire_record_get_uuid (w.person), "phone"));
  g_assert_true (has_trace (traces, "applications", spire_record_get_uuid (w.application), "pitch"));
  g_assert_true (has_trace (traces, "applications", spire_record_get_uuid (w.application), "extra"));
  g_assert_true (has_trace (traces, "decisions", spire_record_get_uuid (w.decision), "reason"));
  g_assert_true (has_trace (traces, "audit", NULL, "before"));
  g_assert_true (has_trace (traces, "audit", NULL, "after"));
  g_assert_false (has_trace (traces, "persons", spire_record_get_uuid (w.other), "name"));

  /* Nothing changed */
  person = spire_store_get (store, &spire_kind_person, spire_record_get_uuid (w.person), &error);
  g_assert_true (spire_record_equal (person, w.person));
  application = spire_store_get (store, &spire_kind_application,
                                 spire_record_get_uuid (w.application), &error);
  g_assert_true (spire_record_equal (application, w.application));
  audit_after = spire_store_list_audit (store, NULL, 0, &error);
  g_assert_cmpuint (audit_after->len, ==, audit_before->len);

  /* An unknown person is refused */
  g_assert_false (spire_person_erase (store, "00000000-0000-4000-8000-000000000000", TRUE, NULL,
                                      &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND);
  world_clear (&w);
}

static void
test_erase_leaves_no_trace (void)
{
  char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "spire.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_open (path, &error);
  g_autoptr (SpirePersonTraces) traces = NULL;
  g_autoptr (SpireRecord) person = NULL;
  g_autoptr (SpireRecord) application = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  g_autofree char *pseudonym = NULL;
  static const char *const gone[] = { NAME, EMAIL, PHONE, PHONE_DIGITS, "synnøve Kvitravn",
                                      "+47 900 00 000" };
  World w = { 0 };

  g_assert_no_error (error);
  make_world (store, &w);
  for (guint i = 0; i < 3; i++)
    g_assert_true (file_contains (path, gone[i]));

  g_assert_true (spire_person_erase (store, spire_record_get_uuid (w.person), FALSE, &traces,
                                     &error));
  g_assert_no_error (error);
  pseudonym = spire_person_pseudonym (spire_record_get_uuid (w.person));
  g_assert_cmpstr (traces->pseudonym, ==, pseudonym);

  /* Every occurrence is gone from the records and the audit trail … */
  person = spire_store_get (store, &spire_kind_person, spire_record_get_uuid (w.person), &error);
  g_assert_cmpstr (spire_record_get_text (person, "name"), ==, pseudonym);
  g_assert_true (spire_record_is_null (person, "email"));
  g_assert_true (spire_record_is_null (person, "phone"));
  application = spire_store_get (store, &spire_kind_application,
                                 spire_record_get_uuid (w.application), &error);
  g_assert_nonnull (strstr (spire_record_get_text (application, "pitch"), pseudonym));
  g_assert_nonnull (strstr (spire_record_get_text (application, "pitch"), "Ola Nordmann"));
  audit = spire_store_list_audit (store, NULL, 0, &error);
  for (guint i = 0; i < audit->len; i++)
    {
      GHashTable *e = audit->pdata[i];

      for (guint g = 0; g < G_N_ELEMENTS (gone); g++)
        {
          g_assert_null (strstr (g_hash_table_lookup (e, "before") ?: "", gone[g]));
          g_assert_null (strstr (g_hash_table_lookup (e, "after") ?: "", gone[g]));
        }
    }
  g_assert_cmpstr (g_hash_table_lookup (audit->pdata[0], "action"), ==, "erase");

  /* … and from the raw bytes of the file and its WAL, while open and after */
  for (guint g = 0; g < G_N_ELEMENTS (gone); g++)
    g_assert_false (file_contains (path, gone[g]));
  g_assert_true (file_contains (path, "Ola Nordmann"));
  g_clear_object (&store);
  for (guint g = 0; g < G_N_ELEMENTS (gone); g++)
    g_assert_false (file_contains (path, gone[g]));

  /* The pseudonym is stable */
  store = spire_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&traces, spire_person_traces_free);
  g_assert_true (spire_person_erase (store, spire_record_get_uuid (w.person), FALSE, &traces,
                                     &error));
  g_assert_no_error (error);
  g_assert_cmpstr (traces->pseudonym, ==, pseudonym);
  g_clear_object (&person);
  person = spire_store_get (store, &spire_kind_person, spire_record_get_uuid (w.person), &error);
  g_assert_cmpstr (spire_record_get_text (person, "name"), ==, pseudonym);
  g_assert_true (spire_store_check (store, NULL, &error));
  g_clear_object (&store);
  world_clear (&w);
  test_tmpdir_free (dir);
}

/* Another person of the same name is a namesake, not a mention: erasing
 * one leaves the other's name, e-mail and audit entries as they were (the
 * demo has three "Ahmed Aune"; erasing one renamed all three), while a
 * text that names the erased person still gets the pseudonym. */
static void
test_erase_keeps_namesakes (void)
{
  char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "spire.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_open (path, &error);
  g_autoptr (SpirePersonTraces) preview = NULL;
  g_autoptr (SpirePersonTraces) traces = NULL;
  g_autoptr (SpireRecord) namesake = NULL;
  g_autoptr (SpireRecord) after = NULL;
  g_autoptr (SpireRecord) application = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  g_autofree char *pseudonym = NULL;
  const char *other_uuid;
  gboolean name_in_audit = FALSE;
  World w = { 0 };

  g_assert_no_error (error);
  make_world (store, &w);
  namesake = test_make (store, &spire_kind_person, "name", NAME, "email",
                        "synnove.k@eksempel.no", "organisation", "Bodø kommune", NULL);
  update (store, namesake, "phone", "+47 400 00 001"); /* an audit entry with her name */
  other_uuid = spire_record_get_uuid (namesake);

  /* The preview names no place of hers: not her record, not her entries */
  g_assert_true (spire_person_erase (store, spire_record_get_uuid (w.person), TRUE, &preview,
                                     &error));
  g_assert_no_error (error);
  audit = spire_store_list_audit (store, other_uuid, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, >=, 2);
  for (guint i = 0; i < preview->items->len; i++)
    {
      const SpirePersonTrace *t = preview->items->pdata[i];

      g_assert_cmpstr (t->uuid, !=, other_uuid);
      for (guint a = 0; a < audit->len; a++)
        g_assert_false (g_str_equal (t->table, "audit") &&
                        g_str_equal (t->uuid, g_hash_table_lookup (audit->pdata[a], "id")));
    }
  g_clear_pointer (&audit, g_ptr_array_unref);

  g_assert_true (spire_person_erase (store, spire_record_get_uuid (w.person), FALSE, &traces,
                                     &error));
  g_assert_no_error (error);
  pseudonym = spire_person_pseudonym (spire_record_get_uuid (w.person));

  after = spire_store_get (store, &spire_kind_person, other_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (after, "name"), ==, NAME);
  g_assert_cmpstr (spire_record_get_text (after, "email"), ==, "synnove.k@eksempel.no");
  g_assert_cmpstr (spire_record_get_text (after, "phone"), ==, "+47 400 00 001");
  audit = spire_store_list_audit (store, other_uuid, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, >=, 2);
  for (guint i = 0; i < audit->len; i++)
    {
      const char *text = g_hash_table_lookup (audit->pdata[i], "after");

      name_in_audit = name_in_audit || (text != NULL && strstr (text, NAME) != NULL);
      g_assert_null (strstr (text ?: "", pseudonym));
    }
  g_assert_true (name_in_audit);

  /* The erased person's mentions elsewhere are gone as before */
  application = spire_store_get (store, &spire_kind_application,
                                 spire_record_get_uuid (w.application), &error);
  g_assert_nonnull (strstr (spire_record_get_text (application, "pitch"), pseudonym));
  g_assert_null (strstr (spire_record_get_text (application, "pitch"), "Kvitravn"));
  g_clear_object (&store);
  world_clear (&w);
  test_tmpdir_free (dir);
}

/* Erase finds a name in every case, not only ASCII's: "ØSTEN" is "Østen"
 * and "synnøve" is "SYNNØVE" (the raw bytes of the file tell). */
static void
test_erase_folds_every_letter (void)
{
  char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "spire.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_open (path, &error);
  g_autoptr (SpirePersonTraces) dry = NULL;
  g_autoptr (SpirePersonTraces) traces = NULL;
  g_autoptr (SpireRecord) upper = NULL;
  g_autoptr (SpireRecord) app2 = NULL;
  g_autoptr (SpireRecord) startup2 = NULL;
  static const char *const gone[] = { "SYNNØVE KVITRAVN", "synnøve kvitravn", "Synnøve Kvitravn",
                                      "SYNNOVE@KVITRAVN.NO", "ØSTEN ÅSLAND", "østen åsland",
                                      "Østen A\xcc\x8asland" };
  World w = { 0 };

  g_assert_no_error (error);
  make_world (store, &w);
  /* A second person whose name is stored in capitals */
  upper = test_make (store, &spire_kind_person, "name", "ØSTEN ÅSLAND", NULL);
  update (store, w.application, "solution",
          "Rådgiver østen åsland og synnøve kvitravn, SYNNØVE KVITRAVN (SYNNOVE@KVITRAVN.NO) bygger den.");
  /* "Åsland" with A + combining ring (NFD), as some systems write it */
  update (store, w.decision, "reason", "Østen A\xcc\x8asland ringte.");
  startup2 = test_make (store, &spire_kind_startup, "name", "Ærlig AS", NULL);
  app2 = test_make (store, &spire_kind_application, "cohort", spire_record_get_uuid (w.cohort),
                    "startup", spire_record_get_uuid (startup2), "title", "Ærlig ØSTEN ÅSLAND",
                    "status", "received", NULL);
  for (guint g = 0; g < G_N_ELEMENTS (gone); g++)
    g_assert_true (file_contains (path, gone[g]));

  /* The dry run lists the places, whatever their case */
  g_assert_true (spire_person_erase (store, spire_record_get_uuid (upper), TRUE, &dry, &error));
  g_assert_no_error (error);
  g_assert_true (has_trace (dry, "applications", spire_record_get_uuid (w.application),
                            "solution"));
  g_assert_true (has_trace (dry, "applications", spire_record_get_uuid (app2), "title"));
  g_assert_true (has_trace (dry, "decisions", spire_record_get_uuid (w.decision), "reason"));
  g_assert_false (has_trace (dry, "applications", spire_record_get_uuid (w.application),
                             "pitch"));

  g_assert_true (spire_person_erase (store, spire_record_get_uuid (w.person), FALSE, NULL,
                                     &error));
  g_assert_no_error (error);
  g_assert_true (spire_person_erase (store, spire_record_get_uuid (upper), FALSE, &traces,
                                     &error));
  g_assert_no_error (error);
  g_clear_object (&app2);
  app2 = spire_store_get (store, &spire_kind_application, spire_record_get_uuid (w.application),
                          &error);
  g_assert_nonnull (strstr (spire_record_get_text (app2, "solution"), "Rådgiver "));
  g_assert_nonnull (strstr (spire_record_get_text (app2, "solution"), " bygger den."));
  for (guint g = 0; g < G_N_ELEMENTS (gone); g++)
    g_assert_false (file_contains (path, gone[g]));
  g_clear_object (&store);
  for (guint g = 0; g < G_N_ELEMENTS (gone); g++)
    g_assert_false (file_contains (path, gone[g]));
  world_clear (&w);
  test_tmpdir_free (dir);
}

static SpireRecord *
applicant (SpireStore *store, World *w, const char *name, const char *status)
{
  g_autoptr (SpireRecord) startup = test_make (store, &spire_kind_startup, "name", name, NULL);
  SpireRecord *person = test_make (store, &spire_kind_person, "name", name, NULL);
  g_autoptr (SpireRecord) app = test_make (
    store, &spire_kind_application, "cohort", spire_record_get_uuid (w->cohort), "startup",
    spire_record_get_uuid (startup), "contact", spire_record_get_uuid (person), "title", name,
    "status", status, NULL);

  return person;
}

static void
test_retention (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  g_autoptr (SpireRecord) rejected = NULL;
  g_autoptr (SpireRecord) accepted = NULL;
  g_autoptr (SpireRecord) panel = NULL;
  g_autoptr (SpireRecord) evaluator = NULL;
  g_autoptr (SpireRecord) after = NULL;
  g_autoptr (GPtrArray) due = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *pseudonym = NULL;
  SpireRetentionItem *item;
  g_autoptr (SpireRetentionResult) result = NULL;
  World w = { 0 };

  make_world (store, &w);
  rejected = applicant (store, &w, "Rita Avslått", "rejected");
  accepted = applicant (store, &w, "Aksel Tatt-opp", "accepted");
  panel = applicant (store, &w, "Petra Panel", "withdrawn");
  evaluator = test_make (store, &spire_kind_evaluator, "cohort", spire_record_get_uuid (w.cohort),
                         "person", spire_record_get_uuid (panel), "role", "member", NULL);

  /* No retention set: nothing is due */
  due = spire_retention_due (store, "2040-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* Closes on its end, kept six months after */
  spire_record_set_text (w.cohort, "ends_on", "2026-01-31");
  spire_record_set_int (w.cohort, "retention_months", 6);
  spire_store_update (store, w.cohort, &error);
  g_assert_no_error (error);
  closed = spire_cohort_closed_on (store, w.cohort);
  g_assert_cmpstr (closed, ==, "2026-01-31");
  due = spire_retention_due (store, "2026-07-30", &error);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = spire_retention_due (store, "2026-07-31", &error);
  g_assert_no_error (error);
  /* Rita; and Synnøve, whose application was never accepted — not Aksel
   * (accepted) nor Petra (on the panel) */
  g_assert_cmpuint (due->len, ==, 2);
  item = due->pdata[0];
  g_assert_cmpstr (item->person, ==, spire_record_get_uuid (rejected));
  g_assert_cmpstr (item->name, ==, "Rita Avslått");
  g_assert_cmpstr (item->cohort_name, ==, "Kull 2026");
  g_assert_cmpstr (item->closed_on, ==, "2026-01-31");
  g_assert_cmpstr (item->due_on, ==, "2026-07-31");
  g_assert_cmpstr (((SpireRetentionItem *) due->pdata[1])->person, ==,
                   spire_record_get_uuid (w.person));

  g_assert_true (spire_retention_apply (store, "2026-07-31", &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_erased, ==, 2);
  g_assert_cmpuint (result->copies->len, ==, 0); /* in memory: no file, no copies */
  g_assert_null (result->copies_problem);
  after = spire_store_get (store, &spire_kind_person, spire_record_get_uuid (rejected), &error);
  pseudonym = spire_person_pseudonym (spire_record_get_uuid (rejected));
  g_assert_cmpstr (spire_record_get_text (after, "name"), ==, pseudonym);
  g_clear_object (&after);
  after = spire_store_get (store, &spire_kind_person, spire_record_get_uuid (accepted), &error);
  g_assert_cmpstr (spire_record_get_text (after, "name"), ==, "Aksel Tatt-opp");
  g_clear_pointer (&due, g_ptr_array_unref);
  due = spire_retention_due (store, "2026-08-01", &error);
  g_assert_cmpuint (due->len, ==, 0);

  world_clear (&w);
}

static void
test_closed_by_phase (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *closed = NULL;
  World w = { 0 };

  make_world (store, &w);
  g_assert_null (spire_cohort_closed_on (store, w.cohort));
  update (store, w.cohort, "phase", "closed");
  closed = spire_cohort_closed_on (store, w.cohort);
  g_assert_cmpstr (closed, ==, today);
  world_clear (&w);
}

static void
test_audit_query (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) all = NULL;
  SpireAuditFilter filter = { 0 };
  World w = { 0 };
  gboolean saw_application = FALSE, saw_person = FALSE, saw_decision = FALSE;

  make_world (store, &w);
  all = spire_audit_query (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 6);

  filter.record = spire_record_get_uuid (w.application);
  rows = spire_audit_query (store, &filter, &error);
  g_assert_cmpuint (rows->len, ==, 2); /* insert, update */
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (g_hash_table_lookup (rows->pdata[i], "entity_uuid"), ==, filter.record);
  g_assert_cmpstr (g_hash_table_lookup (rows->pdata[0], "action"), ==, "update");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* By person: the person's own, the application that names them as its
   * contact, the decision whose reason names them; not Ola's */
  filter.record = NULL;
  filter.person = spire_record_get_uuid (w.person);
  rows = spire_audit_query (store, &filter, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *uuid = g_hash_table_lookup (rows->pdata[i], "entity_uuid");

      saw_application |= g_strcmp0 (uuid, spire_record_get_uuid (w.application)) == 0;
      saw_person |= g_strcmp0 (uuid, spire_record_get_uuid (w.person)) == 0;
      saw_decision |= g_strcmp0 (uuid, spire_record_get_uuid (w.decision)) == 0;
      g_assert_cmpstr (uuid, !=, spire_record_get_uuid (w.other));
    }
  g_assert_true (saw_application && saw_person && saw_decision);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Since a day */
  filter.person = NULL;
  filter.since = "2000-01-01";
  rows = spire_audit_query (store, &filter, &error);
  g_assert_cmpuint (rows->len, ==, all->len);
  g_clear_pointer (&rows, g_ptr_array_unref);
  filter.since = "2999-01-01";
  rows = spire_audit_query (store, &filter, &error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  filter.since = NULL;
  filter.limit = 3;
  rows = spire_audit_query (store, &filter, &error);
  g_assert_cmpuint (rows->len, ==, 3);

  /* An unknown person is refused */
  g_clear_pointer (&rows, g_ptr_array_unref);
  filter.person = "00000000-0000-4000-8000-000000000000";
  rows = spire_audit_query (store, &filter, &error);
  g_assert_null (rows);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND);
  world_clear (&w);
}

/* Copies migrations left */

#define OLD_PERSON "11111111-1111-4111-8111-111111111111"

/* A database at version 1 (as migration 1 made it) holding the person, and
 * the store that opens it: migrating leaves a copy beside it. */
static SpireStore *
open_migrated (const char *path)
{
  g_autofree char *sql = g_strdup_printf (
    "%s; PRAGMA user_version = 1; PRAGMA application_id = %d; "
    "INSERT INTO persons (uuid, created_at, updated_at, name, email) VALUES ('" OLD_PERSON "', "
    "'2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z', '" NAME "', '" EMAIL "');",
    _spire_schema_migration (1), SPIRE_APPLICATION_ID);
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;
  SpireStore *store;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = spire_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (spire_store_get_migration_backup (store));
  g_assert_true (file_contains (spire_store_get_migration_backup (store), NAME));
  return store;
}

static void
put_file (const char *dir, const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static gboolean
exists (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* A migrated file in a folder of its own, with the copy migrating left */
typedef struct
{
  char *dir, *path, *copy;
  SpireStore *store;
} Migrated;

static void
migrated_set_up (Migrated *m, gconstpointer data)
{
  m->dir = test_tmpdir_new ();
  m->path = g_build_filename (m->dir, "spire.db", NULL);
  m->store = open_migrated (m->path);
  m->copy = g_strdup (spire_store_get_migration_backup (m->store));
}

static void
migrated_tear_down (Migrated *m, gconstpointer data)
{
  g_clear_object (&m->store);
  test_tmpdir_free (m->dir);
  g_free (m->path);
  g_free (m->copy);
}

/* Makes @copy impossible to remove: a read-only folder; for root, who may
 * write there anyway, a folder in the copy's place. */
static void
block_copy (const char *dir, const char *copy)
{
  g_autofree char *inside = g_build_filename (copy, "x", NULL);

  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
      return;
    }
  g_assert_cmpint (g_unlink (copy), ==, 0);
  g_assert_cmpint (g_mkdir (copy, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, NAME, -1, NULL));
}

/* Undoes block_copy, so that the folder can go. */
static void
unblock_copy (const char *dir, const char *copy)
{
  g_autofree char *inside = g_build_filename (copy, "x", NULL);

  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  if (geteuid () != 0)
    return;
  g_unlink (inside);
  g_rmdir (copy);
}

/* Only the names take_backup makes are listed; an erase names them in its
 * dry run and removes them, and only them. */
static void
test_erase_removes_copies (Migrated *m, gconstpointer data)
{
  static const char *const others[] = {
    "spire.db.backup-v1-2026", "spire.db.backup-v1-20260105T100000Z.json",
    "spire.db.backup-vx-20260105T100000Z", "other.db.backup-v1-20260105T100000Z",
    "spire.db.backup-v1-20260105T100000Z-", "spire.db.backup-v1-20260105T100000Z-2x",
  };
  SpireStore *store = m->store;
  const char *dir = m->dir, *path = m->path, *copy = m->copy;
  g_autofree char *second = g_build_filename (dir, "spire.db.backup-v3-20260105T100000Z-2", NULL);
  g_autoptr (SpirePersonTraces) dry = NULL;
  g_autoptr (SpirePersonTraces) traces = NULL;
  g_autoptr (GPtrArray) copies = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    put_file (dir, others[i], NAME);
  put_file (dir, "spire.db.backup-v3-20260105T100000Z-2", NAME);
  copies = spire_store_list_migration_copies (store);
  g_assert_cmpuint (copies->len, ==, 2);
  g_assert_cmpstr (copies->pdata[0], ==, copy); /* v1 sorts before v3 */
  g_assert_cmpstr (copies->pdata[1], ==, second);

  g_assert_true (spire_person_erase (store, OLD_PERSON, TRUE, &dry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dry->copies->len, ==, 2);
  g_assert_cmpstr (dry->copies->pdata[0], ==, copy);
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_true (file_contains (path, NAME));

  g_assert_true (spire_person_erase (store, OLD_PERSON, FALSE, &traces, &error));
  g_assert_no_error (error);
  g_assert_null (traces->copies_problem);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_true (exists (dir, others[i]));
  g_assert_false (file_contains (path, NAME));
  g_assert_false (file_contains (path, EMAIL));
  g_clear_pointer (&copies, g_ptr_array_unref);
  copies = spire_store_list_migration_copies (store);
  g_assert_cmpuint (copies->len, ==, 0);

}

/* A copy that cannot be removed (a read-only folder; for root, who may
 * write there anyway, a folder in the copy's place) does not undo the
 * erase: the message names it and why. */
static void
test_erase_copy_not_removed (Migrated *m, gconstpointer data)
{
  SpireStore *store = m->store;
  const char *dir = m->dir, *path = m->path, *copy = m->copy;
  g_autoptr (SpirePersonTraces) traces = NULL;
  g_autoptr (GError) error = NULL;

  block_copy (dir, copy);
  g_assert_true (spire_person_erase (store, OLD_PERSON, FALSE, &traces, &error));
  g_assert_no_error (error);
  g_assert_nonnull (traces->copies_problem);
  g_assert_nonnull (strstr (traces->copies_problem, copy));
  g_assert_nonnull (strstr (traces->copies_problem, "could not be removed"));
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_false (file_contains (path, NAME));
  g_assert_false (file_contains (path, EMAIL));
  unblock_copy (dir, copy);
}

/* OLD_PERSON applied to a cohort that closed 2026-01-31 and keeps
 * personal data six months, and was turned down: due on 2026-07-31. */
static void
make_expired (SpireStore *store)
{
  g_autoptr (SpireRecord) program = test_make (store, &spire_kind_program, "name", "Gammelt",
                                               "kind", "accelerator", NULL);
  g_autoptr (SpireRecord) cohort = test_make (
    store, &spire_kind_cohort, "program", spire_record_get_uuid (program), "name", "Kull 2025",
    "phase", "closed", "seats", (gint64) 2, "ends_on", "2026-01-31", "retention_months",
    (gint64) 6, NULL);
  g_autoptr (SpireRecord) startup = test_make (store, &spire_kind_startup, "name", "Avslag AS",
                                               NULL);
  g_autoptr (SpireRecord) app = test_make (
    store, &spire_kind_application, "cohort", spire_record_get_uuid (cohort), "startup",
    spire_record_get_uuid (startup), "contact", OLD_PERSON, "title", "Sensorer", "status",
    "rejected", NULL);
}

/* Retention removes the migrations' copies as a person's erase does. */
static void
test_retention_removes_copies (Migrated *m, gconstpointer data)
{
  SpireStore *store = m->store;
  const char *path = m->path, *copy = m->copy;
  g_autoptr (SpireRetentionResult) result = NULL;
  g_autoptr (GError) error = NULL;

  make_expired (store);
  g_assert_true (spire_retention_apply (store, "2026-07-31", &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_erased, ==, 1);
  g_assert_cmpuint (result->copies->len, ==, 1);
  g_assert_cmpstr (result->copies->pdata[0], ==, copy);
  g_assert_null (result->copies_problem);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_false (file_contains (path, NAME));
  g_assert_false (file_contains (path, EMAIL));

}

/* A copy retention cannot remove leaves its erase standing; the message
 * names the copy and why. */
static void
test_retention_copy_not_removed (Migrated *m, gconstpointer data)
{
  SpireStore *store = m->store;
  const char *dir = m->dir, *path = m->path, *copy = m->copy;
  g_autoptr (SpireRetentionResult) result = NULL;
  g_autoptr (GError) error = NULL;

  make_expired (store);
  block_copy (dir, copy);
  g_assert_true (spire_retention_apply (store, "2026-07-31", &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_erased, ==, 1);
  g_assert_nonnull (result->copies_problem);
  g_assert_nonnull (strstr (result->copies_problem, copy));
  g_assert_nonnull (strstr (result->copies_problem, "could not be removed"));
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_false (file_contains (path, NAME));
  unblock_copy (dir, copy);
}

/* The erases as long work */

static void
on_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
on_changed_cb (SpireStore *store, const char *table, gpointer user_data)
{
  gboolean *persons = user_data;

  if (g_strcmp0 (table, "persons") == 0)
    *persons = TRUE;
}

static void
on_progress_cb (double fraction, gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* spire_person_erase_async does what spire_person_erase does (same places,
 * copies removed, nothing left in the file), on the job's connection: the
 * caller's store says persons changed and is free again afterwards. */
static void
test_erase_async (Migrated *m, gconstpointer data)
{
  char *dir2 = test_tmpdir_new ();
  g_autofree char *path2 = g_build_filename (dir2, "spire.db", NULL);
  g_autoptr (SpireStore) sync_store = open_migrated (path2);
  SpireStore *store = m->store;
  const char *path = m->path, *copy = m->copy;
  g_autoptr (SpirePersonTraces) sync = NULL;
  g_autoptr (SpirePersonTraces) async = NULL;
  g_autoptr (SpirePersonTraces) dry = NULL;
  g_autoptr (SpirePersonTraces) preview = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  g_autoptr (SpireRecord) after = NULL;
  g_autoptr (GError) error = NULL;
  gboolean persons = FALSE;

  g_assert_true (spire_person_erase (sync_store, OLD_PERSON, FALSE, &sync, &error));
  g_assert_no_error (error);

  /* The preview on a worker lists what the dry run lists, and changes
   * nothing */
  g_assert_true (spire_person_erase (store, OLD_PERSON, TRUE, &dry, &error));
  g_assert_no_error (error);
  spire_person_erase_preview_async (store, OLD_PERSON, NULL, on_done_cb, &result);
  preview = spire_person_erase_preview_finish (store, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->items->len, >, 0);
  g_assert_cmpuint (preview->items->len, ==, dry->items->len);
  g_assert_cmpstr (preview->pseudonym, ==, dry->pseudonym);
  g_assert_cmpuint (preview->copies->len, ==, 1);
  g_clear_object (&result);
  g_assert_true (file_contains (path, NAME));

  /* Cancelled before it starts: nothing changes */
  g_cancellable_cancel (cancelled);
  spire_person_erase_async (store, OLD_PERSON, cancelled, on_done_cb, &result);
  g_assert_null (spire_person_erase_finish (store, wait_result (&result), &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_true (file_contains (path, NAME));
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));

  g_signal_connect (store, "changed", G_CALLBACK (on_changed_cb), &persons);
  spire_person_erase_async (store, OLD_PERSON, NULL, on_done_cb, &result);
  async = spire_person_erase_finish (store, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (persons);
  g_assert_cmpstr (async->pseudonym, ==, sync->pseudonym);
  g_assert_cmpuint (async->items->len, ==, sync->items->len);
  for (guint i = 0; i < sync->items->len; i++)
    {
      SpirePersonTrace *a = async->items->pdata[i], *b = sync->items->pdata[i];

      g_assert_cmpstr (a->table, ==, b->table);
      g_assert_cmpstr (a->uuid, ==, b->uuid);
      g_assert_cmpstr (a->field, ==, b->field);
    }
  g_assert_cmpuint (async->copies->len, ==, 1);
  g_assert_null (async->copies_problem);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_false (file_contains (path, NAME));
  g_assert_false (file_contains (path, EMAIL));
  /* The caller's store sees the erase and can write again */
  after = spire_store_get (store, &spire_kind_person, OLD_PERSON, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (after, "name"), ==, sync->pseudonym);
  update (store, after, "phone", "+47 400 00 000");

  g_clear_object (&sync_store);
  test_tmpdir_free (dir2);
}

/* spire_retention_apply_async erases whom spire_retention_apply would and
 * removes the copies; in memory it runs at once on the caller's store. */
static void
test_retention_async (Migrated *m, gconstpointer data)
{
  g_autoptr (SpireStore) memory = spire_store_new_memory (NULL);
  SpireStore *store = m->store;
  const char *path = m->path, *copy = m->copy;
  g_autofree char *pseudonym = spire_person_pseudonym (OLD_PERSON);
  g_autoptr (SpireRetentionResult) done = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (SpireRecord) after = NULL;
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GError) error = NULL;
  gboolean persons = FALSE;
  double fraction = 0;
  World w = { 0 };

  make_expired (store);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed_cb), &persons);
  spire_retention_apply_async (store, "2026-07-31", NULL, on_progress_cb, &fraction, on_done_cb,
                               &result);
  done = spire_retention_apply_finish (store, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (persons);
  g_assert_cmpuint (done->n_erased, ==, 1);
  g_assert_cmpuint (done->copies->len, ==, 1);
  g_assert_null (done->copies_problem);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_false (file_contains (path, NAME));
  after = spire_store_get (store, &spire_kind_person, OLD_PERSON, &error);
  g_assert_cmpstr (spire_record_get_text (after, "name"), ==, pseudonym);
  due = spire_retention_due (store, "2026-07-31", &error);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);
  g_clear_pointer (&done, spire_retention_result_free);
  g_clear_object (&result);

  /* In memory: the same, with no file and no copies */
  make_world (memory, &w);
  spire_record_set_text (w.cohort, "ends_on", "2026-01-31");
  spire_record_set_int (w.cohort, "retention_months", 6);
  spire_store_update (memory, w.cohort, &error);
  g_assert_no_error (error);
  fraction = 0;
  spire_retention_apply_async (memory, "2026-07-31", NULL, on_progress_cb, &fraction, on_done_cb,
                               &result);
  done = spire_retention_apply_finish (memory, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (done->n_erased, ==, 1);
  g_assert_cmpfloat (fraction, >, 0); /* over the rows read (at once, in memory) */
  g_assert_cmpuint (done->copies->len, ==, 0);
  due = spire_retention_due (memory, "2026-07-31", &error);
  g_assert_cmpuint (due->len, ==, 0);

  world_clear (&w);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/privacy/erase-dry-run", test_dry_run);
  g_test_add_func ("/privacy/erase-leaves-no-trace", test_erase_leaves_no_trace);
  g_test_add_func ("/privacy/erase-folds-every-letter", test_erase_folds_every_letter);
  g_test_add_func ("/privacy/erase-keeps-namesakes", test_erase_keeps_namesakes);
  g_test_add ("/privacy/erase-removes-copies", Migrated, NULL, migrated_set_up, test_erase_removes_copies, migrated_tear_down);
  g_test_add ("/privacy/erase-copy-not-removed", Migrated, NULL, migrated_set_up, test_erase_copy_not_removed, migrated_tear_down);
  g_test_add_func ("/privacy/retention", test_retention);
  g_test_add ("/privacy/retention-removes-copies", Migrated, NULL, migrated_set_up, test_retention_removes_copies, migrated_tear_down);
  g_test_add ("/privacy/retention-copy-not-removed", Migrated, NULL, migrated_set_up, test_retention_copy_not_removed, migrated_tear_down);
  g_test_add ("/privacy/erase-async", Migrated, NULL, migrated_set_up, test_erase_async, migrated_tear_down);
  g_test_add ("/privacy/retention-async", Migrated, NULL, migrated_set_up, test_retention_async, migrated_tear_down);
  g_test_add_func ("/privacy/closed-by-phase", test_closed_by_phase);
  g_test_add_func ("/privacy/audit-query", test_audit_query);
  return g_test_run ();
}
