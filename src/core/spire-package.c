/* spire-package.c — evaluation packages and signed score sheets
 *
 * See spire-package.h for the two file formats and exactly what is signed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-package"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <sys/random.h>

#include "spire-error.h"
#include "spire-evaluation.h"
#include "spire-package.h"
#include "spire-records.h"
#include "spire-job-private.h"
#include "spire-store-private.h"

#define TOKEN_BYTES 32

/* Helpers */

#define COL SPIRE_ROW_TEXT


static JsonNode *
member (JsonObject *o, const char *name)
{
  return o && name ? json_object_get_member (o, name) : NULL;
}

static const char *
member_string (JsonObject *o, const char *name)
{
  JsonNode *n = member (o, name);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static JsonObject *
member_object (JsonObject *o, const char *name)
{
  JsonNode *n = member (o, name);

  return n && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static JsonArray *
member_array (JsonObject *o, const char *name)
{
  JsonNode *n = member (o, name);

  return n && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

/* A number member: TRUE with *@value set (NAN for null), FALSE when it is
 * missing or not a number. */
static gboolean
member_number (JsonObject *o, const char *name, gboolean null_ok, double *value)
{
  JsonNode *n = member (o, name);
  GType t;

  if (n != NULL && JSON_NODE_HOLDS_NULL (n) && null_ok)
    {
      *value = NAN;
      return TRUE;
    }
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n))
    return FALSE;
  t = json_node_get_value_type (n);
  if (t == G_TYPE_INT64)
    *value = (double) json_node_get_int (n);
  else if (t == G_TYPE_DOUBLE)
    *value = json_node_get_double (n);
  else
    return FALSE;
  return TRUE;
}

static void
add_string_or_null (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static char *
json_text (JsonNode *root, gboolean pretty)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();

  json_generator_set_pretty (gen, pretty);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

/* Tokens */

static char *
new_token (GError **error)
{
  guint8 bytes[TOKEN_BYTES];
  gsize got = 0;
  GString *hex;

  while (got < sizeof bytes)
    {
      ssize_t n = getrandom (bytes + got, sizeof bytes - got, 0);

      if (n < 0)
        {
          int e = errno;

          if (e == EINTR)
            continue;
          spire_fail (error, SPIRE_ERROR_IO,
                _("Spire could not get the random numbers for a package token: %s"),
                g_strerror (e));
          return NULL;
        }
      got += (gsize) n;
    }
  hex = g_string_sized_new (2 * TOKEN_BYTES);
  for (guint i = 0; i < TOKEN_BYTES; i++)
    g_string_append_printf (hex, "%02x", bytes[i]);
  memset (bytes, 0, sizeof bytes);
  return g_string_free (hex, FALSE);
}

static gboolean
token_decode (const char *token, guint8 key[TOKEN_BYTES])
{
  if (token == NULL || strlen (token) != 2 * TOKEN_BYTES)
    return FALSE;
  for (guint i = 0; i < TOKEN_BYTES; i++)
    {
      int hi = g_ascii_xdigit_value (token[2 * i]), lo = g_ascii_xdigit_value (token[2 * i + 1]);

      if (hi < 0 || lo < 0)
        return FALSE;
      key[i] = (guint8) (hi << 4 | lo);
    }
  return TRUE;
}

/* Canonical serialisation */

static void canon_node (GString *out, JsonNode *node);

static void
canon_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) s; p && *p; p++)
    {
      if (*p == '"')
        g_string_append (out, "\\\"");
      else if (*p == '\\')
        g_string_append (out, "\\\\");
      else if (*p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, (char) *p);
    }
  g_string_append_c (out, '"');
}

static void
canon_number (GString *out, double d)
{
  if (d == floor (d) && fabs (d) <= 9007199254740992.0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) d);
  else
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.17g", d));
    }
}

static void
canon_object (GString *out, JsonObject *o, const char *skip)
{
  GList *names = g_list_sort (json_object_get_members (o), (GCompareFunc) strcmp);
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  for (GList *l = names; l; l = l->next)
    {
      if (skip && strcmp (l->data, skip) == 0)
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      canon_string (out, l->data);
      g_string_append_c (out, ':');
      canon_node (out, json_object_get_member (o, l->data));
    }
  g_string_append_c (out, '}');
  g_list_free (names);
}

static void
canon_node (GString *out, JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      canon_object (out, json_node_get_object (node), NULL);
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *a = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (a); i++)
          {
            if (i)
              g_string_append_c (out, ',');
            canon_node (out, json_array_get_element (a, i));
          }
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          canon_number (out, json_node_get_double (node));
          break;
        default:
          canon_string (out, json_node_get_string (node));
          break;
        }
      break;
    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

char *
spire_package_canonical_json (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);

  canon_node (out, node);
  return g_string_free (out, FALSE);
}

char *
spire_package_sign (JsonObject *sheet, const char *token)
{
  guint8 key[TOKEN_BYTES];
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GHmac) hmac = NULL;
  char *sig;

  g_return_val_if_fail (sheet != NULL, NULL);

  if (!token_decode (token, key))
    return NULL;
  canon_object (text, sheet, "signature");
  hmac = g_hmac_new (G_CHECKSUM_SHA256, key, sizeof key);
  g_hmac_update (hmac, (const guchar *) text->str, (gssize) text->len);
  sig = g_strdup (g_hmac_get_string (hmac));
  memset (key, 0, sizeof key);
  return sig;
}

/* Compares two signatures in time independent of where they differ. */
static gboolean
signature_equal (const char *a, const char *b)
{
  gsize la = a ? strlen (a) : 0, lb = b ? strlen (b) : 0;
  guint diff = 0;

  if (la != lb || la == 0)
    return FALSE;
  for (gsize i = 0; i < la; i++)
    diff |= (guint) (g_ascii_tolower (a[i]) ^ g_ascii_tolower (b[i]));
  return diff == 0;
}

/* Writing files */

static gboolean
write_private_file (const char *path, const char *text, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (!g_file_set_contents_full (path, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local))
    return spire_fail (error, SPIRE_ERROR_IO, _("Spire cannot write “%s”: %s"), path, local->message);
  return TRUE;
}

static char *
read_file (const char *path, gsize *length, GError **error)
{
  g_autoptr (GError) local = NULL;
  char *data = NULL;

  if (!g_file_get_contents (path, &data, length, &local))
    {
      spire_fail (error, SPIRE_ERROR_IO, _("Spire cannot read “%s”: %s"), path, local->message);
      return NULL;
    }
  return data;
}

/* Exporting a package */

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
  *uuid = g_strdup_printf ("%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16,
                           hex + 20);
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

