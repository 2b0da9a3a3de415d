/* spire-exchange-read.c — files read whole, bounded, and files that are not
 * what they were given as
 *
 * The rule: bad input never crashes.  The CSV, Brønnøysund, package and
 * score sheet readers take a file whole; a video or a disk image chosen by
 * mistake made g_malloc abort, or the machine swap.  Each kind has one
 * limit here, far above what a real file of the kind reaches, and a file
 * above it is refused before any of it is read (its size asked of the
 * opened file, not of the path).  The backup is read as a stream and needs
 * no limit.  A file given to the backup import that is not JSON is named
 * for what its first bytes say it is (a CSV file, a PDF, a database, a
 * spreadsheet), with what imports it, instead of the JSON reader's
 * "lexical error".  And json-glib cuts a string at an escaped NUL without a
 * word: packages and score sheets are refused with one, as backups are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-exchange"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "spire-error.h"
#include "spire-exchange-private.h"
#include "spire-exchange.h"

#define MB (G_GUINT64_CONSTANT (1000) * 1000)

/* The limits, from the demo data (the largest cohort, xlarge's, has
 * 40 000 applications; a package of 585 of large's is 855 kB):
 *
 * - An application list: about 670 bytes a row in the demo (27 MB for the
 *   largest cohort); 40 000 rows with 4 000-character pitches make 160 MB.
 *   512 MB is three times that (the import holds the text and its rows:
 *   about 2 GB of memory).
 * - Enhetsregisteret: 1.3 to 1.7 kB a unit (tests/data/brreg-*.json); a
 *   search gives at most 10 000 units a page (17 MB).  256 MB is 150 000
 *   units (the register's whole download, over 1 GB, is not what Spire
 *   takes: a search or a selection is).
 * - A package: 1.5 kB an application in the demo (855 kB for 585); one
 *   with the whole largest cohort is 60 MB.  256 MB is four times that
 *   (json-glib's tree takes about six times the text).
 * - A score sheet holds a package's scores and comments, never more than
 *   its package: the same.
 * - Not yet known (the window's import looks at a file to see what it
 *   is): the largest of these. */
static const guint64 limits[] = {
  [SPIRE_READ_CSV] = 512 * MB,
  [SPIRE_READ_BRREG] = 256 * MB,
  [SPIRE_READ_PACKAGE] = 256 * MB,
  [SPIRE_READ_SHEET] = 256 * MB,
  [SPIRE_READ_ANY] = 512 * MB,
};

guint64
spire_exchange_read_limit (SpireReadKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (limits), 0);

  return limits[kind];
}

/* @size 0: a pipe, whose size is known only as more than the limit. */
gboolean
_spire_exchange_too_large (const char *name, guint64 size, SpireReadKind kind, GError **error)
{
  g_autofree char *limit = g_format_size (limits[kind]);
  g_autofree char *size_text = NULL;

  if (size > 0)
    size_text = g_format_size (size);
  else
    /* TRANSLATORS: the size of standard input, in "“standard input” is more than
     * 512 MB; …" */
    size_text = g_strdup_printf (_("more than %s"), limit);
  switch (kind)
    {
    case SPIRE_READ_CSV:
      /* TRANSLATORS: "“x.csv” is 5.2 GB; Spire reads application lists up to 512 MB.
       * Nothing was imported." */
      return spire_fail (error, SPIRE_ERROR_IO,
                         _("“%s” is %s; Spire reads application lists up to %s. Nothing was "
                           "imported."),
                         name, size_text, limit);
    case SPIRE_READ_BRREG:
      return spire_fail (error, SPIRE_ERROR_IO,
                         _("“%s” is %s; Spire reads files from Enhetsregisteret up to %s. "
                           "Nothing was imported: download a search or a selection of the "
                           "units, not the whole register."),
                         name, size_text, limit);
    case SPIRE_READ_PACKAGE:
      return spire_fail (error, SPIRE_ERROR_IO,
                         _("“%s” is %s; Spire reads evaluation packages up to %s. Nothing "
                           "was imported."),
                         name, size_text, limit);
    case SPIRE_READ_SHEET:
      return spire_fail (error, SPIRE_ERROR_IO,
                         _("“%s” is %s; Spire reads score sheets up to %s. Nothing was "
                           "imported."),
                         name, size_text, limit);
    case SPIRE_READ_ANY:
    default:
      /* TRANSLATORS: "“film.mp4” is 5.2 GB; Spire imports files up to 512 MB. …" */
      return spire_fail (error, SPIRE_ERROR_IO,
                         _("“%s” is %s; Spire imports files up to %s. Nothing was imported."),
                         name, size_text, limit);
    }
}

static gboolean
read_failed (const char *name, int saved, GError **error)
{
  return spire_fail (error, SPIRE_ERROR_IO, _("Spire cannot read “%s”: %s"), name,
                     g_strerror (saved));
}

