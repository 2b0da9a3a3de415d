/* spire-csv-import.c — applications from a form tool's CSV export: the reader
 *
 * The file is decoded to UTF-8 (a BOM, UTF-16, Windows-1252), its separator
 * guessed, and split into records by libcsv.  To know the line where each
 * record starts, the parser is fed one line at a time: a record starts on the
 * first line that holds anything while no record is open.  The header line's
 * columns are then mapped to what Spire keeps, by synonyms people use.
 * Checking the rows is spire-csv-prepare.c's, writing them spire-csv-commit.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-csv-import"

#include "config.h"

#include <csv.h>
#include <glib/gi18n.h>
#include <string.h>

#include "spire-csv-import-private.h"
#include "spire-error.h"
#include "spire-exchange-private.h"
#include "spire-text.h"

G_DEFINE_FINAL_TYPE (SpireCsvImport, spire_csv_import, G_TYPE_OBJECT)

/* Targets */

static const SpireCsvTarget targets[N_TARGETS] = {
  [T_STARTUP_NAME] = { SPIRE_CSV_STARTUP_NAME, N_("Name of the startup") },
  [T_STARTUP_ORGNR] = { SPIRE_CSV_STARTUP_ORGNR, N_("Organisation number of the startup") },
  [T_STARTUP_WEBSITE] = { SPIRE_CSV_STARTUP_WEBSITE, N_("Website of the startup") },
  [T_PERSON_NAME] = { SPIRE_CSV_PERSON_NAME, N_("Name of the contact person") },
  [T_PERSON_EMAIL] = { SPIRE_CSV_PERSON_EMAIL, N_("E-mail of the contact person") },
  [T_PERSON_PHONE] = { SPIRE_CSV_PERSON_PHONE, N_("Phone of the contact person") },
  [T_APPLICATION_TITLE] = { SPIRE_CSV_APPLICATION_TITLE, N_("Title of the application") },
  [T_APPLICATION_PITCH] = { SPIRE_CSV_APPLICATION_PITCH, N_("Pitch") },
  [T_APPLICATION_SOLUTION] = { SPIRE_CSV_APPLICATION_SOLUTION, N_("Solution") },
  [T_APPLICATION_CHALLENGE] = { SPIRE_CSV_APPLICATION_CHALLENGE, N_("Challenge (its title)") },
  [T_APPLICATION_SUBMITTED_AT] = { SPIRE_CSV_APPLICATION_SUBMITTED_AT, N_("Submitted") },
  [T_IGNORE] = { SPIRE_CSV_TARGET_IGNORE, N_("Leave out") },
};

/* Headers as header_key() makes them: folded, letters and digits only. */
static const char *const synonyms_startup_name[] = {
  "bedriftsnavn", "bedrift", "bedriftensnavn", "navnpaabedriften", "navnpaabedrift",
  "firma", "firmanavn", "selskap", "selskapsnavn", "selskapetsnavn", "navnpaaselskapet",
  "foretak", "foretaksnavn", "oppstartsbedrift", "virksomhet", "virksomhetsnavn",
  "company", "companyname", "nameofcompany", "startup", "startupname", NULL
};
static const char *const synonyms_startup_orgnr[] = {
  "organisasjonsnummer", "orgnr", "orgnummer", "organisasjonsnr", "orgno", "foretaksnummer",
  "organisationnumber", "organizationnumber", "orgnumber", "companynumber",
  "companyregistrationnumber", NULL
};
static const char *const synonyms_startup_website[] = {
  "nettside", "nettsider", "hjemmeside", "nettsted", "nettadresse", "website", "web",
  "webpage", "homepage", "url", NULL
};
static const char *const synonyms_person_name[] = {
  "kontaktperson", "navn", "navnpaakontaktperson", "kontaktpersonensnavn", "fulltnavn",
  "dittnavn", "contact", "contactperson", "contactname", "name", "fullname", "yourname", NULL
};
static const char *const synonyms_person_email[] = {
  "epost", "epostadresse", "kontaktepost", "email", "emailaddress", "mail", NULL
};
static const char *const synonyms_person_phone[] = {
  "telefon", "telefonnummer", "tlf", "mobil", "mobilnummer", "mobiltelefon", "phone",
  "phonenumber", "telephone", "mobile", "mobilephone", NULL
};
static const char *const synonyms_application_title[] = {
  "tittel", "prosjekttittel", "soknadstittel", "title", "projecttitle", "applicationtitle", NULL
};
static const char *const synonyms_application_pitch[] = {
  "pitch", "kortbeskrivelse", "sammendrag", "elevatorpitch", "summary", "shortdescription",
  NULL
};
static const char *const synonyms_application_solution[] = {
  "losning", "losningen", "beskrivelseavlosningen", "beskrivelseavlosning", "solution",
  "descriptionofthesolution", "solutiondescription", NULL
};
static const char *const synonyms_application_challenge[] = {
  "utfordring", "utfordringen", "velgutfordring", "behov", "challenge", "need", NULL
};
static const char *const synonyms_application_submitted_at[] = {
  "innsendt", "innsendtdato", "innsendingstidspunkt", "innsendingsdato", "tidspunkt",
  "tidsmerke", "dato", "levert", "submitted", "submittedat", "submissiondate", "timestamp",
  "date", "created", NULL
};

