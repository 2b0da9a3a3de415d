/* test-package.c — evaluation packages and signed score sheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "spire-core.h"
#include "test-helpers.h"

typedef struct
{
  char *dir;
  SpireStore *store; /* the program manager's database */
  SpireStore *edb;   /* Kari's evaluator database, once opened */
  GPtrArray *strings;
  const char *program, *cohort, *oslo, *challenge, *rubric;
  const char *c_team, *c_market, *c_note, *c_gate;
  const char *kari, *per;
  const char *startups[5], *contacts[5], *apps[5];
} W;

/* Helpers */

/* Asserts a conflict was declared and lets go of it. */
static void
declared (SpireRecord *conflict)
{
  g_assert_nonnull (conflict);
  g_object_unref (conflict);
}

static const char *
keep (W *w, char *s)
{
  g_ptr_array_add (w->strings, s);
  return s;
}

static char *
path (W *w, const char *name)
{
  return g_build_filename (w->dir, name, NULL);
}

static const char *
add (W *w, const SpireKind *kind, ...)
{
  va_list ap;
  char *uuid;

  va_start (ap, kind);
  uuid = test_add_from_text (w->store, kind, ap);
  va_end (ap);
  return keep (w, uuid);
}

static const char *
orgnr (W *w, guint n)
{
  return keep (w, test_valid_orgnr (92000000 + n * 17));
}

static SpireStore *
open_db (const char *file)
{
  g_autoptr (GError) error = NULL;
  SpireStore *store = spire_store_open (file, &error);

  g_assert_no_error (error);
  return store;
}

static void
remove_db (const char *file)
{
  g_autofree char *wal = g_strconcat (file, "-wal", NULL);
  g_autofree char *shm = g_strconcat (file, "-shm", NULL);

  g_unlink (file);
  g_unlink (wal);
  g_unlink (shm);
}

static void
setup (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (SpireRecord) c = NULL;
  g_autoptr (SpireRecord) ev = NULL;
  g_autofree char *manager = NULL;
  gboolean blind = GPOINTER_TO_INT (data);
  const char *names[] = { "Nordlys AS", "Fjordkraft Lab AS", "Solkraft AS", "Havbris AS",
                          "Granskog AS" };
  const char *titles[] = { "Smart varmestyring", "Bølgekraft", "Solceller på tak", "Havvind",
                           "Skogsdata" };
  const char *hosts[] = { "nordlys.no", "fjordkraftlab.no", "solkraft.no", "havbris.no",
                          "granskog.no" };

  w->dir = g_dir_make_tmp ("spire-package-XXXXXX", &error);
  g_assert_no_error (error);
  w->strings = g_ptr_array_new_with_free_func (g_free);
  manager = path (w, "manager.db");
  w->store = open_db (manager);
  spire_store_set_actor (w->store, "Programleder");

  w->program = add (w, &spire_kind_program, "name", "SmartOslo Akselerator", "kind",
                    "accelerator", NULL);
  w->cohort = add (w, &spire_kind_cohort, "program", w->program, "name", "Kull 2026", "phase",
                   "evaluation", "seats", "4", "blind", blind ? "1" : "0", NULL);
  w->oslo = add (w, &spire_kind_public_body, "name", "Oslo kommune", "kind", "municipality", NULL);
  w->challenge = add (w, &spire_kind_challenge, "cohort", w->cohort, "owner", w->oslo, "title",
                      "Tomme bygg som varmes opp", "need", "Kommunen eier over 600 bygg.", NULL);
  rubric = spire_rubric_create (w->store, w->cohort, &error);
  g_assert_no_error (error);
  w->rubric = keep (w, g_strdup (spire_record_get_uuid (rubric)));
#define CRIT(var, name, weight, kind)                                                          \
  c = spire_rubric_add_criterion (w->store, w->rubric, name, "Look at the evidence.", weight,  \
                                  kind, &error);                                               \
  g_assert_no_error (error);                                                                   \
  var = keep (w, g_strdup (spire_record_get_uuid (c)));                                        \
  g_clear_object (&c);
  CRIT (w->c_team, "Team", 2, "scored")
  CRIT (w->c_market, "Market", 1, "scored")
  CRIT (w->c_note, "Fit with the challenge", 0, "not_counted")
  CRIT (w->c_gate, "Registered in Norway", 0, "gate")
#undef CRIT

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *web = g_strdup_printf ("https://%s", hosts[i]);
      g_autofree char *mail = g_strdup_printf ("post@%s", hosts[i]);

      w->startups[i] = add (w, &spire_kind_startup, "name", names[i], "orgnr", orgnr (w, i),
                            "website", web, NULL);
      w->contacts[i] = add (w, &spire_kind_person, "name", "Ola Gründer", "email", mail,
                            "phone", "+47 912 34 567", "startup", w->startups[i], NULL);
      w->apps[i] = add (w, &spire_kind_application, "cohort", w->cohort, "startup", w->startups[i],
                        "contact", w->contacts[i], "challenge", w->challenge, "title", titles[i],
                        "pitch", "We heat only rooms in use.", "status", "in_review",
                        "confidential", "SECRET-REVENUE-2025", NULL);
    }
  ev = spire_panel_add (w->store, w->cohort,
                        add (w, &spire_kind_person, "name", "Kari Nordmann", "email", "kari@uio.no",
                             NULL),
                        "member", &error);
  g_assert_no_error (error);
  w->kari = keep (w, g_strdup (spire_record_get_uuid (ev)));
  g_clear_object (&ev);
  ev = spire_panel_add (w->store, w->cohort,
                        add (w, &spire_kind_person, "name", "Per Hansen", "email", "per@sintef.no",
                             NULL),
                        "member", &error);
  g_assert_no_error (error);
  w->per = keep (w, g_strdup (spire_record_get_uuid (ev)));

  /* Kari reviews 0, 1, 2; Per 1, 2, 3; Kari had 4 too, until her conflict */
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (spire_assign (w->store, w->kari, w->apps[i], &error));
      g_assert_true (spire_assign (w->store, w->per, w->apps[i + 1], &error));
    }
  g_assert_true (spire_assign (w->store, w->kari, w->apps[4], &error));
  g_assert_no_error (error);
  declared (spire_conflict_declare (w->store, w->kari, NULL, w->startups[4], "family",
                                            "Her husband owns Granskog AS.", &error));
  g_assert_no_error (error);
}

static void
teardown (W *w, gconstpointer data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (w->edb)
    g_assert_finalize_object (w->edb);
  g_assert_finalize_object (w->store);
  dir = g_dir_open (w->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = path (w, name);

      g_unlink (file);
    }
  g_rmdir (w->dir);
  g_free (w->dir);
  g_ptr_array_unref (w->strings);
}

/* The manager exports Kari's package; she opens it in a database of her own. */
static char *
export_and_open (W *w)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pkg = path (w, "kari.spire-package");
  g_autofree char *edb = path (w, "kari-evaluator.db");

  g_assert_true (spire_package_export_file (w->store, w->cohort, w->kari, pkg, &error));
  g_assert_no_error (error);
  g_clear_object (&w->edb);
  w->edb = spire_package_open_file (pkg, edb, &error);
  g_assert_no_error (error);
  g_assert_nonnull (w->edb);
  return g_steal_pointer (&pkg);
}

