/* spire-csv-import.c — applications from a form tool's CSV export
 *
 * The file is split into records by libcsv.  To know the line where each
 * record starts, the parser is fed one line at a time: a record starts on the
 * first line that holds anything while no record is open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-csv-import"

#include "config.h"

#include <glib/gi18n.h>
#include <csv.h>
#include <string.h>

#include "spire-csv-import.h"
#include "spire-error.h"
#include "spire-records.h"
#include "spire-job-private.h"
#include "spire-store-private.h"
#include "spire-text.h"
#include "spire-validate.h"

/* How often (in rows) progress is reported and cancellation looked at. */
#define STEP 64
/* How many problems the commit's error lists. */
#define MAX_LISTED 5
/* SQLite's page cache while the import writes, in KiB: the default 2 MiB
 * makes a big transaction spill pages to the WAL and write them again. */

typedef enum
{
  T_STARTUP_NAME,
  T_STARTUP_ORGNR,
  T_STARTUP_WEBSITE,
  T_PERSON_NAME,
  T_PERSON_EMAIL,
  T_PERSON_PHONE,
  T_APPLICATION_TITLE,
  T_APPLICATION_PITCH,
  T_APPLICATION_SOLUTION,
  T_APPLICATION_CHALLENGE,
  T_APPLICATION_SUBMITTED_AT,
  T_IGNORE,
  N_TARGETS
} TargetIndex;

typedef struct
{
  guint line;
  guint n_values;
  char **values;
} Row;

struct _SpireCsvImport
{
  GObject parent_instance;

  char *name;
  char separator;
  GPtrArray *columns; /* char* */
  GPtrArray *rows;    /* Row* */
  int *mapping;       /* per column: a TargetIndex, or -1 */
};

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

static int
target_index (const char *id)
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
static char *
name_key (const char *name)
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
  int i = target_index (id);

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
  g_autoptr (GError) local = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO, _("Spire cannot read “%s”: %s"), name,
                   local->message);
      return NULL;
    }
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
      t = target_index (target);
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
  int t = target_index (target);

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

/* The preview and its plan */

typedef struct
{
  SpireRecord *record;
  guint line;
} Write;

typedef struct
{
  SpireCsvPreview pub; /* first: a SpireCsvPreview* is a Plan* */
  gatomicrefcount ref;
  GPtrArray *writes; /* Write*: startups, then persons, then applications */
} Plan;

static void
problem_free (gpointer data)
{
  SpireCsvProblem *p = data;

  g_free (p->header);
  g_free (p->message);
  g_free (p->text);
  g_free (p);
}

static void
preview_row_free (gpointer data)
{
  SpireCsvRow *r = data;

  g_free (r->startup_name);
  g_free (r->startup_orgnr);
  g_free (r->person_name);
  g_free (r->person_email);
  g_free (r->title);
  g_free (r->challenge);
  g_free (r->submitted_at);
  g_free (r);
}

static void
write_free (gpointer data)
{
  Write *w = data;

  g_object_unref (w->record);
  g_free (w);
}

static Plan *
plan_new (void)
{
  Plan *plan = g_new0 (Plan, 1);

  g_atomic_ref_count_init (&plan->ref);
  plan->pub.problems = g_ptr_array_new_with_free_func (problem_free);
  plan->pub.rows = g_ptr_array_new_with_free_func (preview_row_free);
  plan->writes = g_ptr_array_new_with_free_func (write_free);
  return plan;
}

SpireCsvPreview *
spire_csv_preview_ref (SpireCsvPreview *preview)
{
  Plan *plan = (Plan *) preview;

  g_return_val_if_fail (preview != NULL, NULL);

  g_atomic_ref_count_inc (&plan->ref);
  return preview;
}

void
spire_csv_preview_unref (SpireCsvPreview *preview)
{
  Plan *plan = (Plan *) preview;

  g_return_if_fail (preview != NULL);

  if (!g_atomic_ref_count_dec (&plan->ref))
    return;
  g_ptr_array_unref (plan->pub.problems);
  g_ptr_array_unref (plan->pub.rows);
  g_ptr_array_unref (plan->writes);
  g_free (plan);
}

G_DEFINE_BOXED_TYPE (SpireCsvPreview, spire_csv_preview, spire_csv_preview_ref,
                     spire_csv_preview_unref)

char *
spire_csv_preview_describe (SpireCsvPreview *preview)
{
  const SpireCsvCounts *c;
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (preview != NULL, NULL);

  c = &preview->counts;
  g_string_append_printf (s, ngettext ("%u new startup", "%u new startups", c->startups_new),
                          c->startups_new);
  g_string_append (s, ", ");
  g_string_append_printf (s, ngettext ("%u startup already known", "%u startups already known",
                                       c->startups_known),
                          c->startups_known);
  g_string_append (s, ", ");
  g_string_append_printf (s, ngettext ("%u new person", "%u new people", c->persons_new),
                          c->persons_new);
  g_string_append (s, ", ");
  g_string_append_printf (s, ngettext ("%u new application", "%u new applications",
                                       c->applications_new),
                          c->applications_new);
  if (c->applications_known > 0)
    {
      g_string_append (s, ", ");
      g_string_append_printf (s, ngettext ("%u application already imported",
                                           "%u applications already imported",
                                           c->applications_known),
                              c->applications_known);
    }
  return g_string_free (s, FALSE);
}

/* Preparing */

typedef struct
{
  SpireRecord *record; /* owned: a new record, or a copy of the stored one */
  SpireCsvMatch match; /* NEW or KNOWN */
  gboolean queued;     /* already among the writes */
  gboolean dirty;      /* a known record that the import completes */
  guint line;          /* the row that made or first used it */
} Planned;

