/* spire-package-export.c — an evaluation package for one panel member
 *
 * The manager's side of offline evaluation: everything a panel member needs
 * to score their applications (spire-package.h draws the file), written
 * with their secret token, and a package record that an imported score
 * sheet is later recognised by.  Only assigned applications without a
 * conflict of interest go out; in a blind cohort the company is replaced
 * by a stand-in.
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

/* What one export gathers before it writes anything. */
typedef struct
{
  SpireRecord *cohort;
  SpireRecord *program;
  SpireRecord *ev;
  SpireRecord *person;
  SpireRecord *rubric;
  GPtrArray   *criteria;
  GPtrArray   *rows;              /* assignment uuid, application uuid */
  GPtrArray   *application_uuids; /* char*, as the package holds them */
  char        *token;
  gboolean     new_token;
  gboolean     blind;
  char        *uuid;
  char        *now;
} Export;

static void
export_clear (Export *ex)
{
  g_clear_object (&ex->cohort);
  g_clear_object (&ex->program);
  g_clear_object (&ex->ev);
  g_clear_object (&ex->person);
  g_clear_object (&ex->rubric);
  g_clear_pointer (&ex->criteria, g_ptr_array_unref);
  g_clear_pointer (&ex->rows, g_ptr_array_unref);
  g_clear_pointer (&ex->application_uuids, g_ptr_array_unref);
  g_clear_pointer (&ex->token, g_free);
  g_clear_pointer (&ex->uuid, g_free);
  g_clear_pointer (&ex->now, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

/* A stand-in identity for an applicant in a blind cohort: stable for the
 * evaluator (derived from their secret token), telling nothing. */
static void
pseudonym (const char *token, const char *application_uuid, char **uuid, char **name)
{
  g_autofree char *seed = g_strconcat (token, ":", application_uuid, NULL);
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);
  g_autofree char *tag = g_ascii_strup (hex + 32, 6);

  hex[12] = '4';
  hex[16] = "89ab"[g_ascii_xdigit_value (hex[16]) & 3];
  *uuid = g_strdup_printf ("%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
  /* TRANSLATORS: a stand-in name for an applicant in blind evaluation */
  *name = g_strdup_printf (_("Applicant %s"), tag);
}

static void
add_record (JsonBuilder *b, const char *name, SpireRecord *record)
{
  json_builder_set_member_name (b, name);
  if (record)
    json_builder_add_value (b, spire_record_to_json (record, FALSE));
  else
    json_builder_add_null_value (b);
}

static SpireRecord *
get_or_null (SpireStore *store, const SpireKind *kind, const char *uuid)
{
  return uuid ? spire_store_get (store, kind, uuid, NULL) : NULL;
}

/* Gathering */

/* The cohort, its program, and the panel member, who must score on it. */
static gboolean
load_panel_member (SpireStore *store, Export *ex, const char *cohort_uuid,
                   const char *evaluator_uuid, GError **error)
{
  ex->cohort = spire_store_get (store, &spire_kind_cohort, cohort_uuid, error);
  if (ex->cohort == NULL)
    return FALSE;
  ex->program = spire_store_get (store, &spire_kind_program,
                                 spire_record_get_text (ex->cohort, "program"), error);
  ex->ev =
      ex->program ? spire_store_get (store, &spire_kind_evaluator, evaluator_uuid, error) : NULL;
  if (ex->ev == NULL)
    return FALSE;
  ex->person =
      spire_store_get (store, &spire_kind_person, spire_record_get_text (ex->ev, "person"), error);
  if (ex->person == NULL)
    return FALSE;
  if (g_strcmp0 (spire_record_get_text (ex->ev, "cohort"), cohort_uuid) != 0)
    return spire_fail (error, SPIRE_ERROR_INVALID, _("%s is not on the panel of “%s”."),
                       spire_record_get_display_name (ex->person),
                       spire_record_get_display_name (ex->cohort));
  if (g_strcmp0 (spire_record_get_text (ex->ev, "role"), "observer") == 0)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                       _("%s is an observer and does not score, so there is no evaluation "
                          "package for them."),
                       spire_record_get_display_name (ex->person));
  ex->blind = spire_record_get_bool (ex->cohort, "blind");
  return TRUE;
}

/* The rubric with its criteria, and the applications the member scores. */
static gboolean
load_rubric_and_rows (SpireStore *store, Export *ex, const char *cohort_uuid,
                      const char *evaluator_uuid, GError **error)
{
  ex->rubric = spire_rubric_get_for_cohort (store, cohort_uuid, error);
  if (ex->rubric == NULL)
    return FALSE;
  ex->criteria = spire_rubric_list_criteria (store, spire_record_get_uuid (ex->rubric), error);
  if (ex->criteria == NULL)
    return FALSE;
  if (ex->criteria->len == 0)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                       _("The rubric of “%s” has no criteria yet. Add them before sending "
                          "packages to the panel."),
                       spire_record_get_display_name (ex->cohort));
  ex->rows = _spire_store_query (store, error,
                                 "SELECT s.uuid, a.uuid FROM assignments s "
                                 "JOIN applications a ON a.uuid = s.application "
                                 "WHERE s.evaluator = ?1 AND s.state <> 'declined' "
                                 "AND a.status NOT IN ('ineligible', 'withdrawn') "
                                 "AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.evaluator = ?1 "
                                 "AND c.dismissed_at IS NULL "
                                 "AND (c.application = a.uuid OR c.startup = a.startup)) "
                                 "ORDER BY a.title COLLATE NB, a.uuid",
                                 1, evaluator_uuid);
  return ex->rows != NULL;
}

