/* spire-cli-list.c — list: the records of one kind as a table or as JSON
 *
 * The kinds "list" knows and the columns it shows are the list_kinds table;
 * cells are shown as people read them (labels of enums, dates and money in
 * the locale, references by the name of what they point to), and a table
 * on a terminal cuts long texts that --json keeps whole.  --csv writes the
 * table's columns as the window's CSV export does (core's CSV writer:
 * byte order mark, ";" in Norwegian and "," in English, formulas made
 * text).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "spire-cli-private.h"

/* What "list" can list, and which columns it shows */

static const char *const program_columns[] = { "name", "kind", "operator", NULL };
static const char *const cohort_columns[] = {
  "name", "program", "phase", "application_deadline", "starts_on", "seats", NULL
};
static const char *const challenge_columns[] = { "title", "owner", "cohort", "budget_hint", NULL };
static const char *const public_body_columns[] = {
  "name", "kind", "orgnr", "kommunenummer", "parent", NULL
};
static const char *const startup_columns[] = {
  "name", "orgnr", "founded", "employees", "sector", NULL
};
static const char *const application_columns[] = {
  "title", "startup", "status", "stage", "cohort", "submitted_at", NULL
};
static const char *const evaluator_columns[] = { "person", "role", "cohort", NULL };
static const char *const deal_columns[] = {
  "title", "startup", "public_body", "kind", "stage", "value", "signed_on", NULL
};

static const CliKind list_kinds[] = {
  { "programs", "programs", program_columns, N_("There are no programs in the database.") },
  { "cohorts", "cohorts", cohort_columns, N_("There are no cohorts.") },
  { "challenges", "challenges", challenge_columns, N_("There are no challenges.") },
  { "public-bodies", "public_bodies", public_body_columns,
    N_("There are no public bodies in the database.") },
  { "startups", "startups", startup_columns, N_("There are no startups in the database.") },
  { "applications", "applications", application_columns, N_("There are no applications.") },
  { "evaluators", "evaluators", evaluator_columns, N_("There are no panel members.") },
  { "deals", "deals", deal_columns, N_("There are no deals.") },
};

/* The kinds "list" knows, in the order the help and "demo" name them. */
const CliKind *
cli_kinds (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (list_kinds);
  return list_kinds;
}

static const CliKind *
cli_kind_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (list_kinds); i++)
    if (g_str_equal (list_kinds[i].name, name) || g_str_equal (list_kinds[i].table, name))
      return &list_kinds[i];
  return NULL;
}