typedef struct
{
  SpireCsvImport *self;
  SpireStore *store;
  Plan *plan;
  const char *cohort_uuid;
  GTimeZone *oslo;
  int col[N_TARGETS];
  char **extra_keys;           /* per column: its key among the extra answers */
  gboolean no_startup_columns; /* neither name nor orgnr mapped */

  GPtrArray *keep;             /* SpireRecord*: owns what the tables below borrow */
  GHashTable *db_startup_by_orgnr; /* digits → SpireRecord* */
  GHashTable *db_startup_by_name;  /* name_key → SpireRecord* */
  GHashTable *db_persons;          /* "startup uuid\nkey" → SpireRecord* */
  GHashTable *db_applications;     /* "startup\nchallenge\ntitle" → itself */
  GHashTable *challenges;          /* name_key (title) → SpireRecord* */
  GString *challenge_titles;       /* “A”, “B” — for messages */

  GPtrArray *planned;              /* Planned*: owns */
  GHashTable *startup_by_orgnr;    /* digits → Planned* */
  GHashTable *startup_by_name;     /* name_key → Planned* */
  GHashTable *person_by_key;       /* "startup uuid\nkey" → Planned* */
  GPtrArray *startup_writes, *person_writes, *application_writes; /* Write* */
  GHashTable *planned_by_uuid;     /* uuid → Planned* */
} Prep;

static void
planned_free (gpointer data)
{
  Planned *p = data;

  g_clear_object (&p->record);
  g_free (p);
}

static void
prep_clear (Prep *p)
{
  g_clear_pointer (&p->oslo, g_time_zone_unref);
  g_clear_pointer (&p->extra_keys, g_strfreev);
  g_clear_pointer (&p->db_startup_by_orgnr, g_hash_table_unref);
  g_clear_pointer (&p->db_startup_by_name, g_hash_table_unref);
  g_clear_pointer (&p->db_persons, g_hash_table_unref);
  g_clear_pointer (&p->db_applications, g_hash_table_unref);
  g_clear_pointer (&p->challenges, g_hash_table_unref);
  if (p->challenge_titles)
    g_string_free (p->challenge_titles, TRUE);
  p->challenge_titles = NULL;
  g_clear_pointer (&p->startup_by_orgnr, g_hash_table_unref);
  g_clear_pointer (&p->startup_by_name, g_hash_table_unref);
  g_clear_pointer (&p->person_by_key, g_hash_table_unref);
  g_clear_pointer (&p->planned_by_uuid, g_hash_table_unref);
  g_clear_pointer (&p->startup_writes, g_ptr_array_unref);
  g_clear_pointer (&p->person_writes, g_ptr_array_unref);
  g_clear_pointer (&p->application_writes, g_ptr_array_unref);
  g_clear_pointer (&p->planned, g_ptr_array_unref);
  g_clear_pointer (&p->keep, g_ptr_array_unref);
}

static void
add_problem (Prep *p, SpireCsvRow *row, guint line, int column, char *message)
{
  SpireCsvProblem *problem = g_new0 (SpireCsvProblem, 1);

  problem->line = line;
  problem->column = column;
  problem->header = column >= 0 ? g_strdup (g_ptr_array_index (p->self->columns, column)) : NULL;
  problem->message = message;
  if (line == 0 && problem->header)
    problem->text = g_strdup_printf (_("“%s”: %s"), problem->header, message);
  else if (line == 0)
    problem->text = g_strdup (message);
  else if (problem->header)
    /* TRANSLATORS: a problem in a CSV file: “line 7, “Organisasjonsnummer”: the check digit is wrong” */
    problem->text = g_strdup_printf (_("line %u, “%s”: %s"), line, problem->header, message);
  else
    problem->text = g_strdup_printf (_("line %u: %s"), line, message);
  g_ptr_array_add (p->plan->pub.problems, problem);
  if (row)
    row->n_problems++;
}

static char *
key2 (const char *a, const char *b)
{
  return g_strconcat (a ? a : "", "\n", b ? b : "", NULL);
}

static char *
application_key (const char *startup, const char *challenge, const char *title)
{
  g_autofree char *t = name_key (title);

  return g_strconcat (startup ? startup : "", "\n", challenge ? challenge : "", "\n", t, NULL);
}

/* The keys a person is found by within a startup: its e-mail, or its name. */
static char *
person_key (const char *startup, const char *email, const char *name)
{
  if (email != NULL)
    {
      g_autofree char *e = g_utf8_casefold (email, -1);
      g_autofree char *k = g_strconcat ("@", e, NULL);

      return key2 (startup, k);
    }
  {
    g_autofree char *n = name_key (name);
    g_autofree char *k = g_strconcat ("=", n, NULL);

    return key2 (startup, k);
  }
}