static const char *const *const synonyms[N_TARGETS] = {
  [T_STARTUP_NAME] = synonyms_startup_name,
  [T_STARTUP_ORGNR] = synonyms_startup_orgnr,
  [T_STARTUP_WEBSITE] = synonyms_startup_website,
  [T_PERSON_NAME] = synonyms_person_name,
  [T_PERSON_EMAIL] = synonyms_person_email,
  [T_PERSON_PHONE] = synonyms_person_phone,
  [T_APPLICATION_TITLE] = synonyms_application_title,
  [T_APPLICATION_PITCH] = synonyms_application_pitch,
  [T_APPLICATION_SOLUTION] = synonyms_application_solution,
  [T_APPLICATION_CHALLENGE] = synonyms_application_challenge,
  [T_APPLICATION_SUBMITTED_AT] = synonyms_application_submitted_at,
  [T_IGNORE] = NULL,
};

int
_spire_csv_target_index (const char *id)
{
  if (id == NULL)
    return -1;
  for (int i = 0; i < N_TARGETS; i++)
    if (strcmp (targets[i].id, id) == 0)
      return i;
  return -1;
}

/* A header as people read it: without what is in parentheses, case, accents
 * and punctuation ("Org. nr. (9 siffer)" → "orgnr"). */
static char *
header_key (const char *header)
{
  g_autofree char *folded = spire_search_fold (header);
  GString *key = g_string_sized_new (strlen (folded));
  int depth = 0;

  for (const char *p = folded; *p; p++)
    {
      if (*p == '(' || *p == '[')
        depth++;
      else if ((*p == ')' || *p == ']') && depth > 0)
        depth--;
      else if (depth == 0 && g_ascii_isalnum (*p))
        g_string_append_c (key, *p);
    }
  return g_string_free (key, FALSE);
}

/* A name compared as people would (for startups without an orgnr). */
char *
_spire_csv_name_key (const char *name)
{
  g_autofree char *folded = spire_search_fold (name);
  GString *key = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_strfreev (row->values);
  g_free (row);
}

/* GObject */

static void
spire_csv_import_finalize (GObject *object)
{
  SpireCsvImport *self = SPIRE_CSV_IMPORT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->mapping, g_free);

  G_OBJECT_CLASS (spire_csv_import_parent_class)->finalize (object);
}

static void
spire_csv_import_class_init (SpireCsvImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spire_csv_import_finalize;
}

static void
spire_csv_import_init (SpireCsvImport *self)
{
  self->separator = ',';
  self->columns = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_ptr_array_new_with_free_func (row_free);
}

/* Reading */

/* UTF-8 text without a BOM, converted from what a spreadsheet may write. */
static char *
decode_text (const char *data, gsize length, const char *name, gsize *out_length,
             GError **error)
{
  const guchar *u = (const guchar *) data;
  char *text;

  if (length >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    {
      g_autoptr (GError) local = NULL;
      gsize written = 0;

      text = g_convert (data + 2, length - 2, "UTF-8", u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
                        NULL, &written, &local);
      if (text == NULL)
        {
          g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT,
                       _("%s cannot be read as text (%s). Save it as “CSV UTF-8” and try "
                         "again."), name, local->message);
          return NULL;
        }
      *out_length = written;
      return text;
    }

  if (length >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      data += 3;
      length -= 3;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT,
                   _("%s is not a CSV file: it holds binary data. If it is a spreadsheet, "
                     "save it as “CSV UTF-8” first."), name);
      return NULL;
    }

  if (g_utf8_validate (data, length, NULL))
    {
      *out_length = length;
      return g_strndup (data, length);
    }

  /* Not UTF-8: Excel's "CSV" in a Norwegian Windows is Windows-1252. */
  text = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, out_length, NULL);
  if (text == NULL)
    text = g_convert (data, length, "UTF-8", "ISO-8859-1", NULL, out_length, NULL);
  if (text == NULL)
    g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT,
                 _("%s is not UTF-8 text. Save it as “CSV UTF-8” and try again."), name);
  return text;
}