/* Kari writes a review in her database, with the same functions as the office. */
static char *
review_in (SpireStore *db, const char *ev, const char *app, double team, double market,
           const char *summary, gboolean do_submit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) review = spire_review_open (db, ev, app, &error);
  g_autoptr (GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) criteria = NULL;
  g_autoptr (SpireRecord) rubric = NULL;

  g_assert_no_error (error);
  {
    g_autoptr (SpireRecord) a = spire_store_get (db, &spire_kind_application, app, &error);

    g_assert_no_error (error);
    rubric = spire_rubric_get_for_cohort (db, spire_record_get_text (a, "cohort"), &error);
    g_assert_no_error (error);
  }
  criteria = spire_rubric_list_criteria (db, spire_record_get_uuid (rubric), NULL);
  for (guint i = 0; i < criteria->len; i++)
    {
      const char *name = spire_record_get_display_name (criteria->pdata[i]);
      SpireRecord *s;

      if (g_str_equal (spire_record_get_text (criteria->pdata[i], "kind"), "gate"))
        continue;
      s = spire_record_new (&spire_kind_score);
      spire_record_set_text (s, "criterion", spire_record_get_uuid (criteria->pdata[i]));
      spire_record_set_real (s, "value", g_str_equal (name, "Team") ? team
                                         : g_str_equal (name, "Market") ? market : NAN);
      spire_record_set_text (s, "comment", g_str_equal (name, "Team") ? "Sterkt team" : NULL);
      g_ptr_array_add (scores, s);
    }
  spire_record_set_text (review, "recommendation", team >= 5 ? "yes" : "maybe");
  spire_record_set_text (review, "summary", summary);
  g_assert_true (spire_review_save_draft (db, review, scores, &error));
  g_assert_no_error (error);
  if (do_submit)
    {
      g_assert_true (spire_review_submit (db, spire_record_get_uuid (review), &error));
      g_assert_no_error (error);
    }
  return g_strdup (spire_record_get_uuid (review));
}

static char *
sheet (W *w, const char *name)
{
  g_autoptr (GError) error = NULL;
  char *file = path (w, name);

  g_assert_true (spire_package_export_sheet_file (w->edb, file, &error));
  g_assert_no_error (error);
  return file;
}

/* Everything a refused import must leave as it was */
static char *
snapshot (W *w)
{
  g_autoptr (GString) s = g_string_new (NULL);
  const char *tables[] = { "reviews", "scores", "assignments", "rubrics", "criteria" };
  g_autoptr (GPtrArray) audit = spire_store_list_audit (w->store, NULL, 0, NULL);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr (GPtrArray) list = spire_store_list (w->store, spire_kind_lookup (tables[t]), NULL,
                                                     NULL, NULL);

      for (guint i = 0; i < list->len; i++)
        {
          g_autoptr (JsonNode) node = spire_record_to_json (list->pdata[i], TRUE);
          g_autofree char *text = json_to_string (node, FALSE);

          g_string_append_printf (s, "%s\n", text);
        }
    }
  g_string_append_printf (s, "audit %u\n", audit->len);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
read_text (const char *file)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  return text;
}

static void
write_text (const char *file, const char *text)
{
  g_assert_true (g_file_set_contents (file, text, -1, NULL));
}

/* Reads a JSON file, lets @edit change it, writes it back. */
static void
edit_json (const char *file, void (*edit) (JsonObject *root, gpointer data), gpointer data)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  JsonNode *root;

  g_assert_true (json_parser_load_from_file (parser, file, &error));
  root = json_parser_get_root (parser);
  edit (json_node_get_object (root), data);
  text = json_to_string (root, TRUE);
  write_text (file, text);
}

static void
import_refused (W *w, const char *file, int code, const char *needle)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = snapshot (w);
  g_autofree char *after = NULL;
  SpireSheetStats stats = { 9, 9, 9, 9 };

  g_assert_false (spire_package_import_sheet_file (w->store, file, &stats, &error));
  g_assert_error (error, SPIRE_ERROR, code);
  if (needle)
    g_assert_nonnull (strstr (error->message, needle));
  g_test_message ("refused as it should: %s", error->message);
  after = snapshot (w);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (stats.added + stats.updated, ==, 0);
}

static SpireSheetStats
import_ok (W *w, const char *file)
{
  g_autoptr (GError) error = NULL;
  SpireSheetStats stats;

  g_assert_true (spire_package_import_sheet_file (w->store, file, &stats, &error));
  g_assert_no_error (error);
  return stats;
}

static SpireRecord *
office_review (W *w, const char *ev, const char *app)
{
  g_autoptr (GPtrArray) list = spire_store_list (w->store, &spire_kind_review, "application", app,
                                                 NULL);

  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (spire_record_get_text (list->pdata[i], "evaluator"), ev) == 0)
      return g_object_ref (list->pdata[i]);
  return NULL;
}

static double
office_score (W *w, const char *ev, const char *app, const char *criterion)
{
  g_autoptr (SpireRecord) review = office_review (w, ev, app);
  g_autoptr (GPtrArray) scores = NULL;

  g_assert_nonnull (review);
  scores = spire_review_list_scores (w->store, spire_record_get_uuid (review), NULL);
  for (guint i = 0; i < scores->len; i++)
    if (g_strcmp0 (spire_record_get_text (scores->pdata[i], "criterion"), criterion) == 0)
      return spire_record_get_real (scores->pdata[i], "value");
  g_assert_not_reached ();
}

/* Round trip */

