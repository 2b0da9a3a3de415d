/* spire-redaction.c — blind mode: the applicant's name, website and
 * organisation number replaced by "[the applicant]" in what the panel
 * reads (whole words, case-folded over Unicode).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "spire-evaluation-private.h"

/* Blind mode: the applicant's name in the free text.
 *
 * In a blind cohort the panel must not learn who applied from the title,
 * pitch, solution or extra answers either.  Replaced there by
 * "[the applicant]": the startup's name (also without a trailing legal form
 * " AS", " ASA", " SA", " ANS", " DA", " ENK"), its website host with and
 * without "www.", and its organisation number with or without spaces
 * between the digits.
 *
 * Matching compares case-folded characters (g_utf8_casefold() per
 * character of the NFC-normalised text, so "NORDLYS ÆØÅ" matches "Nordlys
 * æøå") and only whole words: a match must neither start right after nor
 * end right before a letter, digit or combining mark.  So "Nordlys" is
 * replaced in "Nordlys har", "(Nordlys)", "Nordlys-teamet" and
 * "nordlys.no", but not inside "Nordlysfestivalen" or "Sørnordlys" — a
 * compound may leave a trace, but ordinary words that merely contain the
 * name are left alone.  Longer terms are tried first ("Nordlys AS" before
 * "Nordlys"). */

typedef struct
{
  gunichar *chars; /* case-folded, NFC */
  glong len;
  gboolean loose; /* white space allowed between the characters (orgnr) */
} RedactTerm;

static void
redact_term_free (gpointer data)
{
  RedactTerm *t = data;

  g_free (t->chars);
  g_free (t);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_space_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

static void
add_redact_term (GPtrArray *terms, const char *text, gboolean loose)
{
  g_autofree char *nfc = NULL;
  g_autofree char *folded = NULL;
  RedactTerm *t;

  if (text == NULL)
    return;
  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (nfc == NULL)
    return;
  g_strstrip (nfc);
  if (g_utf8_strlen (nfc, -1) < 2)
    return; /* one letter would wipe out ordinary words */
  folded = g_utf8_casefold (nfc, -1);
  for (guint i = 0; i < terms->len; i++)
    {
      RedactTerm *other = terms->pdata[i];
      g_autofree char *o = g_ucs4_to_utf8 (other->chars, other->len, NULL, NULL, NULL);

      if (other->loose == loose && g_strcmp0 (o, folded) == 0)
        return;
    }
  t = g_new0 (RedactTerm, 1);
  t->chars = g_utf8_to_ucs4_fast (folded, -1, &t->len);
  t->loose = loose;
  g_ptr_array_add (terms, t);
}

static int
compare_terms_cb (gconstpointer a, gconstpointer b)
{
  const RedactTerm *ta = *(RedactTerm *const *) a;
  const RedactTerm *tb = *(RedactTerm *const *) b;

  return (tb->len > ta->len) - (tb->len < ta->len); /* longest first */
}

/* The name without a trailing legal form, or NULL when it has none. */
static char *
name_without_legal_form (const char *name)
{
  static const char *const forms[] = { " ASA", " AS", " SA", " ANS", " DA", " ENK" };
  g_autofree char *copy = g_strstrip (g_strdup (name));
  gsize len = strlen (copy);

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      gsize n = strlen (forms[i]);

      if (len > n && g_ascii_strcasecmp (copy + len - n, forms[i]) == 0)
        {
          copy[len - n] = '\0';
          return g_strstrip (g_strdup (copy));
        }
    }
  return NULL;
}

/* The terms that name the startup @startup_uuid; NULL when there is none. */
GPtrArray *
_spire_redact_terms_for (SpireStore *store, const char *startup_uuid)
{
  g_autoptr (SpireRecord) startup = NULL;
  g_autoptr (GPtrArray) terms = g_ptr_array_new_with_free_func (redact_term_free);
  g_autofree char *bare = NULL;
  g_autofree char *host = NULL;
  const char *name;

  if (startup_uuid == NULL)
    return NULL;
  startup = spire_store_get (store, &spire_kind_startup, startup_uuid, NULL);
  if (startup == NULL)
    return NULL;
  name = spire_record_get_text (startup, "name");
  add_redact_term (terms, name, FALSE);
  if (name != NULL && (bare = name_without_legal_form (name)) != NULL)
    add_redact_term (terms, bare, FALSE);
  host = _spire_website_host (spire_record_get_text (startup, "website"));
  if (host != NULL)
    {
      g_autofree char *www = g_strconcat ("www.", host, NULL);

      add_redact_term (terms, www, FALSE);
      add_redact_term (terms, host, FALSE);
    }
  add_redact_term (terms, spire_record_get_text (startup, "orgnr"), TRUE);
  if (terms->len == 0)
    return NULL;
  g_ptr_array_sort (terms, compare_terms_cb);
  return g_steal_pointer (&terms);
}