/* The member's token; made on their first package. */
static gboolean
ensure_token (Export *ex, GError **error)
{
  ex->token = g_strdup (spire_record_get_text (ex->ev, "token"));
  if (_spire_token_decode (ex->token, (guint8[SPIRE_TOKEN_BYTES]){ 0 }))
    return TRUE;
  g_free (ex->token);
  ex->token = _spire_token_new (error);
  if (ex->token == NULL)
    return FALSE;
  ex->new_token = TRUE;
  return TRUE;
}

/* Writing the package */

/* Everything before "applications". */
static void
add_head (SpireStore *store, JsonBuilder *b, Export *ex)
{
  JsonNode *node;

  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, SPIRE_PACKAGE_FORMAT);
  _spire_json_add_int (b, "version", SPIRE_PACKAGE_VERSION);
  _spire_json_add_string (b, "package", ex->uuid);
  _spire_json_add_string (b, "exported_at", ex->now);
  _spire_json_add_string (b, "exported_by", spire_store_get_actor (store));
  _spire_json_add_string (b, "token", ex->token);
  add_record (b, "program", ex->program);
  add_record (b, "cohort", ex->cohort);
  node = spire_record_to_json (ex->ev, FALSE);
  json_object_set_string_member (json_node_get_object (node), "name",
                                 spire_record_get_display_name (ex->person));
  json_builder_set_member_name (b, "evaluator");
  json_builder_add_value (b, node);
  json_builder_set_member_name (b, "person");
  json_builder_begin_object (b);
  _spire_json_add_string (b, "uuid", spire_record_get_uuid (ex->person));
  _spire_json_add_string (b, "name", spire_record_get_display_name (ex->person));
  json_builder_end_object (b);
  add_record (b, "rubric", ex->rubric);
  json_builder_set_member_name (b, "criteria");
  json_builder_begin_array (b);
  for (guint i = 0; i < ex->criteria->len; i++)
    json_builder_add_value (b, spire_record_to_json (ex->criteria->pdata[i], FALSE));
  json_builder_end_array (b);
}

/* In a blind cohort: a stand-in for the company, and no contact. */
static void
add_stand_in (JsonBuilder *b, Export *ex, SpireRecord *app, JsonNode *app_node)
{
  g_autofree char *p_uuid = NULL;
  g_autofree char *p_name = NULL;

  pseudonym (ex->token, spire_record_get_uuid (app), &p_uuid, &p_name);
  json_object_set_string_member (json_node_get_object (app_node), "startup", p_uuid);
  json_object_set_null_member (json_node_get_object (app_node), "contact");
  json_builder_begin_object (b);
  _spire_json_add_string (b, "uuid", p_uuid);
  _spire_json_add_string (b, "name", p_name);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "contact");
  json_builder_add_null_value (b);
}