/* The separator that occurs most often in the header line, outside quotes. */
static char
detect_separator (const char *text)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  char best = ',';
  guint best_count = 0;

  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          if (*p == candidates[i])
            counts[i]++;
    }
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > best_count)
      {
        best = candidates[i];
        best_count = counts[i];
      }
  return best;
}

typedef struct
{
  GPtrArray *fields;  /* of the record being read */
  GPtrArray *records; /* Row* */
  guint line;         /* the line being fed */
  guint start_line;   /* where the open record started */
  gboolean in_record;
} ParseState;

static void
on_field_cb (void *s, size_t len, void *data)
{
  ParseState *st = data;
  GString *value = g_string_sized_new (len);

  if (!st->in_record)
    {
      st->in_record = TRUE;
      st->start_line = st->line;
    }
  /* Line breaks inside a quoted value as "\n". */
  for (size_t i = 0; s != NULL && i < len; i++)
    {
      char c = ((const char *) s)[i];

      if (c == '\r')
        {
          if (i + 1 < len && ((const char *) s)[i + 1] == '\n')
            continue;
          c = '\n';
        }
      g_string_append_c (value, c);
    }
  g_ptr_array_add (st->fields, g_string_free (value, FALSE));
}

static void
on_record_cb (int c, void *data)
{
  ParseState *st = data;
  gboolean empty = TRUE;
  Row *row;

  if (!st->in_record)
    st->start_line = st->line;
  st->in_record = FALSE;

  for (guint i = 0; i < st->fields->len && empty; i++)
    for (const char *p = g_ptr_array_index (st->fields, i); *p && empty; p++)
      if (!g_ascii_isspace (*p))
        empty = FALSE;
  /* A row of empty values (";;;;" from a spreadsheet) is no row.  The header
   * line is always kept. */
  if (empty && st->records->len > 0)
    {
      g_ptr_array_set_size (st->fields, 0);
      return;
    }

  row = g_new0 (Row, 1);
  row->line = st->start_line;
  row->n_values = st->fields->len;
  g_ptr_array_add (st->fields, NULL);
  row->values = (char **) g_ptr_array_free (st->fields, FALSE);
  g_ptr_array_add (st->records, row);
  st->fields = g_ptr_array_new_with_free_func (g_free);
}

static gboolean
line_has_content (const char *p, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
      return TRUE;
  return FALSE;
}

static gboolean
set_quote_error (GError **error, const char *name, const ParseState *st, gboolean at_end)
{
  if (at_end)
    g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE,
                 /* TRANSLATORS: "applications.csv: line 12: …" */
                 _("%s: line %u: a value in double quotes is never closed, so the rest of "
                   "the file would be read as one value. Add the missing quote (\") and try "
                   "again."),
                 name, st->start_line);
  else if (st->start_line != st->line && st->in_record)
    g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE,
                 _("%s: line %u: a double quote (\") stands where it may not, in the row "
                   "that starts on line %u. A value with quotes in it must itself be in "
                   "double quotes, with each quote inside written twice (\"\")."),
                 name, st->line, st->start_line);
  else
    g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE,
                 _("%s: line %u: a double quote (\") stands where it may not. A value "
                   "with quotes in it must itself be in double quotes, with each quote "
                   "inside written twice (\"\")."),
                 name, st->line);
  return FALSE;
}