char *
spire_package_export (SpireStore *store, const char *cohort_uuid, const char *evaluator_uuid,
                      char **package_id, GError **error)
{
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (SpireRecord) program = NULL;
  g_autoptr (SpireRecord) ev = NULL;
  g_autoptr (SpireRecord) person = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (JsonBuilder) b = NULL;
  g_autoptr (JsonBuilder) reg = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonNode) reg_root = NULL;
  g_autoptr (JsonArray) criteria_uuids = json_array_new ();
  g_autoptr (JsonArray) application_uuids = json_array_new ();
  g_autoptr (SpireRecord) registered = NULL;
  g_autofree char *token = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  g_autofree char *reg_text = NULL;
  gboolean new_token_made = FALSE, blind;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if (package_id)
    *package_id = NULL;
  cohort = spire_store_get (store, &spire_kind_cohort, cohort_uuid, error);
  if (cohort == NULL)
    return NULL;
  program = spire_store_get (store, &spire_kind_program,
                             spire_record_get_text (cohort, "program"), error);
  ev = program ? spire_store_get (store, &spire_kind_evaluator, evaluator_uuid, error) : NULL;
  if (ev == NULL)
    return NULL;
  person = spire_store_get (store, &spire_kind_person, spire_record_get_text (ev, "person"), error);
  if (person == NULL)
    return NULL;
  if (g_strcmp0 (spire_record_get_text (ev, "cohort"), cohort_uuid) != 0)
    {
      spire_fail (error, SPIRE_ERROR_INVALID, _("%s is not on the panel of “%s”."),
            spire_record_get_display_name (person), spire_record_get_display_name (cohort));
      return NULL;
    }
  if (g_strcmp0 (spire_record_get_text (ev, "role"), "observer") == 0)
    {
      spire_fail (error, SPIRE_ERROR_INVALID,
            _("%s is an observer and does not score, so there is no evaluation package for "
              "them."),
            spire_record_get_display_name (person));
      return NULL;
    }
  rubric = spire_rubric_get_for_cohort (store, cohort_uuid, error);
  if (rubric == NULL)
    return NULL;
  criteria = spire_rubric_list_criteria (store, spire_record_get_uuid (rubric), error);
  if (criteria == NULL)
    return NULL;
  if (criteria->len == 0)
    {
      spire_fail (error, SPIRE_ERROR_INVALID,
            _("The rubric of “%s” has no criteria yet. Add them before sending packages to "
              "the panel."),
            spire_record_get_display_name (cohort));
      return NULL;
    }
  rows = _spire_store_query (store, error,
                "SELECT s.uuid, a.uuid FROM assignments s "
                "JOIN applications a ON a.uuid = s.application "
                "WHERE s.evaluator = ?1 AND s.state <> 'declined' "
                "AND a.status NOT IN ('ineligible', 'withdrawn') "
                "AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.evaluator = ?1 "
                "AND c.dismissed_at IS NULL "
                "AND (c.application = a.uuid OR c.startup = a.startup)) "
                "ORDER BY a.title COLLATE NB, a.uuid",
                1, evaluator_uuid);
  if (rows == NULL)
    return NULL;

  token = g_strdup (spire_record_get_text (ev, "token"));
  if (!token_decode (token, (guint8[TOKEN_BYTES]) { 0 }))
    {
      g_free (token);
      token = new_token (error);
      if (token == NULL)
        return NULL;
      new_token_made = TRUE;
    }
  uuid = spire_uuid_new ();
  now = spire_now_utc ();
  blind = spire_record_get_bool (cohort, "blind");

  b = json_builder_new ();
  reg = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, SPIRE_PACKAGE_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, SPIRE_PACKAGE_VERSION);
  json_builder_set_member_name (b, "package");
  json_builder_add_string_value (b, uuid);
  json_builder_set_member_name (b, "exported_at");
  json_builder_add_string_value (b, now);
  json_builder_set_member_name (b, "exported_by");
  json_builder_add_string_value (b, spire_store_get_actor (store));
  json_builder_set_member_name (b, "token");
  json_builder_add_string_value (b, token);
  add_record (b, "program", program);
  add_record (b, "cohort", cohort);
  {
    JsonNode *node = spire_record_to_json (ev, FALSE);

    json_object_set_string_member (json_node_get_object (node), "name",
                                   spire_record_get_display_name (person));
    json_builder_set_member_name (b, "evaluator");
    json_builder_add_value (b, node);
  }
  json_builder_set_member_name (b, "person");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "uuid");
  json_builder_add_string_value (b, spire_record_get_uuid (person));
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, spire_record_get_display_name (person));
  json_builder_end_object (b);
  add_record (b, "rubric", rubric);
  json_builder_set_member_name (b, "criteria");
  json_builder_begin_array (b);
  for (guint i = 0; i < criteria->len; i++)
    json_builder_add_value (b, spire_record_to_json (criteria->pdata[i], FALSE));
  json_builder_end_array (b);

  /* What the manager's database remembers of this package. */
  json_builder_begin_object (reg);
  json_builder_set_member_name (reg, "package");
  json_builder_add_string_value (reg, uuid);
  json_builder_set_member_name (reg, "cohort");
  json_builder_add_string_value (reg, cohort_uuid);
  json_builder_set_member_name (reg, "rubric");
  json_builder_add_string_value (reg, spire_record_get_uuid (rubric));
  json_builder_set_member_name (reg, "rubric_version");
  json_builder_add_int_value (reg, spire_record_get_int (rubric, "version"));
  json_builder_set_member_name (reg, "exported_at");
  json_builder_add_string_value (reg, now);
  json_builder_set_member_name (reg, "criteria");
  json_builder_begin_array (reg);
  for (guint i = 0; i < criteria->len; i++)
    {
      json_builder_add_string_value (reg, spire_record_get_uuid (criteria->pdata[i]));
      json_array_add_string_element (criteria_uuids, spire_record_get_uuid (criteria->pdata[i]));
    }
  json_builder_end_array (reg);
  json_builder_set_member_name (reg, "applications");
  json_builder_begin_array (reg);

  json_builder_set_member_name (b, "applications");
  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    {
      /* In a blind cohort the package holds the application as the panel
       * sees it: the company's name is gone from its texts too. */
      g_autoptr (SpireRecord) app =
        blind ? spire_application_for_panel (store, COL (rows->pdata[i], 1), error)
              : spire_store_get (store, &spire_kind_application, COL (rows->pdata[i], 1), error);
      g_autoptr (SpireRecord) startup = NULL;
      g_autoptr (SpireRecord) contact = NULL;
      g_autoptr (SpireRecord) challenge = NULL;
      g_autoptr (SpireRecord) owner = NULL;
      JsonNode *app_node;

      if (app == NULL)
        return NULL;
      json_builder_add_string_value (reg, spire_record_get_uuid (app));
      json_array_add_string_element (application_uuids, spire_record_get_uuid (app));
      challenge = get_or_null (store, &spire_kind_challenge, spire_record_get_text (app, "challenge"));
      if (challenge)
        owner = get_or_null (store, &spire_kind_public_body, spire_record_get_text (challenge, "owner"));
      if (owner)
        spire_record_set_null (owner, "parent");

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "assignment");
      json_builder_add_string_value (b, COL (rows->pdata[i], 0));
      app_node = spire_record_to_json (app, FALSE);
      json_builder_set_member_name (b, "startup");
      if (blind)
        {
          g_autofree char *p_uuid = NULL;
          g_autofree char *p_name = NULL;

          pseudonym (token, spire_record_get_uuid (app), &p_uuid, &p_name);
          json_object_set_string_member (json_node_get_object (app_node), "startup", p_uuid);
          json_object_set_null_member (json_node_get_object (app_node), "contact");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "uuid");
          json_builder_add_string_value (b, p_uuid);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, p_name);
          json_builder_end_object (b);
          json_builder_set_member_name (b, "contact");
          json_builder_add_null_value (b);
        }
      else
        {
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
      json_builder_set_member_name (b, "application");
      json_builder_add_value (b, app_node);
      add_record (b, "challenge", challenge);
      add_record (b, "owner", owner);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_array (reg);
  json_builder_end_object (reg);
  root = json_builder_get_root (b);
  reg_root = json_builder_get_root (reg);
  reg_text = json_text (reg_root, FALSE);

  /* The package on record: how a sheet that answers it is recognised. */
  registered = spire_record_new (&spire_kind_package);
  spire_record_set_text (registered, "uuid", uuid);
  spire_record_set_text (registered, "evaluator", evaluator_uuid);
  spire_record_set_text (registered, "cohort", cohort_uuid);
  spire_record_set_int (registered, "rubric_version", spire_record_get_int (rubric, "version"));
  {
    g_autoptr (JsonNode) c_node = json_node_init_array (json_node_alloc (), criteria_uuids);
    g_autoptr (JsonNode) a_node = json_node_init_array (json_node_alloc (), application_uuids);
    g_autofree char *c_text = json_text (c_node, FALSE);
    g_autofree char *a_text = json_text (a_node, FALSE);

    spire_record_set_text (registered, "criteria", c_text);
    spire_record_set_text (registered, "applications", a_text);
  }
  spire_record_set_text (registered, "exported_by", spire_store_get_actor (store));
  spire_record_set_text (registered, "exported_at", now);

  if (!spire_store_begin (store, error))
    return NULL;
  if (new_token_made)
    {
      spire_record_set_text (ev, "token", token);
      /* No ordinary audit entry: it would copy the secret into the history. */
      if (!spire_store_save (store, ev, SPIRE_SAVE_NO_AUDIT, NULL, error) ||
          !spire_store_audit (store, "evaluator", evaluator_uuid, "create-token", NULL, NULL,
                              error))
        goto fail;
    }
  if (!spire_store_save (store, registered, SPIRE_SAVE_DEFAULT, NULL, error) ||
      !spire_store_audit (store, "evaluator", evaluator_uuid, "export-package", NULL, reg_text,
                          error))
    goto fail;
  if (!spire_store_commit (store, error))
    return NULL;
  if (package_id)
    *package_id = g_strdup (uuid);
  return json_text (root, TRUE);

fail:
  spire_store_rollback (store);
  return NULL;
}