/* The company and its contact, without what points elsewhere. */
static void
add_startup (SpireStore *store, JsonBuilder *b, SpireRecord *app)
{
  g_autoptr (SpireRecord) startup = NULL;
  g_autoptr (SpireRecord) contact = NULL;

  startup = get_or_null (store, &spire_kind_startup, spire_record_get_text (app, "startup"));
  contact = get_or_null (store, &spire_kind_person, spire_record_get_text (app, "contact"));
  if (contact)
    {
      spire_record_set_null (contact, "public_body");
      if (g_strcmp0 (spire_record_get_text (contact, "startup"),
                     spire_record_get_text (app, "startup")) != 0)
        spire_record_set_null (contact, "startup");
    }
  json_builder_add_value (b, startup ? spire_record_to_json (startup, FALSE)
                                     : json_node_new (JSON_NODE_NULL));
  add_record (b, "contact", contact);
}

/* One element of "applications": @row is (assignment uuid, application uuid). */
static gboolean
add_application (SpireStore *store, JsonBuilder *b, Export *ex, gpointer row, GError **error)
{
  /* In a blind cohort the package holds the application as the panel
   * sees it: the company's name is gone from its texts too. */
  g_autoptr (SpireRecord) app =
      ex->blind ? spire_application_for_panel (store, COL (row, 1), error)
                : spire_store_get (store, &spire_kind_application, COL (row, 1), error);
  g_autoptr (SpireRecord) challenge = NULL;
  g_autoptr (SpireRecord) owner = NULL;
  JsonNode *app_node;

  if (app == NULL)
    return FALSE;
  g_ptr_array_add (ex->application_uuids, g_strdup (spire_record_get_uuid (app)));
  challenge = get_or_null (store, &spire_kind_challenge, spire_record_get_text (app, "challenge"));
  if (challenge)
    owner =
        get_or_null (store, &spire_kind_public_body, spire_record_get_text (challenge, "owner"));
  if (owner)
    spire_record_set_null (owner, "parent");

  json_builder_begin_object (b);
  _spire_json_add_string (b, "assignment", COL (row, 0));
  app_node = spire_record_to_json (app, FALSE);
  json_builder_set_member_name (b, "startup");
  if (ex->blind)
    add_stand_in (b, ex, app, app_node);
  else
    add_startup (store, b, app);
  json_builder_set_member_name (b, "application");
  json_builder_add_value (b, app_node);
  add_record (b, "challenge", challenge);
  add_record (b, "owner", owner);
  json_builder_end_object (b);
  return TRUE;
}

/* The package's text, NULL if an application cannot be read. */
static char *
package_text (SpireStore *store, Export *ex, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (b);
  add_head (store, b, ex);
  json_builder_set_member_name (b, "applications");
  json_builder_begin_array (b);
  for (guint i = 0; i < ex->rows->len; i++)
    if (!add_application (store, b, ex, ex->rows->pdata[i], error))
      return NULL;
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return _spire_json_text (root, TRUE);
}

/* What the manager's database remembers of this package */

static JsonArray *
criteria_uuids (Export *ex)
{
  JsonArray *a = json_array_new ();

  for (guint i = 0; i < ex->criteria->len; i++)
    json_array_add_string_element (a, spire_record_get_uuid (ex->criteria->pdata[i]));
  return a;
}

static JsonArray *
application_uuids (Export *ex)
{
  JsonArray *a = json_array_new ();

  for (guint i = 0; i < ex->application_uuids->len; i++)
    json_array_add_string_element (a, ex->application_uuids->pdata[i]);
  return a;
}

static char *
array_text (JsonArray *array)
{
  g_autoptr (JsonNode) node = json_node_init_array (json_node_alloc (), array);

  json_array_unref (array);
  return _spire_json_text (node, FALSE);
}

/* The audit entry's "after". */
static char *
registry_text (Export *ex, const char *cohort_uuid)
{
  g_autoptr (JsonBuilder) reg = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (reg);
  _spire_json_add_string (reg, "package", ex->uuid);
  _spire_json_add_string (reg, "cohort", cohort_uuid);
  _spire_json_add_string (reg, "rubric", spire_record_get_uuid (ex->rubric));
  _spire_json_add_int (reg, "rubric_version", spire_record_get_int (ex->rubric, "version"));
  _spire_json_add_string (reg, "exported_at", ex->now);
  json_builder_set_member_name (reg, "criteria");
  json_builder_add_value (reg, json_node_init_array (json_node_alloc (), criteria_uuids (ex)));
  json_builder_set_member_name (reg, "applications");
  json_builder_add_value (reg, json_node_init_array (json_node_alloc (), application_uuids (ex)));
  json_builder_end_object (reg);
  root = json_builder_get_root (reg);
  return _spire_json_text (root, FALSE);
}