static gboolean
parse_text (SpireCsvImport *self, char *text, gsize length, GError **error)
{
  struct csv_parser parser;
  ParseState st = { 0 };
  gboolean ok = TRUE;
  const char *p = text, *end = text + length;
  Row *header;

  /* Line ends of old Macs: a lone CR. */
  if (memchr (text, '\n', length) == NULL)
    g_strdelimit (text, "\r", '\n');

  self->separator = detect_separator (text);

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    g_error ("libcsv cannot allocate its parser");
  csv_set_delim (&parser, (unsigned char) self->separator);
  /* libcsv grows a value's buffer by this much at a time: by its 128 bytes,
   * a 10 MB value took 80 000 reallocations (minutes where realloc copies,
   * as under AddressSanitizer). */
  csv_set_blk_size (&parser, 1024 * 1024);

  st.fields = g_ptr_array_new_with_free_func (g_free);
  st.records = g_ptr_array_new_with_free_func (row_free);
  st.line = 0;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      gsize len = nl ? (gsize) (nl - p + 1) : (gsize) (end - p);

      st.line++;
      if (!st.in_record && line_has_content (p, len))
        {
          st.in_record = TRUE;
          st.start_line = st.line;
        }
      if (csv_parse (&parser, p, len, on_field_cb, on_record_cb, &st) != len)
        {
          if (csv_error (&parser) == CSV_EPARSE)
            set_quote_error (error, self->name, &st, FALSE);
          else
            g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_FAILED, _("%s: line %u: %s"),
                         self->name, st.line, csv_strerror (csv_error (&parser)));
          ok = FALSE;
          break;
        }
      p += len;
    }
  if (ok && csv_fini (&parser, on_field_cb, on_record_cb, &st) != 0)
    {
      set_quote_error (error, self->name, &st, TRUE);
      ok = FALSE;
    }
  csv_free (&parser);
  g_ptr_array_unref (st.fields);

  if (ok && st.records->len == 0)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE,
                   _("%s is empty. Export the answers from the form again, with the "
                     "header line."), self->name);
      ok = FALSE;
    }
  if (!ok)
    {
      g_ptr_array_unref (st.records);
      return FALSE;
    }

  header = g_ptr_array_steal_index (st.records, 0);
  for (guint i = 0; i < header->n_values; i++)
    {
      g_autofree char *h = g_strstrip (g_strdup (header->values[i]));

      if (*h == '\0')
        g_ptr_array_add (self->columns, g_strdup_printf (_("Column %u"), i + 1));
      else
        g_ptr_array_add (self->columns, g_steal_pointer (&h));
    }
  row_free (header);
  g_ptr_array_unref (self->rows);
  self->rows = st.records;
  self->mapping = g_new (int, MAX (self->columns->len, 1));
  for (guint i = 0; i < self->columns->len; i++)
    self->mapping[i] = -1;
  return TRUE;
}

/* Public API: the file */

const SpireCsvTarget *
spire_csv_targets (guint *n_targets)
{
  if (n_targets)
    *n_targets = N_TARGETS;
  return targets;
}

const char *
spire_csv_target_label (const char *id)
{
  int i = _spire_csv_target_index (id);

  return i < 0 ? NULL : _(targets[i].label);
}

SpireCsvImport *
spire_csv_import_new_from_data (const char *data, gssize length, const char *name,
                                GError **error)
{
  g_autoptr (SpireCsvImport) self = NULL;
  g_autofree char *text = NULL;
  gsize text_length = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = data ? strlen (data) : 0;
  self = g_object_new (SPIRE_TYPE_CSV_IMPORT, NULL);
  self->name = g_strdup (name ? name : _("The CSV file"));

  text = decode_text (data ? data : "", length, self->name, &text_length, error);
  if (text == NULL)
    return NULL;
  if (!parse_text (self, text, text_length, error))
    return NULL;
  return g_steal_pointer (&self);
}

SpireCsvImport *
spire_csv_import_new_from_file (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  contents = _spire_exchange_read_file (path, name, SPIRE_READ_CSV, &length, error);
  if (contents == NULL)
    return NULL;
  return spire_csv_import_new_from_data (contents, length, name, error);
}

const char *
spire_csv_import_get_name (SpireCsvImport *self)
{
  g_return_val_if_fail (SPIRE_IS_CSV_IMPORT (self), NULL);

  return self->name;
}

char
spire_csv_import_get_separator (SpireCsvImport *self)
{
  g_return_val_if_fail (SPIRE_IS_CSV_IMPORT (self), ',');

  return self->separator;
}

guint
spire_csv_import_get_n_columns (SpireCsvImport *self)
{
  g_return_val_if_fail (SPIRE_IS_CSV_IMPORT (self), 0);

  return self->columns->len;
}