static char *
cli_kind_names (gboolean with_cohort_only)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (list_kinds); i++)
    {
      const SpireKind *kind = spire_kind_lookup (list_kinds[i].table);

      if (with_cohort_only && spire_kind_field (kind, "cohort") == NULL)
        continue;
      if (names->len)
        g_string_append (names, ", ");
      g_string_append (names, list_kinds[i].name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The display name of the record @uuid in @table; a record named by a
 * reference (a panel member by their person) is followed once more. */
static const char *
reference_name (Cli *cli, GHashTable *cache, const char *table, const char *uuid)
{
  g_autofree char *key = g_strconcat (table, "/", uuid, NULL);
  const SpireKind *kind = spire_kind_lookup (table);
  g_autoptr (SpireRecord) record = NULL;
  const SpireField *display;
  const char *name;

  if ((name = g_hash_table_lookup (cache, key)) != NULL)
    return name;
  if (kind == NULL ||
      (record = spire_store_get (cli->store, kind, uuid, NULL)) == NULL)
    name = uuid;
  else
    {
      display = spire_kind_field (kind, kind->display_field);
      name = spire_record_get_display_name (record);
      if (display != NULL && display->type == SPIRE_FIELD_REF && *name != '\0' &&
          !g_str_equal (display->ref_table, table))
        name = reference_name (cli, cache, display->ref_table, name);
    }
  {
    char *stored = g_strdup (name);

    g_hash_table_insert (cache, g_steal_pointer (&key), stored);
    return stored;
  }
}

/* The text of one field of @record as people read it. */
static char *
cell_text (Cli *cli, GHashTable *cache, SpireRecord *record, const SpireField *field)
{
  SpireLanguage lang = spire_language_current ();
  char *text = NULL;

  if (spire_record_is_null (record, field->name))
    return g_strdup ("");
  switch (field->type)
    {
    case SPIRE_FIELD_ENUM:
      {
        const char *value = spire_record_get_text (record, field->name);
        const char *label = spire_field_value_label (field, value);

        text = g_strdup (label ? _(label) : value);
      }
      break;
    case SPIRE_FIELD_DATE:
      text = spire_format_date (spire_record_get_text (record, field->name), lang);
      break;
    case SPIRE_FIELD_TIME:
      text = spire_format_timestamp (spire_record_get_text (record, field->name), lang);
      break;
    case SPIRE_FIELD_REF:
      text = g_strdup (reference_name (cli, cache, field->ref_table,
                                       spire_record_get_text (record, field->name)));
      break;
    case SPIRE_FIELD_INT:
      /* A record's whole numbers are not counts (a year, seats): digits
       * alone, as the window shows them. */
      text = g_strdup_printf ("%" G_GINT64_FORMAT, spire_record_get_int (record, field->name));
      break;
    case SPIRE_FIELD_MONEY:
      text = spire_format_money (spire_record_get_int (record, field->name), lang);
      break;
    case SPIRE_FIELD_REAL:
      text = spire_format_number (spire_record_get_real (record, field->name), 2, lang);
      break;
    case SPIRE_FIELD_BOOL:
      text = g_strdup (spire_record_get_bool (record, field->name) ? _("yes") : _("no"));
      break;
    case SPIRE_FIELD_TEXT:
    case SPIRE_FIELD_JSON:
    default:
      if (g_str_equal (field->name, "orgnr"))
        text = spire_format_orgnr (spire_record_get_text (record, field->name));
      else if (g_str_equal (field->name, "kommunenummer"))
        text = g_strdup (spire_kommune_name (spire_record_get_text (record, field->name)));
      else
        text = g_strdup (spire_record_get_text (record, field->name));
      break;
    }
  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    {
      char *valid = g_utf8_make_valid (text, -1);

      g_free (text);
      text = valid;
    }
  /* One record, one line. */
  g_strdelimit (text, "\n\r\t", ' ');
  return text;
}

typedef struct
{
  Cli *cli;
  GHashTable *cache;
  const SpireField *display;
} SortData;

static int
compare_by_reference_name (gconstpointer a, gconstpointer b, gpointer user_data)
{
  SortData *data = user_data;
  SpireRecord *ra = *(SpireRecord **) a;
  SpireRecord *rb = *(SpireRecord **) b;
  const char *ua = spire_record_get_text (ra, data->display->name);
  const char *ub = spire_record_get_text (rb, data->display->name);
  int c = spire_collate (ua ? reference_name (data->cli, data->cache, data->display->ref_table, ua)
                            : NULL,
                         ub ? reference_name (data->cli, data->cache, data->display->ref_table, ub)
                            : NULL);

  return c != 0 ? c : g_strcmp0 (spire_record_get_uuid (ra), spire_record_get_uuid (rb));
}

/* The table of @records: its column titles (with a NULL after them), which
 * columns hold numbers, and one NULL-terminated row of cells per record;
 * long texts cut when @cut. */
static GPtrArray *
table_rows (Cli *cli, GHashTable *cache, const CliKind *cli_kind, const SpireKind *kind,
            GPtrArray *records, gboolean cut, GPtrArray *headers, gboolean **numeric_out)
{
  g_autoptr (GPtrArray) fields = g_ptr_array_new ();
  g_autofree gboolean *numeric = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n_columns;

  g_ptr_array_add (fields, (gpointer) spire_kind_field (kind, "uuid"));
  for (guint i = 0; cli_kind->columns[i]; i++)
    {
      const SpireField *field = spire_kind_field (kind, cli_kind->columns[i]);

      g_assert (field != NULL);
      g_ptr_array_add (fields, (gpointer) field);
    }
  n_columns = fields->len;
  numeric = g_new0 (gboolean, n_columns);

  for (guint c = 0; c < n_columns; c++)
    {
      const SpireField *field = g_ptr_array_index (fields, c);

      g_ptr_array_add (headers, (gpointer) _(field->label));
      numeric[c] = field->type == SPIRE_FIELD_INT || field->type == SPIRE_FIELD_MONEY ||
                   field->type == SPIRE_FIELD_REAL;
    }

  for (guint r = 0; r < records->len; r++)
    {
      char **row = g_new0 (char *, n_columns + 1);

      for (guint c = 0; c < n_columns; c++)
        {
          const SpireField *field = g_ptr_array_index (fields, c);
          char *text = cell_text (cli, cache, g_ptr_array_index (records, r), field);

          /* On a terminal, long texts are cut so that the table stays readable;
           * --json has them whole. */
          if (cut && c + 1 < n_columns &&
              (field->type == SPIRE_FIELD_TEXT || field->type == SPIRE_FIELD_REF) &&
              !g_str_equal (field->name, "uuid"))
            {
              char *cut = cli_text_truncate (text, 40);

              g_free (text);
              text = cut;
            }
          row[c] = text;
        }
      g_ptr_array_add (rows, row);
    }
  g_ptr_array_add (headers, NULL);
  *numeric_out = g_steal_pointer (&numeric);
  return rows;
}

static void
print_table (Cli *cli, GHashTable *cache, const CliKind *cli_kind, const SpireKind *kind,
             GPtrArray *records)
{
  g_autoptr (GPtrArray) headers = g_ptr_array_new ();
  g_autofree gboolean *numeric = NULL;
  g_autoptr (GPtrArray) rows = table_rows (cli, cache, cli_kind, kind, records,
                                           isatty (STDOUT_FILENO), headers, &numeric);

  cli_print_rows ((const char *const *) headers->pdata, numeric, headers->len - 1, rows);
}

/* The same columns as the table, whole, as the CSV the window exports. */
static gboolean
print_csv (Cli *cli, GHashTable *cache, const CliKind *cli_kind, const SpireKind *kind,
           GPtrArray *records, GError **error)
{
  g_autoptr (GPtrArray) headers = g_ptr_array_new ();
  g_autofree gboolean *numeric = NULL;
  g_autoptr (GPtrArray) rows =
      table_rows (cli, cache, cli_kind, kind, records, FALSE, headers, &numeric);
  char separator = spire_csv_separator_for_language (spire_language_current ());
  gsize length = 0;
  g_autofree char *text =
      spire_csv_to_string ((const char *const *) headers->pdata, rows, separator, &length);

  /* UTF-8 bytes as they are, as in the file the window writes. */
  if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      int saved = errno;

      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO,
                   _("Could not write to standard output: %s"), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
print_json (GPtrArray *records, GError **error)
{
  g_autoptr (JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr (JsonArray) array = json_array_sized_new (records->len);

  for (guint i = 0; i < records->len; i++)
    json_array_add_element (array, spire_record_to_json (g_ptr_array_index (records, i), FALSE));
  json_node_set_array (root, array);
  return cli_write_json (root, error);
}

int
cmd_list (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *cohort = NULL;
  gboolean json = FALSE;
  gboolean csv = FALSE;
  const GOptionEntry entries[] = {
    { "cohort", 0, 0, G_OPTION_ARG_STRING, &cohort,
      N_("Only the records of this cohort"), N_("UUID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Write a JSON array of the records instead of a table"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv,
      N_("Write the table as CSV, as the window exports it (“;” between cells in Norwegian, "
         "“,” in English)"), NULL },
    { NULL }
  };
  g_autofree char *all_kinds = cli_kind_names (FALSE);
  g_autofree char *cohort_kinds = cli_kind_names (TRUE);
  g_autofree char *description = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GHashTable) cache = NULL;
  const CliKind *cli_kind;
  const SpireKind *kind;
  const SpireField *display;
  int status;

  description = g_strdup_printf (
    /* TRANSLATORS: the two lists are words to type, e.g. "programs, cohorts, …"; keep --cohort */
    _("KIND is one of: %s.\n--cohort works with: %s."), all_kinds, cohort_kinds);
  status = cli_parse_command (cli, command, entries, description, argc, argv, &args);
  if (status != CONTINUE)
    return status;

  cli_kind = cli_kind_lookup (args[0]);
  if (cli_kind == NULL)
    /* TRANSLATORS: "“foo” is not a kind of record; choose one of: programs, cohorts, …" */
    return cli_usage_error (command, _("“%s” is not a kind of record; choose one of: %s."), args[0],
                            all_kinds);
  if (json && csv)
    return cli_usage_error (command, _("Choose one of --json and --csv."));
  kind = spire_kind_lookup (cli_kind->table);
  g_assert (kind != NULL);
  if (cohort != NULL && spire_kind_field (kind, "cohort") == NULL)
    /* TRANSLATORS: "--cohort does not work with programs; it works with: challenges, …" */
    return cli_usage_error (command, _("--cohort does not work with %s; it works with: %s."),
                            cli_kind->name, cohort_kinds);
  if (cohort != NULL && *cohort == '\0')
    return cli_usage_error (command, _("--cohort needs the UUID of a cohort."));

  if (!cli_open_store (cli, OPEN_EXISTING, &error))
    return cli_refused (error);

  if (cohort != NULL && !spire_store_exists (cli->store, &spire_kind_cohort, cohort))
    return cli_refused_message (_("There is no cohort with the UUID “%s”. “spire-cli list cohorts” "
                                  "shows them."),
                                cohort);

  records = spire_store_list (cli->store, kind, cohort ? "cohort" : NULL, cohort, &error);
  if (records == NULL)
    return cli_refused (error);

  cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  display = spire_kind_field (kind, kind->display_field);
  if (display != NULL && display->type == SPIRE_FIELD_REF)
    {
      /* Named by another record (a panel member by their person): sort by that name. */
      SortData data = { cli, cache, display };

      g_ptr_array_sort_with_data (records, compare_by_reference_name, &data);
    }

  if (json)
    {
      if (!print_json (records, &error))
        return cli_refused (error);
      return EXIT_OK;
    }
  if (csv)
    {
      if (!print_csv (cli, cache, cli_kind, kind, records, &error))
        return cli_refused (error);
      return EXIT_OK;
    }
  if (records->len == 0)
    {
      g_print ("%s\n", _(cli_kind->empty));
      return EXIT_OK;
    }
  print_table (cli, cache, cli_kind, kind, records);
  return EXIT_OK;
}