static gboolean
load_store (Prep *p, GError **error)
{
  const SpireKind *startup_kind = spire_kind_lookup ("startups");
  const SpireKind *person_kind = spire_kind_lookup ("persons");
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (GPtrArray) startups = NULL;
  g_autoptr (GPtrArray) persons = NULL;
  g_autoptr (GPtrArray) challenges = NULL;
  g_autoptr (GPtrArray) applications = NULL;

  cohort = spire_store_get (p->store, spire_kind_lookup ("cohorts"), p->cohort_uuid, error);
  if (cohort == NULL)
    return FALSE;

  p->keep = g_ptr_array_new_with_free_func (g_object_unref);
  p->db_startup_by_orgnr = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->db_startup_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->db_persons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->db_applications = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->challenges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->challenge_titles = g_string_new (NULL);

  startups = spire_store_list (p->store, startup_kind, NULL, NULL, error);
  if (startups == NULL)
    return FALSE;
  for (guint i = 0; i < startups->len; i++)
    {
      SpireRecord *s = g_ptr_array_index (startups, i);
      const char *orgnr = spire_record_get_text (s, "orgnr");
      char *k = name_key (spire_record_get_text (s, "name"));

      g_ptr_array_add (p->keep, g_object_ref (s));
      if (orgnr && !g_hash_table_contains (p->db_startup_by_orgnr, orgnr))
        g_hash_table_insert (p->db_startup_by_orgnr, g_strdup (orgnr), s);
      /* Among equal names, the one without an orgnr is the better guess for a
       * row without one. */
      if (!g_hash_table_contains (p->db_startup_by_name, k) || orgnr == NULL)
        g_hash_table_replace (p->db_startup_by_name, k, s);
      else
        g_free (k);
    }

  persons = spire_store_list (p->store, person_kind, NULL, NULL, error);
  if (persons == NULL)
    return FALSE;
  for (guint i = 0; i < persons->len; i++)
    {
      SpireRecord *person = g_ptr_array_index (persons, i);
      const char *startup = spire_record_get_text (person, "startup");
      const char *email = spire_record_get_text (person, "email");

      if (startup == NULL)
        continue;
      g_ptr_array_add (p->keep, g_object_ref (person));
      if (email != NULL)
        {
          char *k = person_key (startup, email, NULL);

          if (!g_hash_table_contains (p->db_persons, k))
            g_hash_table_insert (p->db_persons, k, person);
          else
            g_free (k);
        }
      {
        char *k = person_key (startup, NULL, spire_record_get_text (person, "name"));

        if (!g_hash_table_contains (p->db_persons, k))
          g_hash_table_insert (p->db_persons, k, person);
        else
          g_free (k);
      }
    }

  challenges = spire_store_list (p->store, spire_kind_lookup ("challenges"), "cohort",
                                 p->cohort_uuid, error);
  if (challenges == NULL)
    return FALSE;
  for (guint i = 0; i < challenges->len; i++)
    {
      SpireRecord *c = g_ptr_array_index (challenges, i);
      const char *title = spire_record_get_text (c, "title");

      g_ptr_array_add (p->keep, g_object_ref (c));
      g_hash_table_insert (p->challenges, name_key (title), c);
      if (p->challenge_titles->len)
        g_string_append (p->challenge_titles, ", ");
      g_string_append_printf (p->challenge_titles, "“%s”", title);
    }

  applications = spire_store_list (p->store, spire_kind_lookup ("applications"), "cohort",
                                   p->cohort_uuid, error);
  if (applications == NULL)
    return FALSE;
  for (guint i = 0; i < applications->len; i++)
    {
      SpireRecord *a = g_ptr_array_index (applications, i);
      char *k = application_key (spire_record_get_text (a, "startup"),
                                 spire_record_get_text (a, "challenge"),
                                 spire_record_get_text (a, "title"));

      g_hash_table_add (p->db_applications, k);
    }
  return TRUE;
}

static void
prepare_columns (Prep *p)
{
  SpireCsvImport *self = p->self;
  g_autoptr (GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);

  for (int t = 0; t < N_TARGETS; t++)
    p->col[t] = -1;
  for (guint c = 0; c < self->columns->len; c++)
    if (self->mapping[c] >= 0 && self->mapping[c] != T_IGNORE)
      p->col[self->mapping[c]] = (int) c;

  /* Two columns with one header still give two extra answers. */
  p->extra_keys = g_new0 (char *, self->columns->len + 1);
  for (guint c = 0; c < self->columns->len; c++)
    {
      const char *h = g_ptr_array_index (self->columns, c);
      char *k = g_strdup (h);

      for (guint n = 2; g_hash_table_contains (used, k); n++)
        {
          g_free (k);
          k = g_strdup_printf ("%s (%u)", h, n);
        }
      p->extra_keys[c] = k;
      g_hash_table_add (used, k);
    }
}

/* The value of @target in @row, without surrounding space; NULL when empty
 * or not mapped. */
static char *
row_value (Prep *p, Row *row, TargetIndex target)
{
  int c = p->col[target];
  char *v;

  if (c < 0 || (guint) c >= row->n_values)
    return NULL;
  v = g_strstrip (g_strdup (row->values[c]));
  if (*v == '\0')
    g_clear_pointer (&v, g_free);
  return v;
}

static char *
parse_submitted (Prep *p, const char *text)
{
  gboolean had_time = FALSE;
  char *iso;

  /* Full ISO 8601, offset included ("2026-11-23T14:05:00+01:00"). */
  if (strchr (text, 'T') != NULL)
    {
      g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (text, p->oslo);

      if (dt != NULL)
        {
          g_autoptr (GDateTime) utc = g_date_time_to_utc (dt);

          return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
        }
    }
  iso = spire_parse_date (text, &had_time);
  if (iso != NULL && !had_time)
    {
      /* A day alone: the start of that day in Norway. */
      g_autofree char *midnight = g_strconcat (iso, " 00:00", NULL);

      g_free (iso);
      iso = spire_parse_date (midnight, NULL);
    }
  return iso;
}