static void
test_round_trip (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pkg = NULL;
  g_autofree char *pkg_text = NULL;
  g_autofree char *file = NULL;
  g_autofree char *r0 = NULL;
  g_autofree char *r1 = NULL;
  g_autofree char *r2 = NULL;
  g_autofree char *package_id = NULL;
  g_autofree char *info_ev = NULL;
  g_autoptr (SpireRecord) kari = NULL;
  g_autoptr (SpireRecord) review = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root;
  GStatBuf st;
  SpireSheetStats stats;

  pkg = export_and_open (w);

  /* The package: a secret, so only its owner may read the file */
  g_assert_cmpint (g_stat (pkg, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  pkg_text = read_text (pkg);
  g_assert_true (json_parser_load_from_data (parser, pkg_text, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "spire-evaluation-package");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (root, "package")));
  g_assert_cmpuint (strlen (json_object_get_string_member (root, "token")), ==, 64);
  kari = spire_store_get (w->store, &spire_kind_evaluator, w->kari, NULL);
  g_assert_cmpstr (spire_record_get_text (kari, "token"), ==,
                   json_object_get_string_member (root, "token"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "applications")),
                    ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "criteria")), ==, 4);
  /* Not blind: who applied is there; confidential fields never are, nor the
   * application she has a conflict with, nor the other member */
  g_assert_nonnull (strstr (pkg_text, "Nordlys AS"));
  g_assert_null (strstr (pkg_text, "SECRET-REVENUE"));
  g_assert_null (strstr (pkg_text, "Granskog"));
  g_assert_null (strstr (pkg_text, "Per Hansen"));
  g_assert_null (strstr (pkg_text, "Havbris"));

  /* The evaluator database holds only what the package holds */
  g_assert_true (spire_package_get_info (w->edb, &package_id, NULL, &info_ev, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (package_id, ==, json_object_get_string_member (root, "package"));
  g_assert_cmpstr (info_ev, ==, w->kari);
  g_assert_cmpint (spire_store_count (w->edb, &spire_kind_application, NULL, NULL), ==, 3);
  g_assert_cmpint (spire_store_count (w->edb, &spire_kind_evaluator, NULL, NULL), ==, 1);
  g_assert_cmpint (spire_store_count (w->edb, &spire_kind_assignment, NULL, NULL), ==, 3);
  g_assert_cmpint (spire_store_count (w->edb, &spire_kind_conflict, NULL, NULL), ==, 0);
  g_assert_cmpint (spire_store_count (w->edb, &spire_kind_criterion, NULL, NULL), ==, 4);
  {
    g_autoptr (SpireRecord) app = spire_store_get (w->edb, &spire_kind_application, w->apps[0],
                                                   NULL);

    g_assert_null (spire_record_get_text (app, "confidential"));
    g_assert_cmpstr (spire_record_get_text (app, "pitch"), ==, "We heat only rooms in use.");
  }
  /* The rubric cannot be edited there */
  rubric = spire_rubric_get_for_cohort (w->edb, w->cohort, NULL);
  g_assert_true (spire_rubric_is_frozen (rubric));
  g_assert_null (spire_rubric_add_criterion (w->edb, w->rubric, "Mine", NULL, 1, "scored", &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_error (&error);

  /* Kari scores at her own pace: two submitted, one draft */
  r0 = review_in (w->edb, w->kari, w->apps[0], 6, 5, "Sterk søknad.", TRUE);
  r1 = review_in (w->edb, w->kari, w->apps[1], 3, 4, "Uklart marked.", TRUE);
  r2 = review_in (w->edb, w->kari, w->apps[2], 4, 4, "Halvferdig.", FALSE);
  file = sheet (w, "kari.sheet.json");

  /* The manager imports: reviews and scores arrive */
  stats = import_ok (w, file);
  g_assert_cmpuint (stats.added, ==, 3);
  g_assert_cmpuint (stats.updated, ==, 0);
  review = office_review (w, w->kari, w->apps[0]);
  g_assert_nonnull (review);
  g_assert_cmpstr (spire_record_get_uuid (review), ==, r0);
  g_assert_cmpstr (spire_record_get_text (review, "state"), ==, "submitted");
  g_assert_false (spire_record_is_null (review, "submitted_at"));
  g_assert_cmpstr (spire_record_get_text (review, "summary"), ==, "Sterk søknad.");
  g_assert_cmpstr (spire_record_get_text (review, "recommendation"), ==, "yes");
  g_assert_cmpint (spire_record_get_int (review, "rubric_version"), ==, 1);
  g_assert_cmpfloat (office_score (w, w->kari, w->apps[0], w->c_team), ==, 6);
  g_assert_cmpfloat (office_score (w, w->kari, w->apps[0], w->c_market), ==, 5);
  g_assert_true (isnan (office_score (w, w->kari, w->apps[0], w->c_note)));
  g_assert_cmpfloat (office_score (w, w->kari, w->apps[1], w->c_team), ==, 3);
  g_clear_object (&review);
  review = office_review (w, w->kari, w->apps[2]);
  g_assert_cmpstr (spire_record_get_text (review, "state"), ==, "draft");
  {
    g_autoptr (GPtrArray) a = spire_store_list (w->store, &spire_kind_assignment, "application",
                                                w->apps[0], NULL);
    gboolean found = FALSE;

    for (guint i = 0; i < a->len; i++)
      if (g_str_equal (spire_record_get_text (a->pdata[i], "evaluator"), w->kari))
        {
          g_assert_cmpstr (spire_record_get_text (a->pdata[i], "state"), ==, "submitted");
          found = TRUE;
        }
    g_assert_true (found);
  }
  /* The first submitted review freezes the office's rubric too */
  g_clear_object (&rubric);
  rubric = spire_rubric_get_for_cohort (w->store, w->cohort, NULL);
  g_assert_true (spire_rubric_is_frozen (rubric));

  /* She finishes the draft and sends a new sheet: it brings the update */
  {
    g_autofree char *again = NULL;
    g_autofree char *file2 = NULL;
    g_autofree char *r2b = review_in (w->edb, w->kari, w->apps[2], 5, 6, "Ferdig nå.", TRUE);

    g_assert_cmpstr (r2b, ==, r2);
    file2 = sheet (w, "kari.sheet2.json");
    stats = import_ok (w, file2);
    g_assert_cmpuint (stats.added, ==, 0);
    g_assert_cmpuint (stats.updated, ==, 1);
    g_assert_cmpuint (stats.unchanged, ==, 2);
    g_clear_object (&review);
    review = office_review (w, w->kari, w->apps[2]);
    g_assert_cmpstr (spire_record_get_text (review, "state"), ==, "submitted");
    g_assert_cmpstr (spire_record_get_text (review, "summary"), ==, "Ferdig nå.");
    g_assert_cmpfloat (office_score (w, w->kari, w->apps[2], w->c_market), ==, 6);
  }
}

static void
test_blind (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pkg = NULL;
  g_autofree char *text = NULL;
  g_autofree char *file = NULL;
  g_autofree char *r = NULL;
  g_autoptr (GPtrArray) startups = NULL;
  g_autoptr (GPtrArray) seen = NULL;

  /* A pitch that names the company, as pitches do. */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr (SpireRecord) app = spire_store_get (w->store, &spire_kind_application, w->apps[i], NULL);
      g_autoptr (SpireRecord) s = spire_store_get (w->store, &spire_kind_startup,
                                                   spire_record_get_text (app, "startup"), NULL);
      g_autofree char *pitch = g_strdup_printf ("%s: We heat only rooms in use.",
                                                spire_record_get_display_name (s));

      spire_record_set_text (app, "pitch", pitch);
      g_assert_true (spire_store_update (w->store, app, &error));
      g_assert_no_error (error);
    }
  pkg = export_and_open (w);
  text = read_text (pkg);

  /* Nothing that tells who applied */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr (SpireRecord) s = spire_store_get (w->store, &spire_kind_startup, w->startups[i], NULL);

      g_assert_null (strstr (text, spire_record_get_display_name (s)));
      g_assert_null (strstr (text, spire_record_get_text (s, "orgnr")));
      g_assert_null (strstr (text, spire_record_get_text (s, "website")));
      g_assert_null (strstr (text, w->startups[i]));
    }
  g_assert_null (strstr (text, "Ola Gründer"));
  g_assert_null (strstr (text, "post@"));
  g_assert_null (strstr (text, "SECRET-REVENUE"));
  g_assert_nonnull (strstr (text, "We heat only rooms in use."));

  /* Stand-ins in her database */
  startups = spire_store_list (w->edb, &spire_kind_startup, NULL, NULL, NULL);
  g_assert_cmpuint (startups->len, ==, 3);
  for (guint i = 0; i < startups->len; i++)
    {
      g_assert_true (g_str_has_prefix (spire_record_get_display_name (startups->pdata[i]),
                                       "Applicant "));
      g_assert_null (spire_record_get_text (startups->pdata[i], "orgnr"));
    }
  g_assert_cmpint (spire_store_count (w->edb, &spire_kind_person, NULL, NULL), ==, 1);
  seen = spire_panel_list_visible_applications (w->edb, w->kari, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_null (spire_record_get_text (seen->pdata[0], "startup"));
  g_assert_null (spire_record_get_text (seen->pdata[0], "contact"));

  /* Reviews still come home to the right applications */
  r = review_in (w->edb, w->kari, w->apps[1], 5, 5, "Blindt vurdert.", TRUE);
  file = sheet (w, "kari.sheet.json");
  import_ok (w, file);
  g_assert_cmpfloat (office_score (w, w->kari, w->apps[1], w->c_team), ==, 5);
  {
    g_autoptr (SpireRecord) app = spire_store_get (w->store, &spire_kind_application, w->apps[1], NULL);

    g_assert_cmpstr (spire_record_get_text (app, "startup"), ==, w->startups[1]);
  }
}

/* The file (and its -wal, if any) as one string, NUL bytes made spaces. */
static char *
read_db_bytes (const char *file)
{
  g_autofree char *wal = g_strconcat (file, "-wal", NULL);
  GString *out = g_string_new (NULL);
  const char *files[] = { file, wal };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *bytes = NULL;
      gsize len = 0;

      if (!g_file_get_contents (files[i], &bytes, &len, NULL))
        continue;
      for (gsize j = 0; j < len; j++)
        g_string_append_c (out, bytes[j] == '\0' ? ' ' : bytes[j]);
    }
  return g_string_free (out, FALSE);
}

/* The blind package of an application whose texts name its founder, her
 * e-mail and phone, the contact person and the company in the genitive
 * and with its legal form holds none of them: not in the package file,
 * not in the evaluator's database made from it. */
static void
test_blind_identity (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) app = spire_store_get (w->store, &spire_kind_application, w->apps[0],
                                                 NULL);
  g_autoptr (SpireRecord) startup = spire_store_get (w->store, &spire_kind_startup,
                                                     w->startups[0], NULL);
  const char *org = spire_record_get_text (startup, "orgnr");
  g_autofree char *spaced = g_strdup_printf ("%.3s %.3s %.3s", org, org + 3, org + 6);
  g_autofree char *solution = g_strdup_printf (
      "Kontakt Post@Nordlys.no, +47 912 34 567 / 91234567, eller Synnøve på 967 34 123 "
      "(synnove.kvitravn@nordlys.no). Org.nr. %s. Les https://nordlys.no/om.", spaced);
  g_autofree char *extra = g_strdup_printf (
      "{\"Daglig leder\":\"Synnøve Kvitravn\",\"Synnøve Kvitravns e-post\":"
      "\"SYNNOVE.KVITRAVN@NORDLYS.NO\",\"Telefon\":96734123,\"Orgnr\":%s}", org);
  g_autofree char *pkg = NULL;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *edb_file = NULL;
  g_autofree char *edb_bytes = NULL;
  const char *gone[] = { "nordlys", "kvitravn", "synnøve", "synnove", "ola gründer",
                         "gründers", "post@", "912 34 567", "91234567", "967 34 123",
                         "96734123", org, spaced };

  add (w, &spire_kind_person, "name", "Synnøve Kvitravn", "email",
       "synnove.kvitravn@nordlys.no", "phone", "967 34 123", "startup", w->startups[0], NULL);
  spire_record_set_text (app, "title", "Nordlys' varmestyring");
  spire_record_set_text (app, "pitch",
                         "Nordlys ASs styring sparer 30 %. Synnøve Kvitravn og Ola Gründer "
                         "grunnla Nordlys i 2021; Kvitravns og Gründers kunder på Sørlandet "
                         "kjenner NORDLYS AS.");
  spire_record_set_text (app, "solution", solution);
  spire_record_set_text (app, "extra", extra);
  g_assert_true (spire_store_update (w->store, app, &error));
  g_assert_no_error (error);

  pkg = export_and_open (w);
  text = read_text (pkg);
  folded = g_utf8_casefold (text, -1);
  /* the package holds the application's text (UTF-8 as it is) */
  g_assert_nonnull (strstr (text, "kunder på Sørlandet"));
  g_assert_nonnull (strstr (text, "Daglig leder"));
  for (guint i = 0; i < G_N_ELEMENTS (gone); i++)
    {
      g_autofree char *what = g_utf8_casefold (gone[i], -1);

      if (strstr (folded, what) != NULL)
        g_error ("“%s” is in the blind package", gone[i]);
    }

  /* nor in the evaluator's database made from it */
  g_clear_object (&w->edb);
  edb_file = path (w, "kari-evaluator.db");
  edb_bytes = read_db_bytes (edb_file);
  g_assert_nonnull (strstr (edb_bytes, "Sørlandet"));
  for (guint i = 0; i < G_N_ELEMENTS (gone); i++)
    g_assert_null (strstr (edb_bytes, gone[i]));
  g_assert_null (strstr (edb_bytes, "Nordlys"));
  g_assert_null (strstr (edb_bytes, "Synnøve"));
  g_assert_null (strstr (edb_bytes, "Kvitravn"));
}

