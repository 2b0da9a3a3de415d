/* package-fixture.h — what the package tests share: the program manager's
 * database with a cohort, a rubric and a panel, Kari's evaluator database
 * made from her package, and the helpers that read and write both
 * (test-package.c, test-package-refuse.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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
G_GNUC_UNUSED static void
declared (SpireRecord *conflict)
{
  g_assert_nonnull (conflict);
  g_object_unref (conflict);
}

G_GNUC_UNUSED static const char *
keep (W *w, char *s)
{
  g_ptr_array_add (w->strings, s);
  return s;
}

G_GNUC_UNUSED static char *
path (W *w, const char *name)
{
  return g_build_filename (w->dir, name, NULL);
}

G_GNUC_UNUSED static const char *
add (W *w, const SpireKind *kind, ...)
{
  va_list ap;
  char *uuid;

  va_start (ap, kind);
  uuid = test_add_from_text (w->store, kind, ap);
  va_end (ap);
  return keep (w, uuid);
}

G_GNUC_UNUSED static const char *
orgnr (W *w, guint n)
{
  return keep (w, test_valid_orgnr (92000000 + n * 17));
}

G_GNUC_UNUSED static SpireStore *
open_db (const char *file)
{
  g_autoptr (GError) error = NULL;
  SpireStore *store = spire_store_open (file, &error);

  g_assert_no_error (error);
  return store;
}

G_GNUC_UNUSED static void
remove_db (const char *file)
{
  g_autofree char *wal = g_strconcat (file, "-wal", NULL);
  g_autofree char *shm = g_strconcat (file, "-shm", NULL);

  g_unlink (file);
  g_unlink (wal);
  g_unlink (shm);
}

G_GNUC_UNUSED static void
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

G_GNUC_UNUSED static void
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
G_GNUC_UNUSED static char *
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
G_GNUC_UNUSED static char *
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

G_GNUC_UNUSED static char *
sheet (W *w, const char *name)
{
  g_autoptr (GError) error = NULL;
  char *file = path (w, name);

  g_assert_true (spire_package_export_sheet_file (w->edb, file, &error));
  g_assert_no_error (error);
  return file;
}

/* Everything a refused import must leave as it was */
G_GNUC_UNUSED static char *
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

/* Not inlined: GCC 12 at -O3 then takes the result for a pointer to the
 * local it was read into (-Wdangling-pointer, a false warning). */
G_GNUC_UNUSED G_GNUC_NO_INLINE static char *
read_text (const char *file)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  return text;
}

G_GNUC_UNUSED static void
write_text (const char *file, const char *text)
{
  g_assert_true (g_file_set_contents (file, text, -1, NULL));
}

/* Reads a JSON file, lets @edit change it, writes it back. */
G_GNUC_UNUSED static void
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

G_GNUC_UNUSED static void
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

G_GNUC_UNUSED static SpireSheetStats
import_ok (W *w, const char *file)
{
  g_autoptr (GError) error = NULL;
  SpireSheetStats stats;

  g_assert_true (spire_package_import_sheet_file (w->store, file, &stats, &error));
  g_assert_no_error (error);
  return stats;
}

G_GNUC_UNUSED static SpireRecord *
office_review (W *w, const char *ev, const char *app)
{
  g_autoptr (GPtrArray) list = spire_store_list (w->store, &spire_kind_review, "application", app,
                                                 NULL);

  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (spire_record_get_text (list->pdata[i], "evaluator"), ev) == 0)
      return g_object_ref (list->pdata[i]);
  return NULL;
}

G_GNUC_UNUSED static double
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
