/* spire-cli-innsyn.c — innsyn: answer a request for access with a PDF
 *
 * DESIGN.md, "Privacy, innsyn and the audit trail".  What the report holds,
 * what it withholds and how the request is recorded are core's
 * (spire-privacy.h, spire_innsyn_export); this reads the arguments, names
 * the one that is wrong and prints the recorded request's UUID.  An
 * unknown UUID, language or date exits 1, writes no file and records
 * nothing; the PDF is written atomically.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-cli-private.h"
#include "spire-privacy.h"

int
cmd_innsyn (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *application = NULL, *cohort = NULL, *lang_code = NULL, *output = NULL;
  g_autofree char *requester = NULL, *received = NULL, *uuid = NULL;
  const GOptionEntry entries[] = {
    { "application", 0, 0, G_OPTION_ARG_STRING, &application,
      N_("The application whose documents are requested"), N_("UUID") },
    { "cohort", 0, 0, G_OPTION_ARG_STRING, &cohort,
      N_("The cohort whose documents are requested"), N_("UUID") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_code, N_("The report’s language: nb, nn or en"),
      N_("LANG") },
    { "requester", 0, 0, G_OPTION_ARG_STRING, &requester, N_("Who asked"), N_("TEXT") },
    { "received", 0, 0, G_OPTION_ARG_STRING, &received,
      N_("The day the request was received (today when left out)"), N_("YYYY-MM-DD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  SpireInnsynParams request = { 0 };
  SpireLanguage lang;
  int status;

  if ((status = cli_parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if ((application == NULL || *application == '\0') == (cohort == NULL || *cohort == '\0'))
    /* TRANSLATORS: keep --application and --cohort: they are typed as they are */
    return cli_usage_error (command, "%s",
                            _("Say which documents with --application UUID or --cohort UUID "
                              "(one of them)."));
  if (output == NULL || *output == '\0')
    /* TRANSLATORS: keep -o: it is typed as it is */
    return cli_usage_error (command, "%s", _("Say where to write with -o."));
  if (!cli_report_language (lang_code, &lang))
    return EXIT_REFUSED;
  if (received != NULL && !spire_date_is_valid (received))
    /* TRANSLATORS: keep --received: it is typed as it is */
    return cli_refused_message (_("--received: “%s” is not a date; write it as YYYY-MM-DD."),
                                received);
  /* Never over the database (nor another one). */
  if (!spire_exchange_check_destination (output, &error))
    return cli_refused (error);
  if (!cli_open_store (cli, OPEN_EXISTING, &error))
    return cli_refused (error);
  if (application && *application &&
      !cli_check_ref (cli, "--application", &spire_kind_application, application))
    return EXIT_REFUSED;
  if (cohort && *cohort && !cli_check_ref (cli, "--cohort", &spire_kind_cohort, cohort))
    return EXIT_REFUSED;
  request.application = application && *application ? application : NULL;
  request.cohort = cohort && *cohort ? cohort : NULL;
  request.requester = requester && *requester ? requester : NULL;
  request.received_on = received;
  if (!spire_innsyn_export (cli->store, &request, lang, output, &uuid, &error))
    return cli_refused (error);
  g_print ("%s\n", uuid);
  return EXIT_OK;
}