gboolean
spire_package_export_file (SpireStore *store, const char *cohort_uuid,
                           const char *evaluator_uuid, const char *path, GError **error)
{
  g_autofree char *text = NULL;

  /* The export is recorded only when the file was written. */
  if (!spire_store_begin (store, error))
    return FALSE;
  text = spire_package_export (store, cohort_uuid, evaluator_uuid, NULL, error);
  if (text == NULL || !write_private_file (path, text, error))
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

/* Evaluator databases */

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
                 _("This database was not made from an evaluation package. Open the package "
                   "you were sent to score applications."));
  o = json_node_get_object (json_parser_get_root (parser));
  if (package_id)
    *package_id = g_strdup (COL (rows->pdata[0], 0));
  if (cohort_uuid)
    *cohort_uuid = g_strdup (member_string (o, "cohort"));
  if (evaluator_uuid)
    *evaluator_uuid = g_strdup (member_string (o, "evaluator"));
  return TRUE;
}

typedef struct
{
  const char *name; /* of the file */
  GError **error;
} Ctx;

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
  if (!spire_store_save (store, r, SPIRE_SAVE_NO_AUDIT | SPIRE_SAVE_KEEP_TIMES, NULL,
                         ctx->error))
    return NULL;
  return g_steal_pointer (&r);
}

/* Messages about a file, with the kind of file in the sentence (not pieced
 * together: the words change with the kind in Norwegian). */
typedef enum
{
  FILE_PACKAGE,
  FILE_SHEET,
} FileKind;

