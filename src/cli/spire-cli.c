/* spire-cli.c — the headless front end over core
 *
 *   spire-cli [--database PATH | -d PATH] COMMAND [ARGUMENTS…]
 *
 * Every command is one line in the commands[] table below: a name, a
 * handler, the placeholders of its arguments and a one-line summary.  A
 * handler first parses its own options and arguments (parse_command), and
 * only then opens the database (open_store), so that a usage error never
 * creates or touches a database file.  A command made of subcommands
 * ("package export", "package import") hands its arguments to
 * run_subcommand(), which picks the subcommand from a table of its own
 * (package_commands[]) whose lines are commands like the others.
 *
 * Exit codes: 0 success, 1 input or database refused (the reason on
 * stderr), 2 usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "spire-core.h"

#define PROGRAM "spire-cli"

/* The build also makes "spire-cli-uninstalled" for tests, which reads its
 * translations from the build tree; the installed program uses LOCALEDIR. */
#ifndef SPIRE_CLI_LOCALEDIR
#define SPIRE_CLI_LOCALEDIR LOCALEDIR
#endif

enum
{
  EXIT_OK = 0,
  EXIT_REFUSED = 1,
  EXIT_USAGE = 2,
};

/* parse_command() returns this when the handler should go on. */
#define CONTINUE (-1)

typedef struct _Cli Cli;
typedef struct _CliCommand CliCommand;

typedef int (*CliHandler) (Cli *cli, const CliCommand *command, int argc, char **argv);

struct _CliCommand
{
  const char *name;       /* on the command line; never translated */
  CliHandler handler;
  const char *parameters; /* N_() — placeholders after the name in usage lines */
  const char *summary;    /* N_() — one line in the command list */
  const char *details;    /* N_() — more, in the command's own help; may be NULL */
  const char *missing;    /* N_() — said when a required argument is missing */
  guint min_args;
  guint max_args;         /* G_MAXUINT: any number */
};

struct _Cli
{
  char *database; /* --database, NULL for the default */
  SpireStore *store;
};

typedef enum
{
  OPEN_EXISTING, /* refuse a database that is not there yet */
  OPEN_CREATE,   /* create it when missing */
} OpenMode;