/* Whether @t matches at @p (before @end); *@match_end receives where the
 * match ends.  Each character of the text is case-folded on its own (it
 * may fold to several: "ß" → "ss") and compared with the folded term. */
static gboolean
redact_match_at (const char *p, const char *end, const RedactTerm *t, const char **match_end)
{
  glong k = 0;
  const char *q = p;

  while (k < t->len)
    {
      const char *next;
      gunichar c;
      char buf[8];
      g_autofree char *fold = NULL;

      if (q >= end)
        return FALSE;
      c = g_utf8_get_char (q);
      next = g_utf8_next_char (q);
      if (t->loose && k > 0 && is_space_char (c))
        {
          q = next;
          continue;
        }
      if (c < 0x80)
        {
          /* the common case without an allocation */
          if ((gunichar) g_ascii_tolower ((char) c) != t->chars[k])
            return FALSE;
          k++;
          q = next;
          continue;
        }
      memcpy (buf, q, next - q);
      fold = g_utf8_casefold (buf, next - q);
      for (const char *f = fold; *f != '\0'; f = g_utf8_next_char (f))
        {
          if (k >= t->len || g_utf8_get_char (f) != t->chars[k])
            return FALSE;
          k++;
        }
      q = next;
    }
  *match_end = q;
  return TRUE;
}

/* @text with every whole-word match of @terms replaced by the placeholder;
 * NULL when nothing was replaced. */
static char *
redact_text (const char *text, GPtrArray *terms)
{
  g_autofree char *nfc = NULL;
  g_autoptr (GString) out = NULL;
  const char *placeholder;
  const char *p, *end;
  gunichar prev = 0;
  gboolean replaced = FALSE;

  if (text == NULL || *text == '\0' || terms == NULL)
    return NULL;
  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (nfc == NULL)
    return NULL; /* not UTF-8: cannot happen for a stored record */
  /* TRANSLATORS: stands for the startup's name, website or organisation
   * number in the texts a blind panel reads */
  placeholder = _("[the applicant]");
  out = g_string_sized_new (strlen (nfc));
  end = nfc + strlen (nfc);
  for (p = nfc; *p != '\0';)
    {
      const char *match_end = NULL;

      if (!is_word_char (prev))
        {
          for (guint i = 0; i < terms->len; i++)
            {
              if (redact_match_at (p, end, terms->pdata[i], &match_end) &&
                  (*match_end == '\0' || !is_word_char (g_utf8_get_char (match_end))))
                break;
              match_end = NULL;
            }
        }
      if (match_end != NULL)
        {
          g_string_append (out, placeholder);
          prev = g_utf8_get_char (g_utf8_prev_char (match_end));
          p = match_end;
          replaced = TRUE;
          continue;
        }
      prev = g_utf8_get_char (p);
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return replaced ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* The string values of a JSON tree (the extra answers), redacted in place;
 * TRUE when something was replaced. */
static gboolean
redact_json (JsonNode *node, GPtrArray *terms)
{
  gboolean replaced = FALSE;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, NULL, &member))
          replaced |= redact_json (member, terms);
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          replaced |= redact_json (json_array_get_element (array, i), terms);
        break;
      }
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          g_autofree char *text = redact_text (json_node_get_string (node), terms);

          if (text != NULL)
            {
              json_node_set_string (node, text);
              replaced = TRUE;
            }
        }
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
  return replaced;
}

void
_spire_redact_record (SpireRecord *copy, GPtrArray *terms)
{
  static const char *const fields[] = { "title", "pitch", "solution" };
  const char *extra;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *text = redact_text (spire_record_get_text (copy, fields[i]), terms);

      if (text != NULL)
        spire_record_set_text (copy, fields[i], text);
    }

  extra = spire_record_get_text (copy, "extra");
  if (extra != NULL && *extra != '\0')
    {
      g_autoptr (JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_data (parser, extra, -1, NULL) &&
          json_parser_get_root (parser) != NULL)
        {
          JsonNode *root = json_parser_get_root (parser);

          if (redact_json (root, terms))
            {
              g_autofree char *json = json_to_string (root, FALSE);

              spire_record_set_text (copy, "extra", json);
            }
        }
      else
        {
          /* not JSON after all (cannot be stored so): hide it rather than leak */
          spire_record_set_null (copy, "extra");
        }
    }
}