static JsonObject *
parse_object (const char *data, gssize length, JsonParser *parser, const char *name,
              FileKind kind, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (!json_parser_load_from_data (parser, data, length, &local))
    {
      if (kind == FILE_SHEET)
        /* TRANSLATORS: "“kari.json” is not a valid score sheet: <line:column: what is wrong>" */
        spire_fail (error, SPIRE_ERROR_PARSE, _("“%s” is not a valid score sheet: %s"), name,
              local->message);
      else
        spire_fail (error, SPIRE_ERROR_PARSE, _("“%s” is not a valid evaluation package: %s"), name,
              local->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      if (kind == FILE_SHEET)
        spire_fail (error, SPIRE_ERROR_FORMAT,
              _("“%s” is not a valid score sheet: it holds no JSON object."), name);
      else
        spire_fail (error, SPIRE_ERROR_FORMAT,
              _("“%s” is not a valid evaluation package: it holds no JSON object."), name);
      return NULL;
    }
  return json_node_get_object (json_parser_get_root (parser));
}

static gboolean
check_format (JsonObject *o, FileKind kind, const char *name, GError **error)
{
  const char *format = kind == FILE_SHEET ? SPIRE_SHEET_FORMAT : SPIRE_PACKAGE_FORMAT;
  gint64 version = kind == FILE_SHEET ? SPIRE_SHEET_VERSION : SPIRE_PACKAGE_VERSION;
  const char *f = member_string (o, "format");
  double v = 0;

  if (g_strcmp0 (f, format) != 0)
    {
      if (kind == FILE_SHEET)
        return spire_fail (error, SPIRE_ERROR_FORMAT,
                     _("“%s” is not a score sheet (its format is “%s”). Choose the score "
                       "sheet the panel member exported."),
                     name, f ? f : "");
      return spire_fail (error, SPIRE_ERROR_FORMAT,
                   _("“%s” is not an evaluation package (its format is “%s”). Choose the "
                     "package the program manager sent you."),
                   name, f ? f : "");
    }
  if (!member_number (o, "version", FALSE, &v) || v < 1)
    {
      if (kind == FILE_SHEET)
        return spire_fail (error, SPIRE_ERROR_FORMAT,
                     _("“%s” is not a valid score sheet: it has no version."), name);
      return spire_fail (error, SPIRE_ERROR_FORMAT,
                   _("“%s” is not a valid evaluation package: it has no version."), name);
    }
  if (v > version)
    {
      if (kind == FILE_SHEET)
        return spire_fail (error, SPIRE_ERROR_NEWER_VERSION,
                     _("“%s” was made by a newer version of Spire (score sheet version %d; "
                       "this Spire reads up to %d). Update Spire to import it."),
                     name, (int) v, (int) version);
      return spire_fail (error, SPIRE_ERROR_NEWER_VERSION,
                   _("“%s” was made by a newer version of Spire (evaluation package version "
                     "%d; this Spire reads up to %d). Update Spire to open it."),
                   name, (int) v, (int) version);
    }
  return TRUE;
}

gboolean
spire_package_install (SpireStore *store, const char *data, gssize length, const char *name,
                       GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *old_cohort = NULL;
  g_autofree char *old_evaluator = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (SpireRecord) ev = NULL;
  g_autoptr (GHashTable) criteria = NULL;
  g_autoptr (GHashTable) assignments = NULL;
  g_autoptr (GPtrArray) local_criteria = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (JsonBuilder) marker = NULL;
  g_autoptr (JsonNode) marker_root = NULL;
  g_autofree char *marker_text = NULL;
  JsonObject *root, *cohort, *evaluator, *rubric_o;
  JsonArray *crit_a, *apps;
  const char *package, *token, *exported_at;
  Ctx ctx = { name ? name : "", error };
  gboolean had_marker;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  root = parse_object (data, length, parser, ctx.name, FILE_PACKAGE, error);
  if (root == NULL)
    return FALSE;
  if (!check_format (root, FILE_PACKAGE, ctx.name, error))
    return FALSE;
  package = member_string (root, "package");
  token = member_string (root, "token");
  exported_at = member_string (root, "exported_at");
  cohort = member_object (root, "cohort");
  evaluator = member_object (root, "evaluator");
  rubric_o = member_object (root, "rubric");
  crit_a = member_array (root, "criteria");
  apps = member_array (root, "applications");
  if (package == NULL || !g_uuid_string_is_valid (package))
    return bad_package (&ctx, "package", _("is missing"));
  if (!token_decode (token, (guint8[TOKEN_BYTES]) { 0 }))
    return bad_package (&ctx, "token", _("is not 64 hexadecimal digits"));
  if (cohort == NULL || evaluator == NULL || rubric_o == NULL || crit_a == NULL || apps == NULL)
    return bad_package (&ctx, cohort == NULL ? "cohort"
                                : evaluator == NULL ? "evaluator"
                                : rubric_o == NULL ? "rubric"
                                : crit_a == NULL ? "criteria" : "applications",
                        _("is missing"));

  had_marker = spire_package_get_info (store, NULL, &old_cohort, &old_evaluator, NULL);
  if (had_marker && (g_strcmp0 (old_cohort, member_string (cohort, "uuid")) != 0 ||
                     g_strcmp0 (old_evaluator, member_string (evaluator, "uuid")) != 0))
    return spire_fail (error, SPIRE_ERROR_NOT_EMPTY,
                 _("This evaluator database holds the package of another panel member or "
                   "cohort. Open “%s” into a database of its own."),
                 ctx.name);
  if (!had_marker && !spire_store_is_empty (store))
    return spire_fail (error, SPIRE_ERROR_NOT_EMPTY,
                 _("The database already holds other data. Open “%s” into a new evaluator "
                   "database of its own."),
                 ctx.name);

  if (!spire_store_begin (store, error))
    return FALSE;
  {
    g_autoptr (SpireRecord) program = install_record (store, &ctx, &spire_kind_program,
                                                      member_object (root, "program"), "program");
    g_autoptr (SpireRecord) c = program ? install_record (store, &ctx, &spire_kind_cohort, cohort,
                                                          "cohort")
                                        : NULL;

    if (c == NULL)
      goto fail;
  }
  assignments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < json_array_get_length (apps); i++)
    {
      JsonNode *n = json_array_get_element (apps, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      g_autofree char *where = g_strdup_printf ("applications[%u]", i);
      g_autofree char *w_startup = g_strconcat (where, ".startup", NULL);
      g_autofree char *w_contact = g_strconcat (where, ".contact", NULL);
      g_autofree char *w_owner = g_strconcat (where, ".owner", NULL);
      g_autofree char *w_challenge = g_strconcat (where, ".challenge", NULL);
      g_autofree char *w_app = g_strconcat (where, ".application", NULL);
      g_autoptr (SpireRecord) r = NULL;

      if (item == NULL)
        {
          bad_package (&ctx, where, _("is not an object"));
          goto fail;
        }
      if (member_object (item, "owner"))
        {
          g_clear_object (&r);
          if ((r = install_record (store, &ctx, &spire_kind_public_body,
                                   member_object (item, "owner"), w_owner)) == NULL)
            goto fail;
        }
      if (member_object (item, "challenge"))
        {
          g_clear_object (&r);
          if ((r = install_record (store, &ctx, &spire_kind_challenge,
                                   member_object (item, "challenge"), w_challenge)) == NULL)
            goto fail;
        }
      g_clear_object (&r);
      if ((r = install_record (store, &ctx, &spire_kind_startup, member_object (item, "startup"),
                               w_startup)) == NULL)
        goto fail;
      if (member_object (item, "contact"))
        {
          g_clear_object (&r);
          if ((r = install_record (store, &ctx, &spire_kind_person,
                                   member_object (item, "contact"), w_contact)) == NULL)
            goto fail;
        }
      g_clear_object (&r);
      if ((r = install_record (store, &ctx, &spire_kind_application,
                               member_object (item, "application"), w_app)) == NULL)
        goto fail;
      if (member_string (item, "assignment") == NULL)
        {
          g_autofree char *w = g_strconcat (where, ".assignment", NULL);

          bad_package (&ctx, w, _("is missing"));
          goto fail;
        }
      g_hash_table_insert (assignments, g_strdup (member_string (item, "assignment")),
                           (gpointer) g_intern_string (spire_record_get_uuid (r)));
    }

  /* The rubric, frozen here: the panel member scores, they do not edit. */
  {
    g_autoptr (JsonNode) copy = json_node_copy (json_object_get_member (root, "rubric"));
    JsonObject *ro = json_node_get_object (copy);

    if (member_string (ro, "frozen_at") == NULL && exported_at != NULL)
      json_object_set_string_member (ro, "frozen_at", exported_at);
    rubric = install_record (store, &ctx, &spire_kind_rubric, ro, "rubric");
    if (rubric == NULL)
      goto fail;
  }
  criteria = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < json_array_get_length (crit_a); i++)
    {
      JsonNode *n = json_array_get_element (crit_a, i);
      g_autofree char *where = g_strdup_printf ("criteria[%u]", i);
      g_autoptr (SpireRecord) c = install_record (store, &ctx, &spire_kind_criterion,
                                                  JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL,
                                                  where);

      if (c == NULL)
        goto fail;
      g_hash_table_add (criteria, g_strdup (spire_record_get_uuid (c)));
    }
  {
    JsonObject *p = member_object (root, "person");
    g_autoptr (SpireRecord) person = install_record (store, &ctx, &spire_kind_person, p, "person");
    g_autoptr (JsonNode) copy = json_node_copy (json_object_get_member (root, "evaluator"));

    if (person == NULL)
      goto fail;
    json_object_remove_member (json_node_get_object (copy), "name");
    json_object_set_string_member (json_node_get_object (copy), "token", token);
    ev = install_record (store, &ctx, &spire_kind_evaluator, json_node_get_object (copy),
                         "evaluator");
    if (ev == NULL)
      goto fail;
  }
  {
    GHashTableIter iter;
    gpointer key, value;

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
          goto fail;
      }
  }

  /* A newer package: what it no longer holds goes. */
  rows = _spire_store_query (store, error, "SELECT uuid FROM assignments WHERE evaluator = ?", 1,
                spire_record_get_uuid (ev));
  if (rows == NULL)
    goto fail;
  for (guint i = 0; i < rows->len; i++)
    if (!g_hash_table_contains (assignments, COL (rows->pdata[i], 0)))
      {
        g_autoptr (SpireRecord) a = spire_store_get (store, &spire_kind_assignment,
                                                     COL (rows->pdata[i], 0), error);

        if (a == NULL || !spire_store_delete (store, a, error))
          goto fail;
      }
  local_criteria = spire_rubric_list_criteria (store, spire_record_get_uuid (rubric), error);
  if (local_criteria == NULL)
    goto fail;
  for (guint i = 0; i < local_criteria->len; i++)
    {
      SpireRecord *c = local_criteria->pdata[i];
      g_autoptr (GPtrArray) scores = NULL;

      if (g_hash_table_contains (criteria, spire_record_get_uuid (c)))
        continue;
      scores = spire_store_list (store, &spire_kind_score, "criterion", spire_record_get_uuid (c),
                                 error);
      if (scores == NULL)
        goto fail;
      for (guint j = 0; j < scores->len; j++)
        if (!spire_store_delete (store, scores->pdata[j], error))
          goto fail;
      if (!spire_store_delete (store, c, error))
        goto fail;
    }
  {
    g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                spire_record_get_int (rubric, "version"));
    g_autoptr (GPtrArray) old = _spire_store_query (store, error,
                                       "SELECT uuid FROM reviews WHERE evaluator = ? "
                                       "AND rubric_version < CAST (? AS INTEGER)",
                                       2, spire_record_get_uuid (ev), version);

    if (old == NULL)
      goto fail;
    for (guint i = 0; i < old->len; i++)
      {
        g_autoptr (SpireRecord) r = spire_store_get (store, &spire_kind_review,
                                                     COL (old->pdata[i], 0), error);

        if (r == NULL)
          goto fail;
        spire_record_set_bool (r, "stale", TRUE);
        if (g_strcmp0 (spire_record_get_text (r, "state"), "submitted") == 0)
          {
            g_autoptr (JsonBuilder) why = json_builder_new ();
            g_autoptr (JsonNode) why_root = NULL;
            g_autofree char *why_text = NULL;

            json_builder_begin_object (why);
            json_builder_set_member_name (why, "reason");
            json_builder_add_string_value (why, _("The rubric changed; score the application "
                                                  "again under the new version."));
            json_builder_end_object (why);
            why_root = json_builder_get_root (why);
            why_text = json_text (why_root, FALSE);
            spire_record_set_text (r, "state", "draft");
            spire_record_set_null (r, "submitted_at");
            if (!spire_store_audit (store, "review", spire_record_get_uuid (r), "reopen", NULL,
                                    why_text, error))
              goto fail;
          }
        if (!spire_store_save (store, r, SPIRE_SAVE_DEFAULT, NULL, error))
          goto fail;
      }
  }

  marker = json_builder_new ();
  json_builder_begin_object (marker);
  json_builder_set_member_name (marker, "package");
  json_builder_add_string_value (marker, package);
  json_builder_set_member_name (marker, "cohort");
  json_builder_add_string_value (marker, member_string (cohort, "uuid"));
  json_builder_set_member_name (marker, "evaluator");
  json_builder_add_string_value (marker, spire_record_get_uuid (ev));
  json_builder_set_member_name (marker, "rubric_version");
  json_builder_add_int_value (marker, spire_record_get_int (rubric, "version"));
  add_string_or_null (marker, "exported_at", exported_at);
  add_string_or_null (marker, "exported_by", member_string (root, "exported_by"));
  add_string_or_null (marker, "file", name);
  json_builder_end_object (marker);
  marker_root = json_builder_get_root (marker);
  marker_text = json_text (marker_root, FALSE);
  if (!spire_store_audit (store, "package", package, "open", NULL, marker_text, error))
    goto fail;
  _spire_store_mark_changed (store, spire_kind_application.table);
  return spire_store_commit (store, error);