const char *
spire_csv_import_get_column (SpireCsvImport *self, guint column)
{
  g_return_val_if_fail (SPIRE_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_ptr_array_index (self->columns, column);
}

int
spire_csv_import_find_column (SpireCsvImport *self, const char *header)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (SPIRE_IS_CSV_IMPORT (self), -1);
  g_return_val_if_fail (header != NULL, -1);

  key = header_key (header);
  for (guint i = 0; i < self->columns->len; i++)
    {
      g_autofree char *k = header_key (g_ptr_array_index (self->columns, i));

      if (strcmp (k, key) == 0)
        return (int) i;
    }
  return -1;
}

guint
spire_csv_import_get_n_rows (SpireCsvImport *self)
{
  g_return_val_if_fail (SPIRE_IS_CSV_IMPORT (self), 0);

  return self->rows->len;
}

guint
spire_csv_import_get_row_line (SpireCsvImport *self, guint row)
{
  g_return_val_if_fail (SPIRE_IS_CSV_IMPORT (self), 0);
  g_return_val_if_fail (row < self->rows->len, 0);

  return ((Row *) g_ptr_array_index (self->rows, row))->line;
}

guint
spire_csv_import_get_row_n_values (SpireCsvImport *self, guint row)
{
  g_return_val_if_fail (SPIRE_IS_CSV_IMPORT (self), 0);
  g_return_val_if_fail (row < self->rows->len, 0);

  return ((Row *) g_ptr_array_index (self->rows, row))->n_values;
}

const char *
spire_csv_import_get_value (SpireCsvImport *self, guint row, guint column)
{
  Row *r;

  g_return_val_if_fail (SPIRE_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  r = g_ptr_array_index (self->rows, row);
  return column < r->n_values ? r->values[column] : NULL;
}

/* Public API: the mapping */

guint
spire_csv_import_guess_mapping (SpireCsvImport *self)
{
  gboolean taken[N_TARGETS] = { FALSE };
  guint mapped = 0;

  g_return_val_if_fail (SPIRE_IS_CSV_IMPORT (self), 0);

  for (guint c = 0; c < self->columns->len; c++)
    if (self->mapping[c] >= 0)
      taken[self->mapping[c]] = TRUE;

  for (guint c = 0; c < self->columns->len; c++)
    {
      g_autofree char *key = NULL;

      if (self->mapping[c] >= 0)
        continue;
      key = header_key (g_ptr_array_index (self->columns, c));
      for (int t = 0; t < N_TARGETS && self->mapping[c] < 0; t++)
        {
          if (taken[t] || synonyms[t] == NULL)
            continue;
          for (const char *const *s = synonyms[t]; *s; s++)
            if (strcmp (*s, key) == 0)
              {
                self->mapping[c] = t;
                taken[t] = TRUE;
                mapped++;
                break;
              }
        }
    }
  return mapped;
}

gboolean
spire_csv_import_set_mapping (SpireCsvImport *self, guint column, const char *target)
{
  int t = -1;

  g_return_val_if_fail (SPIRE_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (column < self->columns->len, FALSE);

  if (target != NULL)
    {
      t = _spire_csv_target_index (target);
      if (t < 0)
        return FALSE;
      /* Any number of columns may be left out; every other target holds one. */
      if (t != T_IGNORE)
        for (guint c = 0; c < self->columns->len; c++)
          if (c != column && self->mapping[c] == t)
            self->mapping[c] = -1;
    }
  self->mapping[column] = t;
  return TRUE;
}

const char *
spire_csv_import_get_mapping (SpireCsvImport *self, guint column)
{
  g_return_val_if_fail (SPIRE_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return self->mapping[column] < 0 ? NULL : targets[self->mapping[column]].id;
}

int
spire_csv_import_get_target_column (SpireCsvImport *self, const char *target)
{
  int t = _spire_csv_target_index (target);

  g_return_val_if_fail (SPIRE_IS_CSV_IMPORT (self), -1);

  if (t < 0)
    return -1;
  for (guint c = 0; c < self->columns->len; c++)
    if (self->mapping[c] == t)
      return (int) c;
  return -1;
}

void
spire_csv_import_clear_mapping (SpireCsvImport *self)
{
  g_return_if_fail (SPIRE_IS_CSV_IMPORT (self));

  for (guint c = 0; c < self->columns->len; c++)
    self->mapping[c] = -1;
}

