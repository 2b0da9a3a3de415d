/* spire-cli-options.c — a command's options and arguments, and what they name
 *
 * cli_parse_command() parses a command's own options (and the global
 * --database and --help, which may come after the command too) and counts
 * its arguments against the command table; cli_run_subcommand() does the
 * same for a command made of subcommands ("package export") and hands the
 * rest to the subcommand.  Then come what the arguments name: the database
 * file (opened only after the arguments were found good, so that a typo
 * never creates one), the cohort of --cohort, and input files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "spire-cli-private.h"

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

/* Parses with @context.  --database may be given before the command and
 * again after it: the path given last is kept, and the one before it freed
 * (each parser sets cli->database without knowing of the others). */
static gboolean
parse_keeping_database (GOptionContext *context, Cli *cli, int *argc, char ***argv,
                        GError **error)
{
  g_autofree char *before = g_steal_pointer (&cli->database);

  if (!g_option_context_parse (context, argc, argv, error))
    {
      g_free (cli->database);
      cli->database = g_steal_pointer (&before);
      return FALSE;
    }
  if (cli->database == NULL)
    cli->database = g_steal_pointer (&before);
  return TRUE;
}

/* Parses the options and positional arguments of @command.  Returns CONTINUE
 * when the handler should go on, or the exit status (help shown: 0, usage
 * error: 2). */
int
cli_parse_command (Cli *cli, const CliCommand *command, const GOptionEntry *entries,
                   const char *description, int argc, char **argv, char ***args)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  guint n;

  help_requested = FALSE;
  context = command_context (command, entries, description, cli, args);
  if (!parse_keeping_database (context, cli, &argc, &argv, &error))
    return cli_usage_error (command, "%s", error->message);
  if (help_requested)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", help);
      return EXIT_OK;
    }
  n = *args ? g_strv_length (*args) : 0;
  if (n < command->min_args)
    return cli_usage_error (command, "%s", _(command->missing));
  if (n > command->max_args)
    /* TRANSLATORS: "list: unexpected argument “foo”." */
    return cli_usage_error (command, _("%s: unexpected argument “%s”."), command->name,
                            (*args)[command->max_args]);
  return CONTINUE;
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
  g_autoptr (GPtrArray) summaries = g_ptr_array_new ();

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
      g_ptr_array_add (summaries, (gpointer) _(subcommands[i].summary));
    }
  g_string_append (out, _("Subcommands:"));
  g_string_append_c (out, '\n');
  cli_append_list (out, (const char *const *) heads->pdata,
                   (const char *const *) summaries->pdata, n);
  g_string_append (out, "\n\n");
  /* TRANSLATORS: "Run “spire-cli package SUBCOMMAND --help” to see its options."; translate
   * SUBCOMMAND as in the usage lines */
  g_string_append_printf (out, _("Run “%s %s SUBCOMMAND --help” to see a subcommand’s options."),
                          PROGRAM, command->name);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Parses the options of @command up to its first argument, which names the
 * subcommand; that one parses the rest itself. */
int
cli_run_subcommand (Cli *cli, const CliCommand *command, const CliCommand *subcommands, guint n,
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
  if (!parse_keeping_database (context, cli, &argc, &argv, &error))
    return cli_usage_error (command, "%s", error->message);
  if (help_requested)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", help);
      return EXIT_OK;
    }
  if (args == NULL || args[0] == NULL)
    return cli_usage_error (command, "%s", _(command->missing));
  for (guint i = 0; i < n; i++)
    if (g_str_equal (subcommand_word (&subcommands[i]), args[0]))
      {
        /* The subcommand sees its own word as argv[0].  Its parser takes
         * the options it knows out of the vector it is given (moving the
         * pointers, freeing nothing): it gets a copy of the vector, and
         * args still frees every string. */
        guint   argc_sub = g_strv_length (args);
        g_autofree char **argv_sub = g_memdup2 (args, (argc_sub + 1) * sizeof (char *));

        return subcommands[i].handler (cli, &subcommands[i], (int) argc_sub, argv_sub);
      }
  {
    g_autofree char *names = subcommand_names (subcommands, n);

    /* TRANSLATORS: "“frob” is not a subcommand of package; choose one of: export, import." */
    return cli_usage_error (command, _("“%s” is not a subcommand of %s; choose one of: %s."),
                            args[0], command->name, names);
  }
}

