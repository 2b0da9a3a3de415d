/* test-innsyn.c — innsyn: the requested documents with every confidential
 * field replaced by the mark of its legal basis, panel members not named,
 * the request recorded with what was given and withheld, nothing else
 * changed; an unknown UUID writes and records nothing
 *
 * PDFs are read with pdftotext (poppler-utils); those checks are skipped
 * when it is not installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "spire-core.h"
#include "spire-privacy.h"
#include "test-helpers.h"

#define SECRET_1 "Kvantesortering av avfall med hemmelig algoritme"
#define SECRET_2 "Kundeliste: Oslo kommune, Bergen kommune"
#define EVALUATOR "Evaluator Hansen"
#define MARK_NB "[Unntatt offentlighet: offl. § 13, jf. fvl. § 13 første ledd nr. 2]"
#define MARK_EN "[Exempt from public access: Freedom of Information Act § 13, cf. Public " \
                "Administration Act § 13 first paragraph no. 2]"

typedef struct
{
  char *dir;
  SpireStore *store;
  SpireRecord *cohort, *application, *other;
} Fixture;

static gboolean
have_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  return path != NULL;
}

static SpireRecord *
make_application (Fixture *f, const char *startup_name, const char *title, const char *secret)
{
  g_autoptr (SpireRecord) startup = test_make (f->store, &spire_kind_startup, "name",
                                               startup_name, NULL);

  return test_make (f->store, &spire_kind_application, "cohort",
                    spire_record_get_uuid (f->cohort), "startup",
                    spire_record_get_uuid (startup), "title", title, "status", "rejected",
                    "pitch", "Sortering av avfall i sanntid.", "confidential", secret, NULL);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) program = NULL, rubric = NULL, criterion = NULL, person = NULL;
  g_autoptr (SpireRecord) evaluator = NULL, review = NULL, score = NULL, decision = NULL;
  g_autofree char *path = NULL;

  f->dir = test_tmpdir_new ();
  path = g_build_filename (f->dir, "spire.db", NULL);
  f->store = spire_store_open (path, &error);
  g_assert_no_error (error);
  program = test_make (f->store, &spire_kind_program, "name", "SmartOslo", "kind",
                       "accelerator", NULL);
  f->cohort = test_make (f->store, &spire_kind_cohort, "program",
                         spire_record_get_uuid (program), "name", "Kull 2026", "phase",
                         "decided", "seats", (gint64) 4, "blind", TRUE, NULL);
  f->application = make_application (f, "Kvitravn AS", "Sensorplattform", SECRET_1);
  f->other = make_application (f, "Nordlys Robotikk AS", "Robotarm", SECRET_2);
  rubric = test_make (f->store, &spire_kind_rubric, "cohort", spire_record_get_uuid (f->cohort),
                      "scale_min", (gint64) 1, "scale_max", (gint64) 7, "aggregation", "mean",
                      "normalisation", "none", "version", (gint64) 1, NULL);
  criterion = test_make (f->store, &spire_kind_criterion, "rubric",
                         spire_record_get_uuid (rubric), "position", (gint64) 1, "name",
                         "Gjennomførbarhet", "weight", 1.0, "kind", "scored", NULL);
  person = test_make (f->store, &spire_kind_person, "name", EVALUATOR, NULL);
  evaluator = test_make (f->store, &spire_kind_evaluator, "cohort",
                         spire_record_get_uuid (f->cohort), "person",
                         spire_record_get_uuid (person), "role", "member", NULL);
  review = test_make (f->store, &spire_kind_review, "evaluator",
                      spire_record_get_uuid (evaluator), "application",
                      spire_record_get_uuid (f->application), "state", "submitted",
                      "recommendation", "no", "summary", "Lovende, men umoden teknologi.",
                      "submitted_at", "2026-03-01T10:00:00Z", NULL);
  score = test_make (f->store, &spire_kind_score, "review", spire_record_get_uuid (review),
                     "criterion", spire_record_get_uuid (criterion), "value", 3.0, NULL);
  decision = test_make (f->store, &spire_kind_decision, "application",
                        spire_record_get_uuid (f->application), "to_status", "rejected",
                        "decided_by", "Programleder", "decided_at", "2026-03-10T10:00:00Z",
                        "reason", "Lav modenhet etter panelets vurdering.", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->application);
  g_clear_object (&f->other);
  g_clear_object (&f->cohort);
  g_clear_object (&f->store);
  test_tmpdir_free (f->dir);
}

/* The PDF's text with every run of white space made one space (pdftotext
 * breaks lines where the table cell wraps). */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto (GStrv) words = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  words = g_regex_split_simple ("\\s+", out, 0, 0);
  return g_strjoinv (" ", words);
}

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

