/* spire-package-install.c — an evaluation package opened by a panel member
 *
 * The panel member's side: the package's records go into an evaluator
 * database of its own (or replace an older package of the same member and
 * cohort there), the rubric is frozen, what a newer package no longer holds
 * goes, reviews made under an older rubric are reopened, and an "open"
 * entry in the audit log marks the database as made from the package
 * (spire_package_get_info reads it back).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-package"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "spire-error.h"
#include "spire-evaluation.h"
#include "spire-exchange-private.h"
#include "spire-package.h"
#include "spire-records.h"
#include "spire-store-private.h"

typedef struct
{
  const char *name; /* of the file */
  GError    **error;
} Ctx;

/* The members of a package that the install reads. */
typedef struct
{
  JsonObject *root;
  const char *package;
  const char *token;
  const char *exported_at;
  JsonObject *cohort;
  JsonObject *evaluator;
  JsonArray  *criteria;
  JsonArray  *applications;
} Package;

static gboolean
bad_package (Ctx *ctx, const char *where, const char *what)
{
  /* TRANSLATORS: "“kari.spire-package” is not a valid evaluation package: applications[3].application.title: is missing" */
  return spire_fail (ctx->error, SPIRE_ERROR_FORMAT,
                     _("“%s” is not a valid evaluation package: %s: %s"), ctx->name, where, what);
}

/* Reads one record of @kind from @o and saves it (as the package has it). */
static SpireRecord *
install_record (SpireStore *store, Ctx *ctx, const SpireKind *kind, JsonObject *o,
                const char *where)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (SpireRecord) r = NULL;
  const char *field = NULL;

  if (o == NULL)
    {
      bad_package (ctx, where, _("is missing"));
      return NULL;
    }
  r = spire_record_from_json (kind, o, &field, &local);
  if (r == NULL)
    {
      g_autofree char *place = g_strdup_printf ("%s.%s", where, field ? field : "");

      bad_package (ctx, place, local->message);
      return NULL;
    }
  if (!spire_store_save (store, r, SPIRE_SAVE_NO_AUDIT | SPIRE_SAVE_KEEP_TIMES, NULL, ctx->error))
    return NULL;
  return g_steal_pointer (&r);
}

/* Like install_record() for a member that may be missing. */
static gboolean
install_optional (SpireStore *store, Ctx *ctx, const SpireKind *kind, JsonObject *item,
                  const char *member, const char *where)
{
  g_autofree char *place = g_strconcat (where, ".", member, NULL);
  g_autoptr (SpireRecord) r = NULL;

  if (_spire_json_member_object (item, member) == NULL)
    return TRUE;
  r = install_record (store, ctx, kind, _spire_json_member_object (item, member), place);
  return r != NULL;
}

/* Reading and checking */

static gboolean
read_package (JsonObject *root, Ctx *ctx, Package *p)
{
  JsonObject *rubric = _spire_json_member_object (root, "rubric");

  p->root = root;
  p->package = _spire_json_member_string (root, "package");
  p->token = _spire_json_member_string (root, "token");
  p->exported_at = _spire_json_member_string (root, "exported_at");
  p->cohort = _spire_json_member_object (root, "cohort");
  p->evaluator = _spire_json_member_object (root, "evaluator");
  p->criteria = _spire_json_member_array (root, "criteria");
  p->applications = _spire_json_member_array (root, "applications");
  if (p->package == NULL || !g_uuid_string_is_valid (p->package))
    return bad_package (ctx, "package", _("is missing"));
  if (!_spire_token_decode (p->token, (guint8[SPIRE_TOKEN_BYTES]){ 0 }))
    return bad_package (ctx, "token", _("is not 64 hexadecimal digits"));
  if (p->cohort == NULL || p->evaluator == NULL || rubric == NULL || p->criteria == NULL ||
      p->applications == NULL)
    return bad_package (ctx,
                        p->cohort == NULL      ? "cohort"
                        : p->evaluator == NULL ? "evaluator"
                        : rubric == NULL       ? "rubric"
                        : p->criteria == NULL  ? "criteria"
                                               : "applications",
                        _("is missing"));
  return TRUE;
}