/* Refusals */

static void
change_summary_byte (const char *file)
{
  g_autofree char *text = read_text (file);
  char *at = strstr (text, "Sterk");

  g_assert_nonnull (at);
  at[1] = 'T'; /* "STerk" */
  write_text (file, text);
}

static void
set_member (JsonObject *root, gpointer data)
{
  const char **kv = data;

  json_object_set_string_member (root, kv[0], kv[1]);
}

static void
test_refuse_signature (W *w, gconstpointer data)
{
  g_autofree char *pkg = export_and_open (w);
  g_autofree char *r = review_in (w->edb, w->kari, w->apps[0], 6, 5, "Sterk søknad.", TRUE);
  g_autofree char *file = sheet (w, "kari.sheet.json");
  g_autofree char *good = read_text (file);

  /* One byte of one summary */
  change_summary_byte (file);
  import_refused (w, file, SPIRE_ERROR_SIGNATURE, "signature");

  /* A score raised, with the JSON still well formed */
  {
    g_autofree char *text = g_strdup (good);
    char *at = strstr (text, "\"value\" : 6");

    g_assert_nonnull (at);
    at[strlen ("\"value\" : ")] = '7';
    write_text (file, text);
    import_refused (w, file, SPIRE_ERROR_SIGNATURE, "Kari Nordmann");
  }

  /* A sheet for Per signed with Kari's token */
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    g_autofree char *text = NULL;
    JsonObject *root;

    g_assert_true (json_parser_load_from_data (parser, good, -1, NULL));
    root = json_node_get_object (json_parser_get_root (parser));
    json_object_remove_member (root, "signature");
    g_assert_null (spire_package_sign (root, "not a token"));
    {
      g_autofree char *sig = spire_package_sign (root, "00112233445566778899aabbccddeeff"
                                                       "00112233445566778899aabbccddeeff");

      json_object_set_string_member (root, "signature", sig);
    }
    text = json_to_string (json_parser_get_root (parser), TRUE);
    write_text (file, text);
    import_refused (w, file, SPIRE_ERROR_SIGNATURE, NULL);
  }

  /* The untouched sheet still imports */
  write_text (file, good);
  g_assert_cmpuint (import_ok (w, file).added, ==, 1);
}