static int cmd_init (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_demo (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_import (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_export (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_import_csv (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_import_brreg (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_list (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_assign (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_package (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_package_export (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_package_import (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_rank (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_check (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_backup (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_validate_orgnr (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_help (Cli *cli, const CliCommand *command, int argc, char **argv);

/* The commands, in the order the help lists them.  To add one: write its
 * handler (parse_command first, then open_store if it needs the database)
 * and add a line here.  FILE, KIND, DEST … are placeholders in usage lines
 * ("spire-cli import FILE"); command and option names are never translated. */
static const CliCommand commands[] = {
  { "init", cmd_init, "", N_("Create or update the database and say where it is"),
    N_("Creates the database when it is missing and brings an older one up to this version "
       "(a copy of the old one is kept beside it)."),
    NULL, 0, 0 },
  { "demo", cmd_demo, "", N_("Fill the database with sample data"),
    N_("Adds realistic Norwegian sample data: programs, cohorts, challenges, startups, "
       "applications and more. The same seed gives the same data. A database that already "
       "holds programs is refused unless --force is given."),
    NULL, 0, 0 },
  { "import", cmd_import,
    /* TRANSLATORS: a placeholder in usage lines ("spire-cli import FILE"); the same everywhere */
    N_("FILE"), N_("Merge a Spire backup file into the database"),
    N_("Records are matched by UUID: new ones are added, changed ones updated. All or "
       "nothing: on any error the database stays as it was. “-” reads standard input."),
    N_("Name the file to import."), 1, 1 },
  { "export", cmd_export, N_("FILE"), N_("Write the whole database to a Spire backup file"),
    N_("“-” writes to standard output."),
    N_("Name the file to write, or “-” for standard output."), 1, 1 },
  { "import-csv", cmd_import_csv, N_("FILE"),
    N_("Add applications to a cohort from a form tool’s CSV export"),
    NULL, /* made by import_csv_description () */
    N_("Name the CSV file to import."), 1, 1 },
  { "import-brreg", cmd_import_brreg, N_("FILE"),
    N_("Add or update startups and public bodies from Enhetsregisteret JSON"),
    /* TRANSLATORS: keep --as, auto, startups and public-bodies: they are typed as they are */
    N_("FILE is JSON from data.brreg.no/enhetsregisteret/api/enheter: one enhet, a search "
       "result or a list. Units are matched by organisation number: new ones are created, "
       "known ones updated. Units the register has deleted are named and left out. All or "
       "nothing: on any error the database stays as it was. “-” reads standard input."),
    N_("Name the file from Enhetsregisteret to import."), 1, 1 },
  { "list", cmd_list,
    /* TRANSLATORS: a placeholder in usage lines ("spire-cli import FILE"); the same everywhere */
    N_("KIND"), N_("List the records of one kind, as a table or as JSON"),
    NULL, N_("Say which kind of records to list, e.g. “programs”."), 1, 1 },
  { "assign", cmd_assign, "", N_("Give every application of a cohort its panel members"),
    /* TRANSLATORS: keep --per-application; “Challenge owner on the panel” as the cohort
     * setting is called in Spire */
    N_("Assigns panel members to every application of the cohort that can be reviewed (all "
       "but ineligible and withdrawn ones) until each has --per-application of them, keeping "
       "the assignments there are. Observers are never assigned, nor anyone with a conflict "
       "of interest; the members’ loads end up within one of each other; with “Challenge "
       "owner on the panel”, an application to a challenge gets a member from the body that "
       "owns it. Prints how many assignments were added and each member’s load. When it "
       "cannot be done, nothing is assigned and the reason is shown."),
    NULL, 0, 0 },
  { "package", cmd_package,
    /* TRANSLATORS: a placeholder in usage lines ("spire-cli package SUBCOMMAND …") */
    N_("SUBCOMMAND …"),
    /* TRANSLATORS: keep export and import: they are typed as they are */
    N_("Exchange evaluation packages and score sheets with the panel: export, import"),
    /* TRANSLATORS: keep “package export” and “package import”: they are typed as they are */
    N_("Panels work offline, by file: “package export” writes the evaluation package of one "
       "panel member, who opens it in Spire, scores the applications assigned to them and "
       "sends back a signed score sheet, which “package import” reads into this database."),
    /* TRANSLATORS: keep export and import: they are typed as they are */
    N_("Say what to do: export or import."), 1, G_MAXUINT },
  { "rank", cmd_rank, "", N_("Rank a cohort’s applications by their reviews"),
    /* TRANSLATORS: “=”, σ and the flag words as the table shows them; keep --json */
    N_("The table shows each application’s rank (“2=” when it shares the rank), its score "
       "and percent of the scale, the spread of its review scores (σ and max − min), how "
       "many reviews are submitted and missing, and flags: disagreement (σ above the "
       "rubric’s threshold), missing (assigned reviews not submitted yet), stale (a review "
       "written under an older rubric). Applications without a submitted review come last, "
       "unranked. --json gives the whole ranking with per-criterion averages."),
    NULL, 0, 0 },
  { "check", cmd_check, "", N_("Check the database for damage"),
    /* TRANSLATORS: “ok” as you translate it in the “check” context */
    N_("Prints “ok”, or each problem found; the exit status is 1 when there are problems."),
    NULL, 0, 0 },
  { "backup", cmd_backup,
    /* TRANSLATORS: a placeholder in usage lines ("spire-cli import FILE"); the same everywhere */
    N_("DEST"), N_("Copy the database safely, even while Spire is open"),
    /* TRANSLATORS: DEST as in the usage line "spire-cli backup DEST" */
    N_("DEST must not exist yet."), N_("Name the new file to copy the database to."), 1, 1 },
  { "validate-orgnr", cmd_validate_orgnr,
    /* TRANSLATORS: a placeholder in usage lines ("spire-cli import FILE"); the same everywhere */
    N_("NUMBER…"),
    N_("Check organisation numbers (needs no database)"),
    /* TRANSLATORS: “valid” and “invalid” as you translate them in the “orgnr” context */
    N_("Prints “NUMBER valid” or “NUMBER invalid” for each; the exit status is 1 when one "
       "is invalid."),
    N_("Give one or more organisation numbers."), 1, G_MAXUINT },
  { "help", cmd_help,
    /* TRANSLATORS: a placeholder in usage lines ("spire-cli import FILE"); the same everywhere */
    N_("[COMMAND]"), N_("Show this help, or the help of a command"), NULL,
    NULL, 0, 1 },
};
static const guint n_commands = G_N_ELEMENTS (commands);

/* The subcommands of "package", as commands of their own: the name is what
 * usage lines and messages show ("spire-cli package export"), its last word
 * what is typed after "package". */
static const CliCommand package_commands[] = {
  { "package export", cmd_package_export, "",
    N_("Write the evaluation package of one panel member"),
    /* TRANSLATORS: keep --evaluator, --force and the command in quotes: they are typed as they are */
    N_("The package holds the cohort’s rubric and the applications assigned to the panel "
       "member (never confidential fields, nor the applicants’ identities in a blind cohort), "
       "and the member’s secret token, with which Spire signs their score sheet. Because of "
       "that secret, FILE is written readable by you only; send it to the member alone. An "
       "existing FILE is refused unless --force is given. --evaluator takes the UUID of the "
       "member (“spire-cli list evaluators --cohort UUID” shows them) or their e-mail "
       "address. Observers, who do not score, get no package."),
    NULL, 0, 0 },
  { "package import", cmd_package_import, N_("FILE…"),
    N_("Import the score sheets panel members sent back"),
    /* TRANSLATORS: the counts as “package import” prints them: Added, Updated, Unchanged, Kept */
    N_("Each FILE is imported on its own, all or nothing: a sheet that is refused changes "
       "nothing, and the others are still imported. A sheet is refused when its signature "
       "does not match (it was changed after the member exported it), its package was not "
       "exported from this database, it comes from another member than its package was made "
       "for, the rubric changed since, a value lies outside the scale, or it reviews an "
       "application the member is not assigned or has a conflict of interest with. For each "
       "file the reviews are counted: added, updated, unchanged, and kept (changed here later "
       "than in the sheet, so left as they are). Importing the same sheet again changes "
       "nothing. The exit status is 1 when any file was refused. “-” reads standard input."),
    N_("Name the score sheets to import."), 1, G_MAXUINT },
};

/* Output helpers */

/* Display width in terminal columns. */
static gsize
text_width (const char *text)
{
  gsize width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* @text cut to @max columns, ending in "…" when it was longer. */
static char *
text_truncate (const char *text, gsize max)
{
  GString *out;
  gsize width = 0;

  if (text_width (text) <= max || max < 2)
    return g_strdup (text);
  out = g_string_new (NULL);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize w = g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;

      if (width + w > max - 1)
        break;
      g_string_append_unichar (out, c);
      width += w;
    }
  g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

static void
append_padding (GString *line, gsize n)
{
  for (gsize i = 0; i < n; i++)
    g_string_append_c (line, ' ');
}

/* @text on one line, for tables and messages. */
static char *
one_line (const char *text)
{
  char *copy = g_utf8_make_valid (text, -1);

  g_strdelimit (copy, "\n\r\t", ' ');
  return copy;
}

/* A whole number as people read it in the current locale ("1 234"). */
static char *
format_count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

/* Label / value lines, the values right-aligned. */
static void
print_counts (const char *const *labels, const gint64 *values, guint n)
{
  gsize label_width = 0, value_width = 0;
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      char *text = format_count (values[i]);

      g_ptr_array_add (texts, text);
      label_width = MAX (label_width, text_width (labels[i]));
      value_width = MAX (value_width, text_width (text));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GString) line = g_string_new ("  ");
      const char *text = g_ptr_array_index (texts, i);

      g_string_append (line, labels[i]);
      append_padding (line, label_width - text_width (labels[i]) + 2 +
                              value_width - text_width (text));
      g_string_append (line, text);
      g_print ("%s\n", line->str);
    }
}

/* Errors */

static int
usage_error (const CliCommand *command, const char *format, ...) G_GNUC_PRINTF (2, 3);

static int
usage_error (const CliCommand *command, const char *format, ...)
{
  g_autofree char *message = NULL;
  g_autofree char *invocation = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  invocation = command ? g_strdup_printf ("%s %s", PROGRAM, command->name) : g_strdup (PROGRAM);
  g_printerr ("%s: %s\n", PROGRAM, message);
  /* TRANSLATORS: %s is "spire-cli" or "spire-cli list"; the quotes show what to type */
  g_printerr (_("Run “%s --help” to see how to use it.\n"), invocation);
  return EXIT_USAGE;
}

static int
refused (const GError *error)
{
  g_printerr ("%s: %s\n", PROGRAM, error->message);
  return EXIT_REFUSED;
}

static int
refused_message (const char *format, ...) G_GNUC_PRINTF (1, 2);

static int
refused_message (const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("%s: %s\n", PROGRAM, message);
  return EXIT_REFUSED;
}

/* Progress on the terminal */

typedef struct
{
  const char *what; /* translated: "Creating sample data" */
  int last;         /* percent last shown, -1 before the first */
} Progress;

static void
on_progress_cb (double fraction, gpointer user_data)
{
  Progress *progress = user_data;
  int percent;

  if (isnan (fraction))
    return;
  percent = (int) (CLAMP (fraction, 0.0, 1.0) * 100.0);
  if (percent == g_atomic_int_get (&progress->last))
    return;
  g_atomic_int_set (&progress->last, percent);
  g_printerr ("\r");
  /* TRANSLATORS: progress on the terminal: "Creating sample data… 42%"; %d%% is the percent */
  g_printerr (_("%s… %d%%"), progress->what, percent);
}

static void
progress_init (Progress *progress, const char *what)
{
  progress->what = what;
  progress->last = -1;
}

static void
progress_end (Progress *progress)
{
  if (progress->last >= 0)
    g_printerr ("\n");
}

/* The database */

static const char *
database_path (Cli *cli)
{
  static char *fallback;

  if (cli->database != NULL)
    return cli->database;
  if (fallback == NULL)
    fallback = spire_store_default_path ();
  return fallback;
}

static gboolean
open_store (Cli *cli, OpenMode mode, GError **error)
{
  const char *path = database_path (cli);

  if (mode == OPEN_EXISTING && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND,
                   /* TRANSLATORS: the quotes show a command to type; keep "spire-cli init" */
                   _("There is no database at “%s”. Create one with “spire-cli init”, or "
                     "name another one with --database."),
                   path);
      return FALSE;
    }
  cli->store = spire_store_open (path, error);
  return cli->store != NULL;
}

/* The cohort named by --cohort, or NULL after saying why on stderr. */
static SpireRecord *
find_cohort (Cli *cli, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  SpireRecord *cohort = spire_store_get (cli->store, &spire_kind_cohort, uuid, &error);

  if (cohort != NULL)
    return cohort;
  if (error != NULL && !g_error_matches (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND))
    refused (error);
  else
    refused_message (_("There is no cohort with the UUID “%s”. “spire-cli list cohorts” "
                       "shows them."),
                     uuid);
  return NULL;
}

static int
missing_cohort (const CliCommand *command)
{
  /* TRANSLATORS: keep --cohort and the command in quotes: they are typed as they are */
  return usage_error (command, _("Say which cohort with --cohort UUID; “spire-cli list cohorts” "
                                 "shows them."));
}

/* Options and arguments of a command */

static gboolean help_requested;

static GOptionContext *
command_context (const CliCommand *command, const GOptionEntry *entries, const char *description,
                 Cli *cli, char ***args)
{
  const GOptionEntry common[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &cli->database,
      N_("The database file to use"), N_("PATH") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help_requested, N_("Show this help"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, args, NULL, NULL },
    { NULL }
  };
  g_autofree char *prgname = g_strdup_printf ("%s %s", PROGRAM, command->name);
  /* NULL, not "": GOption would translate "" into the catalog's header. */
  GOptionContext *context = g_option_context_new (*command->parameters ? command->parameters
                                                                       : NULL);

  /* The usage line reads "spire-cli list [OPTION…] KIND". */
  g_set_prgname (prgname);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context, command->summary);
  if (description == NULL)
    description = command->details;
  if (description)
    g_option_context_set_description (context, description);
  if (entries)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  return context;
}

/* Parses the options and positional arguments of @command.  Returns CONTINUE
 * when the handler should go on, or the exit status (help shown: 0, usage
 * error: 2). */
static int
parse_command (Cli *cli, const CliCommand *command, const GOptionEntry *entries,
               const char *description, int argc, char **argv, char ***args)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  guint n;

  help_requested = FALSE;
  context = command_context (command, entries, description, cli, args);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (command, "%s", error->message);
  if (help_requested)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", help);
      return EXIT_OK;
    }
  n = *args ? g_strv_length (*args) : 0;
  if (n < command->min_args)
    return usage_error (command, "%s", _(command->missing));
  if (n > command->max_args)
    /* TRANSLATORS: "list: unexpected argument “foo”." */
    return usage_error (command, _("%s: unexpected argument “%s”."), command->name,
                        (*args)[command->max_args]);
  return CONTINUE;
}

/* init */

static int
cmd_init (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autoptr (GError) error = NULL;
  const char *path;
  gboolean existed;
  int status;

  if ((status = parse_command (cli, command, NULL, NULL, argc, argv, &args)) != CONTINUE)
    return status;

  path = database_path (cli);
  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!open_store (cli, OPEN_CREATE, &error))
    return refused (error);

  if (!existed)
    g_print (_("Created a new Spire database at “%s”.\n"), path);
  else if (spire_store_get_migration_backup (cli->store) != NULL)
    g_print (_("Updated the Spire database at “%s” to this version of Spire; the old one "
               "was copied to “%s”.\n"),
             path, spire_store_get_migration_backup (cli->store));
  else
    g_print (_("The Spire database at “%s” is ready.\n"), path);
  return EXIT_OK;
}

/* What "list" can list, and which columns it shows */

typedef struct
{
  const char *name;            /* on the command line */
  const char *table;           /* the kind's table */
  const char *const *columns;  /* fields shown after the UUID */
  const char *empty;           /* N_() */
} CliKind;

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

static const CliKind cli_kinds[] = {
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

static const CliKind *
cli_kind_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (cli_kinds); i++)
    if (g_str_equal (cli_kinds[i].name, name) || g_str_equal (cli_kinds[i].table, name))
      return &cli_kinds[i];
  return NULL;
}

static char *
cli_kind_names (gboolean with_cohort_only)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cli_kinds); i++)
    {
      const SpireKind *kind = spire_kind_lookup (cli_kinds[i].table);

      if (with_cohort_only && spire_kind_field (kind, "cohort") == NULL)
        continue;
      if (names->len)
        g_string_append (names, ", ");
      g_string_append (names, cli_kinds[i].name);
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
      text = format_count (spire_record_get_int (record, field->name));
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

static void
print_table (Cli *cli, GHashTable *cache, const CliKind *cli_kind, const SpireKind *kind,
             GPtrArray *records)
{
  g_autoptr (GPtrArray) fields = g_ptr_array_new ();
  g_autoptr (GPtrArray) headers = g_ptr_array_new ();
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree gsize *widths = NULL;
  gboolean on_terminal = isatty (STDOUT_FILENO);
  guint n_columns;

  g_ptr_array_add (fields, (gpointer) spire_kind_field (kind, "uuid"));
  for (guint i = 0; cli_kind->columns[i]; i++)
    {
      const SpireField *field = spire_kind_field (kind, cli_kind->columns[i]);

      g_assert (field != NULL);
      g_ptr_array_add (fields, (gpointer) field);
    }
  n_columns = fields->len;
  widths = g_new0 (gsize, n_columns);

  for (guint c = 0; c < n_columns; c++)
    {
      const SpireField *field = g_ptr_array_index (fields, c);
      const char *header = _(field->label);

      g_ptr_array_add (headers, (gpointer) header);
      widths[c] = text_width (header);
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
          if (on_terminal && c + 1 < n_columns &&
              (field->type == SPIRE_FIELD_TEXT || field->type == SPIRE_FIELD_REF) &&
              !g_str_equal (field->name, "uuid"))
            {
              char *cut = text_truncate (text, 40);

              g_free (text);
              text = cut;
            }
          row[c] = text;
          widths[c] = MAX (widths[c], text_width (text));
        }
      g_ptr_array_add (rows, row);
    }

  for (guint r = 0; r <= rows->len; r++)
    {
      g_autoptr (GString) line = g_string_new (NULL);
      const char *const *cells = r == 0 ? (const char *const *) headers->pdata
                                        : (const char *const *) g_ptr_array_index (rows, r - 1);

      for (guint c = 0; c < n_columns; c++)
        {
          const SpireField *field = g_ptr_array_index (fields, c);
          gboolean numeric = field->type == SPIRE_FIELD_INT || field->type == SPIRE_FIELD_MONEY ||
                             field->type == SPIRE_FIELD_REAL;
          gsize pad = widths[c] - text_width (cells[c]);

          if (c > 0)
            g_string_append (line, "  ");
          if (numeric)
            append_padding (line, pad);
          g_string_append (line, cells[c]);
          if (!numeric && c + 1 < n_columns)
            append_padding (line, pad);
        }
      /* No trailing blanks when the last cells are empty. */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }
}

/* @root, pretty-printed, on standard output. */
static gboolean
write_json (JsonNode *root, GError **error)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;
  gsize length = 0;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);
  /* JSON is for programs: UTF-8 bytes as they are, never converted to the locale's charset. */
  if (fwrite (data, 1, length, stdout) != length || fputc ('\n', stdout) == EOF)
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
  return write_json (root, error);
}

static int
cmd_list (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *cohort = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "cohort", 0, 0, G_OPTION_ARG_STRING, &cohort,
      N_("Only the records of this cohort"), N_("UUID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Write a JSON array of the records instead of a table"), NULL },
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
  if ((status = parse_command (cli, command, entries, description, argc, argv, &args)) != CONTINUE)
    return status;

  cli_kind = cli_kind_lookup (args[0]);
  if (cli_kind == NULL)
    /* TRANSLATORS: "“foo” is not a kind of record; choose one of: programs, cohorts, …" */
    return usage_error (command, _("“%s” is not a kind of record; choose one of: %s."), args[0],
                        all_kinds);
  kind = spire_kind_lookup (cli_kind->table);
  g_assert (kind != NULL);
  if (cohort != NULL && spire_kind_field (kind, "cohort") == NULL)
    /* TRANSLATORS: "--cohort does not work with programs; it works with: challenges, …" */
    return usage_error (command, _("--cohort does not work with %s; it works with: %s."),
                        cli_kind->name, cohort_kinds);
  if (cohort != NULL && *cohort == '\0')
    return usage_error (command, _("--cohort needs the UUID of a cohort."));

  if (!open_store (cli, OPEN_EXISTING, &error))
    return refused (error);

  if (cohort != NULL && !spire_store_exists (cli->store, &spire_kind_cohort, cohort))
    return refused_message (_("There is no cohort with the UUID “%s”. “spire-cli list cohorts” "
                              "shows them."),
                            cohort);

  records = spire_store_list (cli->store, kind, cohort ? "cohort" : NULL, cohort, &error);
  if (records == NULL)
    return refused (error);

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
        return refused (error);
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

/* rank */

enum
{
  RANK_COL_RANK,
  RANK_COL_TITLE,
  RANK_COL_STARTUP,
  RANK_COL_SCORE,
  RANK_COL_PERCENT,
  RANK_COL_SPREAD,
  RANK_COL_RANGE,
  RANK_COL_REVIEWS,
  RANK_COL_MISSING,
  RANK_COL_FLAGS,
  N_RANK_COLS
};

static char *
rank_flags_text (SpireRankFlags flags)
{
  g_autoptr (GString) text = g_string_new (NULL);
  /* TRANSLATORS: short flags in the table of "spire-cli rank", as its help names them */
  const struct { SpireRankFlags flag; const char *word; } words[] = {
    { SPIRE_RANK_FLAG_DISAGREEMENT, C_("rank flag", "disagreement") },
    { SPIRE_RANK_FLAG_MISSING_REVIEWS, C_("rank flag", "missing") },
    { SPIRE_RANK_FLAG_STALE_REVIEWS, C_("rank flag", "stale") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (flags & words[i].flag)
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, words[i].word);
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
print_ranking_table (SpireRanking *ranking)
{
  SpireLanguage lang = spire_language_current ();
  guint n_rows = spire_ranking_get_n_rows (ranking);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *headers[N_RANK_COLS] = {
    /* TRANSLATORS: column headers of "spire-cli rank"; keep them short */
    [RANK_COL_RANK] = C_("rank column", "Rank"),
    [RANK_COL_TITLE] = C_("rank column", "Title"),
    [RANK_COL_STARTUP] = C_("rank column", "Startup"),
    [RANK_COL_SCORE] = C_("rank column", "Score"),
    [RANK_COL_PERCENT] = C_("rank column", "%"),
    /* TRANSLATORS: the population standard deviation of the review scores */
    [RANK_COL_SPREAD] = C_("rank column", "σ"),
    [RANK_COL_RANGE] = C_("rank column", "Max−min"),
    [RANK_COL_REVIEWS] = C_("rank column", "Reviews"),
    /* TRANSLATORS: assigned reviews not yet submitted */
    [RANK_COL_MISSING] = C_("rank column", "Missing"),
    [RANK_COL_FLAGS] = C_("rank column", "Flags"),
  };
  const gboolean numeric[N_RANK_COLS] = {
    [RANK_COL_RANK] = TRUE,    [RANK_COL_SCORE] = TRUE,   [RANK_COL_PERCENT] = TRUE,
    [RANK_COL_SPREAD] = TRUE,  [RANK_COL_RANGE] = TRUE,   [RANK_COL_REVIEWS] = TRUE,
    [RANK_COL_MISSING] = TRUE,
  };
  gsize widths[N_RANK_COLS];
  gboolean on_terminal = isatty (STDOUT_FILENO);
  gboolean any_tied = FALSE;

  for (guint c = 0; c < N_RANK_COLS; c++)
    widths[c] = text_width (headers[c]);
  for (guint r = 0; r < n_rows; r++)
    any_tied = any_tied || spire_rank_row_get_tied (spire_ranking_get_row (ranking, r));

  for (guint r = 0; r < n_rows; r++)
    {
      SpireRankRow *row = spire_ranking_get_row (ranking, r);
      char **cells = g_new0 (char *, N_RANK_COLS + 1);
      guint rank = spire_rank_row_get_rank (row);
      double percent = spire_rank_row_get_percent (row);

      /* With ties, "2=" and "3 " keep the numbers in one column. */
      if (rank == 0)
        cells[RANK_COL_RANK] = g_strdup (any_tied ? "– " : "–");
      else if (spire_rank_row_get_tied (row))
        /* TRANSLATORS: a rank shared with other applications: "2=" */
        cells[RANK_COL_RANK] = g_strdup_printf (C_("rank", "%u="), rank);
      else
        cells[RANK_COL_RANK] = g_strdup_printf (any_tied ? "%u " : "%u", rank);
      cells[RANK_COL_TITLE] = one_line (spire_rank_row_get_title (row)
                                          ? spire_rank_row_get_title (row) : "");
      cells[RANK_COL_STARTUP] = one_line (spire_rank_row_get_startup_name (row)
                                            ? spire_rank_row_get_startup_name (row) : "");
      if (on_terminal)
        for (guint c = RANK_COL_TITLE; c <= RANK_COL_STARTUP; c++)
          {
            char *cut = text_truncate (cells[c], 40);

            g_free (cells[c]);
            cells[c] = cut;
          }
      cells[RANK_COL_SCORE] = spire_format_number (spire_rank_row_get_score (row), 2, lang);
      if (isnan (percent))
        cells[RANK_COL_PERCENT] = g_strdup ("–");
      else
        {
          g_autofree char *number = spire_format_number (percent, 0, lang);

          /* TRANSLATORS: a percent of the scale: "72%" (nb and nn: "72 %") */
          cells[RANK_COL_PERCENT] = g_strdup_printf (_("%s%%"), number);
        }
      cells[RANK_COL_SPREAD] = spire_format_number (spire_rank_row_get_spread (row), 2, lang);
      cells[RANK_COL_RANGE] = spire_format_number (spire_rank_row_get_range (row), 2, lang);
      cells[RANK_COL_REVIEWS] = format_count (spire_rank_row_get_n_reviews (row));
      cells[RANK_COL_MISSING] = format_count (spire_rank_row_get_n_missing (row));
      cells[RANK_COL_FLAGS] = rank_flags_text (spire_rank_row_get_flags (row));
      for (guint c = 0; c < N_RANK_COLS; c++)
        widths[c] = MAX (widths[c], text_width (cells[c]));
      g_ptr_array_add (rows, cells);
    }

  for (guint r = 0; r <= rows->len; r++)
    {
      g_autoptr (GString) line = g_string_new (NULL);
      const char *const *cells = r == 0 ? headers
                                        : (const char *const *) g_ptr_array_index (rows, r - 1);

      for (guint c = 0; c < N_RANK_COLS; c++)
        {
          gsize pad = widths[c] - text_width (cells[c]);

          if (c > 0)
            g_string_append (line, "  ");
          if (numeric[c])
            append_padding (line, pad);
          g_string_append (line, cells[c]);
          if (!numeric[c] && c + 1 < N_RANK_COLS)
            append_padding (line, pad);
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }
}

static int
cmd_rank (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *cohort_uuid = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "cohort", 0, 0, G_OPTION_ARG_STRING, &cohort_uuid,
      N_("The cohort to rank (required)"), N_("UUID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Write the ranking as JSON instead of a table"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (SpireRanking) ranking = NULL;
  SpireLanguage lang = spire_language_current ();
  const char *name;
  guint n_rows, n_ranked = 0, n_tied = 0;
  int status;

  if ((status = parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (cohort_uuid == NULL || *cohort_uuid == '\0')
    return missing_cohort (command);

  if (!open_store (cli, OPEN_EXISTING, &error))
    return refused (error);
  cohort = find_cohort (cli, cohort_uuid);
  if (cohort == NULL)
    return EXIT_REFUSED;
  name = spire_record_get_display_name (cohort);

  ranking = spire_rank_cohort (cli->store, cohort_uuid, NULL, &error);
  if (ranking == NULL)
    {
      /* The cohort is there (see above), so NOT_FOUND is its rubric. */
      if (g_error_matches (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND))
        return refused_message (_("The cohort “%s” has no rubric yet, so there is nothing to "
                                  "rank by. Set up its criteria in Spire, and let the panel "
                                  "submit its reviews, before ranking."),
                                name);
      return refused (error);
    }

  if (json)
    {
      g_autoptr (JsonNode) root = spire_ranking_to_json (ranking);

      if (!write_json (root, &error))
        return refused (error);
      return EXIT_OK;
    }

  n_rows = spire_ranking_get_n_rows (ranking);
  if (n_rows == 0)
    {
      g_print (_("The cohort “%s” has no applications to rank (ineligible and withdrawn ones "
                 "are left out).\n"),
               name);
      return EXIT_OK;
    }
  for (guint i = 0; i < n_rows; i++)
    {
      SpireRankRow *row = spire_ranking_get_row (ranking, i);

      if (spire_rank_row_get_rank (row) > 0)
        n_ranked++;
      if (spire_rank_row_get_tied (row))
        n_tied++;
    }

  {
    double min = spire_ranking_get_scale_min (ranking);
    double max = spire_ranking_get_scale_max (ranking);
    g_autofree char *low = spire_format_number (min, min == floor (min) ? 0 : 2, lang);
    g_autofree char *high = spire_format_number (max, max == floor (max) ? 0 : 2, lang);
    double threshold = spire_ranking_get_disagreement_threshold (ranking);

    if (spire_ranking_get_aggregation (ranking) == SPIRE_AGGREGATION_MEDIAN)
      /* TRANSLATORS: "Ranking of “Høst 2026”: the median of the submitted reviews, on a scale of 1–7." */
      g_print (_("Ranking of “%s”: the median of the submitted reviews, on a scale of %s–%s.\n"),
               name, low, high);
    else
      g_print (_("Ranking of “%s”: the mean of the submitted reviews, on a scale of %s–%s.\n"),
               name, low, high);
    if (spire_ranking_get_normalised (ranking))
      g_print ("%s\n", _("Each evaluator’s scores are normalised first, so that harsh and "
                         "generous evaluators weigh the same."));
    if (!isnan (threshold))
      {
        g_autofree char *text = spire_format_number (threshold, 2, lang);

        /* TRANSLATORS: "disagreement" as the rank flag; σ is the population standard deviation */
        g_print (_("“disagreement”: σ of the review scores above %s.\n"), text);
      }
    g_print ("\n");
  }

  print_ranking_table (ranking);

  if (n_tied > 0)
    g_print ("%s\n", _("“=”: applications that share a rank; neither their scores nor the "
                       "tie-break separates them."));
  if (n_ranked == 0)
    g_print (_("No application of “%s” has a submitted review with a score yet, so none is "
               "ranked.\n"),
             name);
  else if (n_ranked < n_rows)
    g_print (ngettext ("%u application has no submitted review with a score yet and is not "
                       "ranked (–).\n",
                       "%u applications have no submitted review with a score yet and are not "
                       "ranked (–).\n",
                       n_rows - n_ranked),
             n_rows - n_ranked);
  return EXIT_OK;
}

/* demo */

static int
cmd_demo (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *size_text = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("The same seed gives the same data (default: 1)"), N_("N") },
    /* TRANSLATORS: keep "small" and "large": they are typed as they are */
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_text, N_("How much data: small or large "
                                                        "(default: small)"),
      N_("SIZE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Add the sample data even when the database holds programs"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  guint64 seed = 1;
  SpireDemoSize size = SPIRE_DEMO_SMALL;
  Progress progress;
  gboolean show_progress;
  gboolean ok;
  int status;

  if ((status = parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (seed_text != NULL &&
      !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT32, &seed, NULL))
    {
      g_autofree char *max = format_count (G_MAXUINT32);

      /* TRANSLATORS: "--seed must be a whole number from 0 to 4 294 967 295, not “abc”." */
      return usage_error (command, _("--seed must be a whole number from 0 to %s, not “%s”."),
                          max, seed_text);
    }
  if (size_text == NULL || g_str_equal (size_text, "small"))
    size = SPIRE_DEMO_SMALL;
  else if (g_str_equal (size_text, "large"))
    size = SPIRE_DEMO_LARGE;
  else
    /* TRANSLATORS: keep "small" and "large": they are typed as they are */
    return usage_error (command, _("--size is “small” or “large”, not “%s”."), size_text);

  if (!open_store (cli, OPEN_CREATE, &error))
    return refused (error);

  show_progress = size == SPIRE_DEMO_LARGE && isatty (STDERR_FILENO);
  progress_init (&progress, _("Creating sample data"));
  ok = spire_demo_fill (cli->store, (guint32) seed, size, force,
                        show_progress ? on_progress_cb : NULL, &progress, NULL, &error);
  progress_end (&progress);
  if (!ok)
    return refused (error);

  {
    const char *labels[G_N_ELEMENTS (cli_kinds)];
    gint64 counts[G_N_ELEMENTS (cli_kinds)];

    for (guint i = 0; i < G_N_ELEMENTS (cli_kinds); i++)
      {
        const SpireKind *kind = spire_kind_lookup (cli_kinds[i].table);

        labels[i] = _(kind->label_plural);
        counts[i] = spire_store_count (cli->store, kind, NULL, NULL);
      }
    g_print (_("Sample data is in “%s” (seed %u). The database now holds:\n"),
             database_path (cli), (guint) seed);
    print_counts (labels, counts, G_N_ELEMENTS (cli_kinds));
  }
  return EXIT_OK;
}

/* import */

static gboolean
read_standard_input (GByteArray *data, GError **error)
{
  char buffer[65536];
  size_t got;

  while ((got = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_byte_array_append (data, (const guint8 *) buffer, (guint) got);
  if (ferror (stdin))
    {
      int saved = errno;

      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO,
                   _("Could not read standard input: %s"), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* So that a mistyped file name does not create a database first. */
static gboolean
check_readable (const char *path, GError **error)
{
  int fd;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO, _("“%s” is a folder, not a file."), path);
      return FALSE;
    }
  fd = g_open (path, O_RDONLY, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO, _("Cannot read “%s”: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static int
cmd_import (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GByteArray) input = NULL;
  SpireImportStats stats = { 0, 0, 0 };
  gboolean from_stdin;
  gboolean show_progress = isatty (STDERR_FILENO);
  Progress progress;
  gboolean ok;
  int status;

  if ((status = parse_command (cli, command, NULL, NULL, argc, argv, &args)) != CONTINUE)
    return status;

  from_stdin = g_str_equal (args[0], "-");
  if (from_stdin)
    {
      input = g_byte_array_new ();
      if (!read_standard_input (input, &error))
        return refused (error);
    }
  else if (!check_readable (args[0], &error))
    return refused (error);

  if (!open_store (cli, OPEN_CREATE, &error))
    return refused (error);

  progress_init (&progress, _("Importing"));
  if (from_stdin)
    ok = spire_exchange_import_data (cli->store, (const char *) input->data, input->len,
                                     _("standard input"), &stats,
                                     show_progress ? on_progress_cb : NULL, &progress, NULL,
                                     &error);
  else
    ok = spire_exchange_import_file (cli->store, args[0], &stats,
                                     show_progress ? on_progress_cb : NULL, &progress, NULL,
                                     &error);
  progress_end (&progress);
  if (!ok)
    return refused (error);

  {
    /* TRANSLATORS: records counted after an import */
    const char *labels[] = { C_("import", "Added"), C_("import", "Updated"),
                             C_("import", "Unchanged") };
    gint64 counts[] = { stats.added, stats.updated, stats.unchanged };

    g_print (_("Imported “%s” into “%s”:\n"), from_stdin ? _("standard input") : args[0],
             database_path (cli));
    print_counts (labels, counts, G_N_ELEMENTS (counts));
  }
  return EXIT_OK;
}

/* export */

static int
cmd_export (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autoptr (GError) error = NULL;
  Progress progress;
  gboolean to_stdout;
  gboolean ok;
  int status;

  if ((status = parse_command (cli, command, NULL, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  to_stdout = g_str_equal (args[0], "-");

  if (!open_store (cli, OPEN_EXISTING, &error))
    return refused (error);

  progress_init (&progress, _("Exporting"));
  ok = spire_exchange_export_file (cli->store, args[0],
                                   isatty (STDERR_FILENO) ? on_progress_cb : NULL, &progress,
                                   NULL, &error);
  progress_end (&progress);
  if (!ok)
    return refused (error);
  if (!to_stdout)
    g_print (_("Exported “%s” to “%s”.\n"), database_path (cli), args[0]);
  return EXIT_OK;
}

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
    width = MAX (width, text_width (g_ptr_array_index (heads, i)));
  for (guint i = 0; i < heads->len; i++)
    {
      const char *head = g_ptr_array_index (heads, i);

      g_string_append (out, "  ");
      g_string_append (out, head);
      append_padding (out, width - text_width (head) + 3);
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
      g_autofree char *header = one_line (spire_csv_import_get_column (import, c));

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
      char *header = one_line (spire_csv_import_get_column (import, c));

      if (on_terminal)
        {
          char *cut = text_truncate (header, 40);

          g_free (header);
          header = cut;
        }
      g_ptr_array_add (headers, header);
      width = MAX (width, text_width (header));
    }

  g_print (_("Columns of “%s”:\n"), file);
  for (guint c = 0; c < n; c++)
    {
      g_autoptr (GString) line = g_string_new ("  ");
      g_autofree char *number = g_strdup_printf ("%u", c + 1);
      const char *header = g_ptr_array_index (headers, c);
      const char *target = spire_csv_import_get_mapping (import, c);

      append_padding (line, number_width - strlen (number));
      g_string_append (line, number);
      g_string_append (line, "  ");
      g_string_append (line, header);
      append_padding (line, width - text_width (header));
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
  print_counts (labels, values, n);
}

/* A problem as compilers write theirs: "applications.csv:7: “Org.nr”: …". */
static void
print_csv_problem (const char *file, const SpireCsvProblem *problem)
{
  g_autofree char *header = problem->header ? one_line (problem->header) : NULL;

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

static int
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
  Progress progress;
  gboolean ok;
  int status;

  if ((status = parse_command (cli, command, entries, description, argc, argv, &args)) !=
      CONTINUE)
    return status;
  if (cohort_uuid == NULL || *cohort_uuid == '\0')
    return missing_cohort (command);
  for (guint i = 0; maps && maps[i]; i++)
    {
      const char *equals = strrchr (maps[i], '=');
      g_autofree char *field = NULL;
      CsvMap *map;

      if (equals == NULL || equals == maps[i] || equals[1] == '\0')
        /* TRANSLATORS: keep --map; COLUMN=FIELD as in the option's placeholder */
        return usage_error (command, _("--map takes COLUMN=FIELD, e.g. “Org.nr=startup.orgnr”, "
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
          return usage_error (command, _("“%s” is not a field; choose one of: %s."), field,
                              fields);
        }
    }

  /* Read the file first: a mistyped name or column makes no database. */
  if (g_str_equal (args[0], "-"))
    {
      g_autoptr (GByteArray) input = g_byte_array_new ();

      file = g_strdup (_("standard input"));
      if (!read_standard_input (input, &error))
        return refused (error);
      import = spire_csv_import_new_from_data ((const char *) input->data, input->len, file,
                                               &error);
    }
  else
    {
      file = g_filename_display_name (args[0]);
      import = spire_csv_import_new_from_file (args[0], &error);
    }
  if (import == NULL)
    return refused (error);

  spire_csv_import_guess_mapping (import);
  for (guint i = 0; i < map_list->len; i++)
    {
      CsvMap *map = g_ptr_array_index (map_list, i);
      int column = csv_find_column (import, map->column);

      if (column < 0)
        {
          g_autofree char *columns = csv_column_list (import);

          /* TRANSLATORS: "--map: “Telefon” is not a column of “a.csv”; its columns are: 1 “Navn”, …" */
          return usage_error (command, _("--map: “%s” is not a column of “%s”; its columns "
                                         "are: %s."),
                              map->column, file, columns);
        }
      /* Only an unknown target fails, and that was checked above. */
      if (!spire_csv_import_set_mapping (import, (guint) column, map->target))
        g_assert_not_reached ();
    }

  if (!open_store (cli, OPEN_EXISTING, &error))
    return refused (error);
  cohort = find_cohort (cli, cohort_uuid);
  if (cohort == NULL)
    return EXIT_REFUSED;

  preview = spire_csv_import_prepare (import, cli->store, cohort_uuid, NULL, &error);
  if (preview == NULL)
    return refused (error);

  print_csv_mapping (import, file);
  /* TRANSLATORS: "What “a.csv” would add to the cohort “Høst 2026”:" followed by counts */
  g_print (_("What “%s” would add to the cohort “%s”:\n"), file,
           spire_record_get_display_name (cohort));
  print_csv_counts (&preview->counts, TRUE);

  if (preview->problems->len > 0)
    {
      guint n = preview->problems->len;

      for (guint i = 0; i < n; i++)
        print_csv_problem (file, g_ptr_array_index (preview->problems, i));
      return refused_message (ngettext ("%s was not imported: %u problem must be fixed first.",
                                        "%s was not imported: %u problems must be fixed first.",
                                        n),
                              file, n);
    }
  if (dry_run)
    {
      /* TRANSLATORS: the last line of "spire-cli import-csv --dry-run"; keep --dry-run */
      g_print ("%s\n", _("Nothing was imported (--dry-run)."));
      return EXIT_OK;
    }

  progress_init (&progress, _("Importing"));
  ok = spire_csv_import_commit (import, cli->store, cohort_uuid, &stats,
                                isatty (STDERR_FILENO) ? on_progress_cb : NULL, &progress,
                                NULL, &error);
  progress_end (&progress);
  if (!ok)
    return refused (error);

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

static int
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

  if ((status = parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (as_text == NULL || g_str_equal (as_text, "auto"))
    as = SPIRE_BRREG_AS_AUTO;
  else if (g_str_equal (as_text, "startups"))
    as = SPIRE_BRREG_AS_STARTUPS;
  else if (g_str_equal (as_text, "public-bodies") || g_str_equal (as_text, "public_bodies"))
    as = SPIRE_BRREG_AS_PUBLIC_BODIES;
  else
    /* TRANSLATORS: keep auto, startups and public-bodies: they are typed as they are */
    return usage_error (command, _("--as is “auto”, “startups” or “public-bodies”, not “%s”."),
                        as_text);

  from_stdin = g_str_equal (args[0], "-");
  if (from_stdin)
    {
      g_autoptr (GByteArray) input = g_byte_array_new ();

      file = g_strdup (_("standard input"));
      if (!read_standard_input (input, &error))
        return refused (error);
      if (!open_store (cli, OPEN_CREATE, &error))
        return refused (error);
      ok = spire_brreg_import_data (cli->store, (const char *) input->data, input->len, file,
                                    as, &stats, &error);
    }
  else
    {
      file = g_filename_display_name (args[0]);
      if (!check_readable (args[0], &error))
        return refused (error);
      if (!open_store (cli, OPEN_CREATE, &error))
        return refused (error);
      ok = spire_brreg_import_file (cli->store, args[0], as, &stats, &error);
    }
  if (!ok)
    return refused (error);

  {
    /* TRANSLATORS: units counted after an import from Enhetsregisteret */
    const char *labels[] = { C_("import-brreg", "Created"), C_("import-brreg", "Updated"),
                             C_("import-brreg", "Unchanged"),
                             C_("import-brreg", "Of these, startups"),
                             C_("import-brreg", "Of these, public bodies") };
    gint64 counts[] = { stats.created, stats.updated, stats.unchanged, stats.startups,
                        stats.public_bodies };

    g_print (_("Imported “%s” into “%s”:\n"), file, database_path (cli));
    print_counts (labels, counts, G_N_ELEMENTS (counts));
  }
  print_brreg_notes (_("Not imported:"), stats.deleted);
  print_brreg_notes (_("Notes:"), stats.notes);
  return EXIT_OK;
}

/* assign */

/* The assignments of @evaluator_uuid that count towards their load (declined
 * ones do not), or -1 on error. */
static gint64
evaluator_load (Cli *cli, const char *evaluator_uuid, GError **error)
{
  g_autoptr (GPtrArray) assignments = spire_store_list (cli->store, &spire_kind_assignment,
                                                        "evaluator", evaluator_uuid, error);
  gint64 n = 0;

  if (assignments == NULL)
    return -1;
  for (guint i = 0; i < assignments->len; i++)
    if (g_strcmp0 (spire_record_get_text (g_ptr_array_index (assignments, i), "state"),
                   "declined") != 0)
      n++;
  return n;
}

/* The applications of the cohort that can be assigned, or -1 on error. */
static gint64
count_assignable (Cli *cli, const char *cohort_uuid, GError **error)
{
  g_autoptr (GPtrArray) applications = spire_store_list (cli->store, &spire_kind_application,
                                                         "cohort", cohort_uuid, error);
  gint64 n = 0;

  if (applications == NULL)
    return -1;
  for (guint i = 0; i < applications->len; i++)
    {
      const char *status = spire_record_get_text (g_ptr_array_index (applications, i), "status");

      if (g_strcmp0 (status, "ineligible") != 0 && g_strcmp0 (status, "withdrawn") != 0)
        n++;
    }
  return n;
}

static int
cmd_assign (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *cohort_uuid = NULL;
  g_autofree char *k_text = NULL;
  g_autofree char *k_help =
    /* TRANSLATORS: the help of assign --per-application; %u is the default number */
    g_strdup_printf (_("How many panel members each application gets (default: %u)"),
                     SPIRE_DEFAULT_EVALUATORS_PER_APPLICATION);
  const GOptionEntry entries[] = {
    { "cohort", 0, 0, G_OPTION_ARG_STRING, &cohort_uuid,
      N_("The cohort whose applications to assign (required)"), N_("UUID") },
    /* TRANSLATORS: a placeholder: "--per-application=K", a number */
    { "per-application", 0, 0, G_OPTION_ARG_STRING, &k_text, k_help, N_("K") },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (GPtrArray) panel = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) loads = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint64 k = SPIRE_DEFAULT_EVALUATORS_PER_APPLICATION;
  guint n_added = 0;
  gint64 n_assignable;
  const char *name;
  int status;

  if ((status = parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (cohort_uuid == NULL || *cohort_uuid == '\0')
    return missing_cohort (command);
  if (k_text != NULL && !g_ascii_string_to_unsigned (k_text, 10, 1, G_MAXUINT, &k, NULL))
    /* TRANSLATORS: keep --per-application: it is typed as it is */
    return usage_error (command, _("--per-application must be a whole number of at least 1, "
                                   "not “%s”."),
                        k_text);

  if (!open_store (cli, OPEN_EXISTING, &error))
    return refused (error);
  cohort = find_cohort (cli, cohort_uuid);
  if (cohort == NULL)
    return EXIT_REFUSED;
  name = spire_record_get_display_name (cohort);

  /* All or nothing: a refusal names what stands in the way. */
  if (!spire_assign_auto (cli->store, cohort_uuid, (guint) k, &n_added, &error))
    return refused (error);

  n_assignable = count_assignable (cli, cohort_uuid, &error);
  if (n_assignable < 0)
    return refused (error);
  if (n_assignable == 0)
    {
      g_print (_("The cohort “%s” has no applications to assign (ineligible and withdrawn ones "
                 "are left out).\n"),
               name);
      return EXIT_OK;
    }
  if (n_added > 0)
    g_print (ngettext ("Added %u assignment in “%s”.\n", "Added %u assignments in “%s”.\n",
                       n_added),
             n_added, name);
  else
    g_print (_("No assignments were needed in “%s”.\n"), name);
  g_print (ngettext ("Every application to review has at least %u panel member.\n",
                     "Every application to review has at least %u panel members.\n",
                     (gulong) k),
           (guint) k);

  panel = spire_panel_list (cli->store, cohort_uuid, &error);
  if (panel == NULL)
    return refused (error);
  for (guint i = 0; i < panel->len; i++)
    {
      SpireRecord *evaluator = g_ptr_array_index (panel, i);
      const char *uuid = spire_record_get_uuid (evaluator);
      char *person;
      gint64 load;

      /* Observers are never assigned. */
      if (g_strcmp0 (spire_record_get_text (evaluator, "role"), "observer") == 0)
        continue;
      if ((load = evaluator_load (cli, uuid, &error)) < 0)
        return refused (error);
      person = spire_evaluator_get_name (cli->store, uuid);
      if (*person == '\0')
        {
          g_free (person);
          person = g_strdup (uuid);
        }
      g_ptr_array_add (names, one_line (person));
      g_free (person);
      g_array_append_val (loads, load);
    }
  if (names->len > 0)
    {
      /* TRANSLATORS: followed by one line per panel member: "  Kari Nordmann  7" */
      g_print ("%s\n", _("Assignments per panel member:"));
      print_counts ((const char *const *) names->pdata, (const gint64 *) (void *) loads->data,
                    names->len);
    }
  return EXIT_OK;
}

/* Commands made of subcommands ("package export") */

/* What is typed after the command: "export" for "package export". */
static const char *
subcommand_word (const CliCommand *subcommand)
{
  const char *space = strrchr (subcommand->name, ' ');

  return space ? space + 1 : subcommand->name;
}

static char *
subcommand_names (const CliCommand *subcommands, guint n)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, subcommand_word (&subcommands[i]));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The command's details, then its subcommands as the main help lists commands. */
static char *
subcommands_description (const CliCommand *command, const CliCommand *subcommands, guint n)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) heads = g_ptr_array_new_with_free_func (g_free);
  gsize width = 0;

  if (command->details)
    {
      g_string_append (out, _(command->details));
      g_string_append (out, "\n\n");
    }
  for (guint i = 0; i < n; i++)
    {
      const char *word = subcommand_word (&subcommands[i]);
      char *head = *subcommands[i].parameters
                     ? g_strdup_printf ("%s %s", word, _(subcommands[i].parameters))
                     : g_strdup (word);

      g_ptr_array_add (heads, head);
      width = MAX (width, text_width (head));
    }
  g_string_append (out, _("Subcommands:"));
  g_string_append_c (out, '\n');
  for (guint i = 0; i < n; i++)
    {
      const char *head = g_ptr_array_index (heads, i);

      g_string_append (out, "  ");
      g_string_append (out, head);
      append_padding (out, width - text_width (head) + 3);
      g_string_append (out, _(subcommands[i].summary));
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
  /* TRANSLATORS: "Run “spire-cli package SUBCOMMAND --help” to see its options."; translate
   * SUBCOMMAND as in the usage lines */
  g_string_append_printf (out, _("Run “%s %s SUBCOMMAND --help” to see a subcommand’s options."),
                          PROGRAM, command->name);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Parses the options of @command up to its first argument, which names the
 * subcommand; that one parses the rest itself. */
static int
run_subcommand (Cli *cli, const CliCommand *command, const CliCommand *subcommands, guint n,
                int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *description = subcommands_description (command, subcommands, n);
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;

  help_requested = FALSE;
  context = command_context (command, NULL, description, cli, &args);
  /* "package export --help" is the subcommand's help, not this one. */
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (command, "%s", error->message);
  if (help_requested)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", help);
      return EXIT_OK;
    }
  if (args == NULL || args[0] == NULL)
    return usage_error (command, "%s", _(command->missing));
  for (guint i = 0; i < n; i++)
    if (g_str_equal (subcommand_word (&subcommands[i]), args[0]))
      /* The subcommand sees its own word as argv[0]. */
      return subcommands[i].handler (cli, &subcommands[i], (int) g_strv_length (args), args);
  {
    g_autofree char *names = subcommand_names (subcommands, n);

    /* TRANSLATORS: "“frob” is not a subcommand of package; choose one of: export, import." */
    return usage_error (command, _("“%s” is not a subcommand of %s; choose one of: %s."),
                        args[0], command->name, names);
  }
}

/* package */

static int
cmd_package (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  return run_subcommand (cli, command, package_commands, G_N_ELEMENTS (package_commands), argc,
                         argv);
}

/* The UUID of the panel member of @cohort that @given names (their UUID or
 * their e-mail address), or NULL after saying why on stderr. */
static char *
find_evaluator (Cli *cli, SpireRecord *cohort, const char *given)
{
  const char *cohort_uuid = spire_record_get_uuid (cohort);
  g_autoptr (GError) error = NULL;

  if (strchr (given, '@') != NULL)
    {
      g_autoptr (GPtrArray) panel = spire_panel_list (cli->store, cohort_uuid, &error);
      g_autofree char *wanted = NULL;

      if (panel == NULL)
        {
          refused (error);
          return NULL;
        }
      wanted = g_utf8_casefold (given, -1);
      for (guint i = 0; i < panel->len; i++)
        {
          SpireRecord *evaluator = g_ptr_array_index (panel, i);
          g_autoptr (SpireRecord) person = NULL;
          g_autofree char *email = NULL;

          person = spire_store_get (cli->store, &spire_kind_person,
                                    spire_record_get_text (evaluator, "person"), NULL);
          if (person == NULL || spire_record_is_null (person, "email"))
            continue;
          email = g_utf8_casefold (spire_record_get_text (person, "email"), -1);
          if (g_str_equal (g_strstrip (email), wanted))
            return g_strdup (spire_record_get_uuid (evaluator));
        }
      /* TRANSLATORS: keep the command in quotes: it is typed as it is */
      refused_message (_("No panel member of “%s” has the e-mail address “%s”. “spire-cli list "
                         "evaluators --cohort %s” shows the panel."),
                       spire_record_get_display_name (cohort), given, cohort_uuid);
      return NULL;
    }

  if (spire_store_exists (cli->store, &spire_kind_evaluator, given))
    return g_strdup (given);
  /* TRANSLATORS: keep the command in quotes: it is typed as it is */
  refused_message (_("There is no panel member with the UUID “%s”. “spire-cli list evaluators "
                     "--cohort %s” shows the panel of “%s”."),
                   given, cohort_uuid, spire_record_get_display_name (cohort));
  return NULL;
}

/* How many applications the package at @path holds, or -1 when it cannot be read. */
static gint64
package_n_applications (const char *path)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonNode *applications;

  if (!json_parser_load_from_file (parser, path, NULL))
    return -1;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return -1;
  applications = json_object_get_member (json_node_get_object (root), "applications");
  if (applications == NULL || !JSON_NODE_HOLDS_ARRAY (applications))
    return -1;
  return json_array_get_length (json_node_get_array (applications));
}

static int
cmd_package_export (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *cohort_uuid = NULL;
  g_autofree char *evaluator_given = NULL;
  g_autofree char *output = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "cohort", 0, 0, G_OPTION_ARG_STRING, &cohort_uuid,
      N_("The cohort the package is for (required)"), N_("UUID") },
    { "evaluator", 0, 0, G_OPTION_ARG_STRING, &evaluator_given,
      N_("The panel member, by UUID or e-mail address (required)"),
      /* TRANSLATORS: a placeholder: "--evaluator=UUID|EMAIL"; keep the "|" */
      N_("UUID|EMAIL") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write the package to (required)"),
      /* TRANSLATORS: a placeholder in usage lines ("spire-cli import FILE"); the same everywhere */
      N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE when it exists"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) cohort = NULL;
  g_autofree char *evaluator_uuid = NULL;
  g_autofree char *file = NULL;
  g_autofree char *person = NULL;
  gint64 n_applications;
  int status;

  if ((status = parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (cohort_uuid == NULL || *cohort_uuid == '\0')
    return missing_cohort (command);
  if (evaluator_given == NULL || *evaluator_given == '\0')
    /* TRANSLATORS: keep --evaluator and the command in quotes: they are typed as they are */
    return usage_error (command, _("Say which panel member with --evaluator UUID or e-mail "
                                   "address; “spire-cli list evaluators --cohort UUID” shows "
                                   "them."));
  if (output == NULL || *output == '\0')
    /* TRANSLATORS: keep -o: it is typed as it is; FILE as in the usage lines */
    return usage_error (command, _("Say which file to write the package to with -o FILE."));

  /* Before the database: a package is never written over another by mistake. */
  file = g_filename_display_name (output);
  if (g_file_test (output, G_FILE_TEST_IS_DIR))
    return refused_message (_("“%s” is a folder, not a file."), file);
  if (!force && g_file_test (output, G_FILE_TEST_EXISTS))
    /* TRANSLATORS: keep --force: it is typed as it is */
    return refused_message (_("“%s” exists already. Name another file, or give --force to "
                              "replace it."),
                            file);

  if (!open_store (cli, OPEN_EXISTING, &error))
    return refused (error);
  cohort = find_cohort (cli, cohort_uuid);
  if (cohort == NULL)
    return EXIT_REFUSED;
  evaluator_uuid = find_evaluator (cli, cohort, evaluator_given);
  if (evaluator_uuid == NULL)
    return EXIT_REFUSED;

  if (!spire_package_export_file (cli->store, cohort_uuid, evaluator_uuid, output, &error))
    return refused (error);

  person = spire_evaluator_get_name (cli->store, evaluator_uuid);
  n_applications = package_n_applications (output);
  /* TRANSLATORS: "Wrote the evaluation package of Kari Nordmann for “Høst 2026” to “kari.json”." */
  g_print (_("Wrote the evaluation package of %s for “%s” to “%s”.\n"), person,
           spire_record_get_display_name (cohort), file);
  if (n_applications == 0)
    /* TRANSLATORS: keep the command in quotes: it is typed as it is */
    g_print ("%s\n", _("It holds no applications: none is assigned to them yet (“spire-cli "
                       "assign” assigns the panel)."));
  else if (n_applications > 0)
    g_print (ngettext ("It holds %u application to score.\n",
                       "It holds %u applications to score.\n", (gulong) n_applications),
             (guint) n_applications);
  g_print ("%s\n", _("The file holds the panel member’s secret token: send it to them alone."));
  return EXIT_OK;
}

/* Says why the sheet @name was refused; the file is named unless the reason does. */
static void
print_sheet_refusal (const char *name, const GError *error)
{
  if (strstr (error->message, name) != NULL)
    g_printerr ("%s: %s\n", PROGRAM, error->message);
  else
    g_printerr ("%s: %s: %s\n", PROGRAM, name, error->message);
}

static int
cmd_package_import (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GByteArray) input = NULL;
  guint n_files, n_refused = 0;
  int status;

  if ((status = parse_command (cli, command, NULL, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  n_files = g_strv_length (args);
  if (g_strv_contains ((const char *const *) args, "-"))
    {
      input = g_byte_array_new ();
      if (!read_standard_input (input, &error))
        return refused (error);
    }

  if (!open_store (cli, OPEN_EXISTING, &error))
    return refused (error);

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr (GError) local = NULL;
      g_autofree char *name = NULL;
      SpireSheetStats stats = { 0, 0, 0, 0 };
      gboolean ok;

      if (g_str_equal (args[i], "-"))
        {
          name = g_strdup (_("standard input"));
          ok = spire_package_import_sheet (cli->store, (const char *) input->data,
                                           (gssize) input->len, name, &stats, &local);
        }
      else
        {
          g_autofree char *base = g_path_get_basename (args[i]);

          /* The core names a sheet by its file name in its messages. */
          name = g_filename_display_name (base);
          ok = spire_package_import_sheet_file (cli->store, args[i], &stats, &local);
        }
      if (!ok)
        {
          print_sheet_refusal (name, local);
          n_refused++;
          continue;
        }
      {
        /* TRANSLATORS: reviews counted after importing a score sheet; “Kept”: changed here
         * later than in the sheet, so left as they are */
        const char *labels[] = { C_("package import", "Added"), C_("package import", "Updated"),
                                 C_("package import", "Unchanged"),
                                 C_("package import", "Kept") };
        gint64 counts[] = { stats.added, stats.updated, stats.unchanged, stats.kept };

        g_print (_("Imported the score sheet “%s”:\n"), name);
        print_counts (labels, counts, G_N_ELEMENTS (counts));
      }
    }

  if (n_refused == 0)
    return EXIT_OK;
  if (n_files == 1)
    return EXIT_REFUSED;
  if (n_refused == n_files)
    return refused_message (_("None of the %u score sheets was imported."), n_files);
  return refused_message (ngettext ("%u of %u score sheets was refused; the others were "
                                    "imported.",
                                    "%u of %u score sheets were refused; the others were "
                                    "imported.",
                                    n_refused),
                          n_refused, n_files);
}

/* check */

static int
cmd_check (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_auto (GStrv) problems = NULL;
  g_autoptr (GError) error = NULL;
  guint n;
  int status;

  if ((status = parse_command (cli, command, NULL, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (!open_store (cli, OPEN_EXISTING, &error))
    return refused (error);

  if (spire_store_check (cli->store, &problems, &error))
    {
      /* TRANSLATORS: the whole output of "spire-cli check" when nothing is wrong */
      g_print ("%s\n", C_("check", "ok"));
      return EXIT_OK;
    }
  if (error != NULL)
    return refused (error);

  n = problems ? g_strv_length (problems) : 0;
  for (guint i = 0; i < n; i++)
    g_print ("%s\n", problems[i]);
  return refused_message (ngettext ("The database “%s” has %u problem.",
                                       "The database “%s” has %u problems.", n),
                          database_path (cli), n);
}

/* backup */

static int
cmd_backup (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if ((status = parse_command (cli, command, NULL, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (!open_store (cli, OPEN_EXISTING, &error))
    return refused (error);
  if (!spire_store_backup (cli->store, args[0], &error))
    return refused (error);
  g_print (_("Copied “%s” to “%s”.\n"), database_path (cli), args[0]);
  return EXIT_OK;
}

/* validate-orgnr: needs no database */

static int
cmd_validate_orgnr (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  gboolean all_valid = TRUE;
  int status;

  if ((status = parse_command (cli, command, NULL, NULL, argc, argv, &args)) != CONTINUE)
    return status;

  for (guint i = 0; args[i] != NULL; i++)
    {
      g_autofree char *why = NULL;

      if (spire_orgnr_check (args[i], &why))
        /* TRANSLATORS: "923609016 valid": the result for one organisation number */
        g_print ("%s %s\n", args[i], C_("orgnr", "valid"));
      else
        {
          /* TRANSLATORS: "923609017 invalid": the result for one organisation number */
          g_print ("%s %s\n", args[i], C_("orgnr", "invalid"));
          /* The reason, for people; stdout keeps the one-line-per-number form. */
          g_printerr ("%s: %s: %s\n", PROGRAM, args[i], why);
          all_valid = FALSE;
        }
    }
  return all_valid ? EXIT_OK : EXIT_REFUSED;
}

/* help */

static char *
commands_description (void)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) heads = g_ptr_array_new_with_free_func (g_free);
  gsize width = 0;

  for (guint i = 0; i < n_commands; i++)
    {
      char *head = *commands[i].parameters
                     ? g_strdup_printf ("%s %s", commands[i].name, _(commands[i].parameters))
                     : g_strdup (commands[i].name);

      g_ptr_array_add (heads, head);
      width = MAX (width, text_width (head));
    }

  g_string_append (out, _("Commands:"));
  g_string_append_c (out, '\n');
  for (guint i = 0; i < n_commands; i++)
    {
      const char *head = g_ptr_array_index (heads, i);

      g_string_append (out, "  ");
      g_string_append (out, head);
      append_padding (out, width - text_width (head) + 3);
      g_string_append (out, _(commands[i].summary));
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
  /* TRANSLATORS: the quotes show what to type: translate COMMAND as in the usage lines */
  g_string_append (out, _("Run “spire-cli COMMAND --help” to see a command’s options.\n"
                          "Exit status: 0 done, 1 refused (the reason is shown), "
                          "2 wrong usage."));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GOptionContext *
main_context (Cli *cli, gboolean *help, gboolean *version)
{
  static char *database_help;
  g_autofree char *description = commands_description ();
  GOptionContext *context;

  if (database_help == NULL)
    {
      g_autofree char *fallback = spire_store_default_path ();

      /* TRANSLATORS: %s is the path of the default database file */
      database_help = g_strdup_printf (_("The database file to use (default: %s)"), fallback);
    }
  {
    const GOptionEntry entries[] = {
      /* TRANSLATORS: a placeholder: "--database=PATH" */
      { "database", 'd', 0, G_OPTION_ARG_FILENAME, &cli->database, database_help, N_("PATH") },
      { "help", 'h', 0, G_OPTION_ARG_NONE, help, N_("Show this help"), NULL },
      { "version", 0, 0, G_OPTION_ARG_NONE, version, N_("Show the version"), NULL },
      { NULL }
    };

    g_set_prgname (PROGRAM);
    /* TRANSLATORS: placeholders in the usage line "spire-cli [OPTION…] COMMAND [ARGUMENTS…]" */
    context = g_option_context_new (N_("COMMAND [ARGUMENTS…]"));
    g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
    g_option_context_set_help_enabled (context, FALSE);
    /* Global options come before the command; the command parses the rest. */
    g_option_context_set_strict_posix (context, TRUE);
    g_option_context_set_summary (context, N_("Spire from the command line: create a database, "
                                              "fill it with sample data, exchange it as a file, "
                                              "import applications and register data, assign "
                                              "a cohort’s panel, exchange evaluation packages "
                                              "and score sheets with it, rank a cohort, list "
                                              "what it holds and check it."));
    g_option_context_set_description (context, description);
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  }
  return context;
}

static int
print_main_help (Cli *cli)
{
  gboolean help = FALSE, version = FALSE;
  g_autoptr (GOptionContext) context = main_context (cli, &help, &version);
  g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

  g_print ("%s", text);
  return EXIT_OK;
}

static const CliCommand *
command_lookup (const char *name)
{
  for (guint i = 0; i < n_commands; i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

static int
cmd_help (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  const CliCommand *about;
  int status;

  if ((status = parse_command (cli, command, NULL, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (args == NULL || args[0] == NULL)
    return print_main_help (cli);
  about = command_lookup (args[0]);
  if (about == NULL)
    return usage_error (NULL, _("“%s” is not a command."), args[0]);
  {
    char *help_argv[] = { (char *) about->name, (char *) "--help", NULL };

    return about->handler (cli, about, 2, help_argv);
  }
}


static int
run (Cli *cli, int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  gboolean help = FALSE, version = FALSE;
  const CliCommand *command;

  context = main_context (cli, &help, &version);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (NULL, "%s", error->message);
  if (help)
    return print_main_help (cli);
  if (version)
    {
      g_print ("%s %s\n", PROGRAM, PACKAGE_VERSION);
      return EXIT_OK;
    }
  if (cli->database != NULL && *cli->database == '\0')
    return usage_error (NULL, _("--database needs the path of a database file."));
  if (argc < 2)
    return usage_error (NULL, _("Say which command to run."));

  command = command_lookup (argv[1]);
  if (command == NULL)
    return usage_error (NULL, _("“%s” is not a command."), argv[1]);
  /* The command sees its own name as argv[0]. */
  return command->handler (cli, command, argc - 1, argv + 1);
}

int
main (int argc, char **argv)
{
  Cli cli = { NULL, NULL };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, SPIRE_CLI_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  status = run (&cli, argc, argv);

  g_clear_object (&cli.store);
  g_free (cli.database);
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int saved = errno;

      g_printerr ("%s: ", PROGRAM);
      g_printerr (_("Could not write to standard output: %s"), g_strerror (saved));
      g_printerr ("\n");
      if (status == EXIT_OK)
        status = EXIT_REFUSED;
    }
  return status;
}