/* A package goes into a database of its own, or over an older package of
 * the same member and cohort. */
static gboolean
check_database (SpireStore *store, Ctx *ctx, Package *p)
{
  g_autofree char *old_cohort = NULL;
  g_autofree char *old_evaluator = NULL;
  gboolean had_marker = spire_package_get_info (store, NULL, &old_cohort, &old_evaluator, NULL);

  if (had_marker &&
      (g_strcmp0 (old_cohort, _spire_json_member_string (p->cohort, "uuid")) != 0 ||
       g_strcmp0 (old_evaluator, _spire_json_member_string (p->evaluator, "uuid")) != 0))
    return spire_fail (ctx->error, SPIRE_ERROR_NOT_EMPTY,
                       _("This evaluator database holds the package of another panel member "
                          "or cohort. Open “%s” into a database of its own."),
                       ctx->name);
  if (!had_marker && !spire_store_is_empty (store))
    return spire_fail (ctx->error, SPIRE_ERROR_NOT_EMPTY,
                       _("The database already holds other data. Open “%s” into a new "
                          "evaluator database of its own."),
                       ctx->name);
  return TRUE;
}

/* Installing */

static gboolean
install_cohort (SpireStore *store, Ctx *ctx, Package *p)
{
  g_autoptr (SpireRecord) program = install_record (
      store, ctx, &spire_kind_program, _spire_json_member_object (p->root, "program"), "program");
  g_autoptr (SpireRecord) c =
      program ? install_record (store, ctx, &spire_kind_cohort, p->cohort, "cohort") : NULL;

  return c != NULL;
}

/* applications[@i]: its records, and its assignment into @assignments
 * (assignment uuid → application uuid). */
static gboolean
install_application (SpireStore *store, Ctx *ctx, JsonArray *apps, guint i, GHashTable *assignments)
{
  JsonObject      *item = _spire_json_array_object (apps, i);
  g_autofree char *where = g_strdup_printf ("applications[%u]", i);
  g_autofree char *w_startup = g_strconcat (where, ".startup", NULL);
  g_autofree char *w_app = g_strconcat (where, ".application", NULL);
  g_autoptr (SpireRecord) startup = NULL;
  g_autoptr (SpireRecord) app = NULL;

  if (item == NULL)
    return bad_package (ctx, where, _("is not an object"));
  if (!install_optional (store, ctx, &spire_kind_public_body, item, "owner", where) ||
      !install_optional (store, ctx, &spire_kind_challenge, item, "challenge", where))
    return FALSE;
  startup = install_record (store, ctx, &spire_kind_startup,
                            _spire_json_member_object (item, "startup"), w_startup);
  if (startup == NULL || !install_optional (store, ctx, &spire_kind_person, item, "contact", where))
    return FALSE;
  app = install_record (store, ctx, &spire_kind_application,
                        _spire_json_member_object (item, "application"), w_app);
  if (app == NULL)
    return FALSE;
  if (_spire_json_member_string (item, "assignment") == NULL)
    {
      g_autofree char *w = g_strconcat (where, ".assignment", NULL);

      return bad_package (ctx, w, _("is missing"));
    }
  g_hash_table_insert (assignments, g_strdup (_spire_json_member_string (item, "assignment")),
                       (gpointer) g_intern_string (spire_record_get_uuid (app)));
  return TRUE;
}

/* The rubric, frozen here: the panel member scores, they do not edit.
 * @criteria gets the UUIDs of the package's criteria. */
static SpireRecord *
install_rubric (SpireStore *store, Ctx *ctx, Package *p, GHashTable *criteria)
{
  g_autoptr (JsonNode) copy = json_node_copy (json_object_get_member (p->root, "rubric"));
  JsonObject *ro = json_node_get_object (copy);
  g_autoptr (SpireRecord) rubric = NULL;

  if (_spire_json_member_string (ro, "frozen_at") == NULL && p->exported_at != NULL)
    json_object_set_string_member (ro, "frozen_at", p->exported_at);
  rubric = install_record (store, ctx, &spire_kind_rubric, ro, "rubric");
  if (rubric == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (p->criteria); i++)
    {
      g_autofree char *where = g_strdup_printf ("criteria[%u]", i);
      g_autoptr (SpireRecord) c = install_record (store, ctx, &spire_kind_criterion,
                                                  _spire_json_array_object (p->criteria, i), where);

      if (c == NULL)
        return NULL;
      g_hash_table_add (criteria, g_strdup (spire_record_get_uuid (c)));
    }
  return g_steal_pointer (&rubric);
}