/* The package on record: how a sheet that answers it is recognised. */
static SpireRecord *
registered_package (SpireStore *store, Export *ex, const char *cohort_uuid,
                    const char *evaluator_uuid)
{
  SpireRecord     *registered = spire_record_new (&spire_kind_package);
  g_autofree char *c_text = array_text (criteria_uuids (ex));
  g_autofree char *a_text = array_text (application_uuids (ex));

  spire_record_set_text (registered, "uuid", ex->uuid);
  spire_record_set_text (registered, "evaluator", evaluator_uuid);
  spire_record_set_text (registered, "cohort", cohort_uuid);
  spire_record_set_int (registered, "rubric_version", spire_record_get_int (ex->rubric, "version"));
  spire_record_set_text (registered, "criteria", c_text);
  spire_record_set_text (registered, "applications", a_text);
  spire_record_set_text (registered, "exported_by", spire_store_get_actor (store));
  spire_record_set_text (registered, "exported_at", ex->now);
  return registered;
}

/* The new token (if any), the package record and the audit entry, together. */
static gboolean
save_export (SpireStore *store, Export *ex, const char *cohort_uuid, const char *evaluator_uuid,
             GError **error)
{
  g_autoptr (SpireRecord) registered = registered_package (store, ex, cohort_uuid, evaluator_uuid);
  g_autofree char *reg_text = registry_text (ex, cohort_uuid);

  if (!spire_store_begin (store, error))
    return FALSE;
  if (ex->new_token)
    {
      spire_record_set_text (ex->ev, "token", ex->token);
      /* No ordinary audit entry: it would copy the secret into the history. */
      if (!spire_store_save (store, ex->ev, SPIRE_SAVE_NO_AUDIT, NULL, error) ||
          !spire_store_audit (store, "evaluator", evaluator_uuid, "create-token", NULL, NULL,
                              error))
        goto fail;
    }
  if (!spire_store_save (store, registered, SPIRE_SAVE_DEFAULT, NULL, error) ||
      !spire_store_audit (store, "evaluator", evaluator_uuid, "export-package", NULL, reg_text,
                          error))
    goto fail;
  return spire_store_commit (store, error);

fail:
  spire_store_rollback (store);
  return FALSE;
}

/* Public API */

char *
spire_package_export (SpireStore *store, const char *cohort_uuid, const char *evaluator_uuid,
                      char **package_id, GError **error)
{
  g_auto (Export) ex = { 0 };
  g_autofree char *text = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if (package_id)
    *package_id = NULL;
  if (!load_panel_member (store, &ex, cohort_uuid, evaluator_uuid, error) ||
      !load_rubric_and_rows (store, &ex, cohort_uuid, evaluator_uuid, error) ||
      !ensure_token (&ex, error))
    return NULL;
  ex.uuid = spire_uuid_new ();
  ex.now = spire_now_utc ();
  ex.application_uuids = g_ptr_array_new_with_free_func (g_free);

  text = package_text (store, &ex, error);
  if (text == NULL || !save_export (store, &ex, cohort_uuid, evaluator_uuid, error))
    return NULL;
  if (package_id)
    *package_id = g_strdup (ex.uuid);
  return g_steal_pointer (&text);
}

gboolean
spire_package_export_file (SpireStore *store, const char *cohort_uuid, const char *evaluator_uuid,
                           const char *path, GError **error)
{
  g_autofree char *text = NULL;

  /* The export is recorded only when the file was written. */
  if (!spire_store_begin (store, error))
    return FALSE;
  text = spire_package_export (store, cohort_uuid, evaluator_uuid, NULL, error);
  if (text == NULL || !_spire_exchange_write_private_file (path, text, error))
    {
      spire_store_rollback (store);
      return FALSE;
    }
  if (!spire_store_commit (store, error))
    {
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}