static void
test_refuse_other_evaluator (W *w, gconstpointer data)
{
  g_autofree char *pkg = export_and_open (w);
  g_autofree char *r = review_in (w->edb, w->kari, w->apps[1], 6, 5, "Sterk søknad.", TRUE);
  g_autofree char *file = sheet (w, "kari.sheet.json");
  const char *kv[] = { "evaluator", w->per };

  edit_json (file, set_member, kv);
  import_refused (w, file, SPIRE_ERROR_REFERENCE, "Per Hansen");
}

static void
test_refuse_unknown_package (W *w, gconstpointer data)
{
  g_autofree char *pkg = export_and_open (w);
  g_autofree char *r = review_in (w->edb, w->kari, w->apps[0], 6, 5, "Sterk søknad.", TRUE);
  g_autofree char *file = sheet (w, "kari.sheet.json");
  g_autofree char *other = spire_uuid_new ();
  const char *kv[] = { "package", other };

  edit_json (file, set_member, kv);
  import_refused (w, file, SPIRE_ERROR_NOT_FOUND, other);

  /* A sheet answering a package of another manager database */
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *elsewhere = path (w, "elsewhere.db");
    g_autoptr (SpireStore) store = open_db (elsewhere);
    g_autofree char *good = sheet (w, "kari.sheet2.json");

    g_assert_false (spire_package_import_sheet_file (store, good, NULL, &error));
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND);
  }

  /* Not a score sheet at all */
  {
    g_autoptr (GError) error = NULL;

    g_assert_false (spire_package_import_sheet_file (w->store, pkg, NULL, &error));
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT);
    g_clear_error (&error);
    g_assert_false (spire_package_import_sheet (w->store, "{\"format\": ", -1, "broken.json", NULL,
                                                &error));
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE);
    g_assert_nonnull (strstr (error->message, "broken.json"));
  }
}

static void
test_refuse_changed_criteria (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pkg = export_and_open (w);
  g_autofree char *r = review_in (w->edb, w->kari, w->apps[0], 6, 5, "Sterk søknad.", TRUE);
  g_autofree char *file = sheet (w, "kari.sheet.json");
  g_autoptr (SpireRecord) added = NULL;

  /* No review has been submitted in the office yet, so the rubric is open:
   * the manager adds a criterion after sending the package */
  added = spire_rubric_add_criterion (w->store, w->rubric, "Impact", NULL, 1, "scored", &error);
  g_assert_no_error (error);
  import_refused (w, file, SPIRE_ERROR_INVALID, "criteria");

  /* Taken away again: the sheet fits and imports */
  g_assert_true (spire_rubric_remove_criterion (w->store, spire_record_get_uuid (added), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (import_ok (w, file).added, ==, 1);

  /* A new rubric version (unfrozen with a reason): an older sheet no longer fits */
  g_assert_true (spire_rubric_unfreeze (w->store, w->rubric, "Weights were wrong.", NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *r2 = review_in (w->edb, w->kari, w->apps[1], 4, 4, "Greit.", TRUE);
    g_autofree char *file2 = sheet (w, "kari.sheet2.json");

    import_refused (w, file2, SPIRE_ERROR_INVALID, "version");
  }

  /* A new package brings the new version; her old submission becomes a
   * stale draft to be submitted again, and the next sheet fits */
  {
    g_autofree char *pkg2 = export_and_open (w);
    g_autoptr (SpireRecord) local = spire_store_get (w->edb, &spire_kind_review, r, NULL);
    g_autofree char *file3 = NULL;
    g_autofree char *again = NULL;
    SpireSheetStats stats;

    g_assert_cmpstr (spire_record_get_text (local, "state"), ==, "draft");
    g_assert_true (spire_record_get_bool (local, "stale"));
    again = review_in (w->edb, w->kari, w->apps[0], 7, 5, "Sterk søknad, sett på nytt.", TRUE);
    g_assert_cmpstr (again, ==, r);
    {
      g_autofree char *r1 = review_in (w->edb, w->kari, w->apps[1], 4, 4, "Greit.", TRUE);
    }
    file3 = sheet (w, "kari.sheet3.json");
    stats = import_ok (w, file3);
    g_assert_cmpuint (stats.added + stats.updated, ==, 2);
    g_assert_cmpfloat (office_score (w, w->kari, w->apps[0], w->c_team), ==, 7);
  }
}

static void
test_refuse_out_of_scale (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pkg = export_and_open (w);
  g_autofree char *r = review_in (w->edb, w->kari, w->apps[0], 7, 5, "Sterk søknad.", TRUE);
  g_autofree char *file = sheet (w, "kari.sheet.json");
  g_autoptr (SpireRecord) rubric = spire_rubric_get_for_cohort (w->store, w->cohort, NULL);

  /* The office narrowed the scale (rubric still open) after the package went out */
  spire_record_set_int (rubric, "scale_max", 5);
  g_assert_true (spire_rubric_update (w->store, rubric, &error));
  g_assert_no_error (error);
  import_refused (w, file, SPIRE_ERROR_INVALID, "outside the scale");

  /* A sheet from another tool, signed properly, with a value off the scale */
  spire_record_set_int (rubric, "scale_max", 7);
  g_assert_true (spire_rubric_update (w->store, rubric, &error));
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    g_autoptr (SpireRecord) kari = spire_store_get (w->store, &spire_kind_evaluator, w->kari, NULL);
    g_autofree char *text = read_text (file);
    g_autofree char *sig = NULL;
    JsonObject *root, *score;

    g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
    root = json_node_get_object (json_parser_get_root (parser));
    score = json_array_get_object_element (
      json_object_get_array_member (json_array_get_object_element (
                                      json_object_get_array_member (root, "reviews"), 0),
                                    "scores"),
      0);
    json_object_set_double_member (score, "value", 9.5);
    sig = spire_package_sign (root, spire_record_get_text (kari, "token"));
    json_object_set_string_member (root, "signature", sig);
    g_free (text);
    text = json_to_string (json_parser_get_root (parser), TRUE);
    write_text (file, text);
    import_refused (w, file, SPIRE_ERROR_INVALID, "9.5");
  }
}

static void
test_refuse_unassigned (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pkg = export_and_open (w);
  g_autofree char *r0 = review_in (w->edb, w->kari, w->apps[0], 6, 5, "Sterk søknad.", TRUE);
  g_autofree char *r1 = review_in (w->edb, w->kari, w->apps[1], 6, 5, "Også bra.", TRUE);
  g_autofree char *file = sheet (w, "kari.sheet.json");

  /* The manager took application 1 from her after sending the package */
  g_assert_true (spire_unassign (w->store, w->kari, w->apps[1], &error));
  g_assert_no_error (error);
  import_refused (w, file, SPIRE_ERROR_REFERENCE, "Bølgekraft");

  /* ... or a conflict of interest came to light */
  g_assert_true (spire_assign (w->store, w->kari, w->apps[1], &error));
  declared (spire_conflict_declare (w->store, w->kari, w->apps[1], NULL, "competitor",
                                            "Runs a competing firm.", &error));
  g_assert_no_error (error);
  import_refused (w, file, SPIRE_ERROR_REFERENCE, "conflict of interest");
}

static void
test_same_sheet_twice (W *w, gconstpointer data)
{
  g_autofree char *pkg = export_and_open (w);
  g_autofree char *r0 = review_in (w->edb, w->kari, w->apps[0], 6, 5, "Sterk søknad.", TRUE);
  g_autofree char *r1 = review_in (w->edb, w->kari, w->apps[1], 2, 3, "Svak.", FALSE);
  g_autofree char *file = sheet (w, "kari.sheet.json");
  g_autofree char *after_first = NULL;
  g_autofree char *after_second = NULL;
  SpireSheetStats stats;

  stats = import_ok (w, file);
  g_assert_cmpuint (stats.added, ==, 2);
  after_first = snapshot (w);
  stats = import_ok (w, file);
  g_assert_cmpuint (stats.added, ==, 0);
  g_assert_cmpuint (stats.updated, ==, 0);
  g_assert_cmpuint (stats.kept, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, 2);
  after_second = snapshot (w);
  g_assert_cmpstr (after_first, ==, after_second);
}

static void
make_earlier (W *w, const char *review_uuid)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) r = spire_store_get (w->edb, &spire_kind_review, review_uuid, NULL);

  /* As if she had submitted it at home a while ago */
  spire_record_set_text (r, "submitted_at", "2026-01-10T09:00:00Z");
  spire_record_set_text (r, "updated_at", "2026-01-10T09:00:00Z");
  g_assert_true (spire_store_save (w->edb, r, SPIRE_SAVE_KEEP_TIMES, NULL, &error));
  g_assert_no_error (error);
}