fail:
  spire_store_rollback (store);
  return FALSE;
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
  gsize length = 0;
  gboolean existed;

  g_return_val_if_fail (package_path != NULL, NULL);

  data = read_file (package_path, &length, error);
  if (data == NULL)
    return NULL;
  base = g_path_get_basename (package_path);
  if (db_path == NULL)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      JsonObject *root = parse_object (data, (gssize) length, parser, base, FILE_PACKAGE,
                                       error);

      if (root == NULL)
        return NULL;
      db_path = fallback = spire_package_default_db_path (
        member_string (member_object (root, "cohort"), "uuid"),
        member_string (member_object (root, "evaluator"), "uuid"));
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

/* Score sheets */

static void
add_review (SpireStore *store, JsonBuilder *b, SpireRecord *review, GPtrArray *scores)
{
  json_builder_begin_object (b);
  add_string_or_null (b, "uuid", spire_record_get_uuid (review));
  add_string_or_null (b, "application", spire_record_get_text (review, "application"));
  add_string_or_null (b, "state", spire_record_get_text (review, "state"));
  add_string_or_null (b, "recommendation", spire_record_get_text (review, "recommendation"));
  add_string_or_null (b, "summary", spire_record_get_text (review, "summary"));
  add_string_or_null (b, "submitted_at", spire_record_get_text (review, "submitted_at"));
  add_string_or_null (b, "created_at", spire_record_get_text (review, "created_at"));
  add_string_or_null (b, "updated_at", spire_record_get_text (review, "updated_at"));
  json_builder_set_member_name (b, "rubric_version");
  if (spire_record_is_null (review, "rubric_version"))
    json_builder_add_null_value (b);
  else
    json_builder_add_int_value (b, spire_record_get_int (review, "rubric_version"));
  json_builder_set_member_name (b, "scores");
  json_builder_begin_array (b);
  for (guint i = 0; i < scores->len; i++)
    {
      SpireRecord *s = scores->pdata[i];
      double v = spire_record_get_real (s, "value");

      json_builder_begin_object (b);
      add_string_or_null (b, "criterion", spire_record_get_text (s, "criterion"));
      json_builder_set_member_name (b, "value");
      if (isnan (v))
        json_builder_add_null_value (b);
      else
        json_builder_add_double_value (b, v);
      add_string_or_null (b, "comment", spire_record_get_text (s, "comment"));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

char *
spire_package_export_sheet (SpireStore *store, GError **error)
{
  g_autofree char *package = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *evaluator = NULL;
  g_autofree char *now = NULL;
  g_autofree char *signature = NULL;
  g_autoptr (SpireRecord) ev = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (JsonBuilder) b = NULL;
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if (!spire_package_get_info (store, &package, &cohort, &evaluator, error))
    return NULL;
  ev = spire_store_get (store, &spire_kind_evaluator, evaluator, error);
  if (ev == NULL)
    return NULL;
  rubric = spire_rubric_get_for_cohort (store, cohort, error);
  if (rubric == NULL)
    return NULL;
  criteria = spire_rubric_list_criteria (store, spire_record_get_uuid (rubric), error);
  if (criteria == NULL)
    return NULL;
  rows = _spire_store_query (store, error,
                "SELECT r.uuid FROM reviews r JOIN assignments s "
                "ON s.evaluator = r.evaluator AND s.application = r.application "
                "WHERE r.evaluator = ? AND s.state <> 'declined' ORDER BY r.application",
                1, evaluator);
  if (rows == NULL)
    return NULL;
  now = spire_now_utc ();

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, SPIRE_SHEET_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, SPIRE_SHEET_VERSION);
  add_string_or_null (b, "package", package);
  add_string_or_null (b, "cohort", cohort);
  add_string_or_null (b, "evaluator", evaluator);
  add_string_or_null (b, "exported_at", now);
  json_builder_set_member_name (b, "rubric");
  json_builder_begin_object (b);
  add_string_or_null (b, "uuid", spire_record_get_uuid (rubric));
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, spire_record_get_int (rubric, "version"));
  json_builder_set_member_name (b, "criteria");
  json_builder_begin_array (b);
  for (guint i = 0; i < criteria->len; i++)
    json_builder_add_string_value (b, spire_record_get_uuid (criteria->pdata[i]));
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "reviews");
  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr (SpireRecord) review = spire_store_get (store, &spire_kind_review,
                                                        COL (rows->pdata[i], 0), error);
      g_autoptr (GPtrArray) scores = NULL;

      if (review == NULL)
        return NULL;
      scores = spire_review_list_scores (store, spire_record_get_uuid (review), error);
      if (scores == NULL)
        return NULL;
      add_review (store, b, review, scores);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);

  signature = spire_package_sign (json_node_get_object (root), spire_record_get_text (ev, "token"));
  if (signature == NULL)
    {
      spire_fail (error, SPIRE_ERROR_FORMAT,
            _("The package's token is missing from this database, so the score sheet cannot "
              "be signed. Open the package again."));
      return NULL;
    }
  json_object_set_string_member (json_node_get_object (root), "signature", signature);
  return json_text (root, TRUE);
}

gboolean
spire_package_export_sheet_file (SpireStore *store, const char *path, GError **error)
{
  g_autofree char *text = spire_package_export_sheet (store, error);

  return text != NULL && write_private_file (path, text, error);
}

/* Importing a score sheet */

static gboolean
enum_allowed_state (const char *state)
{
  return state != NULL &&
         spire_field_value_is_allowed (spire_kind_field (&spire_kind_review, "state"), state);
}

typedef struct
{
  JsonObject *o;         /* the sheet's review */
  SpireRecord *app;
  GHashTable *scores;    /* criterion uuid → JsonObject */
} SheetReview;

static void
sheet_review_free (SheetReview *r)
{
  g_clear_object (&r->app);
  g_clear_pointer (&r->scores, g_hash_table_unref);
  g_free (r);
}

/* When a review last changed: submitted_at for a submitted one, else updated_at. */
static const char *
changed_at (const char *state, const char *submitted_at, const char *updated_at)
{
  return g_strcmp0 (state, "submitted") == 0 && submitted_at ? submitted_at : updated_at;
}

