/* spire-csv-export.c — a small, general CSV writer (RFC 4180)
 *
 * Every list export goes through here, so here is where a cell is made
 * safe to open: one that a spreadsheet would run as a formula (it starts
 * with =, +, -, @, a tab or a carriage return; OWASP's "CSV injection")
 * is written as text, with a ' before it inside its quotes.  A plain
 * number such as -5 or -1,5 stays a number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-csv-export"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "spire-csv-export.h"
#include "spire-error.h"
#include "spire-exchange.h"

#define BOM "\xEF\xBB\xBF"

char
spire_csv_separator_for_language (SpireLanguage lang)
{
  switch (lang)
    {
    case SPIRE_LANGUAGE_NB:
    case SPIRE_LANGUAGE_NN:
      return ';';
    case SPIRE_LANGUAGE_EN:
    default:
      return ',';
    }
}

static gboolean
needs_quotes (const char *field, char separator)
{
  for (const char *p = field; *p; p++)
    if (*p == separator || *p == '"' || *p == '\r' || *p == '\n')
      return TRUE;
  return FALSE;
}

/* A signed number: -5, +3, -1,5, -0.25 (nothing a spreadsheet runs). */
static gboolean
is_signed_number (const char *field)
{
  const char *p = field + 1;
  gboolean    point = FALSE;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; *p; p++)
    {
      if ((*p == ',' || *p == '.') && !point && g_ascii_isdigit (p[1]))
        point = TRUE;
      else if (!g_ascii_isdigit (*p))
        return FALSE;
    }
  return TRUE;
}

/* OWASP: a cell starting with one of these is a formula to a spreadsheet. */
static gboolean
looks_like_formula (const char *field)
{
  if (strchr ("=+-@\t\r", *field) == NULL)
    return FALSE;
  return !((*field == '-' || *field == '+') && is_signed_number (field));
}

void
spire_csv_append_field (GString *out, const char *field, char separator)
{
  gboolean formula;

  g_return_if_fail (out != NULL);

  if (field == NULL || *field == '\0')
    return;
  formula = looks_like_formula (field);
  if (!formula && !needs_quotes (field, separator))
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
spire_csv_append_record (GString *out, const char *const *fields, int n_fields, char separator)
{
  g_return_if_fail (out != NULL);

  for (int i = 0; fields && (n_fields < 0 ? fields[i] != NULL : i < n_fields); i++)
    {
      if (i > 0)
        g_string_append_c (out, separator);
      spire_csv_append_field (out, fields[i], separator);
    }
  g_string_append (out, "\r\n");
}

char *
spire_csv_to_string (const char *const *header, GPtrArray *rows, char separator, gsize *length)
{
  GString *out = g_string_new (BOM);

  if (header != NULL)
    spire_csv_append_record (out, header, -1, separator);
  for (guint i = 0; rows && i < rows->len; i++)
    spire_csv_append_record (out, g_ptr_array_index (rows, i), -1, separator);
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
spire_csv_write_file (const char *path, const char *const *header, GPtrArray *rows,
                      char separator, GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) local = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!spire_exchange_check_destination (path, error))
    return FALSE;
  dir = g_path_get_dirname (path);
  name = g_path_get_basename (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO,
                   _("Could not save “%s”: the folder “%s” does not exist. Choose another "
                     "folder."),
                   name, dir);
      return FALSE;
    }

  text = spire_csv_to_string (header, rows, separator, &length);
  /* CONSISTENT: a temporary file beside the target, fsync, rename. */
  if (!g_file_set_contents_full (path, text, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local))
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO,
                   _("Could not save “%s” (%s). Check that the folder is writable and "
                     "the disk is not full, or choose another place."),
                   name, local->message);
      return FALSE;
    }
  return TRUE;
}