static void
test_office_later_kept (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pkg = export_and_open (w);
  g_autofree char *home = review_in (w->edb, w->kari, w->apps[0], 3, 3, "Hjemme.", TRUE);
  g_autofree char *file = NULL;
  g_autofree char *office = NULL;
  g_autoptr (SpireRecord) review = NULL;
  SpireSheetStats stats;

  make_earlier (w, home);
  file = sheet (w, "kari.sheet.json");

  /* Later, at a panel meeting in the office, she scores it again and submits */
  office = review_in (w->store, w->kari, w->apps[0], 6, 6, "På kontoret, etter møtet.", TRUE);
  stats = import_ok (w, file);
  g_assert_cmpuint (stats.kept, ==, 1);
  g_assert_cmpuint (stats.added + stats.updated, ==, 0);
  review = office_review (w, w->kari, w->apps[0]);
  g_assert_cmpstr (spire_record_get_uuid (review), ==, office);
  g_assert_cmpstr (spire_record_get_text (review, "summary"), ==, "På kontoret, etter møtet.");
  g_assert_cmpfloat (office_score (w, w->kari, w->apps[0], w->c_team), ==, 6);

  /* The other way round: an older office draft gives way to a newer sheet */
  {
    g_autoptr (SpireRecord) r = NULL;
    g_autofree char *draft = review_in (w->store, w->kari, w->apps[1], 2, 2, "Utkast.", FALSE);
    g_autofree char *newer = NULL;
    g_autofree char *file2 = NULL;

    r = spire_store_get (w->store, &spire_kind_review, draft, NULL);
    spire_record_set_text (r, "updated_at", "2026-01-01T08:00:00Z");
    g_assert_true (spire_store_save (w->store, r, SPIRE_SAVE_KEEP_TIMES, NULL, &error));
    newer = review_in (w->edb, w->kari, w->apps[1], 5, 5, "Ferdig hjemme.", TRUE);
    file2 = sheet (w, "kari.sheet2.json");
    stats = import_ok (w, file2);
    g_assert_cmpuint (stats.updated, ==, 1);
    g_assert_cmpuint (stats.kept, ==, 1); /* application 0, as before */
    g_clear_object (&r);
    r = office_review (w, w->kari, w->apps[1]);
    g_assert_cmpstr (spire_record_get_uuid (r), ==, draft); /* the office's record, updated */
    g_assert_cmpstr (spire_record_get_text (r, "state"), ==, "submitted");
    g_assert_cmpstr (spire_record_get_text (r, "summary"), ==, "Ferdig hjemme.");
    g_assert_cmpfloat (office_score (w, w->kari, w->apps[1], w->c_team), ==, 5);
  }
}

/* Packages refused */

/* Kari's sheet @file changed by @edit (on its first review) and signed
 * again with her token, as another tool might write it. */
static void
resign_sheet (W *w, const char *file, void (*edit) (JsonObject *root, JsonObject *review))
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (SpireRecord) kari = spire_store_get (w->store, &spire_kind_evaluator, w->kari, NULL);
  g_autofree char *text = read_text (file);
  g_autofree char *sig = NULL;
  JsonObject *root;

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  edit (root, json_array_get_object_element (json_object_get_array_member (root, "reviews"), 0));
  json_object_remove_member (root, "signature");
  sig = spire_package_sign (root, spire_record_get_text (kari, "token"));
  json_object_set_string_member (root, "signature", sig);
  g_free (text);
  text = json_to_string (json_parser_get_root (parser), TRUE);
  write_text (file, text);
}

static void
review_twice (JsonObject *root, JsonObject *review)
{
  JsonArray *reviews = json_object_get_array_member (root, "reviews");

  json_array_add_element (reviews, json_node_copy (json_array_get_element (reviews, 0)));
}

static void
half_step (JsonObject *root, JsonObject *review)
{
  json_object_set_double_member (
    json_array_get_object_element (json_object_get_array_member (review, "scores"), 0), "value",
    6.5);
}

/* A sheet is read exactly as specified: its signature in lower-case hex,
 * one review per application, values on the scale's whole steps. */