/* The panel member, with the token the sheet will be signed with. */
static SpireRecord *
install_evaluator (SpireStore *store, Ctx *ctx, Package *p)
{
  g_autoptr (SpireRecord) person = install_record (
      store, ctx, &spire_kind_person, _spire_json_member_object (p->root, "person"), "person");
  g_autoptr (JsonNode) copy = json_node_copy (json_object_get_member (p->root, "evaluator"));

  if (person == NULL)
    return NULL;
  json_object_remove_member (json_node_get_object (copy), "name");
  json_object_set_string_member (json_node_get_object (copy), "token", p->token);
  return install_record (store, ctx, &spire_kind_evaluator, json_node_get_object (copy),
                         "evaluator");
}

/* The package's assignments; those a newer package no longer holds go. */
static gboolean
install_assignments (SpireStore *store, SpireRecord *ev, GHashTable *assignments, GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  GHashTableIter iter;
  gpointer       key, value;

  g_hash_table_iter_init (&iter, assignments);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr (SpireRecord) a = spire_store_get (store, &spire_kind_assignment, key, NULL);

      if (a == NULL)
        {
          a = spire_record_new (&spire_kind_assignment);
          spire_record_set_text (a, "uuid", key);
          spire_record_set_text (a, "state", "assigned");
        }
      spire_record_set_text (a, "evaluator", spire_record_get_uuid (ev));
      spire_record_set_text (a, "application", value);
      if (g_strcmp0 (spire_record_get_text (a, "state"), "declined") == 0)
        spire_record_set_text (a, "state", "assigned");
      if (!spire_store_save (store, a, SPIRE_SAVE_NO_AUDIT, NULL, error))
        return FALSE;
    }

  rows = _spire_store_query (store, error, "SELECT uuid FROM assignments WHERE evaluator = ?", 1,
                             spire_record_get_uuid (ev));
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    if (!g_hash_table_contains (assignments, COL (rows->pdata[i], 0)))
      {
        g_autoptr (SpireRecord) a =
            spire_store_get (store, &spire_kind_assignment, COL (rows->pdata[i], 0), error);

        if (a == NULL || !spire_store_delete (store, a, error))
          return FALSE;
      }
  return TRUE;
}

/* Criteria a newer package no longer holds go, with their scores. */
static gboolean
drop_old_criteria (SpireStore *store, SpireRecord *rubric, GHashTable *criteria, GError **error)
{
  g_autoptr (GPtrArray) local_criteria =
      spire_rubric_list_criteria (store, spire_record_get_uuid (rubric), error);

  if (local_criteria == NULL)
    return FALSE;
  for (guint i = 0; i < local_criteria->len; i++)
    {
      SpireRecord *c = local_criteria->pdata[i];
      g_autoptr (GPtrArray) scores = NULL;

      if (g_hash_table_contains (criteria, spire_record_get_uuid (c)))
        continue;
      scores = spire_store_list (store, &spire_kind_score, "criterion", spire_record_get_uuid (c),
                                 error);
      if (scores == NULL)
        return FALSE;
      for (guint j = 0; j < scores->len; j++)
        if (!spire_store_delete (store, scores->pdata[j], error))
          return FALSE;
      if (!spire_store_delete (store, c, error))
        return FALSE;
    }
  return TRUE;
}

