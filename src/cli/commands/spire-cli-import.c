/* spire-cli-import.c — import-csv and import-brreg: records from other tools' files
 *
 * import-csv reads a form tool's answers (spire-csv-import.h): --map is
 * checked before anything is read, the file is read and its columns
 * mapped before the database is opened, then the preview (mapping, counts,
 * every problem) is shown, and only a file without problems is committed.
 * import-brreg reads Enhetsregisteret's JSON (spire-brreg.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "spire-cli-private.h"

/* import-csv */

/* What --map accepts besides the target ids. */
#define MAP_EXTRA "extra"

static char *
csv_field_names (void)
{
  g_autoptr (GString) names = g_string_new (NULL);
  guint n_targets = 0;
  const SpireCsvTarget *targets = spire_csv_targets (&n_targets);

  for (guint i = 0; i < n_targets; i++)
    {
      if (g_str_equal (targets[i].id, SPIRE_CSV_TARGET_IGNORE))
        continue;
      g_string_append (names, targets[i].id);
      g_string_append (names, ", ");
    }
  g_string_append (names, MAP_EXTRA ", " SPIRE_CSV_TARGET_IGNORE);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
import_csv_description (void)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) heads = g_ptr_array_new ();
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();
  guint n_targets = 0;
  const SpireCsvTarget *targets = spire_csv_targets (&n_targets);
  gsize width = 0;

  g_string_append (out,
                   /* TRANSLATORS: keep --cohort, --map and --dry-run; COLUMN and FIELD as in
                    * the option's placeholder COLUMN=FIELD */
                   _("Reads the answers to a call for applications as Nettskjema, Google Forms, "
                     "Microsoft Forms or Excel export them (UTF-8 or Windows-1252, with “,” “;” "
                     "or tab between values) and adds each row to the cohort as an application "
                     "with its startup and contact person. Columns are matched to fields by "
                     "their headers (English or Norwegian); --map changes that: COLUMN is a "
                     "header or a column number from 1, FIELD one of those below. The mapping, "
                     "the counts and every problem (“FILE:LINE: “Header”: what is wrong”) are "
                     "shown first; when there is a problem nothing is imported. Applications "
                     "the cohort already has are left as they are. All or nothing. “-” reads "
                     "standard input."));
  g_string_append (out, "\n\n");
  g_string_append (out, _("Fields:"));
  g_string_append_c (out, '\n');
  for (guint i = 0; i < n_targets; i++)
    {
      if (g_str_equal (targets[i].id, SPIRE_CSV_TARGET_IGNORE))
        continue;
      g_ptr_array_add (heads, (gpointer) targets[i].id);
      g_ptr_array_add (texts, (gpointer) _(targets[i].label));
    }
  g_ptr_array_add (heads, (gpointer) MAP_EXTRA);
  /* TRANSLATORS: what the field "extra" of import-csv --map does */
  g_ptr_array_add (texts, (gpointer) _("Keep the values as extra answers of the application"));
  g_ptr_array_add (heads, (gpointer) SPIRE_CSV_TARGET_IGNORE);
  /* TRANSLATORS: what the field "ignore" of import-csv --map does */
  g_ptr_array_add (texts, (gpointer) _("Leave the column out"));
  for (guint i = 0; i < heads->len; i++)
    width = MAX (width, cli_text_width (g_ptr_array_index (heads, i)));
  for (guint i = 0; i < heads->len; i++)
    {
      const char *head = g_ptr_array_index (heads, i);

      g_string_append (out, "  ");
      g_string_append (out, head);
      cli_append_padding (out, width - cli_text_width (head) + 3);
      g_string_append (out, g_ptr_array_index (texts, i));
      if (i + 1 < heads->len)
        g_string_append_c (out, '\n');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* One --map, checked before anything is read. */
typedef struct
{
  char *column; /* as given */
  const char *target; /* a target id, or NULL for "extra" */
} CsvMap;

static void
csv_map_free (gpointer data)
{
  CsvMap *map = data;

  g_free (map->column);
  g_free (map);
}

/* The column @name names: its header as written, else a column number
 * (from 1), else its header as people compare them (case, accents and
 * punctuation aside).  -1 when none does. */
static int
csv_find_column (SpireCsvImport *import, const char *name)
{
  guint n = spire_csv_import_get_n_columns (import);
  guint64 number;

  for (guint c = 0; c < n; c++)
    if (g_str_equal (spire_csv_import_get_column (import, c), name))
      return (int) c;
  if (g_ascii_string_to_unsigned (name, 10, 1, n, &number, NULL))
    return (int) number - 1;
  return spire_csv_import_find_column (import, name);
}

static char *
csv_column_list (SpireCsvImport *import)
{
  g_autoptr (GString) list = g_string_new (NULL);

  for (guint c = 0; c < spire_csv_import_get_n_columns (import); c++)
    {
      g_autofree char *header = cli_one_line (spire_csv_import_get_column (import, c));

      if (c > 0)
        g_string_append (list, ", ");
      /* TRANSLATORS: one column in a list: "3 “E-post”" */
      g_string_append_printf (list, _("%u “%s”"), c + 1, header);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static void
print_csv_mapping (SpireCsvImport *import, const char *file)
{
  guint n = spire_csv_import_get_n_columns (import);
  g_autoptr (GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  gboolean on_terminal = isatty (STDOUT_FILENO);
  gsize width = 0;
  g_autofree char *last_number = g_strdup_printf ("%u", n);
  gsize number_width = strlen (last_number);

  for (guint c = 0; c < n; c++)
    {
      char *header = cli_one_line (spire_csv_import_get_column (import, c));

      if (on_terminal)
        {
          char *cut = cli_text_truncate (header, 40);

          g_free (header);
          header = cut;
        }
      g_ptr_array_add (headers, header);
      width = MAX (width, cli_text_width (header));
    }

  g_print (_("Columns of “%s”:\n"), file);
  for (guint c = 0; c < n; c++)
    {
      g_autoptr (GString) line = g_string_new ("  ");
      g_autofree char *number = g_strdup_printf ("%u", c + 1);
      const char *header = g_ptr_array_index (headers, c);
      const char *target = spire_csv_import_get_mapping (import, c);

      cli_append_padding (line, number_width - strlen (number));
      g_string_append (line, number);
      g_string_append (line, "  ");
      g_string_append (line, header);
      cli_append_padding (line, width - cli_text_width (header));
      g_string_append (line, " → ");
      if (target == NULL)
        /* TRANSLATORS: a CSV column mapped to no field; keep (extra): it is typed as it is */
        g_string_append (line, _("kept as an extra answer (extra)"));
      else if (g_str_equal (target, SPIRE_CSV_TARGET_IGNORE))
        /* TRANSLATORS: a CSV column that is not imported; keep (ignore): it is typed as it is */
        g_string_append (line, _("left out (ignore)"));
      else
        g_string_append_printf (line, "%s (%s)", spire_csv_target_label (target), target);
      g_print ("%s\n", line->str);
    }
}

static void
print_csv_counts (const SpireCsvCounts *counts, gboolean preview)
{
  const char *labels[8];
  gint64 values[8];
  guint n = 0;

  if (preview)
    {
      /* TRANSLATORS: counts in an import-csv preview */
      labels[n] = C_("import-csv", "Rows read");
      values[n++] = counts->rows;
    }
  /* TRANSLATORS: counts in an import-csv preview and after it */
  labels[n] = C_("import-csv", "New startups");
  values[n++] = counts->startups_new;
  labels[n] = C_("import-csv", "Startups already known");
  values[n++] = counts->startups_known;
  if (counts->startups_completed > 0)
    {
      labels[n] = C_("import-csv", "Known startups given a website");
      values[n++] = counts->startups_completed;
    }
  labels[n] = C_("import-csv", "New people");
  values[n++] = counts->persons_new;
  labels[n] = C_("import-csv", "People already known");
  values[n++] = counts->persons_known;
  labels[n] = C_("import-csv", "New applications");
  values[n++] = counts->applications_new;
  labels[n] = C_("import-csv", "Applications already in the cohort");
  values[n++] = counts->applications_known;
  cli_print_counts (labels, values, n);
}

/* A problem as compilers write theirs: "applications.csv:7: “Org.nr”: …". */
static void
print_csv_problem (const char *file, const SpireCsvProblem *problem)
{
  g_autofree char *header = problem->header ? cli_one_line (problem->header) : NULL;

  if (problem->line > 0 && header)
    /* TRANSLATORS: a problem in a CSV file, as compilers write them:
     * "applications.csv:7: “Organisasjonsnummer”: the check digit is wrong" */
    g_printerr (_("%s:%u: “%s”: %s\n"), file, problem->line, header, problem->message);
  else if (problem->line > 0)
    g_printerr ("%s:%u: %s\n", file, problem->line, problem->message);
  else if (header)
    /* TRANSLATORS: a problem with a column of a CSV file: "applications.csv: “E-post”: …" */
    g_printerr (_("%s: “%s”: %s\n"), file, header, problem->message);
  else
    g_printerr ("%s: %s\n", file, problem->message);
}

/* Checks every --map before anything is read: COLUMN=FIELD with a FIELD
 * that exists; the columns are checked once the file is read
 * (apply_maps).  Returns CONTINUE or the exit status. */
static int
parse_maps (const CliCommand *command, char **maps, GPtrArray *map_list)
{
  for (guint i = 0; maps && maps[i]; i++)
    {
      const char *equals = strrchr (maps[i], '=');
      g_autofree char *field = NULL;
      CsvMap *map;

      if (equals == NULL || equals == maps[i] || equals[1] == '\0')
        /* TRANSLATORS: keep --map; COLUMN=FIELD as in the option's placeholder */
        return cli_usage_error (command, _("--map takes COLUMN=FIELD, e.g. “Org.nr=startup.orgnr”, "
                                           "not “%s”."),
                                maps[i]);
      field = g_strdup (equals + 1);
      g_strstrip (field);
      map = g_new0 (CsvMap, 1);
      map->column = g_strndup (maps[i], equals - maps[i]);
      g_ptr_array_add (map_list, map);
      if (g_str_equal (field, MAP_EXTRA))
        map->target = NULL;
      else if (spire_csv_target_label (field) != NULL)
        map->target = g_intern_string (field);
      else
        {
          g_autofree char *fields = csv_field_names ();

          /* TRANSLATORS: "“startup.phone” is not a field; choose one of: startup.name, …" */
          return cli_usage_error (command, _("“%s” is not a field; choose one of: %s."), field,
                                  fields);
        }
    }
  return CONTINUE;
}

/* Reads @path ("-": standard input); @file is set to its name as messages
 * show it. */
static SpireCsvImport *
read_csv (const char *path, char **file, GError **error)
{
  if (g_str_equal (path, "-"))
    {
      g_autofree char *input = NULL;
      gsize length = 0;

      *file = g_strdup (_("standard input"));
      input = cli_read_standard_input (SPIRE_READ_CSV, &length, error);
      if (input == NULL)
        return NULL;
      return spire_csv_import_new_from_data (input, length, *file, error);
    }
  *file = g_filename_display_name (path);
  return spire_csv_import_new_from_file (path, error);
}

/* The columns guessed from the headers, then the --map ones on top.
 * Returns CONTINUE, or the exit status when a --map names no column. */
static int
apply_maps (const CliCommand *command, SpireCsvImport *import, const char *file,
            GPtrArray *map_list)
{
  spire_csv_import_guess_mapping (import);
  for (guint i = 0; i < map_list->len; i++)
    {
      CsvMap *map = g_ptr_array_index (map_list, i);
      int column = csv_find_column (import, map->column);

      if (column < 0)
        {
          g_autofree char *columns = csv_column_list (import);

          /* TRANSLATORS: "--map: “Telefon” is not a column of “a.csv”; its columns are: 1 “Navn”, …" */
          return cli_usage_error (command, _("--map: “%s” is not a column of “%s”; its columns "
                                             "are: %s."),
                                  map->column, file, columns);
        }
      /* Only an unknown target fails, and that was checked above. */
      if (!spire_csv_import_set_mapping (import, (guint) column, map->target))
        g_assert_not_reached ();
    }
  return CONTINUE;
}

/* The mapping, the counts and every problem.  Returns CONTINUE when there
 * is none, else the exit status. */
static int
show_preview (SpireCsvImport *import, SpireCsvPreview *preview, const char *file,
              SpireRecord *cohort)
{
  guint n = preview->problems->len;
  g_autofree char *n_text = NULL;

  print_csv_mapping (import, file);
  /* TRANSLATORS: "What “a.csv” would add to the cohort “Høst 2026”:" followed by counts */
  g_print (_("What “%s” would add to the cohort “%s”:\n"), file,
           spire_record_get_display_name (cohort));
  print_csv_counts (&preview->counts, TRUE);

  if (n == 0)
    return CONTINUE;
  for (guint i = 0; i < n; i++)
    print_csv_problem (file, g_ptr_array_index (preview->problems, i));
  n_text = cli_format_count (n);
  return cli_refused_message (ngettext ("%s was not imported: %s problem must be fixed first.",
                                        "%s was not imported: %s problems must be fixed first.",
                                        n),
                              file, n_text);
}

int
cmd_import_csv (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_auto (GStrv) maps = NULL;
  g_autofree char *cohort_uuid = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "cohort", 0, 0, G_OPTION_ARG_STRING, &cohort_uuid,
      N_("The cohort the applications are for (required)"), N_("UUID") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      /* TRANSLATORS: FIELD and COLUMN as in the placeholder COLUMN=FIELD */
      N_("Fill FIELD from COLUMN (may be given more than once)"),
      /* TRANSLATORS: a placeholder: "--map=COLUMN=FIELD"; keep the "=" */
      N_("COLUMN=FIELD") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Show the mapping, the counts and the problems, and import nothing"), NULL },
    { NULL }
  };
  g_autofree char *description = import_csv_description ();
  g_autoptr (GPtrArray) map_list = g_ptr_array_new_with_free_func (csv_map_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireCsvImport) import = NULL;
  g_autoptr (SpireCsvPreview) preview = NULL;
  g_autoptr (SpireRecord) cohort = NULL;
  g_autofree char *file = NULL;
  SpireCsvCounts stats = { 0 };
  CliProgress progress;
  gboolean ok;
  int status;

  status = cli_parse_command (cli, command, entries, description, argc, argv, &args);
  if (status != CONTINUE)
    return status;
  if (cohort_uuid == NULL || *cohort_uuid == '\0')
    return cli_missing_cohort (command);
  if ((status = parse_maps (command, maps, map_list)) != CONTINUE)
    return status;

  /* Read the file first: a mistyped name or column makes no database. */
  import = read_csv (args[0], &file, &error);
  if (import == NULL)
    return cli_refused (error);
  if ((status = apply_maps (command, import, file, map_list)) != CONTINUE)
    return status;

  if (!cli_open_store (cli, OPEN_EXISTING, &error))
    return cli_refused (error);
  cohort = cli_find_cohort (cli, cohort_uuid);
  if (cohort == NULL)
    return EXIT_REFUSED;

  preview = spire_csv_import_prepare (import, cli->store, cohort_uuid, NULL, &error);
  if (preview == NULL)
    return cli_refused (error);
  if ((status = show_preview (import, preview, file, cohort)) != CONTINUE)
    return status;
  if (dry_run)
    {
      /* TRANSLATORS: the last line of "spire-cli import-csv --dry-run"; keep --dry-run */
      g_print ("%s\n", _("Nothing was imported (--dry-run)."));
      return EXIT_OK;
    }

  cli_progress_init (&progress, _("Importing"));
  ok = spire_csv_import_commit (import, cli->store, cohort_uuid, &stats,
                                isatty (STDERR_FILENO) ? cli_on_progress_cb : NULL, &progress,
                                NULL, &error);
  cli_progress_end (&progress);
  if (!ok)
    return cli_refused (error);

  g_print (_("Imported “%s” into the cohort “%s”:\n"), file,
           spire_record_get_display_name (cohort));
  print_csv_counts (&stats, FALSE);
  return EXIT_OK;
}

/* import-brreg */

static void
print_brreg_notes (const char *heading, GPtrArray *notes)
{
  if (notes == NULL || notes->len == 0)
    return;
  g_print ("%s\n", heading);
  for (guint i = 0; i < notes->len; i++)
    {
      const SpireBrregNote *note = g_ptr_array_index (notes, i);

      g_print ("  %s\n", note->message);
    }
}

int
cmd_import_brreg (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *as_text = NULL;
  const GOptionEntry entries[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &as_text,
      /* TRANSLATORS: keep auto, startups and public-bodies: they are typed as they are */
      N_("Import every unit as startups or public-bodies (default: auto, by the unit’s "
         "organisation form)"),
      N_("KIND") },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_auto (SpireBrregStats) stats = { 0 };
  SpireBrregAs as = SPIRE_BRREG_AS_AUTO;
  g_autofree char *file = NULL;
  gboolean from_stdin;
  gboolean ok;
  int status;

  if ((status = cli_parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (as_text == NULL || g_str_equal (as_text, "auto"))
    as = SPIRE_BRREG_AS_AUTO;
  else if (g_str_equal (as_text, "startups"))
    as = SPIRE_BRREG_AS_STARTUPS;
  else if (g_str_equal (as_text, "public-bodies") || g_str_equal (as_text, "public_bodies"))
    as = SPIRE_BRREG_AS_PUBLIC_BODIES;
  else
    /* TRANSLATORS: keep auto, startups and public-bodies: they are typed as they are */
    return cli_usage_error (command, _("--as is “auto”, “startups” or “public-bodies”, not “%s”."),
                            as_text);

  from_stdin = g_str_equal (args[0], "-");
  if (from_stdin)
    {
      g_autofree char *input = NULL;
      gsize length = 0;

      file = g_strdup (_("standard input"));
      input = cli_read_standard_input (SPIRE_READ_BRREG, &length, &error);
      if (input == NULL)
        return cli_refused (error);
      if (!cli_open_store (cli, OPEN_CREATE, &error))
        return cli_refused (error);
      ok = spire_brreg_import_data (cli->store, input, (gssize) length, file, as, &stats,
                                    &error);
    }
  else
    {
      file = g_filename_display_name (args[0]);
      if (!cli_check_readable (args[0], &error))
        return cli_refused (error);
      if (!cli_open_store (cli, OPEN_CREATE, &error))
        return cli_refused (error);
      ok = spire_brreg_import_file (cli->store, args[0], as, &stats, &error);
    }
  if (!ok)
    return cli_refused (error);

  {
    /* TRANSLATORS: units counted after an import from Enhetsregisteret */
    const char *labels[] = { C_("import-brreg", "Created"), C_("import-brreg", "Updated"),
                             C_("import-brreg", "Unchanged"),
                             C_("import-brreg", "Of these, startups"),
                             C_("import-brreg", "Of these, public bodies") };
    gint64 counts[] = { stats.created, stats.updated, stats.unchanged, stats.startups,
                        stats.public_bodies };

    g_print (_("Imported “%s” into “%s”:\n"), file, cli_database_path (cli));
    cli_print_counts (labels, counts, G_N_ELEMENTS (counts));
  }
  print_brreg_notes (_("Not imported:"), stats.deleted);
  print_brreg_notes (_("Notes:"), stats.notes);
  return EXIT_OK;
}