static JsonArray *
parse_array (const char *json, JsonParser **parser)
{
  g_autoptr (GError) error = NULL;

  *parser = json_parser_new ();
  json_parser_load_from_data (*parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (*parser)));
  return json_node_get_array (json_parser_get_root (*parser));
}

static void
check_recorded (Fixture *f, const char *uuid, const char *requester, guint n_withheld)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) request = NULL;
  g_autoptr (JsonParser) parser = NULL;
  g_autofree char *today = spire_today ();
  JsonArray *withheld;

  request = spire_store_get (f->store, &spire_kind_innsyn_request, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (request, "requester"), ==, requester);
  g_assert_cmpstr (spire_record_get_text (request, "received_on"), ==, "2026-11-20");
  g_assert_cmpstr (spire_record_get_text (request, "answered_on"), ==, today);
  g_assert_nonnull (strstr (spire_record_get_text (request, "given"),
                            spire_record_get_uuid (f->application)));
  withheld = parse_array (spire_record_get_text (request, "withheld"), &parser);
  g_assert_cmpuint (json_array_get_length (withheld), ==, n_withheld);
  for (guint i = 0; i < n_withheld; i++)
    {
      JsonObject *o = json_array_get_object_element (withheld, i);

      g_assert_cmpstr (json_object_get_string_member (o, "table"), ==, "applications");
      g_assert_cmpstr (json_object_get_string_member (o, "field"), ==, "confidential");
      g_assert_nonnull (strstr (json_object_get_string_member (o, "basis"), "offl. § 13"));
    }
}

static void
test_application (Fixture *f, gconstpointer data)
{
  static const struct { SpireLanguage lang; const char *mark, *label; } cases[] = {
    { SPIRE_LANGUAGE_NB, MARK_NB, "Delt i fortrolighet " MARK_NB },
    { SPIRE_LANGUAGE_EN, MARK_EN, "Shared in confidence " MARK_EN },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) audit_before = spire_store_list_audit (f->store, NULL, 0, NULL);
  g_autoptr (SpireRecord) after = NULL;

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *pdf = g_build_filename (f->dir, "innsyn.pdf", NULL);
      g_autofree char *uuid = NULL;
      g_autofree char *text = NULL;
      SpireInnsynParams request = { spire_record_get_uuid (f->application), NULL,
                                    "Journalist Kari", "2026-11-20" };

      g_assert_true (spire_innsyn_export (f->store, &request, cases[c].lang, pdf, &uuid, &error));
      g_assert_no_error (error);
      check_recorded (f, uuid, "Journalist Kari", 1);
      if (!have_pdftotext ())
        {
          g_test_skip ("poppler-utils (pdftotext) is not installed");
          continue;
        }
      text = pdf_text (pdf);
      g_assert_null (strstr (text, "Kvantesortering"));
      g_assert_null (strstr (text, "hemmelig algoritme"));
      g_assert_null (strstr (text, EVALUATOR));
      g_assert_null (strstr (text, "Robotarm")); /* only the application asked for */
      /* The mark where the field was, and once in the explanation */
      g_assert_nonnull (strstr (text, cases[c].label));
      g_assert_cmpuint (count (text, cases[c].mark), ==, 2);
      g_assert_nonnull (strstr (text, "Sensorplattform"));
      g_assert_nonnull (strstr (text, "Sortering av avfall i sanntid."));
      g_assert_nonnull (strstr (text, "Lovende, men umoden teknologi."));
      g_assert_nonnull (strstr (text, "Lav modenhet etter panelets vurdering."));
      g_assert_nonnull (strstr (text, "Journalist Kari"));
      g_unlink (pdf);
    }

  /* Nothing else changed: the application as it was, one audit entry per
   * request recorded */
  after = spire_store_get (f->store, &spire_kind_application,
                           spire_record_get_uuid (f->application), &error);
  g_assert_true (spire_record_equal (after, f->application));
  {
    g_autoptr (GPtrArray) audit = spire_store_list_audit (f->store, NULL, 0, NULL);

    g_assert_cmpuint (audit->len, ==, audit_before->len + 2);
    for (guint i = 0; i < 2; i++)
      g_assert_cmpstr (g_hash_table_lookup (audit->pdata[i], "entity"), ==, "innsyn_request");
  }
}