static gboolean
office_equals_sheet (SpireRecord *office, GPtrArray *office_scores, SheetReview *r)
{
  static const char *const texts[] = { "state", "recommendation", "summary", "submitted_at" };
  double rv = 0;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *a = spire_record_get_text (office, texts[i]);
      const char *b = member_string (r->o, texts[i]);

      /* An empty text is no text, as in records. */
      if (b && *b == '\0')
        b = NULL;
      if (g_strcmp0 (a, b) != 0)
        return FALSE;
    }
  if (member_number (r->o, "rubric_version", TRUE, &rv) &&
      !(isnan (rv) ? spire_record_is_null (office, "rubric_version")
                   : spire_record_get_int (office, "rubric_version") == (gint64) rv))
    return FALSE;
  if (office_scores->len != g_hash_table_size (r->scores))
    return FALSE;
  for (guint i = 0; i < office_scores->len; i++)
    {
      SpireRecord *s = office_scores->pdata[i];
      JsonObject *so = g_hash_table_lookup (r->scores, spire_record_get_text (s, "criterion"));
      double v = NAN, ov = spire_record_get_real (s, "value");
      const char *comment;

      if (so == NULL)
        return FALSE;
      member_number (so, "value", TRUE, &v);
      if (!((isnan (v) && isnan (ov)) || v == ov))
        return FALSE;
      comment = member_string (so, "comment");
      if (comment && *comment == '\0')
        comment = NULL;
      if (g_strcmp0 (comment, spire_record_get_text (s, "comment")) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_assignment (SpireStore *store, const char *evaluator, const char *application,
                const char *state, GError **error)
{
  g_autoptr (GPtrArray) rows = _spire_store_query (store, error,
                                      "SELECT uuid, state FROM assignments "
                                      "WHERE evaluator = ? AND application = ?",
                                      2, evaluator, application);
  g_autoptr (SpireRecord) a = NULL;

  if (rows == NULL)
    return FALSE;
  if (rows->len == 0 || g_strcmp0 (COL (rows->pdata[0], 1), state) == 0)
    return TRUE;
  a = spire_store_get (store, &spire_kind_assignment, COL (rows->pdata[0], 0), error);
  if (a == NULL)
    return FALSE;
  spire_record_set_text (a, "state", state);
  return spire_store_save (store, a, SPIRE_SAVE_NO_AUDIT, NULL, error);
}

/* Writes the sheet's review over @office (or as a new review). */
static gboolean
apply_review (SpireStore *store, const char *evaluator, SheetReview *r, SpireRecord *office,
              GPtrArray *office_scores, GError **error)
{
  g_autoptr (SpireRecord) review = office ? g_object_ref (office)
                                          : spire_record_new (&spire_kind_review);
  const char *state = member_string (r->o, "state");
  const char *uuid = member_string (r->o, "uuid");
  double rv = NAN;
  GHashTableIter iter;
  gpointer key, value;

  if (office == NULL)
    {
      g_autofree char *fresh = NULL;

      if (uuid == NULL || !g_uuid_string_is_valid (uuid) ||
          spire_store_exists (store, &spire_kind_review, uuid))
        uuid = fresh = spire_uuid_new ();
      spire_record_set_text (review, "uuid", uuid);
      spire_record_set_text (review, "evaluator", evaluator);
      spire_record_set_text (review, "application", spire_record_get_uuid (r->app));
      spire_record_set_text (review, "created_at", member_string (r->o, "created_at"));
    }
  member_number (r->o, "rubric_version", TRUE, &rv);
  spire_record_set_text (review, "state", state);
  spire_record_set_text (review, "recommendation", member_string (r->o, "recommendation"));
  spire_record_set_text (review, "summary", member_string (r->o, "summary"));
  spire_record_set_text (review, "submitted_at", member_string (r->o, "submitted_at"));
  spire_record_set_text (review, "updated_at", member_string (r->o, "updated_at"));
  spire_record_set_int (review, "rubric_version", isnan (rv) ? SPIRE_INT_NONE : (gint64) rv);
  spire_record_set_bool (review, "stale", FALSE);
  if (!spire_store_save (store, review, SPIRE_SAVE_KEEP_TIMES, NULL, error))
    return FALSE;

  for (guint i = 0; office_scores && i < office_scores->len; i++)
    {
      SpireRecord *s = office_scores->pdata[i];

      if (!g_hash_table_contains (r->scores, spire_record_get_text (s, "criterion")) &&
          !spire_store_delete (store, s, error))
        return FALSE;
    }
  g_hash_table_iter_init (&iter, r->scores);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr (SpireRecord) s = NULL;
      double v = NAN;

      for (guint i = 0; office_scores && i < office_scores->len && s == NULL; i++)
        if (g_strcmp0 (spire_record_get_text (office_scores->pdata[i], "criterion"), key) == 0)
          s = g_object_ref (office_scores->pdata[i]);
      if (s == NULL)
        {
          s = spire_record_new (&spire_kind_score);
          spire_record_set_text (s, "review", spire_record_get_uuid (review));
          spire_record_set_text (s, "criterion", key);
        }
      member_number (value, "value", TRUE, &v);
      spire_record_set_real (s, "value", v);
      spire_record_set_text (s, "comment", member_string (value, "comment"));
      if (!spire_store_save (store, s, SPIRE_SAVE_DEFAULT, NULL, error))
        return FALSE;
    }
  return set_assignment (store, evaluator, spire_record_get_uuid (r->app),
                         g_strcmp0 (state, "submitted") == 0 ? "submitted" : "drafted", error);
}

gboolean
spire_package_import_sheet (SpireStore *store, const char *data, gssize length,
                            const char *name, SpireSheetStats *stats, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (SpireRecord) registered = NULL;
  g_autoptr (GError) local = NULL;
  g_autoptr (SpireRecord) ev = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  g_autoptr (GHashTable) criteria_by_uuid = NULL;
  g_autoptr (GPtrArray) reviews = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *person = NULL;
  SpireSheetStats counts = { 0, 0, 0, 0 };
  JsonObject *root, *sheet_rubric;
  JsonArray *sheet_criteria, *sheet_reviews;
  const char *package, *evaluator, *cohort;
  double sheet_version = 0;
  gboolean criteria_match;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  if (stats)
    *stats = counts;
  if (name == NULL)
    name = "";
  root = parse_object (data, length, parser, name, FILE_SHEET, error);
  if (root == NULL)
    return FALSE;
  if (!check_format (root, FILE_SHEET, name, error))
    return FALSE;
  package = member_string (root, "package");
  evaluator = member_string (root, "evaluator");
  sheet_rubric = member_object (root, "rubric");
  sheet_criteria = member_array (sheet_rubric, "criteria");
  sheet_reviews = member_array (root, "reviews");
  if (package == NULL || evaluator == NULL || sheet_rubric == NULL || sheet_criteria == NULL ||
      sheet_reviews == NULL || member_string (root, "signature") == NULL ||
      !member_number (sheet_rubric, "version", FALSE, &sheet_version))
    return spire_fail (error, SPIRE_ERROR_FORMAT,
                 _("“%s” is not a valid score sheet: %s is missing."), name,
                 package == NULL ? "package"
                 : evaluator == NULL ? "evaluator"
                 : sheet_rubric == NULL ? "rubric"
                 : sheet_criteria == NULL ? "rubric.criteria"
                 : sheet_reviews == NULL ? "reviews"
                 : member_string (root, "signature") == NULL ? "signature" : "rubric.version");

  /* Which package, which panel member */
  registered = spire_store_get (store, &spire_kind_package, package, &local);
  if (registered == NULL)
    {
      if (!g_error_matches (local, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      /* Exported from here once, but its panel member has left the panel
       * since (the record of their packages went with them): the history
       * says so, for the message only. */
      {
        g_autoptr (GPtrArray) history = _spire_store_query (store, NULL,
                                               "SELECT 1 FROM audit WHERE entity = 'evaluator' "
                                               "AND action = 'export-package' "
                                               "AND json_valid (after) "
                                               "AND json_extract (after, '$.package') = ? "
                                               "LIMIT 1",
                                               1, package);

        if (history != NULL && history->len > 0)
          return spire_fail (error, SPIRE_ERROR_REFERENCE,
                       _("The panel member “%s” comes from is no longer on the panel. Nothing "
                         "was imported."),
                       name);
      }
      return spire_fail (error, SPIRE_ERROR_NOT_FOUND,
                   _("“%s” answers an evaluation package that was not exported from this "
                     "database (package %s). Import it into the database the package came "
                     "from. Nothing was imported."),
                   name, package);
    }
  cohort = spire_record_get_text (registered, "cohort");
  person = g_strdup ("");
  if (g_strcmp0 (spire_record_get_text (registered, "evaluator"), evaluator) != 0)
    {
      g_autofree char *meant = spire_evaluator_get_name (store,
                                                         spire_record_get_text (registered,
                                                                                "evaluator"));
      g_autofree char *other = spire_evaluator_get_name (store, evaluator);

      return spire_fail (error, SPIRE_ERROR_REFERENCE,
                   _("“%s” says it comes from %s, but its package was made for %s. A score "
                     "sheet must come from the panel member the package was made for. "
                     "Nothing was imported."),
                   name, *other ? other : _("another panel member"), meant);
    }
  ev = spire_store_get (store, &spire_kind_evaluator, evaluator, NULL);
  if (ev == NULL)
    return spire_fail (error, SPIRE_ERROR_REFERENCE,
                 _("The panel member “%s” comes from is no longer on the panel. Nothing was "
                   "imported."),
                 name);
  g_free (person);
  person = spire_evaluator_get_name (store, evaluator);

  /* The signature */
  signature = spire_package_sign (root, spire_record_get_text (ev, "token"));
  if (signature == NULL || !signature_equal (signature, member_string (root, "signature")))
    return spire_fail (error, SPIRE_ERROR_SIGNATURE,
                 _("The signature of “%s” does not match: the sheet was changed after %s "
                   "exported it, or it was not made from their package. Nothing was imported; "
                   "ask them to export the score sheet again."),
                 name, person);

  /* The rubric */
  rubric = spire_rubric_get_for_cohort (store, cohort, error);
  if (rubric == NULL)
    return FALSE;
  criteria = spire_rubric_list_criteria (store, spire_record_get_uuid (rubric), error);
  if (criteria == NULL)
    return FALSE;
  criteria_by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < criteria->len; i++)
    g_hash_table_insert (criteria_by_uuid, (gpointer) spire_record_get_uuid (criteria->pdata[i]),
                         criteria->pdata[i]);
  criteria_match = json_array_get_length (sheet_criteria) == criteria->len;
  for (guint i = 0; criteria_match && i < json_array_get_length (sheet_criteria); i++)
    {
      JsonNode *n = json_array_get_element (sheet_criteria, i);

      criteria_match = JSON_NODE_HOLDS_VALUE (n) &&
                       json_node_get_value_type (n) == G_TYPE_STRING &&
                       g_hash_table_contains (criteria_by_uuid, json_node_get_string (n));
    }
  if ((gint64) sheet_version != spire_record_get_int (rubric, "version"))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("The rubric has changed since %s's package was made: the sheet “%s” was "
                   "scored under version %d of the rubric, which is now at version %d. Send "
                   "%s a new package. Nothing was imported."),
                 person, name, (int) sheet_version,
                 (int) spire_record_get_int (rubric, "version"), person);
  if (!criteria_match)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("The criteria of the rubric have changed since %s's package was made, so "
                   "the scores in “%s” no longer fit them. Send %s a new package. Nothing was "
                   "imported."),
                 person, name, person);

  /* Every review, checked before anything is written */
  reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_review_free);
  for (guint i = 0; i < json_array_get_length (sheet_reviews); i++)
    {
      JsonNode *n = json_array_get_element (sheet_reviews, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      const char *app_uuid = member_string (o, "application");
      const char *state = member_string (o, "state");
      const char *recommendation = member_string (o, "recommendation");
      JsonArray *scores = member_array (o, "scores");
      SheetReview *r;
      double rv = NAN;
      g_autofree char *astate = NULL;

      if (o == NULL || app_uuid == NULL || scores == NULL ||
          !enum_allowed_state (state) ||
          (recommendation && *recommendation &&
           !spire_field_value_is_allowed (spire_kind_field (&spire_kind_review, "recommendation"),
                                          recommendation)) ||
          member_string (o, "updated_at") == NULL ||
          (g_strcmp0 (state, "submitted") == 0 && member_string (o, "submitted_at") == NULL))
        return spire_fail (error, SPIRE_ERROR_FORMAT,
                     _("“%s” is not a valid score sheet: reviews[%u] is incomplete."), name, i);
      r = g_new0 (SheetReview, 1);
      r->o = o;
      r->scores = g_hash_table_new (g_str_hash, g_str_equal);
      g_ptr_array_add (reviews, r);
      r->app = spire_store_get (store, &spire_kind_application, app_uuid, NULL);
      if (r->app == NULL || g_strcmp0 (spire_record_get_text (r->app, "cohort"), cohort) != 0)
        return spire_fail (error, SPIRE_ERROR_REFERENCE,
                     _("“%s” holds a review of an application that is not in this cohort "
                       "(%s). Nothing was imported."),
                     name, app_uuid);
      {
        g_autoptr (GPtrArray) rows = _spire_store_query (store, error,
                                            "SELECT state FROM assignments "
                                            "WHERE evaluator = ? AND application = ?",
                                            2, evaluator, app_uuid);

        if (rows == NULL)
          return FALSE;
        astate = rows->len ? g_strdup (COL (rows->pdata[0], 0)) : NULL;
      }
      if (spire_conflict_blocks (store, evaluator, app_uuid, NULL))
        return spire_fail (error, SPIRE_ERROR_REFERENCE,
                     _("%s has a conflict of interest with “%s”, so their review of it in “%s” "
                       "cannot be imported. Nothing was imported."),
                     person, spire_record_get_display_name (r->app), name);
      if (astate == NULL || g_str_equal (astate, "declined"))
        return spire_fail (error, SPIRE_ERROR_REFERENCE,
                     _("%s is not assigned “%s” (any more), so their review of it in “%s” "
                       "cannot be imported. Assign it to them again, or ask for a sheet "
                       "without it. Nothing was imported."),
                     person, spire_record_get_display_name (r->app), name);
      if (g_strcmp0 (state, "submitted") == 0 &&
          (!member_number (o, "rubric_version", FALSE, &rv) ||
           (gint64) rv != spire_record_get_int (rubric, "version")))
        return spire_fail (error, SPIRE_ERROR_INVALID,
                     _("%s's review of “%s” in “%s” was scored under another version of the "
                       "rubric. Send %s a new package. Nothing was imported."),
                     person, spire_record_get_display_name (r->app), name, person);
      for (guint j = 0; j < json_array_get_length (scores); j++)
        {
          JsonNode *sn = json_array_get_element (scores, j);
          JsonObject *so = JSON_NODE_HOLDS_OBJECT (sn) ? json_node_get_object (sn) : NULL;
          const char *cu = member_string (so, "criterion");
          SpireRecord *c = cu ? g_hash_table_lookup (criteria_by_uuid, cu) : NULL;
          double v = NAN;

          if (so == NULL || cu == NULL || !member_number (so, "value", TRUE, &v))
            return spire_fail (error, SPIRE_ERROR_FORMAT,
                         _("“%s” is not a valid score sheet: reviews[%u].scores[%u] is "
                           "incomplete."),
                         name, i, j);
          if (c == NULL)
            return spire_fail (error, SPIRE_ERROR_INVALID,
                         _("The criteria of the rubric have changed since %s's package was "
                           "made, so the scores in “%s” no longer fit them. Send %s a new "
                           "package. Nothing was imported."),
                         person, name, person);
          if (g_hash_table_contains (r->scores, cu))
            return spire_fail (error, SPIRE_ERROR_FORMAT,
                         _("“%s” is not a valid score sheet: reviews[%u] scores “%s” twice."),
                         name, i, spire_record_get_display_name (c));
          if (!isnan (v) && g_strcmp0 (spire_record_get_text (c, "kind"), "gate") == 0)
            return spire_fail (error, SPIRE_ERROR_INVALID,
                         _("%s's review of “%s” in “%s” scores “%s”, an eligibility gate that "
                           "reviews do not score. Nothing was imported."),
                         person, spire_record_get_display_name (r->app), name,
                         spire_record_get_display_name (c));
          if (!isnan (v) && !spire_rubric_value_in_scale (rubric, v))
            {
              char buf[G_ASCII_DTOSTR_BUF_SIZE];

              return spire_fail (error, SPIRE_ERROR_INVALID,
                           _("%s's score %s for “%s” in their review of “%s” (in “%s”) is "
                             "outside the scale, which goes from %d to %d. Nothing was "
                             "imported."),
                           person, g_ascii_formatd (buf, sizeof buf, "%g", v),
                           spire_record_get_display_name (c),
                           spire_record_get_display_name (r->app), name,
                           (int) spire_record_get_int (rubric, "scale_min"),
                           (int) spire_record_get_int (rubric, "scale_max"));
            }
          g_hash_table_insert (r->scores, (gpointer) cu, so);
        }
    }

  /* Write */
  if (!spire_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < reviews->len; i++)
    {
      SheetReview *r = reviews->pdata[i];
      g_autofree char *office_uuid = NULL;
      g_autoptr (SpireRecord) office = NULL;
      g_autoptr (GPtrArray) office_scores = NULL;
      const char *state = member_string (r->o, "state");

      {
        g_autoptr (GPtrArray) rows = _spire_store_query (store, error,
                                            "SELECT uuid FROM reviews "
                                            "WHERE evaluator = ? AND application = ?",
                                            2, evaluator, spire_record_get_uuid (r->app));

        if (rows == NULL)
          goto fail;
        office_uuid = rows->len ? g_strdup (COL (rows->pdata[0], 0)) : NULL;
      }
      if (office_uuid != NULL)
        {
          const char *office_time, *sheet_time;

          office = spire_store_get (store, &spire_kind_review, office_uuid, error);
          office_scores = office ? spire_review_list_scores (store, office_uuid, error) : NULL;
          if (office_scores == NULL)
            goto fail;
          if (office_equals_sheet (office, office_scores, r))
            {
              counts.unchanged++;
              continue;
            }
          office_time = changed_at (spire_record_get_text (office, "state"),
                                    spire_record_get_text (office, "submitted_at"),
                                    spire_record_get_text (office, "updated_at"));
          sheet_time = changed_at (state, member_string (r->o, "submitted_at"),
                                   member_string (r->o, "updated_at"));
          /* The office keeps what changed later there; on the same second
           * a submission here still beats a draft in the sheet, and a
           * submission in the sheet beats a draft here. */
          double sheet_rv = NAN;
          gboolean office_outdated;

          /* A review here made under an older rubric version gives way to one
           * made under the version in force, whenever it was written. */
          member_number (r->o, "rubric_version", TRUE, &sheet_rv);
          office_outdated = (spire_record_get_bool (office, "stale") ||
                             spire_record_get_int (office, "rubric_version") <
                               spire_record_get_int (rubric, "version")) &&
                            !isnan (sheet_rv) &&
                            (gint64) sheet_rv == spire_record_get_int (rubric, "version");
          if (office_outdated)
            ;
          else if (g_strcmp0 (office_time, sheet_time) > 0 ||
              (g_strcmp0 (office_time, sheet_time) == 0 &&
               (g_strcmp0 (spire_record_get_text (office, "state"), "submitted") == 0 ||
                g_strcmp0 (state, "submitted") != 0)))
            {
              counts.kept++;
              continue;
            }
        }
      if (!apply_review (store, evaluator, r, office, office_scores, error))
        goto fail;
      if (g_strcmp0 (state, "submitted") == 0 && !spire_rubric_is_frozen (rubric))
        {
          g_autofree char *now = spire_now_utc ();

          spire_record_set_text (rubric, "frozen_at", now);
          if (!spire_store_save (store, rubric, SPIRE_SAVE_DEFAULT, NULL, error))
            goto fail;
        }
      if (office)
        counts.updated++;
      else
        counts.added++;
    }
  if (counts.added + counts.updated > 0)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) node = NULL;
      g_autofree char *after = NULL;

      json_builder_begin_object (b);
      add_string_or_null (b, "package", package);
      add_string_or_null (b, "file", name);
      json_builder_set_member_name (b, "added");
      json_builder_add_int_value (b, counts.added);
      json_builder_set_member_name (b, "updated");
      json_builder_add_int_value (b, counts.updated);
      json_builder_set_member_name (b, "kept");
      json_builder_add_int_value (b, counts.kept);
      json_builder_end_object (b);
      node = json_builder_get_root (b);
      after = json_text (node, FALSE);
      if (!spire_store_audit (store, "evaluator", evaluator, "import-sheet", NULL, after, error))
        goto fail;
    }
  if (!spire_store_commit (store, error))
    return FALSE;
  if (stats)
    *stats = counts;
  return TRUE;