static void
test_refuse_inexact_sheet (W *w, gconstpointer data)
{
  g_autofree char *pkg = export_and_open (w);
  g_autofree char *r = review_in (w->edb, w->kari, w->apps[0], 6, 5, "Sterk søknad.", TRUE);
  g_autofree char *file = sheet (w, "kari.sheet.json");
  g_autofree char *good = read_text (file);

  /* The right signature, in upper case */
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    g_autofree char *text = NULL;
    g_autofree char *upper = NULL;
    JsonObject *root;

    g_assert_true (json_parser_load_from_data (parser, good, -1, NULL));
    root = json_node_get_object (json_parser_get_root (parser));
    upper = g_ascii_strup (json_object_get_string_member (root, "signature"), -1);
    g_assert_cmpuint (strlen (upper), ==, 64);
    json_object_set_string_member (root, "signature", upper);
    text = json_to_string (json_parser_get_root (parser), TRUE);
    write_text (file, text);
    import_refused (w, file, SPIRE_ERROR_SIGNATURE, "64 lower-case hexadecimal digits");
  }

  /* The same application reviewed twice */
  write_text (file, good);
  resign_sheet (w, file, review_twice);
  import_refused (w, file, SPIRE_ERROR_FORMAT, "reviews[1] reviews");

  /* 6.5 on the whole steps of 1–7 */
  write_text (file, good);
  resign_sheet (w, file, half_step);
  import_refused (w, file, SPIRE_ERROR_INVALID, "6.5");

  /* The sheet as it was still imports */
  write_text (file, good);
  g_assert_cmpuint (import_ok (w, file).added, ==, 1);
}

