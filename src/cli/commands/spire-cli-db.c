/* spire-cli-db.c — the database itself: init, check, backup
 *
 * "init" creates the database or brings an older one up to this version,
 * "check" runs SQLite's integrity and foreign-key checks, "backup" copies the
 * database with SQLite's online backup, safe while Spire has it open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-cli-private.h"

/* init */

int
cmd_init (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autoptr (GError) error = NULL;
  const char *path;
  gboolean existed;
  int status;

  if ((status = cli_parse_command (cli, command, NULL, NULL, argc, argv, &args)) != CONTINUE)
    return status;

  path = cli_database_path (cli);
  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!cli_open_store (cli, OPEN_CREATE, &error))
    return cli_refused (error);

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

/* check */

int
cmd_check (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_auto (GStrv) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *n_text = NULL;
  guint n;
  int status;

  if ((status = cli_parse_command (cli, command, NULL, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (!cli_open_store (cli, OPEN_EXISTING, &error))
    return cli_refused (error);

  if (spire_store_check (cli->store, &problems, &error))
    {
      /* TRANSLATORS: the whole output of "spire-cli check" when nothing is wrong */
      g_print ("%s\n", C_("check", "ok"));
      return EXIT_OK;
    }
  if (error != NULL)
    return cli_refused (error);

  n = problems ? g_strv_length (problems) : 0;
  for (guint i = 0; i < n; i++)
    g_print ("%s\n", problems[i]);
  n_text = cli_format_count (n);
  return cli_refused_message (ngettext ("The database “%s” has %s problem.",
                                        "The database “%s” has %s problems.", n),
                              cli_database_path (cli), n_text);
}

/* backup */

int
cmd_backup (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if ((status = cli_parse_command (cli, command, NULL, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (!cli_open_store (cli, OPEN_EXISTING, &error))
    return cli_refused (error);
  if (!spire_store_backup (cli->store, args[0], &error))
    return cli_refused (error);
  g_print (_("Copied “%s” to “%s”.\n"), cli_database_path (cli), args[0]);
  return EXIT_OK;
}
