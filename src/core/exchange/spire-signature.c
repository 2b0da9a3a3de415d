/* spire-signature.c — tokens and the signature of a score sheet
 *
 * An evaluator's token is 32 random bytes written as hex; a score sheet is
 * signed with HMAC-SHA256 under those bytes over its canonical JSON (no
 * white space, members sorted, numbers in one form; spire-package.h says
 * exactly what is signed), and a signature is compared in time that does
 * not tell where it differs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-package"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <sys/random.h>

#include "spire-error.h"
#include "spire-exchange-private.h"
#include "spire-package.h"

/* Tokens */

char *
_spire_token_new (GError **error)
{
  guint8   bytes[SPIRE_TOKEN_BYTES];
  gsize    got = 0;
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
  hex = g_string_sized_new (2 * SPIRE_TOKEN_BYTES);
  for (guint i = 0; i < SPIRE_TOKEN_BYTES; i++)
    g_string_append_printf (hex, "%02x", bytes[i]);
  memset (bytes, 0, sizeof bytes);
  return g_string_free (hex, FALSE);
}

gboolean
_spire_token_decode (const char *token, guint8 key[SPIRE_TOKEN_BYTES])
{
  if (token == NULL || strlen (token) != 2 * SPIRE_TOKEN_BYTES)
    return FALSE;
  for (guint i = 0; i < SPIRE_TOKEN_BYTES; i++)
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
  GList   *names = g_list_sort (json_object_get_members (o), (GCompareFunc) strcmp);
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
  guint8 key[SPIRE_TOKEN_BYTES];
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GHmac) hmac = NULL;
  char *sig;

  g_return_val_if_fail (sheet != NULL, NULL);

  if (!_spire_token_decode (token, key))
    return NULL;
  canon_object (text, sheet, "signature");
  hmac = g_hmac_new (G_CHECKSUM_SHA256, key, sizeof key);
  g_hmac_update (hmac, (const guchar *) text->str, (gssize) text->len);
  sig = g_strdup (g_hmac_get_string (hmac));
  memset (key, 0, sizeof key);
  return sig;
}

gboolean
_spire_signature_is_well_formed (const char *signature)
{
  gsize n = 0;

  for (; signature && signature[n]; n++)
    if (!g_ascii_isdigit (signature[n]) && !(signature[n] >= 'a' && signature[n] <= 'f'))
      return FALSE;
  return n == SPIRE_SIGNATURE_HEX_DIGITS;
}

/* Compares two signatures byte for byte, in time independent of where
 * they differ: written as specified, in lower case, or not equal. */
gboolean
_spire_signature_equal (const char *a, const char *b)
{
  gsize la = a ? strlen (a) : 0, lb = b ? strlen (b) : 0;
  guint diff = 0;

  if (la != lb || la == 0)
    return FALSE;
  for (gsize i = 0; i < la; i++)
    diff |= (guint) (guchar) (a[i] ^ b[i]);
  return diff == 0;
}