char *
spire_exchange_read_fd (int fd, const char *name, SpireReadKind kind, gsize *length,
                        GError **error)
{
  g_autoptr (GString) text = NULL;
  guint64 limit;
  struct stat st;
  gsize chunk = 64 * 1024;

  g_return_val_if_fail (fd >= 0, NULL);
  g_return_val_if_fail (kind < G_N_ELEMENTS (limits), NULL);
  g_return_val_if_fail (length != NULL, NULL);

  limit = limits[kind];
  if (fstat (fd, &st) == 0)
    {
      if (!_spire_exchange_check_not_device (&st, name, error))
        return NULL;
      if (S_ISREG (st.st_mode) && (guint64) st.st_size > limit)
        {
          _spire_exchange_too_large (name, (guint64) st.st_size, kind, error);
          return NULL;
        }
      if (S_ISREG (st.st_mode))
        chunk = MAX (chunk, (gsize) st.st_size + 1);
    }
  /* Read to the end, not to the size: a file may grow while it is read
   * (or be a pipe), so the limit holds on what came, too. */
  text = g_string_sized_new (chunk);
  for (;;)
    {
      gsize at = text->len;
      gsize want;
      gssize got;
      int saved;

      if (text->allocated_len - at < 2)
        g_string_set_size (text, at + chunk);
      want = MIN (text->allocated_len - 1 - at, limit + 1 - at);
      g_string_set_size (text, at + want);
      got = read (fd, text->str + at, want);
      saved = errno;
      g_string_set_size (text, at + (got > 0 ? (gsize) got : 0));
      if (got < 0 && saved == EINTR)
        continue;
      if (got < 0)
        {
          read_failed (name, saved, error);
          return NULL;
        }
      if (got == 0)
        break;
      if (text->len > limit)
        {
          _spire_exchange_too_large (name, 0, kind, error);
          return NULL;
        }
    }
  *length = text->len;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
_spire_exchange_read_file (const char *path, const char *name, SpireReadKind kind,
                           gsize *length, GError **error)
{
  g_autofree char *base = NULL;
  char *data;
  int fd;

  if (name == NULL)
    name = base = g_filename_display_basename (path);
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      read_failed (name, errno, error);
      return NULL;
    }
  data = spire_exchange_read_fd (fd, name, kind, length, error);
  close (fd);
  return data;
}

/* Not a backup */

static gboolean
has_prefix (const char *head, gsize length, const char *magic, gsize magic_length)
{
  return length >= magic_length && memcmp (head, magic, magic_length) == 0;
}

static gboolean
contains (const char *head, gsize length, const char *needle)
{
  gsize n = strlen (needle);

  /* A ZIP's head holds NUL bytes: not strstr. */
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (head + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* The first line of a CSV file: no JSON, a separator. */
static gboolean
looks_like_csv (const char *head, gsize length)
{
  const char *end = memchr (head, '\n', length);
  gsize n = end ? (gsize) (end - head) : length;

  return memchr (head, ';', n) != NULL || memchr (head, ',', n) != NULL ||
         memchr (head, '\t', n) != NULL;
}

gboolean
_spire_exchange_check_backup_head (const char *head, gsize length, const char *name,
                                   GError **error)
{
  const char *p = head;
  const char *end = head + length;

  if (has_prefix (head, length, "\xef\xbb\xbf", 3))
    p += 3;
  length = (gsize) (end - p);
  if (has_prefix (p, length, "%PDF-", 5))
    return spire_fail (error, SPIRE_ERROR_FORMAT,
                       _("“%s” is a PDF document, not a Spire backup. Choose a file made with "
                         "Spire’s export (“spire-cli export”)."),
                       name);
  if (has_prefix (p, length, "SQLite format 3", 16))
    /* TRANSLATORS: keep --database: it is typed as it is */
    return spire_fail (error, SPIRE_ERROR_FORMAT,
                       _("“%s” is a database, not a Spire backup. A Spire database is opened, "
                         "not imported: with “spire-cli --database” or Open Database in the "
                         "window."),
                       name);
  if (has_prefix (p, length, "PK\x03\x04", 4))
    {
      if (contains (p, length, "opendocument.spreadsheet") || contains (p, length, "xl/"))
        return spire_fail (error, SPIRE_ERROR_FORMAT,
                           _("“%s” is a spreadsheet, not a Spire backup. Applications in a "
                             "spreadsheet are imported from a CSV copy of it (save it as CSV) "
                             "with “spire-cli import-csv” or Import in the window."),
                           name);
      return spire_fail (error, SPIRE_ERROR_FORMAT,
                         _("“%s” is a ZIP archive, not a Spire backup. Unpack it, and import "
                           "the backup inside."),
                         name);
    }
  if (memchr (p, '\0', length) != NULL)
    return spire_fail (error, SPIRE_ERROR_FORMAT,
                       _("“%s” is not a text file, so not a Spire backup. Choose a file made "
                         "with Spire’s export (“spire-cli export”)."),
                       name);
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p < end && *p != '{' && *p != '[' && *p != '"' && looks_like_csv (p, (gsize) (end - p)))
    return spire_fail (error, SPIRE_ERROR_FORMAT,
                       _("“%s” looks like a CSV file, not a Spire backup. Applications from a "
                         "CSV file are imported with “spire-cli import-csv” or Import in the "
                         "window."),
                       name);
  return TRUE;
}

/* NUL in JSON strings */

gboolean
_spire_json_check_no_nul (const char *data, gsize length, guint *line, guint *column)
{
  gboolean in_string = FALSE;
  guint l = 1, c = 0;

  for (gsize i = 0; i < length; i++)
    {
      char ch = data[i];

      if (((guchar) ch & 0xc0) != 0x80)
        c++;
      if (ch == '\n')
        {
          l++;
          c = 0;
        }
      else if (ch == '"')
        in_string = !in_string;
      else if (ch == '\\' && in_string && i + 1 < length)
        {
          if (data[i + 1] == 'u' && i + 5 < length && memcmp (data + i + 2, "0000", 4) == 0)
            {
              *line = l;
              *column = c;
              return FALSE;
            }
          i++; /* the escaped character */
          c++;
        }
    }
  return TRUE;
}
