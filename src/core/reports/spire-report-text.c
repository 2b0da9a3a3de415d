/* spire-report-text.c — a report's words read from the chosen .mo file
 *
 * The GNU MO format ("The Format of GNU MO Files", gettext manual): a
 * magic number 0x950412de (in the writer's byte order), the revision, N,
 * the offset of the table of originals and of the table of translations;
 * each table N pairs (length, offset).  An original with a context is
 * "context\004msgid"; one with a plural "msgid\0msgid_plural", its
 * translation the forms separated by NUL.  Spire's languages have
 * nplurals=2; plural=(n != 1) (GLOSSARY.md), so the plural rule is that.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "spire-error.h"
#include "spire-locale.h"
#include "spire-report-text.h"

struct _SpireReportText
{
  GObject parent_instance;
  SpireLanguage lang;
  GBytes *data;        /* the .mo file; keys and values point into it */
  GHashTable *strings; /* original (with context, first form) → translation */
};

G_DEFINE_FINAL_TYPE (SpireReportText, spire_report_text, G_TYPE_OBJECT)

static void
spire_report_text_finalize (GObject *object)
{
  SpireReportText *self = SPIRE_REPORT_TEXT (object);

  g_clear_pointer (&self->strings, g_hash_table_unref);
  g_clear_pointer (&self->data, g_bytes_unref);
  G_OBJECT_CLASS (spire_report_text_parent_class)->finalize (object);
}

static void
spire_report_text_class_init (SpireReportTextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spire_report_text_finalize;
}

static void
spire_report_text_init (SpireReportText *self)
{
  self->strings = g_hash_table_new (g_str_hash, g_str_equal);
}

static guint32
mo_word (const guint8 *p, gboolean swap)
{
  guint32 v;

  memcpy (&v, p, 4);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

/* Reads the tables of @self->data; FALSE when it is not a .mo file. */
static gboolean
mo_parse (SpireReportText *self)
{
  gsize size;
  const guint8 *mo = g_bytes_get_data (self->data, &size);
  gboolean swap;
  guint32 n, originals, translations;

  if (size < 28)
    return FALSE;
  if (mo_word (mo, FALSE) == 0x950412de)
    swap = FALSE;
  else if (mo_word (mo, TRUE) == 0x950412de)
    swap = TRUE;
  else
    return FALSE;
  if ((mo_word (mo + 4, swap) >> 16) > 1)
    return FALSE; /* a major revision this reader does not know */
  n = mo_word (mo + 8, swap);
  originals = mo_word (mo + 12, swap);
  translations = mo_word (mo + 16, swap);
  if (originals > size || translations > size || n > (size - originals) / 8 ||
      n > (size - translations) / 8)
    return FALSE;

  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = mo_word (mo + originals + 8 * i, swap);
      guint32 ooff = mo_word (mo + originals + 8 * i + 4, swap);
      guint32 tlen = mo_word (mo + translations + 8 * i, swap);
      guint32 toff = mo_word (mo + translations + 8 * i + 4, swap);

      /* Both strings end with a NUL within the file. */
      if (ooff >= size || olen >= size - ooff || toff >= size || tlen >= size - toff ||
          mo[ooff + olen] != '\0' || mo[toff + tlen] != '\0')
        return FALSE;
      if (olen == 0)
        continue; /* the header */
      g_hash_table_insert (self->strings, (gpointer) (mo + ooff), (gpointer) (mo + toff));
    }
  return TRUE;
}

SpireReportText *
spire_report_text_new_from_file (SpireLanguage lang, const char *mo_path, GError **error)
{
  g_autoptr (SpireReportText) self = g_object_new (SPIRE_TYPE_REPORT_TEXT, NULL);
  g_autoptr (GMappedFile) file = NULL;

  self->lang = lang;
  if (mo_path == NULL)
    return g_steal_pointer (&self);
  file = g_mapped_file_new (mo_path, FALSE, error);
  if (file == NULL)
    return NULL;
  self->data = g_mapped_file_get_bytes (file);
  if (!mo_parse (self))
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID,
                   _("“%s” is not a translation file."), mo_path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

SpireReportText *
spire_report_text_new (SpireLanguage lang)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  SpireReportText *self;

  if (lang == SPIRE_LANGUAGE_EN)
    return spire_report_text_new_from_file (lang, NULL, NULL);
  path = g_build_filename (spire_locale_dir (), spire_language_code (lang),
                           "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  self = spire_report_text_new_from_file (lang, path, &error);
  if (self == NULL)
    {
      g_warning ("The report’s translation %s cannot be read (%s); it is written in English.",
                 path, error->message);
      self = spire_report_text_new_from_file (lang, NULL, NULL);
      self->lang = SPIRE_LANGUAGE_EN;
    }
  return self;
}

SpireLanguage
spire_report_text_get_language (SpireReportText *self)
{
  g_return_val_if_fail (SPIRE_IS_REPORT_TEXT (self), SPIRE_LANGUAGE_EN);
  return self->lang;
}

const char *
spire_report_text_get (SpireReportText *self, const char *msgid)
{
  const char *found;

  g_return_val_if_fail (SPIRE_IS_REPORT_TEXT (self), msgid);
  found = g_hash_table_lookup (self->strings, msgid);
  return found && *found ? found : msgid;
}

const char *
spire_report_text_nget (SpireReportText *self, const char *msgid, const char *msgid_plural,
                        gulong n)
{
  const char *found;

  g_return_val_if_fail (SPIRE_IS_REPORT_TEXT (self), msgid);
  /* The key is the first form; the plural follows its NUL in the file. */
  found = g_hash_table_lookup (self->strings, msgid);
  if (found == NULL || *found == '\0')
    return n != 1 ? msgid_plural : msgid;
  if (n != 1)
    {
      const char *second = found + strlen (found) + 1;
      gsize len;
      const guint8 *start = g_bytes_get_data (self->data, &len);

      /* The second form exists when it is still inside the file. */
      if ((const guint8 *) second < start + len && *second != '\0')
        return second;
    }
  return found;
}

const char *
spire_report_text_pget (SpireReportText *self, const char *context, const char *msgid)
{
  g_autofree char *key = g_strconcat (context, "\004", msgid, NULL);
  const char *found;

  g_return_val_if_fail (SPIRE_IS_REPORT_TEXT (self), msgid);
  found = g_hash_table_lookup (self->strings, key);
  return found && *found ? found : msgid;
}

char *
spire_report_text_date (SpireReportText *self, const char *iso_date)
{
  return spire_format_date (iso_date, self->lang);
}

char *
spire_report_text_money (SpireReportText *self, gint64 ore)
{
  return spire_format_money (ore, self->lang);
}

char *
spire_report_text_number (SpireReportText *self, double value, int decimals)
{
  return spire_format_number (value, decimals, self->lang);
}

char *
spire_report_text_count (SpireReportText *self, gint64 n)
{
  return spire_format_count (n, self->lang);
}