/* The database */

const char *
cli_database_path (Cli *cli)
{
  static char *fallback;

  if (cli->database != NULL)
    return cli->database;
  if (fallback == NULL)
    fallback = spire_store_default_path ();
  return fallback;
}

gboolean
cli_open_store (Cli *cli, OpenMode mode, GError **error)
{
  const char *path = cli_database_path (cli);

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
  if (cli->store != NULL && spire_store_get_tightened (cli->store) != NULL)
    g_printerr ("%s\n", spire_store_get_tightened (cli->store));
  return cli->store != NULL;
}

/* The cohort named by --cohort, or NULL after saying why on stderr. */
SpireRecord *
cli_find_cohort (Cli *cli, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  SpireRecord *cohort = spire_store_get (cli->store, &spire_kind_cohort, uuid, &error);

  if (cohort != NULL)
    return cohort;
  if (error != NULL && !g_error_matches (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND))
    cli_refused (error);
  else
    cli_refused_message (_("There is no cohort with the UUID “%s”. “spire-cli list cohorts” "
                           "shows them."),
                         uuid);
  return NULL;
}

int
cli_missing_cohort (const CliCommand *command)
{
  /* TRANSLATORS: keep --cohort and the command in quotes: they are typed as they are */
  return cli_usage_error (command, _("Say which cohort with --cohort UUID; “spire-cli list "
                                     "cohorts” shows them."));
}

/* Input files */

char *
cli_read_standard_input (SpireReadKind kind, gsize *length, GError **error)
{
  g_autofree char *name = g_strdup (_("standard input"));

  /* Bounded as a file of @kind is: a pipe from a video is refused too. */
  return spire_exchange_read_fd (STDIN_FILENO, name, kind, length, error);
}

/* So that a mistyped file name does not create a database first. */
gboolean
cli_check_readable (const char *path, GError **error)
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

/* Arguments that name records and values (the follow-up commands) */

/* Refuses @value for @option unless it is one of @field's values. */
gboolean
cli_check_enum (const char *option, const SpireKind *kind, const char *field, const char *value)
{
  const SpireField *f = spire_kind_field (kind, field);
  g_autoptr (GString) list = g_string_new (NULL);

  if (value == NULL || spire_field_value_is_allowed (f, value))
    return TRUE;
  for (const SpireEnumValue *v = f->values; v->value; v++)
    g_string_append_printf (list, "%s%s", list->len ? ", " : "", v->value);
  /* TRANSLATORS: "--stage: “won” is not allowed; use one of dialogue, pilot, …" */
  cli_refused_message (_("%s: “%s” is not allowed; use one of %s."), option, value, list->str);
  return FALSE;
}

/* Refuses @uuid for @option unless a record of @kind has it. */
gboolean
cli_check_ref (Cli *cli, const char *option, const SpireKind *kind, const char *uuid)
{
  g_autofree char *word = NULL;

  if (uuid == NULL || spire_store_exists (cli->store, kind, uuid))
    return TRUE;
  word = spire_kind_word (kind);
  /* TRANSLATORS: "--buyer: there is no public body with the UUID “…”." */
  cli_refused_message (_("%s: there is no %s with the UUID “%s”."), option, word, uuid);
  return FALSE;
}

gboolean
cli_check_date (const char *option, const char *date)
{
  if (date == NULL || spire_date_is_valid (date))
    return TRUE;
  cli_refused_message (_("%s: “%s” is not a date; write it as YYYY-MM-DD."), option, date);
  return FALSE;
}
