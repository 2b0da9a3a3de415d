/* test-privacy-batch.c — retention erases everyone due in one scan, with
 * the result of their erases one after another; Cancel changes nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <sqlite3.h>
#include <string.h>

#include "spire-privacy-private.h"
#include "test-helpers.h"

#define TODAY "2026-07-31"

/* The people of the fixture, by UUID */
typedef struct
{
  char *synnove, *kari_b, *kari_c, *namesake;
} People;

static void
people_clear (People *p)
{
  g_free (p->synnove);
  g_free (p->kari_b);
  g_free (p->kari_c);
  g_free (p->namesake);
}

static void
update (SpireStore *store, SpireRecord *r, const char *field, const char *value)
{
  g_autoptr (GError) error = NULL;

  spire_record_set_text (r, field, value);
  spire_store_update (store, r, &error);
  g_assert_no_error (error);
}

/* An applicant of @cohort: a startup, its contact person and the
 * application, whose status changes (the audit keeps the texts). */
static SpireRecord *
applicant (SpireStore *store, SpireRecord *cohort, const char *name, const char *email,
           const char *phone, const char *pitch, const char *status, char **application_uuid)
{
  g_autoptr (SpireRecord) startup = test_make (store, &spire_kind_startup, "name", "AS", NULL);
  SpireRecord *person = test_make (store, &spire_kind_person, "name", name, "email", email,
                                   "phone", phone, "startup", spire_record_get_uuid (startup),
                                   NULL);
  g_autoptr (SpireRecord) application = test_make (
    store, &spire_kind_application, "cohort", spire_record_get_uuid (cohort), "startup",
    spire_record_get_uuid (startup), "contact", spire_record_get_uuid (person), "title", "Idé",
    "status", "received", "pitch", pitch, NULL);

  update (store, application, "status", status);
  if (application_uuid != NULL)
    *application_uuid = g_strdup (spire_record_get_uuid (application));
  return person;
}

/* A closed cohort whose retention has run out on TODAY, three applicants
 * of it who were not accepted (two of them named Kari Nordmann) and a
 * namesake of one of them in a cohort still kept.  The texts name two of
 * them at once; the audit holds their past phone numbers and the texts
 * before and after. */
static void
make_fixture (SpireStore *store, People *p)
{
  g_autofree char *application = NULL;
  g_autoptr (SpireRecord) program = test_make (store, &spire_kind_program, "name", "SmartOslo",
                                               "kind", "accelerator", NULL);
  g_autoptr (SpireRecord) closed = test_make (
    store, &spire_kind_cohort, "program", spire_record_get_uuid (program), "name", "Kull 2025",
    "phase", "closed", "seats", (gint64) 2, "ends_on", "2026-01-31", "retention_months",
    (gint64) 6, NULL);
  g_autoptr (SpireRecord) open = test_make (store, &spire_kind_cohort, "program",
                                            spire_record_get_uuid (program), "name", "Kull 2026",
                                            "phase", "evaluation", "seats", (gint64) 2, NULL);
  g_autoptr (SpireRecord) synnove = applicant (
    store, closed, "Synnøve Kvitravn", "synnove@kvitravn.no", "+47 900 00 000",
    "Synnøve Kvitravn og Kari Nordmann (kari@nordmann.no) bygger dette.", "rejected", &application);
  g_autoptr (SpireRecord) kari_b = applicant (
    store, closed, "Kari Nordmann", "kari@nordmann.no", "+47 911 11 111",
    "Ringte kari@nordmann.no og SYNNØVE KVITRAVN, +4791111111.", "withdrawn", NULL);
  g_autoptr (SpireRecord) kari_c = applicant (store, closed, "Kari Nordmann", "kari@c.no",
                                              "+47 922 22 222", "Kari Nordmann, kari@c.no.",
                                              "rejected", NULL);
  g_autoptr (SpireRecord) namesake = applicant (store, open, "Synnøve Kvitravn",
                                                "sk@annen.no", "+47 933 33 333",
                                                "Søker alene.", "in_review", NULL);
  g_autoptr (SpireRecord) decision = NULL;

  update (store, synnove, "phone", "+47 912 34 567"); /* the audit holds both */
  update (store, kari_c, "organisation", "Nordmann Kari Nordmann AS");
  update (store, namesake, "phone", "+47 944 44 444"); /* the namesake's own audit entry */
  update (store, namesake, "organisation", "Mentor: kari@nordmann.no");
  decision = test_make (store, &spire_kind_decision, "application",
                        application, "to_status", "rejected", "decided_by",
                        "Programleder", "decided_at", "2026-03-01T10:00:00Z", "reason",
                        "Kari Nordmann (kari@c.no) og Synnøve Kvitravn, +47 912 34 567.", NULL);
  p->synnove = g_strdup (spire_record_get_uuid (synnove));
  p->kari_b = g_strdup (spire_record_get_uuid (kari_b));
  p->kari_c = g_strdup (spire_record_get_uuid (kari_c));
  p->namesake = g_strdup (spire_record_get_uuid (namesake));
}

/* Every row of every table as text, in order; the "at" of the erases' own
 * audit entries (the clock) left out. */