/* 200 KB of "[" as a score sheet or a package: refused before the parser. */
static void
test_refuse_nested_too_deeply (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *deep = g_strnfill (200 * 1024, '[');
  g_autofree char *file = path (w, "deep.json");
  g_autofree char *db = path (w, "deep.db");

  write_text (file, deep);
  import_refused (w, file, SPIRE_ERROR_PARSE, "deep.json: nested too deeply at line 1");

  g_assert_null (spire_package_open_file (file, db, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "deep.json: nested too deeply at line 1"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_null (spire_package_open_file (file, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE);
}

static void
test_package_refusals (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pkg = path (w, "kari.spire-package");
  g_autofree char *text = NULL;
  g_autofree char *other_db = path (w, "other.db");
  g_autofree char *per_pkg = path (w, "per.spire-package");
  g_autoptr (SpireStore) opened = NULL;
  g_autofree char *before = NULL;

  /* Observers get no package */
  {
    const char *person = add (w, &spire_kind_person, "name", "Ola Vik", NULL);
    g_autoptr (SpireRecord) obs = spire_panel_add (w->store, w->cohort, person, "observer", &error);

    g_assert_no_error (error);
    g_assert_null (spire_package_export (w->store, w->cohort, spire_record_get_uuid (obs), NULL,
                                         &error));
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_assert_true (spire_package_export_file (w->store, w->cohort, w->kari, pkg, &error));
  g_assert_no_error (error);
  text = read_text (pkg);

  /* Never into a database holding other data (the manager's own) */
  before = snapshot (w);
  g_assert_false (spire_package_install (w->store, text, -1, "kari.spire-package", &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_EMPTY);
  g_clear_error (&error);
  {
    g_autofree char *after = snapshot (w);

    g_assert_cmpstr (before, ==, after);
  }

  /* Never Per's package into Kari's evaluator database */
  opened = spire_package_open_file (pkg, other_db, &error);
  g_assert_no_error (error);
  g_assert_true (spire_package_export_file (w->store, w->cohort, w->per, per_pkg, &error));
  g_clear_object (&opened);
  g_assert_null (spire_package_open_file (per_pkg, other_db, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_EMPTY);
  g_clear_error (&error);

  /* Opening the same package again changes nothing */
  opened = spire_package_open_file (pkg, other_db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (spire_store_count (opened, &spire_kind_application, NULL, NULL), ==, 3);
  g_assert_cmpint (spire_store_count (opened, &spire_kind_assignment, NULL, NULL), ==, 3);
  g_clear_object (&opened);

  /* A damaged package is refused and leaves no database behind */
  {
    g_autofree char *bad = path (w, "bad.spire-package");
    g_autofree char *bad_db = path (w, "bad.db");

    write_text (bad, "{\"format\": \"spire-evaluation-package\", \"version\": 1}");
    g_assert_null (spire_package_open_file (bad, bad_db, &error));
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT);
    g_clear_error (&error);
    g_assert_false (g_file_test (bad_db, G_FILE_TEST_EXISTS));
    write_text (bad, "{\"format\": \"spire-evaluation-package\", \"version\": 7}");
    g_assert_null (spire_package_open_file (bad, bad_db, &error));
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NEWER_VERSION);
    g_clear_error (&error);
    g_assert_false (g_file_test (bad_db, G_FILE_TEST_EXISTS));
  }
  remove_db (other_db);

  /* The token is made once and kept */
  {
    g_autoptr (SpireRecord) kari = spire_store_get (w->store, &spire_kind_evaluator, w->kari, NULL);
    g_autofree char *token = g_strdup (spire_record_get_text (kari, "token"));
    g_autofree char *again = spire_package_export (w->store, w->cohort, w->kari, NULL, &error);

    g_assert_no_error (error);
    g_clear_object (&kari);
    kari = spire_store_get (w->store, &spire_kind_evaluator, w->kari, NULL);
    g_assert_cmpstr (spire_record_get_text (kari, "token"), ==, token);
    /* ... and never copied into the history, not even when her role
     * changes or a member with a token leaves the panel */
    g_assert_true (spire_panel_set_role (w->store, w->kari, "chair", &error));
    g_assert_no_error (error);
    {
      const char *person = add (w, &spire_kind_person, "name", "Eva Lie", NULL);
      g_autoptr (SpireRecord) eva = spire_panel_add (w->store, w->cohort, person, "member", &error);
      g_autofree char *eva_pkg = spire_package_export (w->store, w->cohort,
                                                       spire_record_get_uuid (eva), NULL, &error);
      g_autoptr (SpireRecord) stored = NULL;
      g_autoptr (GPtrArray) audit = NULL;

      g_assert_no_error (error);
      stored = spire_store_get (w->store, &spire_kind_evaluator, spire_record_get_uuid (eva), NULL);
      g_assert_nonnull (spire_record_get_text (stored, "token"));
      g_assert_true (spire_panel_remove (w->store, spire_record_get_uuid (eva), &error));
      g_assert_no_error (error);
      audit = spire_store_list_audit (w->store, NULL, 0, NULL);
      for (guint i = 0; i < audit->len; i++)
        {
          const char *before = g_hash_table_lookup (audit->pdata[i], "before");
          const char *after = g_hash_table_lookup (audit->pdata[i], "after");
          const char *eva_token = spire_record_get_text (stored, "token");

          g_assert_true (before == NULL || strstr (before, eva_token) == NULL);
          g_assert_true (after == NULL || strstr (after, eva_token) == NULL);
        }
    }
    {
      g_autoptr (GPtrArray) audit = spire_store_list_audit (w->store, NULL, 0, NULL);

      for (guint i = 0; i < audit->len; i++)
        {
          const char *before = g_hash_table_lookup (audit->pdata[i], "before");
          const char *after = g_hash_table_lookup (audit->pdata[i], "after");

          g_assert_true (before == NULL || strstr (before, token) == NULL);
          g_assert_true (after == NULL || strstr (after, token) == NULL);
        }
    }
  }
}

/* Backup and restore */

/* The record of an exported package survives a spire-backup into an empty
 * database, and a sheet answering the package is accepted there. */
static void
test_backup_restore (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pkg = export_and_open (w);
  g_autofree char *r0 = review_in (w->edb, w->kari, w->apps[0], 6, 5, "Sterk søknad.", TRUE);
  g_autofree char *file = sheet (w, "kari.sheet.json");
  g_autofree char *package_id = NULL;
  g_autofree char *doc = NULL;
  g_autofree char *restored_path = path (w, "restored.db");
  g_autoptr (SpireStore) restored = NULL;
  g_autoptr (SpireRecord) registered = NULL;
  g_autoptr (SpireRecord) review = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  SpireSheetStats stats;

  /* What the manager's database keeps of the package */
  g_assert_true (spire_package_get_info (w->edb, &package_id, NULL, NULL, &error));
  g_assert_no_error (error);
  registered = spire_store_get (w->store, &spire_kind_package, package_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (registered, "evaluator"), ==, w->kari);
  g_assert_cmpstr (spire_record_get_text (registered, "cohort"), ==, w->cohort);
  g_assert_cmpint (spire_record_get_int (registered, "rubric_version"), ==, 1);
  g_assert_cmpstr (spire_record_get_text (registered, "exported_by"), ==, "Programleder");
  g_assert_true (json_parser_load_from_data (parser, spire_record_get_text (registered, "criteria"),
                                             -1, NULL));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))),
                    ==, 4);
  g_assert_true (json_parser_load_from_data (parser,
                                             spire_record_get_text (registered, "applications"),
                                             -1, NULL));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))),
                    ==, 3);
  g_assert_null (strstr (spire_record_get_text (registered, "applications"), w->apps[4]));

  /* Backed up, restored into an empty database: the sheet comes home there */
  doc = spire_exchange_export_string (w->store, &error);
  g_assert_no_error (error);
  restored = open_db (restored_path);
  g_assert_true (spire_exchange_import_data (restored, doc, -1, "backup.json", NULL, NULL, NULL,
                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_true (spire_store_exists (restored, &spire_kind_package, package_id));
  g_assert_true (spire_package_import_sheet_file (restored, file, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 1);
  {
    g_autoptr (GPtrArray) list = spire_store_list (restored, &spire_kind_review, "application",
                                                   w->apps[0], NULL);

    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpstr (spire_record_get_uuid (list->pdata[0]), ==, r0);
    g_assert_cmpstr (spire_record_get_text (list->pdata[0], "state"), ==, "submitted");
  }

  /* A panel member who leaves takes the record of their packages along */
  {
    g_autofree char *per_pkg = spire_package_export (w->store, w->cohort, w->per, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (spire_store_count (w->store, &spire_kind_package, "evaluator", w->per), ==, 1);
  }
  g_assert_true (spire_panel_remove (w->store, w->per, &error));
  g_assert_no_error (error);
  g_assert_cmpint (spire_store_count (w->store, &spire_kind_package, "evaluator", w->per), ==, 0);
  g_assert_cmpint (spire_store_count (w->store, &spire_kind_package, "evaluator", w->kari), ==, 1);

  /* ... and a sheet answering one is refused, saying why (here, where
   * Kari's sheet was never imported, she can leave the panel) */
  g_assert_true (spire_panel_remove (w->store, w->kari, &error));
  g_assert_no_error (error);
  import_refused (w, file, SPIRE_ERROR_REFERENCE, "no longer on the panel");
  g_assert_finalize_object (g_steal_pointer (&restored));
}

/* What is signed */

/* An export whose file cannot be written leaves no trace of an export. */
static void
test_export_failed_write (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 before = spire_store_count (w->store, &spire_kind_package, NULL, NULL);
  g_autofree char *nowhere = g_build_filename (w->dir, "no-such-folder", "kari.json", NULL);

  g_assert_false (spire_package_export_file (w->store, w->cohort, w->kari, nowhere, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_IO);
  g_assert_cmpint (spire_store_count (w->store, &spire_kind_package, NULL, NULL), ==, before);
}

static void
test_canonical (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *canonical = NULL;
  g_autofree char *sig = NULL;
  const char *doc = "{ \"é\": \"ø\", \"e\": 0.1, \"b\" : 1,\n"
                    "  \"a\": [true, null, \"x\\\"y\\\\z\\n\"], \"d\": 5.0, \"c\": 5.5,\n"
                    "  \"signature\": \"left out\" }";
  const char *token = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  JsonObject *root;

  g_assert_true (json_parser_load_from_data (parser, doc, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  sig = spire_package_sign (root, token);
  json_object_remove_member (root, "signature");
  canonical = spire_package_canonical_json (json_parser_get_root (parser));
  g_assert_cmpstr (canonical, ==,
                   "{\"a\":[true,null,\"x\\\"y\\\\z\\u000a\"],\"b\":1,\"c\":5.5,\"d\":5,"
                   "\"e\":0.10000000000000001,\"é\":\"ø\"}");
  /* HMAC-SHA256 of exactly those bytes, computed elsewhere (Python's hmac) */
  g_assert_cmpstr (sig, ==, "deb9911f635c8d9545302c1d9060926bb223cbec76fbdeb44184d737d45d8408");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn, blind) g_test_add (path, W, GINT_TO_POINTER (blind), setup, fn, teardown)
  ADD ("/package/round-trip", test_round_trip, FALSE);
  ADD ("/package/blind", test_blind, TRUE);
  ADD ("/package/blind-identity", test_blind_identity, TRUE);
  ADD ("/package/refuse/signature", test_refuse_signature, FALSE);
  ADD ("/package/refuse/other-evaluator", test_refuse_other_evaluator, FALSE);
  ADD ("/package/refuse/unknown-package", test_refuse_unknown_package, FALSE);
  ADD ("/package/refuse/changed-criteria", test_refuse_changed_criteria, FALSE);
  ADD ("/package/refuse/out-of-scale", test_refuse_out_of_scale, FALSE);
  ADD ("/package/refuse/unassigned", test_refuse_unassigned, FALSE);
  ADD ("/package/refuse/inexact-sheet", test_refuse_inexact_sheet, FALSE);
  ADD ("/package/refuse/nested-too-deeply", test_refuse_nested_too_deeply, FALSE);
  ADD ("/package/same-sheet-twice", test_same_sheet_twice, FALSE);
  ADD ("/package/office-later-kept", test_office_later_kept, FALSE);
  ADD ("/package/package-refusals", test_package_refusals, FALSE);
  ADD ("/package/backup-restore", test_backup_restore, FALSE);
  ADD ("/package/export-failed-write", test_export_failed_write, FALSE);
#undef ADD
  g_test_add_func ("/package/canonical", test_canonical);

  return g_test_run ();
}