fail:
  spire_store_rollback (store);
  return FALSE;
}

gboolean
spire_package_import_sheet_file (SpireStore *store, const char *path, SpireSheetStats *stats,
                                 GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *base = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  data = read_file (path, &length, error);
  if (data == NULL)
    return FALSE;
  base = g_path_get_basename (path);
  return spire_package_import_sheet (store, data, (gssize) length, base, stats, error);
}

/* Async: several sheets */

static void
sheet_outcome_free (gpointer data)
{
  SpireSheetOutcome *o = data;

  g_free (o->path);
  g_clear_error (&o->error);
  g_free (o);
}

static gboolean
import_sheets_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result,
                   GError **error)
{
  char **paths = data;
  guint n = g_strv_length (paths);
  GPtrArray *outcomes = g_ptr_array_new_with_free_func (sheet_outcome_free);

  for (guint i = 0; i < n; i++)
    {
      SpireSheetOutcome *o = g_new0 (SpireSheetOutcome, 1);

      if (g_cancellable_is_cancelled (_spire_job_get_cancellable (job)))
        {
          g_free (o);
          break;
        }
      o->path = g_strdup (paths[i]);
      spire_package_import_sheet_file (store, paths[i], &o->stats, &o->error);
      g_ptr_array_add (outcomes, o);
      _spire_job_progress ((double) (i + 1) / n, job);
    }
  *result = outcomes;
  return TRUE;
}

void
spire_package_import_sheets_async (SpireStore *store, const char *const *paths,
                                   GCancellable *cancellable, SpireProgressFunc progress,
                                   gpointer progress_data, GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_return_if_fail (paths != NULL);

  _spire_job_run (store, spire_package_import_sheets_async, import_sheets_job,
                  g_strdupv ((char **) paths), (GDestroyNotify) g_strfreev,
                  (GDestroyNotify) g_ptr_array_unref, cancellable, progress, progress_data,
                  callback, user_data);
}

GPtrArray *
spire_package_import_sheets_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer outcomes = NULL;

  _spire_job_finish (store, result, spire_package_import_sheets_async, &outcomes, error);
  return outcomes;
}