static char *
dump (const char *path)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                       "name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &tables, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", table);
      sqlite3_stmt *rows = NULL;
      gboolean audit = g_str_equal (table, "audit");

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          gboolean erase = audit && g_strcmp0 ((const char *) sqlite3_column_text (rows, 5),
                                               "erase") == 0;

          g_string_append (out, table);
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            g_string_append_printf (out, "\t%s",
                                    erase && c == 1 ? "AT"
                                    : sqlite3_column_type (rows, c) == SQLITE_NULL
                                      ? "NULL"
                                      : (const char *) sqlite3_column_text (rows, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* The fixture in @dir/spire.db, closed (its WAL folded in), and copies
 * of it named @copies. */
static void
make_files (const char *dir, People *p, const char *const *copies)
{
  g_autofree char *path = g_build_filename (dir, "spire.db", NULL);
  g_autoptr (GError) error = NULL;
  SpireStore *store = spire_store_open (path, &error);

  g_assert_no_error (error);
  make_fixture (store, p);
  g_object_unref (store);
  for (guint i = 0; copies[i] != NULL; i++)
    {
      g_autofree char *to = g_build_filename (dir, copies[i], NULL);
      g_autoptr (GFile) source = g_file_new_for_path (path);
      g_autoptr (GFile) dest = g_file_new_for_path (to);

      g_assert_true (g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
}

static char *
person_field (SpireStore *store, const char *uuid, const char *field)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) person = spire_store_get (store, &spire_kind_person, uuid, &error);

  g_assert_no_error (error);
  return g_strdup (spire_record_get_text (person, field));
}

/* What retention does in one pass is what erasing its people one after
 * another in its order does: compared over every table's text. */
static void
test_batch_is_one_by_one (void)
{
  static const char *const copies[] = { "one-by-one.db", NULL };
  char *dir = test_tmpdir_new ();
  g_autofree char *batch_path = g_build_filename (dir, "spire.db", NULL);
  g_autofree char *single_path = g_build_filename (dir, "one-by-one.db", NULL);
  g_autofree char *batch_dump = NULL, *single_dump = NULL;
  g_autoptr (SpireRetentionResult) result = NULL;
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GError) error = NULL;
  SpireStore *store;
  People p = { 0 };

  make_files (dir, &p, copies);

  /* One by one, in the order retention lists them */
  store = spire_store_open (single_path, &error);
  g_assert_no_error (error);
  due = spire_retention_due (store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 3);
  for (guint i = 0; i < due->len; i++)
    {
      g_autoptr (SpirePersonTraces) traces = NULL;

      g_assert_true (spire_person_erase (store, ((SpireRetentionItem *) due->pdata[i])->person,
                                         FALSE, &traces, &error));
      g_assert_no_error (error);
    }
  g_object_unref (store);

  /* All at once */
  store = spire_store_open (batch_path, &error);
  g_assert_no_error (error);
  g_assert_true (spire_retention_apply (store, TODAY, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_erased, ==, 3);
  {
    g_autofree char *b = person_field (store, p.kari_b, "name");
    g_autofree char *c = person_field (store, p.kari_c, "name");
    g_autofree char *b_pseudonym = spire_person_pseudonym (p.kari_b);
    g_autofree char *c_pseudonym = spire_person_pseudonym (p.kari_c);
    g_autofree char *namesake = person_field (store, p.namesake, "name");
    g_autofree char *email = person_field (store, p.namesake, "email");

    /* Two erased Kari Nordmann: each their own pseudonym; the namesake
     * who is kept keeps her own fields */
    g_assert_cmpstr (b, ==, b_pseudonym);
    g_assert_cmpstr (c, ==, c_pseudonym);
    g_assert_cmpstr (namesake, ==, "Synnøve Kvitravn");
    g_assert_cmpstr (email, ==, "sk@annen.no");
  }
  g_object_unref (store);

  batch_dump = dump (batch_path);
  single_dump = dump (single_path);
  g_assert_cmpstr (batch_dump, ==, single_dump);
  /* and the erase did happen: no text names them, but the namesake's own */
  g_assert_null (strstr (batch_dump, "kari@nordmann.no"));
  g_assert_null (strstr (batch_dump, "Kari Nordmann"));
  g_assert_null (strstr (batch_dump, "SYNNØVE"));
  g_assert_nonnull (strstr (batch_dump, "Synnøve Kvitravn"));

  people_clear (&p);
  test_tmpdir_free (dir);
}

static void
on_progress_cancel_cb (double fraction, gpointer data)
{
  g_cancellable_cancel (data);
}

/* Cancel while the texts are read: the file holds what it held. */
static void
test_batch_cancel (void)
{
  static const char *const copies[] = { "before.db", NULL };
  char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "spire.db", NULL);
  g_autofree char *before_path = g_build_filename (dir, "before.db", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (SpireRetentionResult) result = NULL;
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GError) error = NULL;
  SpireStore *store;
  People p = { 0 };

  make_files (dir, &p, copies);
  store = spire_store_open (path, &error);
  g_assert_no_error (error);
  /* Cancelled at the first progress: after the first column */
  g_assert_false (_spire_retention_apply_full (store, TODAY, cancellable, on_progress_cancel_cb,
                                               cancellable, &result, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED);
  g_assert_null (result);
  g_clear_error (&error);
  due = spire_retention_due (store, TODAY, &error);
  g_assert_cmpuint (due->len, ==, 3);
  g_object_unref (store);

  before = dump (before_path);
  after = dump (path);
  g_assert_cmpstr (after, ==, before);

  people_clear (&p);
  test_tmpdir_free (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/privacy/batch-is-one-by-one", test_batch_is_one_by_one);
  g_test_add_func ("/privacy/batch-cancel", test_batch_cancel);
  return g_test_run ();
}
