/* spire-cli-report.c — report: the cohort report and feedback letters as PDF
 *
 * The reports are core's (src/core/reports/): the cohort report, letters,
 * the impact report and the reference sheet.  This chooses the language
 * (--lang, else the environment's), checks what the options name, and
 * writes the files.  An unknown UUID or language exits 1 and writes
 * nothing; a PDF is written atomically by core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-cli-private.h"
#include "spire-reports.h"

static int cmd_report_cohort (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_report_letter (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_report_letters (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_report_impact (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_report_reference (Cli *cli, const CliCommand *command, int argc, char **argv);

static const CliCommand report_commands[] = {
  { "report cohort", cmd_report_cohort, "", N_("Write a cohort’s report as PDF"),
    /* TRANSLATORS: keep the options and nb, nn, en: they are typed as they are */
    N_("Key figures, the funnel, applicants by challenge and county, evaluation quality, "
       "the ranking, the decisions with their reasons and the pipeline. --lang nb, nn or en "
       "chooses the report’s language (the environment’s when left out)."),
    NULL, 0, 0 },
  { "report letter", cmd_report_letter, "", N_("Write an applicant’s feedback letter as PDF"),
    /* TRANSLATORS: keep the options: they are typed as they are */
    N_("The decision and its reason, the scores per criterion, the total against the "
       "cohort, the rules, and the right to complain and to access. Never a confidential "
       "field, a comment of the panel or a panel member’s name."),
    NULL, 0, 0 },
  { "report letters", cmd_report_letters, "",
    N_("Write a feedback letter for each applicant of a cohort"),
    /* TRANSLATORS: keep the options and the status values: they are typed as they are */
    N_("One PDF per application in -o DIR, named by the applicant. --status chooses which "
       "(comma-separated: accepted, waitlisted, rejected, ineligible, …); all decided ones "
       "when left out."),
    NULL, 0, 0 },
  { "report impact", cmd_report_impact, "", N_("Write a program’s impact report as PDF"),
    N_("Invested, signed value, gains and their ratio, conversion per cohort, deals by stage, "
       "contract value per year by procedure, won and lost, scaling per solution."),
    NULL, 0, 0 },
  { "report reference", cmd_report_reference, "", N_("Write a solution’s reference sheet as PDF"),
    N_("The solution, its startup, its buyers over time and the gains recorded."),
    NULL, 0, 0 },
};

int
cmd_report (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  return cli_run_subcommand (cli, command, report_commands, G_N_ELEMENTS (report_commands),
                             argc, argv);
}

gboolean
cli_report_language (const char *code, SpireLanguage *lang)
{
  if (code == NULL)
    {
      *lang = spire_language_current ();
      return TRUE;
    }
  if (g_strcmp0 (code, "nb") == 0 || g_strcmp0 (code, "nn") == 0 ||
      g_strcmp0 (code, "en") == 0)
    {
      *lang = spire_language_from_code (code);
      return TRUE;
    }
  /* TRANSLATORS: keep --lang and nb, nn, en: they are typed as they are */
  cli_refused_message (_("--lang: “%s” is not a report language; say nb, nn or en."), code);
  return FALSE;
}

static int
missing_output (const CliCommand *command)
{
  /* TRANSLATORS: keep -o: it is typed as it is */
  return cli_usage_error (command, _("Say where to write with -o."));
}

/* One report of one record, as a PDF: what each single report needs. */
typedef struct
{
  const char *option;      /* "--cohort" */
  const char *description; /* N_() */
  const SpireKind *kind;
  SpireReport *(*build) (SpireStore *store, const char *uuid, SpireLanguage lang,
                         GError **error);
  const char *missing;     /* N_() */
} OneReport;

static SpireReport *
build_cohort (SpireStore *store, const char *uuid, SpireLanguage lang, GError **error)
{
  return spire_report_cohort (store, uuid, lang, NULL, error);
}

