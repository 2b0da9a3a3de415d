/* spire-cli.c — the headless front end over core: main, the global options
 * and the command table
 *
 *   spire-cli [--database PATH | -d PATH] COMMAND [ARGUMENTS…]
 *
 * Every command is one line in the commands[] table below: a name, a
 * handler, the placeholders of its arguments and a one-line summary.  The
 * handlers live in commands/, one file per command group, and share the
 * helpers of spire-cli-output.c and spire-cli-options.c (see
 * spire-cli-private.h).  A handler first parses its own options and
 * arguments (cli_parse_command), and only then opens the database
 * (cli_open_store), so that a usage error never creates or touches a
 * database file.  A command made of subcommands ("package export",
 * "package import") hands its arguments to cli_run_subcommand(), which picks
 * the subcommand from a table of its own whose lines are commands like the
 * others.
 *
 * Translations come from spire_locale_dir (): $SPIRE_LOCALEDIR when it is
 * set, the build tree's po/ when run from the build tree, else LOCALEDIR.
 *
 * Exit codes: 0 success, 1 input or database refused (the reason on
 * stderr), 2 usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>

#include "spire-cli-private.h"

/* The commands, in the order the help lists them.  To add one: write its
 * handler in commands/ (cli_parse_command first, then cli_open_store if it
 * needs the database), declare it in spire-cli-private.h and add a line
 * here.  FILE, KIND, DEST … are placeholders in usage lines
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
  { "deal", cmd_deal,
    /* TRANSLATORS: a placeholder in usage lines ("spire-cli package SUBCOMMAND …") */
    N_("SUBCOMMAND …"),
    /* TRANSLATORS: keep add, move, show and list: they are typed as they are */
    N_("Follow the deals after the selection: add, move, show, list"),
    N_("A deal is a startup × public body agreement in the making; every change of stage is "
       "an event, which gives the time spent in each stage."),
    /* TRANSLATORS: keep add, move, show and list: they are typed as they are */
    N_("Say what to do: add, move, show or list."), 1, G_MAXUINT },
  { "funnel", cmd_funnel, "", N_("From application to signed agreement, step by step"),
    /* TRANSLATORS: keep the options: they are typed as they are */
    N_("Counts applied, eligible, evaluated and accepted applications, then the accepted "
       "ones by their furthest deal: in dialogue or pilot, negotiating, signed; with the "
       "conversion from each step to the next (the deal steps as a share of the accepted). "
       "Give --cohort or --program."),
    NULL, 0, 0 },
  { "impact", cmd_impact, "", N_("What a program gave: agreements, gains, the ratio"),
    N_("Invested, signed value, the weighted pipeline, gains expected and realised and their "
       "ratio to what was invested, deals per procedure, and each solution with its buyers "
       "over time. Money in whole kroner."),
    NULL, 0, 0 },
  { "report", cmd_report,
    /* TRANSLATORS: a placeholder in usage lines ("spire-cli package SUBCOMMAND …") */
    N_("SUBCOMMAND …"),
    /* TRANSLATORS: keep cohort, letter, letters, impact and reference: they are typed as they are */
    N_("Write reports as PDF: cohort, letter, letters, impact, reference"),
    N_("The cohort report, the feedback letters to applicants, a program’s impact report and "
       "a solution’s reference sheet, in the language chosen with --lang (nb, nn or en)."),
    /* TRANSLATORS: keep cohort, letter, letters, impact and reference: they are typed as they are */
    N_("Say which report: cohort, letter, letters, impact or reference."), 1, G_MAXUINT },
  { "person", cmd_person,
    /* TRANSLATORS: a placeholder in usage lines ("spire-cli package SUBCOMMAND …") */
    N_("SUBCOMMAND …"),
    /* TRANSLATORS: keep erase: it is typed as it is */
    N_("Erase a person’s personal data: erase"), NULL,
    /* TRANSLATORS: keep erase: it is typed as it is */
    N_("Say what to do: erase."), 1, G_MAXUINT },
  { "retention", cmd_retention, "",
    N_("Erase the personal data of applicants not accepted when their time is up"),
    /* TRANSLATORS: keep the options: they are typed as they are */
    N_("A cohort’s “Keep personal data (months)” counts from the day it closes (its end, or "
       "the day its phase became Closed). Applicants not accepted are then erased, unless "
       "they also have an accepted application, one in a cohort still kept, or a seat on a "
       "panel. --dry-run lists them and changes nothing."),
    NULL, 0, 0 },
  { "innsyn", cmd_innsyn, "",
    N_("Answer a request for access (innsyn) with the documents as a PDF"),
    /* TRANSLATORS: keep the options and nb, nn, en: they are typed as they are */
    N_("An application’s or a whole cohort’s documents: the application, its reviews’ "
       "scores and summaries, the decisions with their reasons. What the applicant shared in "
       "confidence is withheld and marked with its legal basis (offentleglova § 13, jf. "
       "forvaltningsloven § 13 første ledd nr. 2); panel members are numbered, not named. "
       "The request is recorded: who asked, when it was received and answered, what was "
       "given and what was withheld."),
    NULL, 0, 0 },
  { "audit", cmd_audit, "", N_("Show the audit trail: who changed what, when"),
    /* TRANSLATORS: keep the options: they are typed as they are */
    N_("Newest first: when, who, the record, the action, and the record before and after. "
       "--person also finds the records that refer to the person or name them."),
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

/* Help */

static char *
commands_description (void)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) heads = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) summaries = g_ptr_array_new ();

  for (guint i = 0; i < n_commands; i++)
    {
      char *head = *commands[i].parameters
                     ? g_strdup_printf ("%s %s", commands[i].name, _(commands[i].parameters))
                     : g_strdup (commands[i].name);

      g_ptr_array_add (heads, head);
      g_ptr_array_add (summaries, (gpointer) _(commands[i].summary));
    }

  g_string_append (out, _("Commands:"));
  g_string_append_c (out, '\n');
  cli_append_list (out, (const char *const *) heads->pdata,
                   (const char *const *) summaries->pdata, n_commands);
  g_string_append (out, "\n\n");
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

int
cmd_help (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  const CliCommand *about;
  int status;

  if ((status = cli_parse_command (cli, command, NULL, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (args == NULL || args[0] == NULL)
    return print_main_help (cli);
  about = command_lookup (args[0]);
  if (about == NULL)
    return cli_usage_error (NULL, _("“%s” is not a command."), args[0]);
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
    return cli_usage_error (NULL, "%s", error->message);
  if (help)
    return print_main_help (cli);
  if (version)
    {
      g_print ("%s %s\n", PROGRAM, PACKAGE_VERSION);
      return EXIT_OK;
    }
  if (cli->database != NULL && *cli->database == '\0')
    return cli_usage_error (NULL, _("--database needs the path of a database file."));
  if (argc < 2)
    return cli_usage_error (NULL, _("Say which command to run."));

  command = command_lookup (argv[1]);
  if (command == NULL)
    return cli_usage_error (NULL, _("“%s” is not a command."), argv[1]);
  /* The command sees its own name as argv[0]. */
  return command->handler (cli, command, argc - 1, argv + 1);
}

int
main (int argc, char **argv)
{
  Cli cli = { NULL, NULL };
  int status;

  /* The build tree's translations when run from it (spire-locale.c). */
  spire_locale_init ();

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