static char *
extra_answers (Prep *p, Row *row)
{
  g_autoptr (JsonBuilder) b = NULL;
  g_autoptr (JsonNode) root = NULL;
  gboolean any = FALSE;

  for (guint c = 0; c < row->n_values && c < p->self->columns->len; c++)
    {
      const char *v = row->values[c];
      g_autofree char *stripped = NULL;

      if (p->self->mapping[c] >= 0)
        continue;
      stripped = g_strstrip (g_strdup (v));
      if (*stripped == '\0')
        continue;
      if (b == NULL)
        {
          b = json_builder_new ();
          json_builder_begin_object (b);
        }
      json_builder_set_member_name (b, p->extra_keys[c]);
      json_builder_add_string_value (b, stripped);
      any = TRUE;
    }
  if (!any)
    return NULL;
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static int
column_of_field (Prep *p, const char *kind_name, const char *field)
{
  g_autofree char *id = g_strconcat (kind_name, ".", field, NULL);
  int t = target_index (id);

  return t < 0 ? -1 : p->col[t];
}

/* Backstop: the record rules, for what the checks above did not see. */
static gboolean
validate_record (Prep *p, SpireCsvRow *out, SpireRecord *record)
{
  g_autoptr (GError) local = NULL;
  const char *field = NULL;

  if (spire_record_validate (record, &field, &local))
    return TRUE;
  add_problem (p, out, out->line,
               field ? column_of_field (p, spire_record_get_kind (record)->name, field) : -1,
               g_strdup (local->message));
  return FALSE;
}

static Planned *
planned_new (Prep *p, SpireRecord *record, SpireCsvMatch match, guint line)
{
  Planned *pl = g_new0 (Planned, 1);

  pl->record = record;
  pl->match = match;
  pl->line = line;
  g_ptr_array_add (p->planned, pl);
  g_hash_table_insert (p->planned_by_uuid, g_strdup (spire_record_get_uuid (record)), pl);
  return pl;
}

static void
queue_write (GPtrArray *writes, Planned *pl)
{
  Write *w;

  if (pl->queued)
    return;
  w = g_new0 (Write, 1);
  w->record = g_object_ref (pl->record);
  w->line = pl->line;
  g_ptr_array_add (writes, w);
  pl->queued = TRUE;
}

static void
register_startup_names (Prep *p, Planned *pl)
{
  const char *orgnr = spire_record_get_text (pl->record, "orgnr");
  char *k = name_key (spire_record_get_text (pl->record, "name"));

  if (orgnr && !g_hash_table_contains (p->startup_by_orgnr, orgnr))
    g_hash_table_insert (p->startup_by_orgnr, g_strdup (orgnr), pl);
  if (!g_hash_table_contains (p->startup_by_name, k))
    g_hash_table_insert (p->startup_by_name, k, pl);
  else
    g_free (k);
}

static gboolean
blank (const char *s)
{
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

static void
prepare_row (Prep *p, guint index)
{
  SpireCsvImport *self = p->self;
  Row *row = g_ptr_array_index (self->rows, index);
  SpireCsvRow *out = g_new0 (SpireCsvRow, 1);
  g_autofree char *name = NULL, *orgnr = NULL, *web = NULL, *person_name = NULL;
  g_autofree char *email = NULL, *phone = NULL, *title = NULL, *pitch = NULL;
  g_autofree char *solution = NULL, *challenge = NULL, *submitted = NULL;
  g_autofree char *digits = NULL, *website = NULL, *submitted_at = NULL, *extra = NULL;
  g_autofree char *app_key = NULL, *pkey = NULL;
  SpireRecord *challenge_record = NULL;
  /* What the row resolves to, before anything is registered. */
  Planned *startup = NULL, *person = NULL;
  SpireRecord *db_startup = NULL, *db_person = NULL;
  g_autoptr (SpireRecord) new_startup = NULL;
  g_autoptr (SpireRecord) new_person = NULL;
  g_autoptr (SpireRecord) application = NULL;
  gboolean set_orgnr = FALSE;
  const char *startup_uuid;
  guint n_values;

  out->row = index;
  out->line = row->line;
  g_ptr_array_add (p->plan->pub.rows, out);

  /* Empty values past the last column (a spreadsheet's trailing ";") do no
   * harm. */
  n_values = row->n_values;
  while (n_values > self->columns->len && blank (row->values[n_values - 1]))
    n_values--;
  if (n_values != self->columns->len)
    {
      guint n = row->n_values, m = self->columns->len;
      g_autofree char *values = g_strdup_printf (ngettext ("%u value", "%u values", n), n);
      g_autofree char *columns = g_strdup_printf (ngettext ("%u column", "%u columns", m), m);
      char sep[3] = { self->separator, 0, 0 };

      if (self->separator == '\t')
        g_strlcpy (sep, "\\t", sizeof sep);
      add_problem (p, out, row->line, -1,
                   /* TRANSLATORS: "the row has 7 values, but the header line has 8 columns; …" */
                   g_strdup_printf (_("the row has %s, but the header line has %s. A value "
                                      "that holds the separator (%s) must be in double "
                                      "quotes."),
                                    values, columns, sep));
      return;
    }

  name = row_value (p, row, T_STARTUP_NAME);
  orgnr = row_value (p, row, T_STARTUP_ORGNR);
  web = row_value (p, row, T_STARTUP_WEBSITE);
  person_name = row_value (p, row, T_PERSON_NAME);
  email = row_value (p, row, T_PERSON_EMAIL);
  phone = row_value (p, row, T_PERSON_PHONE);
  title = row_value (p, row, T_APPLICATION_TITLE);
  pitch = row_value (p, row, T_APPLICATION_PITCH);
  solution = row_value (p, row, T_APPLICATION_SOLUTION);
  challenge = row_value (p, row, T_APPLICATION_CHALLENGE);
  submitted = row_value (p, row, T_APPLICATION_SUBMITTED_AT);

  out->startup_name = g_strdup (name);
  out->person_name = g_strdup (person_name);
  out->person_email = g_strdup (email);

  /* Each value on its own */
  if (orgnr != NULL)
    {
      g_autofree char *why = NULL;

      if (spire_orgnr_check (orgnr, &why))
        digits = spire_orgnr_digits (orgnr);
      else
        add_problem (p, out, row->line, p->col[T_STARTUP_ORGNR], g_steal_pointer (&why));
    }
  out->startup_orgnr = g_strdup (digits);

  website = spire_url_complete (web);
  if (website != NULL && !spire_url_is_valid (website))
    add_problem (p, out, row->line, p->col[T_STARTUP_WEBSITE],
                 g_strdup (_("not a web address; write it as https://example.no")));

  if (email != NULL && !spire_email_is_valid (email))
    add_problem (p, out, row->line, p->col[T_PERSON_EMAIL],
                 g_strdup (_("not an e-mail address; write it as name@example.no")));

  if (submitted != NULL)
    {
      submitted_at = parse_submitted (p, submitted);
      if (submitted_at == NULL)
        add_problem (p, out, row->line, p->col[T_APPLICATION_SUBMITTED_AT],
                     g_strdup_printf (_("“%s” is not a date; write it as 23.11.2026 14:05 "
                                        "or 2026-11-23T14:05"), submitted));
      out->submitted_at = g_strdup (submitted_at);
    }

  if (challenge != NULL)
    {
      g_autofree char *k = name_key (challenge);

      challenge_record = g_hash_table_lookup (p->challenges, k);
      if (challenge_record == NULL)
        {
          if (p->challenge_titles->len == 0)
            add_problem (p, out, row->line, p->col[T_APPLICATION_CHALLENGE],
                         g_strdup_printf (_("there is no challenge “%s”: the cohort has no "
                                            "challenges yet; add them first"), challenge));
          else
            add_problem (p, out, row->line, p->col[T_APPLICATION_CHALLENGE],
                         /* TRANSLATORS: the last %s lists the cohort's challenges: “A”, “B” */
                         g_strdup_printf (_("there is no challenge “%s” in the cohort; its "
                                            "challenges are %s"),
                                          challenge, p->challenge_titles->str));
        }
      else
        out->challenge = g_strdup (spire_record_get_text (challenge_record, "title"));
    }

  if (out->n_problems > 0 || p->no_startup_columns)
    return;

  /* The startup: by orgnr, else by name; a startup without an orgnr takes the
   * one from a row that has it. */
  if (digits != NULL)
    {
      startup = g_hash_table_lookup (p->startup_by_orgnr, digits);
      if (startup == NULL)
        db_startup = g_hash_table_lookup (p->db_startup_by_orgnr, digits);
    }
  if (startup == NULL && db_startup == NULL && name != NULL)
    {
      g_autofree char *k = name_key (name);
      Planned *by_name = g_hash_table_lookup (p->startup_by_name, k);
      SpireRecord *db_by_name = g_hash_table_lookup (p->db_startup_by_name, k);

      if (by_name && (digits == NULL || spire_record_is_null (by_name->record, "orgnr")))
        startup = by_name;
      else if (db_by_name && (digits == NULL || spire_record_is_null (db_by_name, "orgnr")))
        db_startup = db_by_name;
      set_orgnr = digits != NULL && (startup != NULL || db_startup != NULL);
    }
  if (db_startup != NULL)
    {
      /* Known, and perhaps already planned by an earlier row. */
      Planned *pl = g_hash_table_lookup (p->planned_by_uuid, spire_record_get_uuid (db_startup));

      if (pl != NULL)
        {
          startup = pl;
          db_startup = NULL;
        }
    }
  if (set_orgnr && startup != NULL && !spire_record_is_null (startup->record, "orgnr"))
    {
      /* An earlier row gave it another orgnr: this is another company. */
      startup = NULL;
      set_orgnr = FALSE;
    }
  if (startup == NULL && db_startup == NULL)
    {
      if (name == NULL)
        {
          int c = p->col[T_STARTUP_NAME] >= 0 ? p->col[T_STARTUP_NAME] : -1;

          add_problem (p, out, row->line, c,
                       digits ? g_strdup (_("the startup has no name, and Spire does not know "
                                            "its organisation number; fill in the name"))
                              : g_strdup (_("the startup has no name; fill it in")));
          return;
        }
      new_startup = spire_record_new (spire_kind_lookup ("startups"));
      {
        g_autofree char *uuid = spire_uuid_new ();
        spire_record_set_text (new_startup, "uuid", uuid);
      }
      spire_record_set_text (new_startup, "name", name);
      spire_record_set_text (new_startup, "orgnr", digits);
      spire_record_set_text (new_startup, "website", website);
      if (!validate_record (p, out, new_startup))
        return;
    }

  startup_uuid = new_startup ? spire_record_get_uuid (new_startup)
                 : db_startup ? spire_record_get_uuid (db_startup)
                              : spire_record_get_uuid (startup->record);

  /* The contact person */
  if (person_name != NULL || email != NULL)
    {
      pkey = person_key (startup_uuid, email, person_name);
      person = g_hash_table_lookup (p->person_by_key, pkey);
      if (person == NULL)
        db_person = g_hash_table_lookup (p->db_persons, pkey);
      if (person == NULL && db_person != NULL)
        {
          /* Already planned, found by its other key? */
          person = g_hash_table_lookup (p->planned_by_uuid, spire_record_get_uuid (db_person));
          if (person != NULL)
            db_person = NULL;
        }
      if (person == NULL && db_person == NULL)
        {
          const char *startup_name = new_startup ? name
                                     : db_startup ? spire_record_get_text (db_startup, "name")
                                                  : spire_record_get_text (startup->record, "name");
          const char *startup_orgnr = new_startup ? digits
                                      : db_startup ? spire_record_get_text (db_startup, "orgnr")
                                                   : spire_record_get_text (startup->record, "orgnr");
          g_autofree char *uuid = spire_uuid_new ();

          new_person = spire_record_new (spire_kind_lookup ("persons"));
          spire_record_set_text (new_person, "uuid", uuid);
          spire_record_set_text (new_person, "name", person_name ? person_name : email);
          spire_record_set_text (new_person, "email", email);
          spire_record_set_text (new_person, "phone", phone);
          spire_record_set_text (new_person, "organisation", startup_name);
          spire_record_set_text (new_person, "orgnr", startup_orgnr ? startup_orgnr : digits);
          spire_record_set_text (new_person, "startup", startup_uuid);
          if (!validate_record (p, out, new_person))
            return;
        }
    }

  /* The application */
  if (title == NULL)
    title = g_strdup (new_startup ? name
                      : db_startup ? spire_record_get_text (db_startup, "name")
                                   : spire_record_get_text (startup->record, "name"));
  out->title = g_strdup (title);
  app_key = application_key (startup_uuid,
                             challenge_record ? spire_record_get_uuid (challenge_record) : NULL,
                             title);
  if (!new_startup && g_hash_table_contains (p->db_applications, app_key))
    out->application = SPIRE_CSV_MATCH_KNOWN;
  else
    {
      g_autofree char *uuid = spire_uuid_new ();
      const char *contact = new_person ? spire_record_get_uuid (new_person)
                            : db_person ? spire_record_get_uuid (db_person)
                            : person ? spire_record_get_uuid (person->record)
                                     : NULL;

      extra = extra_answers (p, row);
      application = spire_record_new (spire_kind_lookup ("applications"));
      spire_record_set_text (application, "uuid", uuid);
      spire_record_set_text (application, "cohort", p->cohort_uuid);
      spire_record_set_text (application, "startup", startup_uuid);
      spire_record_set_text (application, "challenge",
                             challenge_record ? spire_record_get_uuid (challenge_record) : NULL);
      spire_record_set_text (application, "contact", contact);
      spire_record_set_text (application, "title", title);
      spire_record_set_text (application, "pitch", pitch);
      spire_record_set_text (application, "solution", solution);
      spire_record_set_text (application, "status", "received");
      spire_record_set_text (application, "submitted_at", submitted_at);
      spire_record_set_text (application, "extra", extra);
      if (!validate_record (p, out, application))
        return;
      out->application = SPIRE_CSV_MATCH_NEW;
    }

  /* The row is sound: register what it makes and uses. */
  if (new_startup != NULL)
    {
      startup = planned_new (p, g_steal_pointer (&new_startup), SPIRE_CSV_MATCH_NEW, row->line);
      register_startup_names (p, startup);
      queue_write (p->startup_writes, startup);
      out->startup = SPIRE_CSV_MATCH_NEW;
    }
  else
    {
      if (db_startup != NULL)
        {
          startup = planned_new (p, spire_record_copy (db_startup), SPIRE_CSV_MATCH_KNOWN,
                                 row->line);
          out->startup = SPIRE_CSV_MATCH_KNOWN;
        }
      else
        out->startup = startup->match == SPIRE_CSV_MATCH_KNOWN ? SPIRE_CSV_MATCH_KNOWN
                                                               : SPIRE_CSV_MATCH_EARLIER;
      if (set_orgnr)
        {
          spire_record_set_text (startup->record, "orgnr", digits);
          startup->dirty = TRUE;
        }
      if (website != NULL && spire_record_is_null (startup->record, "website"))
        {
          spire_record_set_text (startup->record, "website", website);
          startup->dirty = TRUE;
        }
      register_startup_names (p, startup);
      if (startup->dirty || startup->match == SPIRE_CSV_MATCH_NEW)
        queue_write (p->startup_writes, startup);
    }
  g_free (out->startup_name);
  out->startup_name = g_strdup (spire_record_get_text (startup->record, "name"));
  g_free (out->startup_orgnr);
  out->startup_orgnr = g_strdup (spire_record_get_text (startup->record, "orgnr"));

  if (new_person != NULL || db_person != NULL)
    {
      gboolean is_new = new_person != NULL;

      person = planned_new (p, is_new ? g_steal_pointer (&new_person) : spire_record_copy (db_person),
                            is_new ? SPIRE_CSV_MATCH_NEW : SPIRE_CSV_MATCH_KNOWN, row->line);
      out->person = person->match;
      if (is_new)
        queue_write (p->person_writes, person);
    }
  else if (person != NULL)
    out->person = person->match == SPIRE_CSV_MATCH_KNOWN ? SPIRE_CSV_MATCH_KNOWN
                                                         : SPIRE_CSV_MATCH_EARLIER;
  if (person != NULL)
    {
      const char *pe = spire_record_get_text (person->record, "email");

      /* Found by both keys from now on. */
      if (pe != NULL)
        {
          char *k = person_key (startup_uuid, pe, NULL);
          if (!g_hash_table_contains (p->person_by_key, k))
            g_hash_table_insert (p->person_by_key, k, person);
          else
            g_free (k);
        }
      {
        char *k = person_key (startup_uuid, NULL, spire_record_get_text (person->record, "name"));
        if (!g_hash_table_contains (p->person_by_key, k))
          g_hash_table_insert (p->person_by_key, k, person);
        else
          g_free (k);
      }
      if (phone != NULL && spire_record_is_null (person->record, "phone"))
        {
          spire_record_set_text (person->record, "phone", phone);
          if (person->match == SPIRE_CSV_MATCH_KNOWN)
            {
              person->dirty = TRUE;
              queue_write (p->person_writes, person);
            }
        }
      g_free (out->person_name);
      out->person_name = g_strdup (spire_record_get_text (person->record, "name"));
      g_free (out->person_email);
      out->person_email = g_strdup (spire_record_get_text (person->record, "email"));
    }

  if (application != NULL)
    {
      Write *w = g_new0 (Write, 1);

      w->record = g_steal_pointer (&application);
      w->line = row->line;
      g_ptr_array_add (p->application_writes, w);
      p->plan->pub.counts.applications_new++;
    }
  else
    p->plan->pub.counts.applications_known++;
}

static Plan *
prepare (SpireCsvImport *self, SpireStore *store, const char *cohort_uuid,
         GCancellable *cancellable, GError **error)
{
  Prep p = { 0 };
  Plan *plan;
  SpireCsvCounts *counts;

  p.self = self;
  p.store = store;
  p.cohort_uuid = cohort_uuid;
  p.oslo = g_time_zone_new_identifier ("Europe/Oslo");
  if (p.oslo == NULL)
    p.oslo = g_time_zone_new_utc ();

  if (!load_store (&p, error))
    {
      prep_clear (&p);
      return NULL;
    }

  plan = plan_new ();
  p.plan = plan;
  p.planned = g_ptr_array_new_with_free_func (planned_free);
  p.startup_by_orgnr = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p.startup_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p.person_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p.planned_by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p.startup_writes = g_ptr_array_new_with_free_func (write_free);
  p.person_writes = g_ptr_array_new_with_free_func (write_free);
  p.application_writes = g_ptr_array_new_with_free_func (write_free);
  prepare_columns (&p);

  counts = &plan->pub.counts;
  counts->rows = self->rows->len;

  if (self->rows->len == 0)
    add_problem (&p, NULL, 0, -1,
                 g_strdup_printf (_("%s holds no applications, only the header line."),
                                  self->name));
  if (p.col[T_STARTUP_NAME] < 0 && p.col[T_STARTUP_ORGNR] < 0)
    {
      p.no_startup_columns = TRUE;
      add_problem (&p, NULL, 0, -1,
                   g_strdup (_("No column is chosen for the startups’ names. Choose the "
                               "column that holds them (or their organisation numbers).")));
    }

  for (guint r = 0; r < self->rows->len; r++)
    {
      if (r % STEP == 0 && g_cancellable_is_cancelled (cancellable))
        {
          g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED,
                               _("Cancelled. Nothing was changed."));
          spire_csv_preview_unref (&plan->pub);
          prep_clear (&p);
          return NULL;
        }
      prepare_row (&p, r);
    }

  for (guint i = 0; i < p.planned->len; i++)
    {
      Planned *pl = g_ptr_array_index (p.planned, i);
      const SpireKind *kind = spire_record_get_kind (pl->record);

      if (kind == spire_kind_lookup ("startups"))
        {
          if (pl->match == SPIRE_CSV_MATCH_NEW)
            counts->startups_new++;
          else
            {
              counts->startups_known++;
              if (pl->dirty)
                counts->startups_completed++;
            }
        }
      else if (pl->match == SPIRE_CSV_MATCH_NEW)
        counts->persons_new++;
      else
        counts->persons_known++;
    }

  g_ptr_array_extend_and_steal (plan->writes, g_steal_pointer (&p.startup_writes));
  g_ptr_array_extend_and_steal (plan->writes, g_steal_pointer (&p.person_writes));
  g_ptr_array_extend_and_steal (plan->writes, g_steal_pointer (&p.application_writes));
  prep_clear (&p);
  return plan;
}

SpireCsvPreview *
spire_csv_import_prepare (SpireCsvImport *self, SpireStore *store, const char *cohort_uuid,
                          GCancellable *cancellable, GError **error)
{
  Plan *plan;

  g_return_val_if_fail (SPIRE_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (cohort_uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  plan = prepare (self, store, cohort_uuid, cancellable, error);
  return plan ? &plan->pub : NULL;
}

/* Committing */

static gboolean
refuse_with_problems (SpireCsvImport *self, Plan *plan, GError **error)
{
  GPtrArray *problems = plan->pub.problems;
  guint n = problems->len;
  g_autoptr (GString) s = g_string_new (NULL);

  g_string_append_printf (s,
                          /* TRANSLATORS: %s is the file's name */
                          ngettext ("%s was not imported: %u problem must be fixed first.",
                                    "%s was not imported: %u problems must be fixed first.", n),
                          self->name, n);
  for (guint i = 0; i < n && i < MAX_LISTED; i++)
    {
      SpireCsvProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_printf (s, "\n%s", problem->text);
    }
  if (n > MAX_LISTED)
    {
      g_string_append_c (s, '\n');
      g_string_append_printf (s, ngettext ("… and %u more.", "… and %u more.", n - MAX_LISTED),
                              n - MAX_LISTED);
    }
  g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_INVALID, s->str);
  return FALSE;
}

static char *
audit_json (SpireCsvImport *self, const SpireCsvCounts *c)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, self->name);
  json_builder_set_member_name (b, "rows");
  json_builder_add_int_value (b, c->rows);
  json_builder_set_member_name (b, "startups_new");
  json_builder_add_int_value (b, c->startups_new);
  json_builder_set_member_name (b, "startups_known");
  json_builder_add_int_value (b, c->startups_known);
  json_builder_set_member_name (b, "persons_new");
  json_builder_add_int_value (b, c->persons_new);
  json_builder_set_member_name (b, "persons_known");
  json_builder_add_int_value (b, c->persons_known);
  json_builder_set_member_name (b, "applications_new");
  json_builder_add_int_value (b, c->applications_new);
  json_builder_set_member_name (b, "applications_known");
  json_builder_add_int_value (b, c->applications_known);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static gboolean
commit (SpireCsvImport *self, SpireStore *store, const char *cohort_uuid,
        SpireCsvCounts *stats, SpireProgressFunc progress, gpointer progress_data,
        GCancellable *cancellable, GError **error)
{
  g_autoptr (SpireCsvPreview) preview = NULL;
  g_autofree char *after = NULL;
  Plan *plan;

  /* Prepare inside the transaction, so that what was checked is what is
   * written. */
  if (!spire_store_begin (store, error))
    return FALSE;
  plan = prepare (self, store, cohort_uuid, cancellable, error);
  if (plan == NULL)
    goto fail;
  preview = &plan->pub;
  if (plan->pub.problems->len > 0)
    {
      refuse_with_problems (self, plan, error);
      goto fail;
    }
  if (progress)
    progress (0.1, progress_data);

  for (guint i = 0; i < plan->writes->len; i++)
    {
      Write *w = g_ptr_array_index (plan->writes, i);

      if (!spire_store_save (store, w->record, SPIRE_SAVE_NO_AUDIT | SPIRE_SAVE_NO_VALIDATE,
                             NULL, error))
        {
          /* TRANSLATORS: "applications.csv, line 7: <what the database said>" */
          g_prefix_error (error, _("%s, line %u: "), self->name, w->line);
          goto fail;
        }
      if (i % STEP == STEP - 1)
        {
          if (g_cancellable_is_cancelled (cancellable))
            {
              g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED,
                                   _("Cancelled. Nothing was changed."));
              goto fail;
            }
          if (progress)
            progress (0.1 + 0.85 * (double) (i + 1) / (double) plan->writes->len,
                      progress_data);
        }
    }

  after = audit_json (self, &plan->pub.counts);
  if (!spire_store_audit (store, "cohort", cohort_uuid, "import-csv", NULL, after, error))
    goto fail;
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED,
                           _("Cancelled. Nothing was changed."));
      goto fail;
    }
  if (!spire_store_commit (store, error))
    return FALSE;

  if (stats)
    *stats = plan->pub.counts;
  if (progress)
    progress (1.0, progress_data);
  return TRUE;