static void
test_cohort (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "kull.pdf", NULL);
  g_autofree char *uuid = NULL;
  g_autofree char *text = NULL;
  SpireInnsynParams request = { NULL, spire_record_get_uuid (f->cohort), "Ola", "2026-11-20" };

  g_assert_true (spire_innsyn_export (f->store, &request, SPIRE_LANGUAGE_NN, pdf, &uuid, &error));
  g_assert_no_error (error);
  check_recorded (f, uuid, "Ola", 2);
  if (!have_pdftotext ())
    {
      g_test_skip ("poppler-utils (pdftotext) is not installed");
      return;
    }
  text = pdf_text (pdf);
  g_assert_null (strstr (text, "Kvantesortering"));
  g_assert_null (strstr (text, "Kundeliste"));
  g_assert_null (strstr (text, EVALUATOR));
  g_assert_nonnull (strstr (text, "Sensorplattform"));
  g_assert_nonnull (strstr (text, "Robotarm"));
  g_assert_cmpuint (count (text, "Delt i fortrulegheit [Unnateke offentlegheit: offl. § 13, "
                                 "jf. fvl. § 13 første ledd nr. 2]"),
                    ==, 2);
}

static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "none.pdf", NULL);
  SpireInnsynParams unknown = { "00000000-0000-4000-8000-000000000000", NULL, NULL, NULL };
  SpireInnsynParams both = { spire_record_get_uuid (f->application),
                             spire_record_get_uuid (f->cohort), NULL, NULL };
  SpireInnsynParams bad_date = { spire_record_get_uuid (f->application), NULL, NULL,
                                 "2026-02-30" };

  g_assert_false (spire_innsyn_export (f->store, &unknown, SPIRE_LANGUAGE_EN, pdf, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (spire_innsyn_export (f->store, &both, SPIRE_LANGUAGE_EN, pdf, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (spire_innsyn_export (f->store, &bad_date, SPIRE_LANGUAGE_EN, pdf, NULL,
                                       &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_error (&error);
  bad_date.received_on = "2999-01-01";
  g_assert_false (spire_innsyn_export (f->store, &bad_date, SPIRE_LANGUAGE_EN, pdf, NULL,
                                       &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_innsyn_request, NULL, NULL), ==, 0);
}

typedef struct
{
  GMainLoop *loop;
  char *uuid;
  GError *error;
  double progress;
  guint n_changed;
} Async;

static void
on_exported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Async *a = user_data;

  a->uuid = spire_innsyn_export_finish (SPIRE_STORE (source), result, &a->error);
  g_main_loop_quit (a->loop);
}

static void
on_progress_cb (double fraction, gpointer user_data)
{
  ((Async *) user_data)->progress = fraction;
}

static void
on_changed_cb (SpireStore *store, const char *table, Async *a)
{
  a->n_changed++;
}

/* As long work: written on the job's own connection with progress, the
 * window's store told; cancelled, no file and no record. */
static void
test_async (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "async.pdf", NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  Async a = { g_main_loop_new (NULL, FALSE) };
  SpireInnsynParams request = { NULL, spire_record_get_uuid (f->cohort), "Journalist Kari",
                                "2026-11-20" };

  g_signal_connect (f->store, "changed::innsyn_requests", G_CALLBACK (on_changed_cb), &a);
  spire_innsyn_export_async (f->store, &request, SPIRE_LANGUAGE_NB, pdf, NULL, on_progress_cb,
                             &a, on_exported_cb, &a);
  g_main_loop_run (a.loop);
  g_assert_no_error (a.error);
  g_assert_nonnull (a.uuid);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpfloat (a.progress, >, 0.0);
  g_assert_cmpuint (a.n_changed, ==, 1);
  check_recorded (f, a.uuid, "Journalist Kari", 2);
  g_clear_pointer (&a.uuid, g_free);
  g_unlink (pdf);

  g_cancellable_cancel (cancellable);
  spire_innsyn_export_async (f->store, &request, SPIRE_LANGUAGE_NB, pdf, cancellable, NULL,
                             NULL, on_exported_cb, &a);
  g_main_loop_run (a.loop);
  g_assert_error (a.error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED);
  g_assert_null (a.uuid);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_innsyn_request, NULL, NULL), ==, 1);
  g_clear_error (&a.error);
  g_signal_handlers_disconnect_by_data (f->store, &a);
  g_main_loop_unref (a.loop);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/innsyn/application", Fixture, NULL, fixture_set_up, test_application,
              fixture_tear_down);
  g_test_add ("/innsyn/cohort", Fixture, NULL, fixture_set_up, test_cohort, fixture_tear_down);
  g_test_add ("/innsyn/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/innsyn/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);
  return g_test_run ();
}