/* Reviews made under an older rubric are stale, and submitted ones open again. */
static gboolean
reopen_old_reviews (SpireStore *store, SpireRecord *rubric, SpireRecord *ev, GError **error)
{
  g_autofree char *version =
      g_strdup_printf ("%" G_GINT64_FORMAT, spire_record_get_int (rubric, "version"));
  g_autoptr (GPtrArray) old = _spire_store_query (store, error,
                                                  "SELECT uuid FROM reviews WHERE evaluator = ? "
                                                  "AND rubric_version < CAST (? AS INTEGER)",
                                                  2, spire_record_get_uuid (ev), version);

  if (old == NULL)
    return FALSE;
  for (guint i = 0; i < old->len; i++)
    {
      g_autoptr (SpireRecord) r =
          spire_store_get (store, &spire_kind_review, COL (old->pdata[i], 0), error);

      if (r == NULL)
        return FALSE;
      spire_record_set_bool (r, "stale", TRUE);
      if (g_strcmp0 (spire_record_get_text (r, "state"), "submitted") == 0)
        {
          g_autoptr (JsonBuilder) why = json_builder_new ();
          g_autoptr (JsonNode) why_root = NULL;
          g_autofree char *why_text = NULL;

          json_builder_begin_object (why);
          _spire_json_add_string (why, "reason",
                                  _("The rubric changed; score the application again under "
                                     "the new version."));
          json_builder_end_object (why);
          why_root = json_builder_get_root (why);
          why_text = _spire_json_text (why_root, FALSE);
          spire_record_set_text (r, "state", "draft");
          spire_record_set_null (r, "submitted_at");
          if (!spire_store_audit (store, "review", spire_record_get_uuid (r), "reopen", NULL,
                                  why_text, error))
            return FALSE;
        }
      if (!spire_store_save (store, r, SPIRE_SAVE_DEFAULT, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* The "open" entry that marks the database as made from the package. */
static gboolean
write_marker (SpireStore *store, Package *p, SpireRecord *ev, SpireRecord *rubric, const char *name,
              GError **error)
{
  g_autoptr (JsonBuilder) marker = json_builder_new ();
  g_autoptr (JsonNode) marker_root = NULL;
  g_autofree char *marker_text = NULL;

  json_builder_begin_object (marker);
  _spire_json_add_string (marker, "package", p->package);
  _spire_json_add_string (marker, "cohort", _spire_json_member_string (p->cohort, "uuid"));
  _spire_json_add_string (marker, "evaluator", spire_record_get_uuid (ev));
  _spire_json_add_int (marker, "rubric_version", spire_record_get_int (rubric, "version"));
  _spire_json_add_string (marker, "exported_at", p->exported_at);
  _spire_json_add_string (marker, "exported_by",
                          _spire_json_member_string (p->root, "exported_by"));
  _spire_json_add_string (marker, "file", name);
  json_builder_end_object (marker);
  marker_root = json_builder_get_root (marker);
  marker_text = _spire_json_text (marker_root, FALSE);
  return spire_store_audit (store, "package", p->package, "open", NULL, marker_text, error);
}

/* Everything, inside the caller's transaction. */
static gboolean
install_all (SpireStore *store, Ctx *ctx, Package *p, const char *name)
{
  g_autoptr (GHashTable) criteria = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) assignments =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (SpireRecord) ev = NULL;

  if (!install_cohort (store, ctx, p))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (p->applications); i++)
    if (!install_application (store, ctx, p->applications, i, assignments))
      return FALSE;
  rubric = install_rubric (store, ctx, p, criteria);
  ev = rubric ? install_evaluator (store, ctx, p) : NULL;
  return ev != NULL && install_assignments (store, ev, assignments, ctx->error) &&
         drop_old_criteria (store, rubric, criteria, ctx->error) &&
         reopen_old_reviews (store, rubric, ev, ctx->error) &&
         write_marker (store, p, ev, rubric, name, ctx->error);
}

/* Public API */

gboolean
spire_package_get_info (SpireStore *store, char **package_id, char **cohort_uuid,
                        char **evaluator_uuid, GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *o;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  rows = _spire_store_query (store, error,
                             "SELECT entity_uuid, after FROM audit WHERE entity = 'package' "
                             "AND action = 'open' ORDER BY id DESC LIMIT 1",
                             0);
  if (rows == NULL)
    return FALSE;
  if (rows->len == 0 || !json_parser_load_from_data (parser, COL (rows->pdata[0], 1), -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return spire_fail (error, SPIRE_ERROR_NOT_FOUND,
                       _("This database was not made from an evaluation package. Open the "
                          "package you were sent to score applications."));
  o = json_node_get_object (json_parser_get_root (parser));
  if (package_id)
    *package_id = g_strdup (COL (rows->pdata[0], 0));
  if (cohort_uuid)
    *cohort_uuid = g_strdup (_spire_json_member_string (o, "cohort"));
  if (evaluator_uuid)
    *evaluator_uuid = g_strdup (_spire_json_member_string (o, "evaluator"));
  return TRUE;
}

gboolean
spire_package_install (SpireStore *store, const char *data, gssize length, const char *name,
                       GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  Ctx         ctx = { name ? name : "", error };
  Package     p = { 0 };
  JsonObject *root;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  root = _spire_package_parse (data, length, parser, ctx.name, SPIRE_FILE_PACKAGE, error);
  if (root == NULL)
    return FALSE;
  if (!_spire_package_check_format (root, SPIRE_FILE_PACKAGE, ctx.name, error) ||
      !read_package (root, &ctx, &p) || !check_database (store, &ctx, &p))
    return FALSE;

  if (!spire_store_begin (store, error))
    return FALSE;
  if (!install_all (store, &ctx, &p, name))
    {
      spire_store_rollback (store);
      return FALSE;
    }
  _spire_store_mark_changed (store, spire_kind_application.table);
  return spire_store_commit (store, error);
}

char *
spire_package_default_db_path (const char *cohort_uuid, const char *evaluator_uuid)
{
  g_autofree char *file = g_strdup_printf ("%s-%s.db", cohort_uuid, evaluator_uuid);

  return g_build_filename (g_get_user_data_dir (), "spire", "evaluations", file, NULL);
}

SpireStore *
spire_package_open_file (const char *package_path, const char *db_path, GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *base = NULL;
  g_autoptr (SpireStore) store = NULL;
  gsize    length = 0;
  gboolean existed;

  g_return_val_if_fail (package_path != NULL, NULL);

  data = _spire_exchange_read_file (package_path, NULL, SPIRE_READ_PACKAGE, &length, error);
  if (data == NULL)
    return NULL;
  base = g_path_get_basename (package_path);
  if (db_path == NULL)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      JsonObject *root =
          _spire_package_parse (data, (gssize) length, parser, base, SPIRE_FILE_PACKAGE, error);
      const char *members[] = { "cohort", "evaluator" };
      const char *uuids[G_N_ELEMENTS (members)];

      if (root == NULL || !_spire_package_check_format (root, SPIRE_FILE_PACKAGE, base, error))
        return NULL;
      /* The two name the database's file: from outside, checked before a
       * "../" in them can choose another file. */
      for (guint i = 0; i < G_N_ELEMENTS (members); i++)
        {
          uuids[i] = _spire_json_member_string (_spire_json_member_object (root, members[i]),
                                                "uuid");
          if (uuids[i] == NULL || !g_uuid_string_is_valid (uuids[i]))
            {
              g_autofree char *where = g_strconcat (members[i], ".uuid", NULL);
              Ctx ctx = { base, error };

              bad_package (&ctx, where, _("not a valid UUID"));
              return NULL;
            }
        }
      db_path = fallback = spire_package_default_db_path (uuids[0], uuids[1]);
    }
  existed = g_file_test (db_path, G_FILE_TEST_EXISTS);
  store = spire_store_open (db_path, error);
  if (store == NULL)
    return NULL;
  if (!spire_package_install (store, data, (gssize) length, base, error))
    {
      if (!existed)
        {
          g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

          g_clear_object (&store);
          g_unlink (db_path);
          g_unlink (wal);
          g_unlink (shm);
        }
      return NULL;
    }
  return g_steal_pointer (&store);
}

gint64
spire_package_file_count_applications (const char *path)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *data = NULL;
  g_autofree char *base = NULL;
  JsonObject *root;
  JsonArray *applications;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, -1);

  data = _spire_exchange_read_file (path, NULL, SPIRE_READ_PACKAGE, &length, NULL);
  if (data == NULL)
    return -1;
  base = g_path_get_basename (path);
  root = _spire_package_parse (data, (gssize) length, parser, base, SPIRE_FILE_PACKAGE, NULL);
  applications = _spire_json_member_array (root, "applications");
  return applications ? (gint64) json_array_get_length (applications) : -1;
}