fail:
  spire_store_rollback (store);
  return FALSE;
}

gboolean
spire_csv_import_commit (SpireCsvImport *self, SpireStore *store, const char *cohort_uuid,
                         SpireCsvCounts *stats, SpireProgressFunc progress,
                         gpointer progress_data, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (SPIRE_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);
  g_return_val_if_fail (cohort_uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (stats)
    memset (stats, 0, sizeof *stats);
  if (progress)
    progress (0.0, progress_data);
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED,
                           _("Cancelled. Nothing was changed."));
      return FALSE;
    }

  /* The store keeps statement journals in memory and a large page cache,
   * so one transaction of 10 000 rows stays off the disk until commit. */
  return commit (self, store, cohort_uuid, stats, progress, progress_data, cancellable, error);
}

/* Async */

typedef struct
{
  SpireCsvImport *import;
  char *cohort;
} CsvJob;

static void
csv_job_free (gpointer data)
{
  CsvJob *d = data;

  g_clear_object (&d->import);
  g_free (d->cohort);
  g_free (d);
}

static CsvJob *
csv_job_new (SpireCsvImport *import, const char *cohort_uuid)
{
  CsvJob *d = g_new0 (CsvJob, 1);

  d->import = g_object_ref (import);
  d->cohort = g_strdup (cohort_uuid);
  return d;
}