static int
report_one (Cli *cli, const CliCommand *command, const OneReport *what, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *uuid = NULL, *lang_code = NULL, *output = NULL;
  const GOptionEntry entries[] = {
    { what->option + 2, 0, 0, G_OPTION_ARG_STRING, &uuid, what->description, N_("UUID") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_code, N_("The report’s language: nb, nn or en"),
      N_("LANG") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireReport) report = NULL;
  SpireLanguage lang;
  int status;

  if ((status = cli_parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (uuid == NULL || *uuid == '\0')
    return cli_usage_error (command, "%s", _(what->missing));
  if (output == NULL || *output == '\0')
    return missing_output (command);
  if (!cli_report_language (lang_code, &lang))
    return EXIT_REFUSED;
  /* Never over the database (nor another one). */
  if (!spire_exchange_check_destination (output, &error))
    return cli_refused (error);
  if (!cli_open_store (cli, OPEN_EXISTING, &error))
    return cli_refused (error);
  if (!cli_check_ref (cli, what->option, what->kind, uuid))
    return EXIT_REFUSED;
  report = what->build (cli->store, uuid, lang, &error);
  if (report == NULL || !spire_report_write_pdf (report, output, NULL, &error))
    return cli_refused (error);
  return EXIT_OK;
}

int
cmd_report_cohort (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  static const OneReport what = {
    "--cohort", N_("The cohort (required)"), &spire_kind_cohort, build_cohort,
    /* TRANSLATORS: keep --cohort and the command in quotes: they are typed as they are */
    N_("Say which cohort with --cohort UUID; “spire-cli list cohorts” shows them."),
  };

  return report_one (cli, command, &what, argc, argv);
}

int
cmd_report_letter (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  static const OneReport what = {
    "--application", N_("The application (required)"), &spire_kind_application,
    spire_report_letter,
    /* TRANSLATORS: keep --application: it is typed as it is */
    N_("Say which application with --application UUID."),
  };

  return report_one (cli, command, &what, argc, argv);
}

int
cmd_report_impact (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  static const OneReport what = {
    "--program", N_("The program (required)"), &spire_kind_program, spire_report_impact,
    /* TRANSLATORS: keep --program: it is typed as it is */
    N_("Say which program with --program UUID."),
  };

  return report_one (cli, command, &what, argc, argv);
}

int
cmd_report_reference (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  static const OneReport what = {
    "--solution", N_("The solution (required)"), &spire_kind_solution, spire_report_reference,
    /* TRANSLATORS: keep --solution: it is typed as it is */
    N_("Say which solution with --solution UUID."),
  };

  return report_one (cli, command, &what, argc, argv);
}

int
cmd_report_letters (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *cohort = NULL, *lang_code = NULL, *output = NULL, *statuses = NULL;
  const GOptionEntry entries[] = {
    { "cohort", 0, 0, G_OPTION_ARG_STRING, &cohort, N_("The cohort (required)"), N_("UUID") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &statuses,
      N_("Only applications with these statuses, comma-separated"), N_("STATUS,…") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_code, N_("The report’s language: nb, nn or en"),
      N_("LANG") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The folder to write the letters in"),
      N_("DIR") },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) written = NULL;
  g_auto (GStrv) wanted = NULL;
  SpireLanguage lang;
  int status;

  if ((status = cli_parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (cohort == NULL || *cohort == '\0')
    return cli_missing_cohort (command);
  if (output == NULL || *output == '\0')
    return missing_output (command);
  if (!cli_report_language (lang_code, &lang))
    return EXIT_REFUSED;
  if (statuses != NULL)
    {
      wanted = g_strsplit (statuses, ",", -1);
      for (guint i = 0; wanted[i]; i++)
        {
          g_strstrip (wanted[i]);
          if (!cli_check_enum ("--status", &spire_kind_application, "status", wanted[i]))
            return EXIT_REFUSED;
        }
    }
  if (!cli_open_store (cli, OPEN_EXISTING, &error))
    return cli_refused (error);
  if (!cli_check_ref (cli, "--cohort", &spire_kind_cohort, cohort))
    return EXIT_REFUSED;
  written = spire_report_letters_write (cli->store, cohort, (const char *const *) wanted, lang,
                                        output, NULL, &error);
  if (written == NULL)
    return cli_refused (error);
  for (guint i = 0; i < written->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (written, i));
  return EXIT_OK;
}
