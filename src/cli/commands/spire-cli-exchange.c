/* spire-cli-exchange.c — import and export: the whole database as a Spire backup file
 *
 * Both go through core's JSON exchange (spire-exchange.h), all or nothing;
 * "-" is standard input or output.  A file to import is checked for
 * readability before the database is opened, so that a mistyped name never
 * creates one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "spire-cli-private.h"

/* import */

int
cmd_import (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autoptr (GError) error = NULL;
  SpireImportStats stats = { 0, 0, 0 };
  gboolean from_stdin;
  gboolean show_progress = isatty (STDERR_FILENO);
  CliProgress progress;
  gboolean ok;
  int status;

  if ((status = cli_parse_command (cli, command, NULL, NULL, argc, argv, &args)) != CONTINUE)
    return status;

  /* Standard input is read as it comes, as a file is: a large backup is
   * never held whole in memory. */
  from_stdin = g_str_equal (args[0], "-");
  if (!from_stdin && !cli_check_readable (args[0], &error))
    return cli_refused (error);

  if (!cli_open_store (cli, OPEN_CREATE, &error))
    return cli_refused (error);

  cli_progress_init (&progress, _("Importing"));
  ok = spire_exchange_import_file (cli->store, args[0], &stats,
                                   show_progress ? cli_on_progress_cb : NULL, &progress, NULL,
                                   &error);
  cli_progress_end (&progress);
  if (!ok)
    return cli_refused (error);

  {
    /* TRANSLATORS: records counted after an import */
    const char *labels[] = { C_("import", "Added"), C_("import", "Updated"),
                             C_("import", "Unchanged") };
    gint64 counts[] = { stats.added, stats.updated, stats.unchanged };

    g_print (_("Imported “%s” into “%s”:\n"), from_stdin ? _("standard input") : args[0],
             cli_database_path (cli));
    cli_print_counts (labels, counts, G_N_ELEMENTS (counts));
  }
  if (stats.without_secrets > 0)
    g_print (ngettext ("The backup held no package token for %u evaluator: score sheets from "
                       "their packages cannot be verified until their packages are exported "
                       "again.\n",
                       "The backup held no package tokens for %u evaluators: score sheets from "
                       "their packages cannot be verified until their packages are exported "
                       "again.\n",
                       stats.without_secrets),
             stats.without_secrets);
  return EXIT_OK;
}

/* export */

int
cmd_export (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  gboolean without_secrets = FALSE;
  const GOptionEntry entries[] = {
    { "without-secrets", 0, 0, G_OPTION_ARG_NONE, &without_secrets,
      N_("Leave out the evaluators’ package tokens, the keys that sign score sheets"), NULL },
    { NULL }
  };
  g_auto (GStrv) args = NULL;
  g_autoptr (GError) error = NULL;
  CliProgress progress;
  gboolean to_stdout;
  guint n_secrets = 0;
  gboolean ok;
  int status;

  if ((status = cli_parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  to_stdout = g_str_equal (args[0], "-");

  if (!cli_open_store (cli, OPEN_EXISTING, &error))
    return cli_refused (error);

  cli_progress_init (&progress, _("Exporting"));
  ok = spire_exchange_export_file_full (cli->store, args[0],
                                        without_secrets ? SPIRE_EXPORT_WITHOUT_SECRETS
                                                        : SPIRE_EXPORT_DEFAULT,
                                        &n_secrets,
                                        isatty (STDERR_FILENO) ? cli_on_progress_cb : NULL,
                                        &progress, NULL, &error);
  cli_progress_end (&progress);
  if (!ok)
    return cli_refused (error);
  if (!to_stdout)
    g_print (_("Exported “%s” to “%s”.\n"), cli_database_path (cli), args[0]);
  /* Standard output is the backup itself: there the file says it. */
  if (n_secrets > 0 && !to_stdout)
    g_print (
      ngettext ("The backup holds %u package token, a key that signs score sheets: keep it "
                "as safe as the database, or export with --without-secrets.\n",
                "The backup holds %u package tokens, the keys that sign score sheets: keep it "
                "as safe as the database, or export with --without-secrets.\n",
                n_secrets),
      n_secrets);
  return EXIT_OK;
}