static gboolean
prepare_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result,
             GError **error)
{
  CsvJob *d = data;

  *result = spire_csv_import_prepare (d->import, store, d->cohort,
                                      _spire_job_get_cancellable (job), error);
  return *result != NULL;
}

void
spire_csv_import_prepare_async (SpireCsvImport *self, SpireStore *store,
                                const char *cohort_uuid, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (SPIRE_IS_CSV_IMPORT (self));

  _spire_job_run (store, spire_csv_import_prepare_async, prepare_job,
                  csv_job_new (self, cohort_uuid), csv_job_free,
                  (GDestroyNotify) spire_csv_preview_unref, cancellable, NULL, NULL, callback,
                  user_data);
}

SpireCsvPreview *
spire_csv_import_prepare_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer preview = NULL;

  _spire_job_finish (store, result, spire_csv_import_prepare_async, &preview, error);
  return preview;
}

static gboolean
commit_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result,
            GError **error)
{
  CsvJob *d = data;
  SpireCsvCounts *counts = g_new0 (SpireCsvCounts, 1);

  if (!spire_csv_import_commit (d->import, store, d->cohort, counts, _spire_job_progress, job,
                                _spire_job_get_cancellable (job), error))
    {
      g_free (counts);
      return FALSE;
    }
  *result = counts;
  return TRUE;
}

void
spire_csv_import_commit_async (SpireCsvImport *self, SpireStore *store,
                               const char *cohort_uuid, GCancellable *cancellable,
                               SpireProgressFunc progress, gpointer progress_data,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (SPIRE_IS_CSV_IMPORT (self));

  _spire_job_run (store, spire_csv_import_commit_async, commit_job,
                  csv_job_new (self, cohort_uuid), csv_job_free, g_free, cancellable, progress,
                  progress_data, callback, user_data);
}

gboolean
spire_csv_import_commit_finish (SpireStore *store, GAsyncResult *result,
                                SpireCsvCounts *stats, GError **error)
{
  g_autofree SpireCsvCounts *counts = NULL;

  if (!_spire_job_finish (store, result, spire_csv_import_commit_async, (gpointer *) &counts,
                          error))
    return FALSE;
  if (stats && counts)
    *stats = *counts;
  return TRUE;
}
